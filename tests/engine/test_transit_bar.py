"""transit_bar_2019: reach, court-order windows by decision date, exceptions."""

from __future__ import annotations

import pytest

from tests.engine.builders import base_case, change, finding, outcome

RULE = "transit_bar_2019"


@pytest.mark.parametrize(("entry", "expected"), [
    ("2019-07-15", "not_applicable"), ("2019-07-16", "applies"), ("2019-07-17", "applies"),
    ("2019-07", "needs_information"), ("2019-06", "not_applicable"), ("2019-08", "applies"),
])
def test_entry_date_boundary(entry: str, expected: str) -> None:
    case = change(base_case(), entry__date=entry, journey__2__departed=None,
                  journey__2__arrived=None, journey__1__arrived=None, journey__1__departed=None,
                  journey__0__departed=None)
    assert outcome(case, RULE) == expected


def test_partial_entry_date_asks_with_date_ranges() -> None:
    case = change(base_case(), entry__date="2019-07", journey__2__departed=None,
                  journey__2__arrived=None, journey__1__arrived=None, journey__1__departed=None,
                  journey__0__departed=None)
    missing = finding(case, RULE)["missing_facts"]
    assert missing == [{"field": "entry.date", "question": missing[0]["question"],
                        "answers": {"before 2019-07-16": "not_applicable",
                                    "on or after 2019-07-16": "applies"}}]


@pytest.mark.parametrize(("decision", "expected"), [
    ("2019-07-23", "applies"), ("2019-07-24", "not_in_force"), ("2019-07-25", "not_in_force"),
    ("2019-09-08", "applies"), ("2019-09-09", "not_in_force"), ("2019-09-10", "not_in_force"),
    ("2019-09-11", "applies"), ("2019-09-12", "applies"),
    ("2020-06-29", "applies"), ("2020-06-30", "not_in_force"), ("2020-07-01", "not_in_force"),
    ("2021-01-18", "not_in_force"), ("2021-01-19", "applies"), ("2021-02-15", "applies"),
    ("2021-02-16", "not_in_force"), ("2023-08-20", "not_in_force"),
])
def test_decision_date_windows(decision: str, expected: str) -> None:
    case = change(base_case(), entry__date="2019-07-20", journey__2__departed="2019-07-20",
                  journey__1__departed="2019-07-01", journey__1__arrived="2019-06-28",
                  journey__2__arrived="2019-07-01", journey__0__departed="2019-06-28")
    assert outcome(case, RULE, decision) == expected


@pytest.mark.parametrize(("port", "expected"), [
    ("San Ysidro, CA", "not_in_force"), ("Nogales, AZ", "not_in_force"),
    ("El Paso, TX", "applies"), ("Santa Teresa, NM", "applies"), ("Calexico", "not_in_force"),
    ("Laredo", "applies"), (None, "needs_information"),
])
def test_ninth_circuit_window_depends_on_place(port: str | None, expected: str) -> None:
    case = change(base_case(), entry__date="2019-07-20", entry__port=port,
                  journey__2__departed="2019-07-20", journey__1__departed="2019-07-01",
                  journey__1__arrived="2019-06-28", journey__2__arrived="2019-07-01",
                  journey__0__departed="2019-06-28")
    result = finding(case, RULE, "2019-08-20")
    assert result["outcome"] == expected
    if expected == "needs_information":
        assert result["missing_facts"][0]["field"] == "entry.port"
    # the narrowing itself is confirmed (934 F.3d 1026); a port placed only by the compiled
    # port list rests on unverified data
    placed_by_list = port is not None and "," not in port
    assert any(step["verified"] is False for step in result["trace"]) == placed_by_list


@pytest.mark.parametrize(("decision", "metered", "nationality", "expected"), [
    ("2019-11-18", True, "HN", "applies"), ("2019-11-19", True, "HN", "not_in_force"),
    ("2019-11-20", True, "HN", "not_in_force"), ("2019-11-20", False, "HN", "applies"),
    ("2019-11-20", None, "HN", "needs_information"), ("2021-01-20", True, "HN", "not_in_force"),
])
def test_al_otro_lado_metering_class(decision: str, metered: bool | None, nationality: str,
                                     expected: str) -> None:
    case = change(base_case(), entry__metered_before_2019_07_16=metered,
                  applicant__nationalities=[nationality], journey__0__country=nationality)
    assert outcome(case, RULE, decision) == expected


