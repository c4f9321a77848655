"""Country and language names in the window's language, from pycountry's ISO catalogs.

pycountry ships the iso-codes project's gettext catalogs (iso3166-1 for countries,
iso639-3 for languages); a name with no entry there stays as pycountry spells it.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

import pycountry

from desktop.ui.language import SOURCE_LANGUAGE, current_language


@cache
def _iso_catalog(domain: str, language: str) -> gettext.NullTranslations:
    if language == SOURCE_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[language],
                               fallback=True)


def local_country_name(english: str, language: str | None = None) -> str:
    """`Germany` → `Alemania` in Spanish; itself in English or when the catalog lacks it."""
    return _iso_catalog("iso3166-1", language or current_language()).gettext(english)


def local_language_name(english: str, language: str | None = None) -> str:
    """`Vietnamese` → `Vietnamita` in Spanish; itself in English or when the catalog lacks it."""
    return _iso_catalog("iso639-3", language or current_language()).gettext(english)


def sort_key(name: str) -> str:
    """Alphabetical order that files `Árabe` under A and `Ñ` after `N`, case aside."""
    decomposed = unicodedata.normalize("NFD", name.replace("ñ", "n~").replace("Ñ", "N~"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
