"""Country codes a case file may use: ISO 3166-1 alpha-2, plus XK (Kosovo)."""

from __future__ import annotations

from functools import cache

# User-assigned code in common use (the EU, the US State Department, UNHCR) but not in
# ISO 3166-1, so pycountry does not know it.
EXTRA_COUNTRIES = {"XK": "Kosovo"}


def _iso_country(code: str) -> object | None:
    import pycountry  # parses its data on first use: kept off the start-up path

    return pycountry.countries.get(alpha_2=code)


def is_country_code(value: object) -> bool:
    """True for an upper-case ISO 3166-1 alpha-2 code pycountry knows, or XK."""
    if not isinstance(value, str) or len(value) != 2 or not value.isupper():
        return False
    return _known_code(value)


@cache  # functools' cache is safe to fill from worker threads
def _known_code(code: str) -> bool:
    return code in EXTRA_COUNTRIES or _iso_country(code) is not None


@cache
def country_name(code: str) -> str:
    """The English short name ('Mexico' for 'MX'); the code itself when unknown."""
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    country = _iso_country(code.upper())
    if country is None:
        return code
    return str(getattr(country, "common_name", None) or getattr(country, "name", code))
