"""Country names, the case-facts digest, and the treaty look-up the caller may hand in."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from desktop import case_rules

# A function telling a state's participation in the refugee treaties and CAT on a day (the
# services pass desktop.services.evaluation.treaty_status); the memo never reaches up for it.
TreatyLookup = Callable[[str, date], "dict[str, Any] | None"]


def country_name(code: str | None) -> str:
    """The country's short name, e.g. 'Mexico' for 'MX' (XK: Kosovo); the code when unknown.
    In a memo rendered in another language, the name in that language (pycountry's)."""
    from desktop.memo.language import _, active, english

    if not code:
        return _("unknown")
    if english():
        return case_rules.country_name(code)
    from desktop.memo.locale_words import country

    return country(code, active())


def facts_digest(case_data: dict[str, Any], determination: dict[str, Any]) -> str:
    """The digest of the case facts: the determination's own, else case_rules' (the one rule)."""
    recorded = determination.get("facts_digest")
    if recorded:
        return str(recorded)
    return case_rules.facts_digest(case_data)
