"""Country names, treaty participation and the case-facts digest, from the services when present."""

from __future__ import annotations

import hashlib
import importlib
import json
from datetime import date
from functools import cache
from types import ModuleType
from typing import Any


@cache
def _evaluation() -> ModuleType | None:
    # Imported late: desktop.services imports this package, so a top-level import would cycle.
    try:
        return importlib.import_module("desktop.services.evaluation")
    except ModuleNotFoundError as missing:
        if missing.name not in ("desktop.services.evaluation", "desktop.services"):
            raise
        return None


def country_name(code: str | None) -> str:
    """The country's short name, e.g. 'Mexico' for 'MX'; the code itself when unknown."""
    if not code:
        return "unknown"
    evaluation = _evaluation()
    if evaluation is not None and hasattr(evaluation, "country_name"):
        try:
            return str(evaluation.country_name(code))
        except (KeyError, ValueError, LookupError):
            return str(code)
    import pycountry

    country = pycountry.countries.get(alpha_2=str(code).upper())
    return str(getattr(country, "common_name", None) or country.name) if country else str(code)


def treaty_status(code: str, on: date) -> dict[str, Any] | None:
    """The country's participation in the refugee treaties and CAT on a date, or None if unknown."""
    evaluation = _evaluation()
    if evaluation is None or not hasattr(evaluation, "treaty_status"):
        return None
    try:
        status = evaluation.treaty_status(code, on)
    except (KeyError, ValueError, LookupError):
        return None
    return dict(status) if status else None


def facts_digest(case_data: dict[str, Any]) -> str:
    """SHA-256 hex digest of the canonical JSON of the case facts the memo was built from."""
    evaluation = _evaluation()
    if evaluation is not None and hasattr(evaluation, "facts_digest"):
        return str(evaluation.facts_digest(case_data))
    canonical = json.dumps(case_data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
