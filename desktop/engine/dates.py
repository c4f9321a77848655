"""Dates with precision: YYYY, YYYY-MM or YYYY-MM-DD, each the interval [first day, last day]."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache

_DATE_TEXT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# The years a case-file date may name (the date fields' year box offers the same range).
FIRST_YEAR, LAST_YEAR = 1900, 2100


class Precision(Enum):
    """How much of a date is known (RANGE: an interval the engine derived, never typed)."""

    UNKNOWN = "unknown"
    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    RANGE = "range"


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to a year, a month or a day: every day from `first` to `last` is possible.

    The one partial-date type: the engine reasons on the interval, the flow and the form read
    its precision and its year/month/day parts.
    """

    first: date
    last: date
    text: str

    @property
    def exact(self) -> bool:
        return self.first == self.last

    @property
    def first_day(self) -> date:
        return self.first

    @property
    def last_day(self) -> date:
        return self.last

    @property
    def precision(self) -> Precision:
        if self.first == self.last:
            return Precision.DAY
        if self.first.day != 1 or self.first.year != self.last.year:
            return Precision.RANGE
        if (self.first.month, self.last.month, self.last.day) == (1, 12, 31):
            return Precision.YEAR
        month_days = calendar.monthrange(self.first.year, self.first.month)[1]
        if self.first.month == self.last.month and self.last.day == month_days:
            return Precision.MONTH
        return Precision.RANGE

    @property
    def year(self) -> int:
        return self.first.year

    @property
    def month(self) -> int | None:
        return self.first.month if self.precision in (Precision.MONTH, Precision.DAY) else None

    @property
    def day(self) -> int | None:
        return self.first.day if self.precision is Precision.DAY else None

    def iso(self) -> str:
        """The case-file spelling: `2019`, `2019-10` or `2019-10-03` (a range: its text)."""
        precision = self.precision
        if precision is Precision.YEAR:
            return f"{self.year:04d}"
        if precision is Precision.MONTH:
            return f"{self.year:04d}-{self.first.month:02d}"
        if precision is Precision.DAY:
            return self.first.isoformat()
        return self.text

    def __str__(self) -> str:
        return self.text


class DateTextError(ValueError):
    """A date string that is not YYYY, YYYY-MM or YYYY-MM-DD, or names an impossible day."""


@lru_cache(maxsize=4096)
def parse_partial_date(text: str) -> PartialDate:
    """Parse a date with precision; raise DateTextError naming what is wrong.

    The one date rule of the case file: the flow, the services and the memo all parse here.
    """
    match = _DATE_TEXT.match(text)
    if match is None:
        raise DateTextError(f"{text!r} is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year = int(match.group(1))
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DateTextError(f"the year {year} in {text} is out of range "
                            f"({FIRST_YEAR}-{LAST_YEAR})")
    if match.group(2) is None:
        return PartialDate(date(year, 1, 1), date(year, 12, 31), text)
    month = int(match.group(2))
    if not 1 <= month <= 12:
        raise DateTextError(f"impossible date {text}: there is no month {month}")
    month_days = calendar.monthrange(year, month)[1]
    if match.group(3) is None:
        return PartialDate(date(year, month, 1), date(year, month, month_days), text)
    day = int(match.group(3))
    if not 1 <= day <= month_days:
        raise DateTextError(f"impossible date {text}: {calendar.month_name[month]} {year} "
                            f"has {month_days} days")
    exact = date(year, month, day)
    return PartialDate(exact, exact, text)


def exact_date(day: date) -> PartialDate:
    """Wrap a full date as a PartialDate."""
    return PartialDate(day, day, day.isoformat())


def day_before(day: date) -> date:
    return day - timedelta(days=1)


def years_between(born: date, on: date) -> int:
    """Completed years of age on `on` for someone born on `born`."""
    years = on.year - born.year
    if (on.month, on.day) < (born.month, born.day):
        years -= 1
    return years
