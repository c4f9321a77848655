"""Dates with the precision the person knows: day, month, year or unknown.

The type is the engine's (desktop.engine.dates.PartialDate, the one partial date); this adds
the flow's parsing of what a person typed and how a date reads to a person.
"""

from __future__ import annotations

import calendar
import re

from desktop.engine import dates as engine_dates
from desktop.engine.dates import PartialDate, Precision

__all__ = [
    "PartialDate",
    "Precision",
    "definitely_after",
    "definitely_before",
    "describe_date",
    "parse_partial_date",
    "parse_typed_date",
    "try_parse",
]

_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")  # the case file's own form


def parse_partial_date(text: object) -> PartialDate | None:
    """Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; None for null/empty; ValueError when malformed.

    The rule and the type are the engine's (desktop.engine.dates), so the form, the import and
    the evaluation accept and refuse the same dates.
    """
    if text is None or text == "":
        return None
    if not isinstance(text, str):
        raise ValueError("a date must be written as text, e.g. 2019-10-03")
    return engine_dates.parse_partial_date(text)  # DateTextError (a ValueError) when bad


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
