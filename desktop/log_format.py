"""Log lines without personal data: tracebacks keep where an error happened, not its message."""

from __future__ import annotations

import logging
import traceback
from types import TracebackType

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class NoPersonalDataFormatter(logging.Formatter):
    """Exception messages can quote a case's facts (a validation error quotes the value), so a
    logged exception shows its type and the code locations only. Log calls themselves pass
    case ids, never names, A-numbers or dates of birth."""

    def format(self, record: logging.LogRecord) -> str:
        cached = record.exc_text  # another handler may have cached the full text
        record.exc_text = None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        kind, error, trace = ei
        if kind is None:
            return ""
        lines = ["Traceback (most recent call last; messages left out of the log):"]
        lines += [f'  File "{frame.filename}", line {frame.lineno}, in {frame.name}'
                  for frame in traceback.extract_tb(trace)]
        cause = error.__cause__ if error is not None else None
        if cause is not None:
            lines.append(f"caused by {type(cause).__module__}.{type(cause).__qualname__}")
        lines.append(f"{kind.__module__}.{kind.__qualname__}")
        return "\n".join(lines)
