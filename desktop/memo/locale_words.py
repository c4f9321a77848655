"""Dates and country names in a catalog's language, for the memo and the interview sheet.

Dates are written in long form (14 de marzo de 2026, 14 mars 2026), never as ambiguous short
numbers: Babel's CLDR data for each locale; Haitian Creole, which CLDR does not cover, from
the month names below. A partial date keeps its precision (marzo de 2026; 2026).
"""

from __future__ import annotations

import gettext
from collections.abc import Callable
from datetime import date, datetime
from functools import cache

from desktop import case_rules
from desktop.engine.dates import DateTextError, parse_partial_date
from desktop.memo.text import format_partial_date
from desktop.text_catalogs import SOURCE_LANGUAGE, TextCatalog

# Haitian Creole month names (as in the Haitian government's and the Ministry of Education's
# Kreyòl texts); CLDR has no Haitian Creole calendar data.
HT_MONTHS = ("janvye", "fevriye", "mas", "avril", "me", "jen", "jiyè", "out", "septanm",
             "oktòb", "novanm", "desanm")


def long_date(catalog: TextCatalog, value: date) -> str:
    """A full date in words in the catalog's language ('14 de marzo de 2026')."""
    if catalog.language == "ht":
        return f"{value.day} {HT_MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_date

    return format_date(value, "long", locale=catalog.locale)


def month_year(catalog: TextCatalog, value: date) -> str:
    if catalog.language == "ht":
        return f"{HT_MONTHS[value.month - 1]} {value.year}"
    from babel.dates import format_skeleton

    return format_skeleton("yMMMM", value, locale=catalog.locale)


def partial_date(catalog: TextCatalog, value: object) -> str:
    """A recorded date with its precision in the language; English as the memo always wrote it."""
    if catalog.language == SOURCE_LANGUAGE:
        return format_partial_date(value)
    if value is None or value == "":
        return catalog.translation.gettext("unknown")
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return long_date(catalog, value)
    try:
        parsed = parse_partial_date(str(value))
    except DateTextError:
        return str(value)  # shown as recorded rather than guessed at
    dashes = parsed.text.count("-")
    if dashes == 0:
        return str(parsed.first.year)
    return month_year(catalog, parsed.first) if dashes == 1 else long_date(catalog, parsed.first)


def date_words(catalog: TextCatalog) -> Callable[[date], str]:
    """The function the engine's text layer takes for full dates."""
    if catalog.language == SOURCE_LANGUAGE:
        return date.isoformat
    return lambda value: long_date(catalog, value)


@cache
def _country_names(locale: str) -> Callable[[str], str]:
    import pycountry

    try:
        names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[locale])
    except OSError:
        return lambda name: name
    return names.gettext


def country(code: object, catalog: TextCatalog) -> str:
    """A country code's name in the catalog's language (pycountry's ISO 3166 translations)."""
    if not code:
        return catalog.translation.gettext("unknown")
    name = case_rules.country_name(str(code))
    if catalog.language == SOURCE_LANGUAGE:
        return name
    return _country_names(catalog.locale)(name)
