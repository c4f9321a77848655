"""Dates with the precision the person knows: day, month, year or unknown."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.engine import dates as engine_dates


class Precision(Enum):
    """How much of a date is known."""

    UNKNOWN = "unknown"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True)
class PartialDate:
    """A date known to the day, the month or the year; its interval runs first..last day."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> date:
        if self.day is not None and self.month is not None:
            return date(self.year, self.month, self.day)
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def iso(self) -> str:
        """The case-file spelling: `2019`, `2019-10` or `2019-10-03`."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text


def parse_partial_date(text: object) -> PartialDate | None:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None for null/empty; ValueError when malformed.

    The rule itself is the engine's (desktop.engine.dates), so the form, the import and the
    evaluation accept and refuse the same dates; this adds the flow's precision view.
    """
    if text is None or text == "":
        return None
    if not isinstance(text, str):
        raise ValueError("a date must be written as text, e.g. 2019-10-03")
    engine_dates.parse_partial_date(text)  # raises DateTextError (a ValueError) when bad
    parts = [int(part) for part in text.split("-")] + [None, None]
    year, month, day = parts[:3]
    assert year is not None
    return PartialDate(year, month, day)


def try_parse(text: object) -> PartialDate | None:
    """Parse a date, giving None for unknown or malformed values."""
    try:
        return parse_partial_date(text)
    except ValueError:
        return None


def definitely_before(earlier: PartialDate, later: PartialDate) -> bool:
    """True only when every day `earlier` may be falls strictly before every day of `later`."""
    return earlier.last_day < later.first_day


def definitely_after(later: PartialDate, earlier: PartialDate) -> bool:
    """True only when `later` certainly falls after `earlier`, whatever the unknown parts are."""
    return later.first_day > earlier.last_day
