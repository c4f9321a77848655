"""Dates with the precision the person knows: day, month, year or unknown."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None for null/empty; ValueError when malformed."""
    if text is None or text == "":
        return None
    if not isinstance(text, str):
        raise ValueError("a date must be written as text, e.g. 2019-10-03")
    match = _DATE.match(text.strip())
    if not match:
        raise ValueError(f"'{text}' is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    if year < 1900 or year > 2100:
        raise ValueError(f"the year {year} is out of range")
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"'{text}' has no month {month}")
    if day is not None and month is not None:
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            raise ValueError(f"'{text}' is not a day of that month")
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
