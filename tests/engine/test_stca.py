"""stca_canada: ports from 2004-12-29, between ports from 2023-03-25 within 14 days, exceptions."""

from __future__ import annotations

import pytest

from tests.engine.builders import canada_crossing, change, finding, outcome

RULE = "stca_canada"


@pytest.mark.parametrize(("entry", "expected"), [
    ("2004-12-28", "not_applicable"), ("2004-12-29", "applies"), ("2004-12-30", "applies"),
])
def test_land_port_from_2004_12_29(entry: str, expected: str) -> None:
    result = finding(canada_crossing(entry), RULE)
    assert result["outcome"] == expected
    if expected == "applies":
        assert result["receiving_countries"] == ["CA"]


@pytest.mark.parametrize(("entry", "days", "expected"), [
    ("2023-03-24", 3, "not_applicable"), ("2023-03-25", 3, "applies"),
    ("2023-03-26", 3, "applies"), ("2023-04-01", 14, "applies"),
    ("2023-04-01", 15, "not_applicable"), ("2023-04-01", None, "needs_information"),
    ("2022-06-01", None, "not_applicable"),
])
def test_between_ports_from_2023_03_25_within_14_days(entry: str, days: int | None,
                                                      expected: str) -> None:
    assert outcome(canada_crossing(entry, at_port=False, days=days), RULE) == expected


def test_air_and_other_borders_not_covered() -> None:
    case = change(canada_crossing("2018-04-10"), entry__border="air")
    assert outcome(case, RULE) == "not_applicable"


def relative(relation: str | None, status: str | None, age: int | None = 30) -> dict[str, object]:
    return {"relation": relation, "status": status, "age": age}


@pytest.mark.parametrize(("member", "expected"), [
    (relative("sibling", "lawful_permanent_resident"), "exception"),
    (relative("spouse", "citizen"), "exception"),
    (relative("nephew", "asylee"), "exception"),
    (relative("uncle", "other_lawful_status"), "exception"),
    (relative("parent", "visitor"), "applies"),
    (relative("sibling", "none"), "applies"),
    (relative("sibling", "asylum_pending", 18), "exception"),
    (relative("sibling", "asylum_pending", 17), "applies"),
    (relative("sibling", "asylum_pending", None), "needs_information"),
    (relative("sibling", None), "needs_information"),
    (relative(None, "citizen"), "needs_information"),
])
def test_family_exceptions(member: dict[str, object], expected: str) -> None:
    case = change(canada_crossing("2018-04-10"), circumstances__family_in_us=[member])
    assert outcome(case, RULE) == expected


@pytest.mark.parametrize(("changes", "expected"), [
    ({"applicant__nationalities": ["CA"]}, "exception"),
    ({"applicant__nationalities": [], "applicant__stateless": True,
      "applicant__last_habitual_residence": "CA"}, "exception"),
    ({"entry__unaccompanied_child": True, "applicant__date_of_birth": "2003-01-01"},
     "exception"),
    ({"entry__documents": "valid_visa"}, "exception"),
    ({"entry__documents": "other_valid_admission_document"}, "exception"),
    ({"entry__documents": "visa_exempt"}, "needs_information"),
    ({"entry__documents": None}, "needs_information"),
    ({"circumstances__public_interest_exception": True}, "exception"),
    ({"circumstances__public_interest_exception": None}, "applies"),  # none recorded: not granted
])
def test_individual_exceptions(changes: dict[str, object], expected: str) -> None:
    case = change(canada_crossing("2018-04-10"), **changes)
    result = finding(case, RULE)
    assert result["outcome"] == expected
    if expected == "exception":
        assert result["unverified"], "the (e)(6)(iii) wording is recalled: must be flagged"
