"""Country names, the case-facts digest, and the treaty look-up the caller may hand in."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

# A function telling a state's participation in the refugee treaties and CAT on a day (the
# services pass desktop.services.evaluation.treaty_status); the memo never reaches up for it.
TreatyLookup = Callable[[str, date], "dict[str, Any] | None"]

# Codes the memo may meet that ISO 3166 (pycountry) does not name.
EXTRA_COUNTRY_NAMES = {"XK": "Kosovo"}


@cache
def country_name(code: str | None) -> str:
    """The country's short name, e.g. 'Mexico' for 'MX'; the code itself when unknown."""
    if not code:
        return "unknown"
    if code in EXTRA_COUNTRY_NAMES:
        return EXTRA_COUNTRY_NAMES[code]
    import pycountry

    country = pycountry.countries.get(alpha_2=str(code).upper())
    return str(getattr(country, "common_name", None) or country.name) if country else str(code)


def facts_digest(case_data: dict[str, Any], determination: dict[str, Any]) -> str:
    """The digest of the case facts: the determination's own, else SHA-256 of canonical JSON.

    The fallback hashes what the engine hashes (everything but the caller's case_id).
    """
    recorded = determination.get("facts_digest")
    if recorded:
        return str(recorded)
    facts = {key: value for key, value in case_data.items() if key != "case_id"}
    canonical = json.dumps(facts, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
