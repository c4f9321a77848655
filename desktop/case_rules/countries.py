"""Country codes a case file may use: ISO 3166-1 alpha-2, plus XK (Kosovo).

The codes and names come from a compact table generated from pycountry (country_table.py,
see resources/codes/build_codes.py): no pycountry database to load per run."""

from __future__ import annotations

from functools import cache

from desktop.case_rules.country_table import COUNTRIES

# User-assigned code in common use (the EU, the US State Department, UNHCR) but not in
# ISO 3166-1, so pycountry does not know it.
EXTRA_COUNTRIES = {"XK": "Kosovo"}


def is_country_code(value: object) -> bool:
    """True for an upper-case ISO 3166-1 alpha-2 code pycountry knows, or XK."""
    if not isinstance(value, str) or len(value) != 2 or not value.isupper():
        return False
    return _known_code(value)


@cache  # functools' cache is safe to fill from worker threads
def _known_code(code: str) -> bool:
    return code in EXTRA_COUNTRIES or code in COUNTRIES


@cache
def country_name(code: str) -> str:
    """The English short name ('Mexico' for 'MX'); the code itself when unknown."""
    if code in EXTRA_COUNTRIES:
        return EXTRA_COUNTRIES[code]
    return COUNTRIES.get(code.upper(), code)
