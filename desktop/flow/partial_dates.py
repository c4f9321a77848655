"""Dates with the precision the person knows: day, month, year or unknown."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop.engine import dates as engine_dates

_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # the case file's own form


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


_MONTH_NAMES: dict[str, int] = {}
for _number in range(1, 13):
    _MONTH_NAMES[calendar.month_name[_number].casefold()] = _number
    _MONTH_NAMES[calendar.month_abbr[_number].casefold()] = _number
_MONTH_NAMES["sept"] = 9
_WORDS = re.compile(r"[^\W\d_]+|\d+")


def parse_typed_date(text: str, *, day_first: bool = True) -> PartialDate | None:
    """What a person typed, with the precision they gave: `2019`, `3/2019`, `March 2019`,
    `20/5/2019` (day first unless `day_first` is False), `May 20, 2019`, `2019-05-20`.

    None for empty text; ValueError, in words, when it is not a date.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    if _ISO_DATE.match(cleaned):
        return parse_partial_date(cleaned)
    tokens = _WORDS.findall(cleaned)
    month: int | None = None
    numbers: list[str] = []
    for token in tokens:
        if token.isdigit():
            numbers.append(token)
        elif token.casefold() in _MONTH_NAMES and month is None:
            month = _MONTH_NAMES[token.casefold()]
        elif token.casefold() not in ("of", "the", "st", "nd", "rd", "th"):
            raise ValueError(f"'{text}' is not a date: '{token}' is not a month")
    years = [n for n in numbers if len(n) == 4]
    if len(years) != 1:
        raise ValueError(f"'{text}' is not a date: write the year with four digits, e.g. 2019")
    year = int(years[0])
    rest = [int(n) for n in numbers if len(n) != 4]
    day: int | None = None
    if month is not None:
        if len(rest) > 1:
            raise ValueError(f"'{text}' is not a date")
        day = rest[0] if rest else None
    elif len(rest) == 1:
        month = rest[0]
    elif len(rest) == 2:
        day, month = rest if day_first else reversed(rest)
        if month > 12 >= day:  # only the other order is a date, so that is what was meant
            day, month = month, day
    elif len(rest) > 2:
        raise ValueError(f"'{text}' is not a date")
    iso = f"{year:04d}" + (f"-{month:02d}" if month is not None else "")
    if day is not None:
        iso += f"-{day:02d}"
    return parse_partial_date(iso)


def describe_date(value: PartialDate | None) -> str:
    """`20 May 2019`, `May 2019`, `2019` or `Unknown`: how a date reads to a person."""
    if value is None:
        return "Unknown"
    if value.month is None:
        return f"{value.year} (year only)"
    name = calendar.month_name[value.month]
    if value.day is None:
        return f"{name} {value.year} (month only)"
    return f"{value.day} {name} {value.year}"
