"""firm_resettlement: offers in third countries, the burden on DHS, 208.15(a) and (b)."""

from __future__ import annotations

import pytest

from tests.engine.builders import base_case, change, finding, outcome

RULE = "firm_resettlement"


def belize(**stop: object) -> dict[str, object]:
    fields = {"country": "BZ", "arrived": "2015-05", "departed": "2019-09",
              "status_held": "permanent", "permanent_status_offered": True,
              "onward_travel_only": False, "residence_restricted": False}
    fields.update(stop)
    case = base_case()
    case["journey"].insert(1, fields)
    case["journey"][2]["arrived"] = "2019-09-12"
    return case


def test_permanent_residence_applies_without_an_entry_window() -> None:
    result = finding(belize(), RULE)
    assert result["outcome"] == "applies"
    assert "Belize" in result["consequence"]
    assert outcome(belize(), RULE, "2030-01-01") == "applies"


@pytest.mark.parametrize(("stop", "expected"), [
    # four years in Belize with the offer unknown: the record suggests an offer, so it is asked
    ({"status_held": "none", "permanent_status_offered": None}, "needs_information"),
    ({"status_held": "none", "permanent_status_offered": None, "arrived": "2019-08"},
     "not_applicable"),
    ({"status_held": "temporary", "permanent_status_offered": False}, "not_applicable"),
    ({"status_held": "citizen", "permanent_status_offered": None}, "applies"),
    ({"status_held": "none", "permanent_status_offered": True}, "applies"),
    ({"onward_travel_only": True}, "exception"),
    ({"onward_travel_only": True, "returned_later": True}, "applies"),
    ({"onward_travel_only": None}, "needs_information"),
    ({"onward_travel_only": None, "returned_later": True}, "applies"),
    ({"residence_restricted": True}, "exception"),
    ({"residence_restricted": None}, "needs_information"),
])
def test_offer_and_exceptions(stop: dict[str, object], expected: str) -> None:
    assert outcome(belize(**stop), RULE) == expected


def test_own_country_is_not_resettlement() -> None:
    assert outcome(base_case(), RULE) == "not_applicable"
    case = change(base_case(), journey__0__status_held="citizen",
                  journey__0__permanent_status_offered=True)
    assert outcome(case, RULE) == "not_applicable"
