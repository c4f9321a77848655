"""A blank `waypoint-case/1` dict and blank journey stops and claims for the flow to fill."""

from __future__ import annotations

import copy
from typing import Any

CASE_FORMAT = "waypoint-case/1"

_BLANK_CASE: dict[str, Any] = {
    "format": CASE_FORMAT,
    "case_reference": None,
    "applicant": {
        "family_name": "",
        "given_names": "",
        "a_number": None,
        "date_of_birth": None,
        "sex": None,
        "nationalities": [],
        "stateless": None,
        "last_habitual_residence": None,
        "languages": [],
    },
    "entry": {
        "date": None,
        "time": None,
        "proceeding": None,
        "border": None,
        "at_port_of_entry": None,
        "port": None,
        "coming_from": None,
        "unaccompanied_child": None,
        "documents": None,
        "scheduled_appointment": None,
        "scheduling_obstacle": None,
        "metered_before_2019_07_16": None,
        "claimed_within_days": None,
    },
    "journey": [],
    "circumstances": {
        "trafficking_victim": None,
        "medical_emergency_at_entry": None,
        "imminent_threat_at_entry": None,
        "travelling_with_family": [],
        "family_in_us": [],
        "fear_of_receiving_country": {},
        "public_interest_exception": None,
        "proclamation_case_by_case_exception": None,
    },
}


def blank_case() -> dict[str, Any]:
    """A new, empty case: every contract key present, unknowns as null."""
    return copy.deepcopy(_BLANK_CASE)


def blank_stop(country: str | None = None) -> dict[str, Any]:
    """A new journey stop with nothing known yet."""
    return {
        "country": country,
        "arrived": None,
        "departed": None,
        "status_held": None,
        "permanent_status_offered": None,
        "protection_claims": None,  # not asked yet; [] once the answer is "none made"
    }


def blank_claim() -> dict[str, Any]:
    """A new protection claim with nothing known yet."""
    return {"kind": None, "filed": None, "outcome": None, "final": None, "decided": None}


def blank_travelling_family_member() -> dict[str, Any]:
    """A family member travelling with the applicant."""
    return {
        "relation": None,
        "family_name": "",
        "given_names": "",
        "date_of_birth": None,
        "parole_authorization": None,
        "scheduled_appointment": None,
        "final_denial_country": None,
    }


def blank_family_in_us() -> dict[str, Any]:
    """A family member living in the United States."""
    return {"relation": None, "status": None, "age": None}
