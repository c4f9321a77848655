"""Round three of the law: instants in their zones, 208.30(c) family, unasked claims, deciders."""

from __future__ import annotations

from datetime import datetime

import pytest

from desktop.engine.zones import EASTERN_ZONE, Zone, clock_text, from_utc, to_utc
from desktop.services.rules import bundled_rule_pack
from tests.engine.builders import base_case, change, finding, mexico_crossing

PACIFIC = Zone("America/Los_Angeles", "Pacific time", -8, True, "PST", "PDT")
ARIZONA = Zone("America/Phoenix", "Arizona time", -7, False, "MST", "MST")


@pytest.mark.parametrize(("zone", "local", "eastern"), [
    (PACIFIC, datetime(2024, 6, 4, 23, 30), "2:30 a.m. EDT on 2024-06-05"),
    (ARIZONA, datetime(2024, 6, 4, 21, 30), "12:30 a.m. EDT on 2024-06-05"),
    (PACIFIC, datetime(2025, 1, 19, 22, 0), "1:00 a.m. EST on 2025-01-20"),
    (EASTERN_ZONE, datetime(2024, 3, 10, 1, 59), "1:59 a.m. EST on 2024-03-10"),
    (EASTERN_ZONE, datetime(2024, 3, 10, 3, 0), "3:00 a.m. EDT on 2024-03-10"),
    (EASTERN_ZONE, datetime(2024, 11, 3, 2, 30), "2:30 a.m. EST on 2024-11-03"),
])
def test_local_times_become_eastern_instants(zone: Zone, local: datetime, eastern: str) -> None:
    assert clock_text(*from_utc(EASTERN_ZONE, to_utc(zone, local))) == eastern


@pytest.mark.parametrize(("place", "zones"), [
    ("El Paso Sector", ["America/Denver"]), ("Tornillo, TX", ["America/Denver"]),
    ("Hudspeth County, Texas", ["America/Denver"]), ("Laredo, TX", ["America/Chicago"]),
    ("Nogales, AZ", ["America/Phoenix"]), ("San Ysidro, CA", ["America/Los_Angeles"]),
    ("Texas", ["America/Chicago", "America/Denver"]), ("NM", ["America/Denver"]),
    ("Big Bend Sector", ["America/Chicago", "America/Denver"]),
])
def test_border_places_give_their_time_zones(place: str, zones: list[str]) -> None:
    table = bundled_rule_pack().places
    assert table is not None
    assert list(table.candidates(place, None, "southern_land")) == zones


def test_a_time_decided_step_names_local_time_zone_and_eastern_instant() -> None:
    case = change(mexico_crossing("2024-06-04", "2024-09-01"), entry__time="23:30",
                  entry__place="San Ysidro, CA")
    result = finding(case, "securing_border_2024")
    assert result["outcome"] == "applies"
    step = result["trace"][0]["step"]
    for words in ("11:30 p.m. PDT on 2024-06-04", "America/Los_Angeles",
                  "2:30 a.m. EDT on 2024-06-05", "12:01 a.m. EDT on 2024-06-05"):
        assert words in step
    assert "before 2024-06-05" not in step


def test_the_same_clock_in_central_time_is_before_and_says_so() -> None:
    case = change(mexico_crossing("2024-06-04", "2024-09-01"), entry__time="23:00",
                  entry__place="Laredo, TX")
    result = finding(case, "securing_border_2024")
    assert result["outcome"] == "not_applicable"
    assert "11:00 p.m. CDT on 2024-06-04" in result["trace"][0]["step"]
    assert "12:00 a.m. EDT on 2024-06-05" in result["trace"][0]["step"]


def family_case(member: dict[str, object]) -> dict[str, object]:
    case = change(mexico_crossing("2024-01-10", "2024-03-01"), entry__at_port_of_entry=True)
    base = {"relation": None, "date_of_birth": None, "parole_authorization": False,
            "scheduled_appointment": False, "final_denial_country": None}
    case["circumstances"]["travelling_with_family"] = [{**base, **member}]
    return case


def test_a_failed_family_exception_names_the_fact_that_failed_it() -> None:
    brother = finding(family_case({"relation": "sibling", "date_of_birth": "2006-08-01",
                                   "parole_authorization": True}), "lawful_pathways_2023")
    assert brother["outcome"] == "applies"
    assert any("sibling (17 on entry)" in s["step"] and "208.30(c)" in s["step"]
               for s in brother["trace"])
    son = finding(family_case({"relation": "son", "date_of_birth": "2000-05-01",
                               "parole_authorization": True}), "lawful_pathways_2023")
    assert any("son (23 on entry)" in s["step"] and "under 21" in s["step"]
               for s in son["trace"])


def test_an_unknown_relation_is_asked_by_its_own_field() -> None:
    result = finding(family_case({"parole_authorization": True}), "lawful_pathways_2023")
    assert result["outcome"] == "needs_information"
    fields = [m["field"] for m in result["missing_facts"]]
    assert fields == ["circumstances.travelling_with_family[0].relation"]


def test_claims_never_asked_are_asked_by_country_not_read_as_none() -> None:
    case = mexico_crossing("2024-01-10", "2024-03-01")
    case["journey"][2]["protection_claims"] = None
    result = finding(case, "lawful_pathways_2023")
    assert result["outcome"] == "needs_information"
    [missing] = result["missing_facts"]
    assert missing["field"] == "journey[2].protection_claims"
    assert "Mexico" in missing["question"] and "journey[" not in missing["question"]
    assert missing["answers"] == {"true": "exception", "false": "applies"}
    asked_none = finding(mexico_crossing("2024-01-10", "2024-03-01"), "lawful_pathways_2023")
    assert asked_none["outcome"] == "applies"


@pytest.mark.parametrize(("proceeding", "decider"), [
    ("section_240", "the immigration judge"), ("expedited_removal", "the asylum officer")])
def test_the_fear_question_names_the_decider_of_the_proceeding(proceeding: str,
                                                               decider: str) -> None:
    case = change(base_case(), decision_date="2025-08-20", entry__date="2025-08-01",
                  entry__proceeding=proceeding, applicant__nationalities=["MX"],
                  journey=[{"country": "MX", "arrived": None, "departed": "2025-08-01",
                            "protection_claims": []}])
    result = finding(case, "aca")
    assert result["outcome"] == "needs_information"
    question = result["missing_facts"][0]["question"]
    assert decider in question and "officer's" not in question
