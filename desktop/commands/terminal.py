"""What the CLI prints: stored values spelt out, and stdout/stderr guarded for one command.

A name in a case cannot move the cursor, recolour the terminal or start a new line that looks
like output of ours: every command prints stored values through `shown`, and the CLI runs each
command inside `terminal_guarded`.
"""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from desktop.case_rules.text import visible_text

# What a terminal would obey rather than show: C0 controls but LF and TAB, DEL, C1, and the
# bidirectional embeddings, overrides and isolates. A CR that ends a line (CRLF, as the csv
# module writes rows) is a line ending, not a cursor move, and passes.
_OBEYED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
                     "|\r(?!\n)")


def shown(value: object) -> str:
    """A stored value for one line of terminal output: every control, line break or invisible
    character spelt out ('⟨U+001B⟩'), so a name cannot move the cursor, recolour the terminal
    or start a new line that looks like output of ours."""
    return visible_text(str(value))


class _TerminalGuard(io.TextIOBase):
    """A text stream that spells out what a terminal would obey, then passes the rest on."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(_OBEYED.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase declares it read-only
        return str(getattr(self.stream, "encoding", "utf-8"))


@contextmanager
def terminal_guarded() -> Iterator[None]:
    """stdout and stderr through _TerminalGuard for the length of one command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalGuard(saved[0]), _TerminalGuard(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
