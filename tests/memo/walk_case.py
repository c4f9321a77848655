"""The walk case of issue 27: a Honduran woman with her son, one entry, three stops (Honduras,
Guatemala, Mexico), two rules (lawful pathways 2023, securing the border 2024) left open by
unknown facts."""

from __future__ import annotations

import copy
from typing import Any

from tests.memo.helpers import load_case


def walk_case() -> dict[str, Any]:
    """Built on a public case's shape; every fact here is fictional."""
    case = copy.deepcopy(load_case("clp-venezuelan-between-ports"))
    case["case_id"] = "WALK-27"
    case["notes"] = None
    case["decision_date"] = "2024-09-02"
    case["applicant"].update({
        "family_name": "Ramírez Cruz", "given_names": "Ana Lucía", "a_number": "A-212-345-678",
        "date_of_birth": "1994-03", "sex": "female", "nationalities": ["HN"],
        "stateless": False, "last_habitual_residence": None, "languages": ["es", "mam"]})
    case["entry"].update({
        "date": "2024-07-10", "border": "southern_land", "at_port_of_entry": False,
        "port": None, "coming_from": "MX", "unaccompanied_child": False, "documents": "none",
        "scheduled_appointment": None, "scheduling_obstacle": None})
    case["journey"] = [
        {"country": "HN", "arrived": None, "departed": "2024-06-20"},
        {"country": "GT", "arrived": "2024-06-20", "departed": "2024-06-24",
         "status_held": "none", "permanent_status_offered": False, "protection_claims": []},
        {"country": "MX", "arrived": "2024-06-24", "departed": "2024-07-10",
         "status_held": "none", "permanent_status_offered": False, "protection_claims": []}]
    case["circumstances"].update({
        "trafficking_victim": False, "medical_emergency_at_entry": None,
        "imminent_threat_at_entry": False, "family_in_us": [],
        "fear_of_receiving_country": {}, "public_interest_exception": None,
        "travelling_with_family": [{"relation": "son", "family_name": "Ramírez",
                                    "given_names": "Mateo", "date_of_birth": "2015-06"}]})
    return case
