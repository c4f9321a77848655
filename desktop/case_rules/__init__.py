"""The case file's field rules, written once: A-numbers, country codes, canonical JSON, digest.

A top-level package because its users sit on both sides of a boundary: the guided flow, the
services and the memo (in desktop) and the database's derived columns and migrations (db,
which knows nothing of desktop) must apply the same rule. It is pure: the standard library
and pycountry's data, nothing else of ours. Partial dates are the one rule not here: the
engine parses them (desktop.engine.dates) and imports nothing of ours, so that module is the
home of the date rule and the flow, the services and the memo import it from there.
"""

from typing import TYPE_CHECKING, Any

from desktop.case_rules.a_number import (
    A_NUMBER_HINT,
    display_a_number,
    normalise_a_number,
    shown_a_number,
)
from desktop.case_rules.countries import EXTRA_COUNTRIES, country_name, is_country_code

if TYPE_CHECKING:
    from desktop.case_rules.canonical import canonical_json, content_hash, facts_digest

# Loaded at first use: json and hashlib cost the window's first paint ~10 ms, and the case
# list (A-numbers) needs none of it.
_CANONICAL = ("canonical_json", "content_hash", "facts_digest")


def __getattr__(name: str) -> Any:
    if name in _CANONICAL:
        from desktop.case_rules import canonical

        return getattr(canonical, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

__all__ = [
    "A_NUMBER_HINT",
    "EXTRA_COUNTRIES",
    "canonical_json",
    "content_hash",
    "country_name",
    "display_a_number",
    "facts_digest",
    "is_country_code",
    "normalise_a_number",
    "shown_a_number",
]
