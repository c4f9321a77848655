"""Builds case dicts for engine tests: a complete base case, changed field by field."""

from __future__ import annotations

import copy
from datetime import date
from typing import Any

from desktop.engine import evaluate
from desktop.services.rules import bundled_rule_pack


def base_case() -> dict[str, Any]:
    """A Honduran who crossed between ports from Mexico on 2019-10-03; every fact known."""
    return {
        "format": "waypoint-case/1",
        "decision_date": "2019-12-02",
        "applicant": {"family_name": "Ramírez Cruz", "given_names": "Ana", "a_number": None,
                      "date_of_birth": "1990-01-15", "sex": "female", "nationalities": ["HN"],
                      "stateless": False, "last_habitual_residence": None, "languages": ["es"]},
        "entry": {"date": "2019-10-03", "border": "southern_land", "at_port_of_entry": False,
                  "port": "El Paso, TX", "coming_from": "MX", "unaccompanied_child": False,
                  "documents": "none", "scheduled_appointment": False,
                  "scheduling_obstacle": None, "metered_before_2019_07_16": False,
                  "claimed_within_days": 0},
        "journey": [
            {"country": "HN", "arrived": None, "departed": "2019-09-12",
             "status_held": "citizen", "permanent_status_offered": False,
             "protection_claims": []},
            {"country": "GT", "arrived": "2019-09-12", "departed": "2019-09-15",
             "status_held": "none", "permanent_status_offered": False,
             "protection_claims": []},
            {"country": "MX", "arrived": "2019-09-15", "departed": "2019-10-03",
             "status_held": "none", "permanent_status_offered": False,
             "protection_claims": []},
        ],
        "circumstances": {"trafficking_victim": False, "medical_emergency_at_entry": False,
                          "imminent_threat_at_entry": False, "travelling_with_family": [],
                          "family_in_us": [], "fear_of_receiving_country": {},
                          "public_interest_exception": False},
    }


def change(case: dict[str, Any], **paths: Any) -> dict[str, Any]:
    """Copy `case` with fields replaced; keys are paths like entry__date or journey__2__country."""
    result = copy.deepcopy(case)
    for path, value in paths.items():
        parts = path.split("__")
        target: Any = result
        for part in parts[:-1]:
            target = target[int(part)] if part.isdigit() else target[part]
        last = parts[-1]
        if last.isdigit():
            target[int(last)] = value
        else:
            target[last] = value
    return result


def run(case: dict[str, Any], decision: str | None = None) -> dict[str, Any]:
    """Evaluate with the bundled pack; returns the determination."""
    when = date.fromisoformat(decision or case["decision_date"])
    return evaluate(case, bundled_rule_pack(), when, "test")


def finding(case: dict[str, Any], rule: str, decision: str | None = None) -> dict[str, Any]:
    for item in run(case, decision)["findings"]:
        if item["rule"] == rule:
            return dict(item)
    raise KeyError(rule)


def outcome(case: dict[str, Any], rule: str, decision: str | None = None) -> str:
    return str(finding(case, rule, decision)["outcome"])


def mexico_crossing(entry: str, decision: str, nationality: str = "VE") -> dict[str, Any]:
    """A national of `nationality` who came through Guatemala and Mexico, entering on `entry`."""
    case = base_case()
    return change(case, decision_date=decision, entry__date=entry,
                  applicant__nationalities=[nationality],
                  journey=[{"country": nationality, "arrived": None, "departed": None},
                           {"country": "GT", "arrived": None, "departed": None,
                            "protection_claims": []},
                           {"country": "MX", "arrived": None, "departed": entry,
                            "protection_claims": []}])


def canada_crossing(entry: str, *, at_port: bool = True, days: int | None = 0) -> dict[str, Any]:
    """An Ethiopian who came from Canada across the northern land border on `entry`."""
    case = base_case()
    return change(case, decision_date=entry, entry__date=entry, entry__border="northern_land",
                  entry__coming_from="CA", entry__at_port_of_entry=at_port, entry__port=None,
                  entry__claimed_within_days=days, applicant__nationalities=["ET"],
                  journey=[{"country": "ET", "arrived": None, "departed": None},
                           {"country": "CA", "arrived": None, "departed": entry}])
