"""aca: rule date, agreement windows and scope, receiving-country drop-outs, exceptions."""

from __future__ import annotations

import pytest

from tests.engine.builders import base_case, change, finding, outcome

RULE = "aca"


def salvadoran(entry: str = "2019-12-05", decision: str = "2019-12-10",
               fear: str | None = "not_established") -> dict[str, object]:
    case = change(base_case(), decision_date=decision, entry__date=entry,
                  applicant__nationalities=["SV"], journey__0__country="SV",
                  journey__0__departed=None, journey__1__arrived=None,
                  journey__1__departed=None, journey__2__arrived=None,
                  journey__2__departed=entry)
    if fear is not None:
        case["circumstances"]["fear_of_receiving_country"] = {"GT": fear}
    return case


@pytest.mark.parametrize(("entry", "expected"), [
    ("2019-11-18", "not_applicable"), ("2019-11-19", "applies"), ("2019-11-20", "applies"),
    ("2019-11", "needs_information"),
])
def test_rule_effective_for_entries_from_2019_11_19(entry: str, expected: str) -> None:
    assert outcome(salvadoran(entry=entry), RULE) == expected


def test_applies_with_receiving_country_and_unverified_start() -> None:
    result = finding(salvadoran(), RULE)
    assert result["outcome"] == "applies"
    assert result["receiving_countries"] == ["GT"]
    # entry into force 2019-11-15 is confirmed (TIAS 19-1115): no unverified mark for it
    assert not any("entry into force of US-Guatemala" in item["what"]
                   for item in result["unverified"])


@pytest.mark.parametrize(("decision", "expected"), [
    ("2021-02-05", "applies"), ("2021-02-06", "not_in_force"), ("2021-02-07", "not_in_force"),
])
def test_suspension_on_2021_02_06(decision: str, expected: str) -> None:
    assert outcome(salvadoran(), RULE, decision) == expected


def test_transfers_paused_from_2020_03_16_is_reported() -> None:
    result = finding(salvadoran(), RULE, "2020-04-01")
    assert result["outcome"] == "applies"
    assert "paused" in result["consequence"]


@pytest.mark.parametrize(("decision", "expected"), [
    ("2020-01-03", "not_applicable"), ("2020-01-04", "applies"), ("2020-01-05", "applies"),
])
def test_mexicans_covered_from_2020_01_04(decision: str, expected: str) -> None:
    case = change(base_case(), entry__date="2019-12-20", applicant__nationalities=["MX"],
                  journey=[{"country": "MX", "arrived": None, "departed": "2019-12-20"}],
                  circumstances__fear_of_receiving_country={"GT": "not_claimed"})
    assert outcome(case, RULE, decision) == expected


def test_receiving_country_national_drops_out() -> None:
    case = change(salvadoran(), applicant__nationalities=["GT"], journey__0__country="GT")
    result = finding(case, RULE)
    assert result["outcome"] == "not_applicable"
    assert {"id": "receiving_country_national", "met": True} .items() <= \
        next(e for e in result["exceptions_considered"]
             if e["id"] == "receiving_country_national").items()


def test_fear_established_is_an_exception_and_missing_finding_asks() -> None:
    assert outcome(salvadoran(fear="more_likely_than_not"), RULE) == "exception"
    missing = finding(salvadoran(fear=None), RULE)
    assert missing["outcome"] == "needs_information"
    assert missing["missing_facts"][0]["field"] == "circumstances.fear_of_receiving_country.GT"
    assert missing["missing_facts"][0]["answers"] == {
        "more_likely_than_not": "exception", "not_established": "applies",
        "not_claimed": "applies"}


def test_unaccompanied_child_and_public_interest() -> None:
    child = change(salvadoran(), applicant__date_of_birth="2004-02-01",
                   entry__unaccompanied_child=True)
    assert outcome(child, RULE) == "exception"
    assert outcome(change(salvadoran(), circumstances__public_interest_exception=True),
                   RULE) == "exception"
    public = finding(change(salvadoran(), circumstances__public_interest_exception=True), RULE)
    assert any(item["what"] == "the exception of INA 208(a)(2)(A)" for item in public["unverified"])


