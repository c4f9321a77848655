"""The case file's cross-field rules that are not about dates, written once.

Three answers contradict each other whatever the dates are: a stateless applicant with a
nationality, a crossing from a country other than the journey's last stop, and a claim both
pending and final. The form, the import and the CLI ask this module, so each refuses the
same files (desktop.case_rules.consistency does the same for dates); each words the
refusal itself.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.case_rules.countries import is_country_code


class FactRule(Enum):
    """One rule; the pointer of a FactContradiction is the field it blames."""

    STATELESS_WITH_NATIONALITY = "stateless_with_nationality"
    CROSSED_FROM_ANOTHER_COUNTRY = "crossed_from_another_country"
    PENDING_CLAIM_FINAL = "pending_claim_final"


@dataclass(frozen=True)
class FactContradiction:
    """The answer at `pointer` contradicts another under `rule`; `other` is that answer
    (the last stop's country for a crossing, else None)."""

    rule: FactRule
    pointer: str
    other: str | None = None


def _obj(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def fact_contradictions(case: Mapping[str, Any]) -> list[FactContradiction]:
    """Every non-date contradiction of `case`, in document order."""
    return list(_each(case))


def _each(case: Mapping[str, Any]) -> Iterator[FactContradiction]:
    applicant = _obj(case.get("applicant"))
    if _list(applicant.get("nationalities")) and applicant.get("stateless") is True:
        yield FactContradiction(FactRule.STATELESS_WITH_NATIONALITY, "/applicant/stateless")
    journey = _list(case.get("journey"))
    coming_from = _obj(case.get("entry")).get("coming_from")
    if journey and is_country_code(coming_from):
        last_country = _obj(journey[-1]).get("country")
        if is_country_code(last_country) and last_country != coming_from:
            yield FactContradiction(FactRule.CROSSED_FROM_ANOTHER_COUNTRY,
                                    "/entry/coming_from", last_country)
    for i, stop in enumerate(journey):
        for j, claim in enumerate(_list(_obj(stop).get("protection_claims"))):
            claim = _obj(claim)
            if claim.get("outcome") == "pending" and claim.get("final") is True:
                yield FactContradiction(FactRule.PENDING_CLAIM_FINAL,
                                        f"/journey/{i}/protection_claims/{j}/final")
