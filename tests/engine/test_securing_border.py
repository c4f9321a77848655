"""securing_border_2024: entries from 2024-06-05, Las Americas from 2025-05-09, exceptions."""

from __future__ import annotations

import pytest

from tests.engine.builders import change, finding, mexico_crossing, outcome

RULE = "securing_border_2024"


@pytest.mark.parametrize(("entry", "expected"), [
    ("2024-06-03", "not_applicable"), ("2024-06-04", "needs_information"),
        ("2024-06-05", "applies"), ("2024-06-06", "applies"),
    ("2024-06", "needs_information"), ("2025-03-01", "applies"),
])
def test_entry_date(entry: str, expected: str) -> None:
    assert outcome(mexico_crossing(entry, "2025-04-01"), RULE) == expected


@pytest.mark.parametrize(("decision", "expected"), [
    ("2025-05-08", "applies"), ("2025-05-09", "not_in_force"), ("2025-05-10", "not_in_force"),
])
def test_las_americas_partial_vacatur(decision: str, expected: str) -> None:
    result = finding(mexico_crossing("2024-07-02", decision), RULE)
    assert result["outcome"] == expected
    if expected == "not_in_force":
        assert any("reasonable probability" in step["step"] for step in result["trace"])


def test_mexican_nationals_are_covered_and_window_is_flagged() -> None:
    mexican = change(mexico_crossing("2024-07-02", "2024-07-20", "MX"),
                     journey=[{"country": "MX", "arrived": None, "departed": "2024-07-02"}])
    result = finding(mexican, RULE)
    assert result["outcome"] == "applies"
    assert any("emergency border circumstances" in item["what"] for item in result["unverified"])


def test_other_borders_not_reached() -> None:
    case = change(mexico_crossing("2024-07-02", "2024-07-20"), entry__border="northern_land",
                  entry__coming_from="CA")
    assert outcome(case, RULE) == "not_applicable"


@pytest.mark.parametrize(("changes", "expected"), [
    ({"applicant__nationalities": ["US"]}, "exception"),
    ({"entry__unaccompanied_child": True, "applicant__date_of_birth": "2010-01-01"},
     "exception"),
    ({"circumstances__trafficking_victim": True}, "exception"),
    ({"entry__documents": "valid_visa"}, "exception"),
    ({"entry__at_port_of_entry": True, "entry__scheduled_appointment": True}, "exception"),
    ({"circumstances__proclamation_case_by_case_exception": True}, "exception"),
    # the agreements' public-interest exception is a different act (issue 12, item 8)
    ({"circumstances__public_interest_exception": True}, "applies"),
    ({"circumstances__medical_emergency_at_entry": True}, "exception"),
    ({"circumstances__imminent_threat_at_entry": True}, "exception"),
    ({"circumstances__imminent_threat_at_entry": None}, "needs_information"),
])
def test_exceptions(changes: dict[str, object], expected: str) -> None:
    case = change(mexico_crossing("2024-07-02", "2024-07-20"), **changes)
    assert outcome(case, RULE) == expected