def test_a_public_interest_exception_not_recorded_is_not_granted_and_not_asked() -> None:
    # a discretionary grant by an official: with none recorded the agreement applies
    unknown = finding(change(salvadoran(), circumstances__public_interest_exception=None), RULE)
    assert unknown["outcome"] == "applies"
    assert unknown["missing_facts"] == []


def test_uac_contradicted_by_birth_date_asks() -> None:
    case = change(salvadoran(), entry__unaccompanied_child=True)
    result = finding(case, RULE)
    assert result["outcome"] == "needs_information"
    assert result["missing_facts"][0]["field"] == "entry.unaccompanied_child"


def test_uac_unknown_but_adult_by_birth_date_decides() -> None:
    assert outcome(change(salvadoran(), entry__unaccompanied_child=None), RULE) == "applies"


def test_2025_honduras_agreement_for_spanish_speaking_nationals() -> None:
    case = change(base_case(), decision_date="2025-10-15", entry__date="2025-09-01",
                  applicant__nationalities=["VE"], journey__0__country="VE",
                  journey__0__departed=None, journey__1__arrived=None, journey__1__departed=None,
                  journey__2__arrived=None, journey__2__departed="2025-09-01",
                  circumstances__fear_of_receiving_country={"HN": "not_established"})
    # Venezuelans are not among the nationalities the pack knows need no visa for Honduras
    asked = finding(case, RULE)
    assert asked["outcome"] == "needs_information"
    visa = [m for m in asked["missing_facts"]
            if m["field"] == "circumstances.needs_visa_to_enter.HN"]
    assert visa and "visa" in visa[0]["question"]
    case["circumstances"]["needs_visa_to_enter"] = {"HN": False}
    result = finding(case, RULE)
    assert result["outcome"] == "applies"
    assert result["receiving_countries"] == ["HN"]
    assert result["unverified"]
    assert outcome(case, RULE, "2025-07-07") == "not_applicable"
    case["circumstances"]["needs_visa_to_enter"] = {"HN": True}
    needs_visa = finding(case, RULE)
    assert "HN" not in needs_visa["receiving_countries"]
    assert any("needs one" in step["step"] for step in needs_visa["trace"])


def test_honduran_is_not_sent_to_honduras_in_2025() -> None:
    case = change(base_case(), decision_date="2025-10-15", entry__date="2025-09-01",
                  journey__0__departed=None, journey__1__arrived=None, journey__1__departed=None,
                  journey__2__arrived=None, journey__2__departed="2025-09-01")
    result = finding(case, RULE)
    # Honduras drops out (own national); the 2025 Guatemala notes and Uganda still reach him
    assert "HN" not in result["receiving_countries"]
    assert result["outcome"] == "needs_information"
    assert {m["field"] for m in result["missing_facts"]} == {
        "circumstances.fear_of_receiving_country.GT",
        "circumstances.fear_of_receiving_country.UG"}


def test_uganda_2025_covers_other_africans_not_air_limited() -> None:
    case = change(base_case(), decision_date="2025-10-01", entry__date="2025-09-20",
                  entry__border="air", entry__coming_from="ES", applicant__nationalities=["ER"],
                  journey=[{"country": "ER", "arrived": None, "departed": "2025-09-19"}],
                  circumstances__fear_of_receiving_country={"UG": "not_claimed"})
    result = finding(case, RULE)
    assert result["outcome"] == "applies"
    assert result["receiving_countries"] == ["UG"]
    assert any("nationalities covered by US-Uganda" in item["what"]
               for item in result["unverified"])


def test_canada_cases_are_left_to_the_stca() -> None:
    case = change(salvadoran(), entry__border="northern_land", entry__coming_from="CA")
    assert outcome(case, RULE) == "not_applicable"
