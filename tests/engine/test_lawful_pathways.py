"""lawful_pathways_2023: window 2023-05-11 to 2025-05-10, documents, exceptions, rebuttals."""

from __future__ import annotations

import pytest

from tests.engine.builders import change, finding, mexico_crossing, outcome

RULE = "lawful_pathways_2023"


@pytest.mark.parametrize(("entry", "expected"), [
    # the boundary days are decided by the time of entry (11:59 p.m. EDT), so they are asked
    ("2023-05-10", "not_applicable"), ("2023-05-11", "needs_information"),
    ("2023-05-12", "applies"), ("2025-05-10", "applies"), ("2025-05-11", "needs_information"),
    ("2025-05-12", "not_applicable"),
    ("2023-05", "needs_information"), ("2025-05", "needs_information"),
])
def test_entry_window(entry: str, expected: str) -> None:
    assert outcome(mexico_crossing(entry, "2025-06-01"), RULE) == expected


def test_in_force_for_every_decision_date_and_qualifier_switch_reported() -> None:
    for decision in ("2023-07-25", "2023-07-26", "2023-08-03", "2025-06-01"):
        assert outcome(mexico_crossing("2023-06-01", decision), RULE) == "applies"
    result = finding(mexico_crossing("2023-06-01", "2023-08-01"), RULE)
    assert any("NOT applied" in step["step"] and step["verified"] is False
               for step in result["trace"])


def test_guyana_cat_only_transit_is_not_excluded() -> None:
    case = change(mexico_crossing("2023-06-01", "2023-08-01"),
                  journey__1__country="GY")
    assert outcome(case, RULE) == "applies"


@pytest.mark.parametrize(("documents", "expected"), [
    ("valid_visa", "not_applicable"), ("other_valid_admission_document", "not_applicable"),
    ("parole_travel_authorization", "exception"), ("none", "applies"),
    (None, "needs_information"),
])
def test_documents(documents: str | None, expected: str) -> None:
    case = change(mexico_crossing("2023-06-01", "2023-08-01"), entry__documents=documents)
    assert outcome(case, RULE) == expected


def test_mexican_direct_and_other_origins_not_reached() -> None:
    mexican = change(mexico_crossing("2023-06-01", "2023-08-01", "MX"),
                     journey=[{"country": "MX", "arrived": None, "departed": "2023-06-01"}])
    assert outcome(mexican, RULE) == "not_applicable"
    assert outcome(change(mexico_crossing("2023-06-01", "2023-08-01"), entry__border="air"),
                   RULE) == "not_applicable"


def test_sea_from_mexico_is_flagged() -> None:
    result = finding(change(mexico_crossing("2023-06-01", "2023-08-01"), entry__border="sea"),
                     RULE)
    assert result["outcome"] == "applies"
    assert any("coastal" in item["what"] for item in result["unverified"])


@pytest.mark.parametrize(("changes", "expected"), [
    ({"entry__at_port_of_entry": True, "entry__scheduled_appointment": True}, "exception"),
    ({"entry__at_port_of_entry": False, "entry__scheduled_appointment": True}, "applies"),
    ({"entry__at_port_of_entry": True, "entry__scheduled_appointment": None},
     "needs_information"),
    ({"entry__at_port_of_entry": True, "entry__scheduling_obstacle": "language_barrier"},
     "exception"),
    ({"entry__at_port_of_entry": False, "entry__scheduling_obstacle": "illiteracy"}, "applies"),
    ({"entry__unaccompanied_child": True, "applicant__date_of_birth": "2008-01-01"},
     "exception"),
    ({"journey__1__protection_claims": [{"kind": "asylum", "outcome": "denied",
                                         "final": True}]}, "exception"),
    ({"journey__1__protection_claims": [{"kind": "asylum", "outcome": "pending",
                                         "final": False}]}, "applies"),
    ({"circumstances__medical_emergency_at_entry": True}, "exception"),
    ({"circumstances__imminent_threat_at_entry": True}, "exception"),
    ({"circumstances__trafficking_victim": True}, "exception"),
    ({"circumstances__medical_emergency_at_entry": None}, "needs_information"),
])
def test_exceptions_and_rebuttals(changes: dict[str, object], expected: str) -> None:
    case = change(mexico_crossing("2023-06-01", "2023-08-01"), **changes)
    assert outcome(case, RULE) == expected