def test_metering_unknown_does_not_ask_before_the_class_order() -> None:
    case = change(base_case(), entry__metered_before_2019_07_16=None)
    assert outcome(case, RULE, "2019-10-10") == "applies"


def claim(outcome_value: str | None, final: bool | None) -> dict[str, object]:
    return {"kind": "asylum", "filed": "2019-09-20", "outcome": outcome_value, "final": final,
            "decided": None}


@pytest.mark.parametrize(("claim_outcome", "final", "expected"), [
    ("denied", True, "exception"), ("denied", False, "applies"),
    ("denied", None, "needs_information"), ("pending", False, "applies"),
    ("abandoned", True, "applies"), ("withdrawn", True, "applies"),
    ("granted", True, "applies"), (None, None, "needs_information"),
    ("pending", True, "needs_information"),
])
def test_final_denial_exception(claim_outcome: str | None, final: bool | None,
                                expected: str) -> None:
    case = change(base_case(), journey__2__protection_claims=[claim(claim_outcome, final)])
    assert outcome(case, RULE) == expected


def test_final_denial_in_own_country_does_not_count() -> None:
    case = change(base_case(), journey__0__protection_claims=[claim("denied", True)])
    assert outcome(case, RULE) == "applies"


def test_trafficking_exception() -> None:
    assert outcome(change(base_case(), circumstances__trafficking_victim=True), RULE) == \
        "exception"
    unknown = finding(change(base_case(), circumstances__trafficking_victim=None), RULE)
    assert unknown["outcome"] == "needs_information"
    assert unknown["missing_facts"][0]["answers"] == {"true": "exception", "false": "applies"}


def test_unknown_trafficking_not_asked_when_rule_not_in_force() -> None:
    case = change(base_case(), circumstances__trafficking_victim=None)
    result = finding(case, RULE, "2020-07-15")
    assert result["outcome"] == "not_in_force"
    assert result["missing_facts"] == []


def test_no_unaccompanied_child_exception() -> None:
    case = change(base_case(), applicant__date_of_birth="2004-02-01",
                  entry__unaccompanied_child=True)
    assert outcome(case, RULE) == "applies"


def test_mexican_direct_and_other_borders_not_reached() -> None:
    mexican = change(base_case(), applicant__nationalities=["MX"],
                     journey=[{"country": "MX", "arrived": None, "departed": "2019-10-03"}])
    assert outcome(mexican, RULE) == "not_applicable"
    assert outcome(change(base_case(), entry__border="air"), RULE) == "not_applicable"


def non_party_case(departed: str, entry: str = "2021-01-20") -> dict[str, object]:
    """An Indian national habitually resident in Mexico who transited Oman only."""
    return change(base_case(), decision_date="2021-02-01", entry__date=entry,
                  applicant__nationalities=["IN"], applicant__last_habitual_residence="MX",
                  journey=[{"country": "IN", "arrived": None, "departed": "2020-06-01"},
                           {"country": "OM", "arrived": "2020-06-01", "departed": departed,
                            "protection_claims": []},
                           {"country": "MX", "arrived": departed, "departed": entry}])


def test_only_non_party_countries_uses_entry_into_force() -> None:
    # Oman's CAT deposit 2020-06-09 (day recalled) enters into force 30 days later, 2020-07-09.
    assert outcome(non_party_case("2020-07-08"), RULE) == "exception"
    assert outcome(non_party_case("2020-07-09"), RULE) == "applies"
    assert outcome(non_party_case("2020-07-10"), RULE) == "applies"
    partial_date = finding(non_party_case("2020-07"), RULE)
    assert partial_date["outcome"] == "needs_information"
    assert partial_date["missing_facts"][0]["answers"] == {
        "before 2020-07-09": "exception", "on or after 2020-07-09": "applies"}
    met = finding(non_party_case("2020-07-08"), RULE)
    assert any("entry into force" in step["step"] for step in met["trace"])
    assert met["unverified"], "Oman's CAT day is recalled: the finding must say so"


def test_unknown_treaty_status_is_asked_not_assumed() -> None:
    case = non_party_case("2020-07-01")
    case["journey"][1]["country"] = "TW"
    result = finding(case, RULE)
    assert result["outcome"] == "needs_information"
    assert result["missing_facts"][0]["field"] == "journey[1]"
    assert result["missing_facts"][0]["answers"] == {"party to none": "exception",
                                                     "party to at least one": "applies"}
