"""Property tests: determinism, final-denial monotony, no questions without unknown facts."""

from __future__ import annotations

import copy
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.engine.builders import base_case, run

COUNTRIES = ["HN", "GT", "SV", "MX", "VE", "CO", "IN", "AE", "CN", "ET", "CA", "BZ", "NI", "OM"]
DAY = st.dates(min_value=__import__("datetime").date(2004, 1, 1),
               max_value=__import__("datetime").date(2026, 6, 30))


@st.composite
def known_cases(draw: Any) -> dict[str, Any]:
    """Cases with every fact known: exact dates, no nulls, no contradictions."""
    entry = draw(DAY)
    decision = entry + __import__("datetime").timedelta(days=draw(st.integers(0, 900)))
    nationality = draw(st.sampled_from(COUNTRIES))
    adult = draw(st.booleans())
    born = entry.replace(year=entry.year - (30 if adult else 15), day=1)
    border = draw(st.sampled_from(["southern_land", "northern_land", "air", "sea"]))
    coming_from = "CA" if border == "northern_land" else draw(st.sampled_from(["MX", "GT"]))
    stops = draw(st.lists(st.sampled_from(COUNTRIES), min_size=0, max_size=3))
    journey: list[dict[str, Any]] = [{"country": nationality, "arrived": None,
                                      "departed": None, "status_held": "citizen",
                                      "permanent_status_offered": False}]
    for country in stops:
        journey.append({
            "country": country, "arrived": None, "departed": entry.isoformat(),
            "status_held": draw(st.sampled_from(["none", "visitor", "permanent"])),
            "permanent_status_offered": draw(st.booleans()),
            "onward_travel_only": draw(st.booleans()), "returned_later": draw(st.booleans()),
            "residence_restricted": draw(st.booleans()),
            "protection_claims": [{"kind": "asylum", "outcome": draw(st.sampled_from(
                ["denied", "granted", "abandoned", "withdrawn"])), "final": draw(st.booleans()),
                "filed": None, "decided": None}] if draw(st.booleans()) else []})
    case = base_case()
    case.update(decision_date=decision.isoformat(), journey=journey)
    case["applicant"].update(nationalities=[nationality], date_of_birth=born.isoformat())
    case["entry"].update(
        date=entry.isoformat(), border=border, coming_from=coming_from,
        at_port_of_entry=draw(st.booleans()), port=draw(st.sampled_from(["El Paso, TX",
                                                                          "San Ysidro, CA"])),
        unaccompanied_child=False if adult else draw(st.booleans()),
        documents=draw(st.sampled_from(["none", "valid_visa", "parole_travel_authorization"])),
        scheduled_appointment=draw(st.booleans()), metered_before_2019_07_16=draw(st.booleans()),
        claimed_within_days=draw(st.integers(0, 30)),
        time=draw(st.sampled_from(["08:00", "23:30"])),
        proceeding=draw(st.sampled_from(["expedited_removal", "section_240", "affirmative",
                                         None])))
    case["circumstances"].update(
        trafficking_victim=draw(st.booleans()), medical_emergency_at_entry=draw(st.booleans()),
        imminent_threat_at_entry=draw(st.booleans()),
        public_interest_exception=draw(st.booleans()),
        proclamation_case_by_case_exception=draw(st.booleans()),
        travelling_with_family=[{"relation": "spouse", "parole_authorization": draw(st.booleans()),
                                 "scheduled_appointment": draw(st.booleans()),
                                 "final_denial_country": None}] if draw(st.booleans()) else [],
        family_in_us=[{"relation": "sibling", "status": draw(st.sampled_from(
            ["citizen", "visitor", "asylum_pending"])), "age": draw(st.integers(10, 50))}],
        fear_of_receiving_country={c: draw(st.sampled_from(
            ["more_likely_than_not", "not_established", "not_claimed"]))
            for c in ("GT", "SV", "HN", "UG", "PY", "EC", "BZ")},
        needs_visa_to_enter={"HN": draw(st.booleans())})
    return case


@settings(max_examples=150, deadline=None)
@given(known_cases())
def test_no_unknown_facts_never_asks(case: dict[str, Any]) -> None:
    for finding in run(case)["findings"]:
        assert finding["outcome"] != "needs_information", finding["missing_facts"]


@settings(max_examples=100, deadline=None)
@given(known_cases())
def test_evaluation_is_deterministic_and_leaves_input_alone(case: dict[str, Any]) -> None:
    before = copy.deepcopy(case)
    assert run(case) == run(case)
    assert case == before


@settings(max_examples=150, deadline=None)
@given(known_cases(), st.integers(0, 3))
def test_adding_a_final_denial_never_turns_exception_into_applies(case: dict[str, Any],
                                                                  where: int) -> None:
    def transit_bar(c: dict[str, Any]) -> str:
        return str(next(f for f in run(c)["findings"]
                        if f["rule"] == "transit_bar_2019")["outcome"])

    before = transit_bar(case)
    changed = copy.deepcopy(case)
    stop = changed["journey"][min(where, len(changed["journey"]) - 1)]
    stop.setdefault("protection_claims", []).append(
        {"kind": "asylum", "outcome": "denied", "final": True, "filed": None, "decided": None})
    after = transit_bar(changed)
    assert not (before == "exception" and after == "applies")
    if before == "applies" and stop["country"] not in case["applicant"]["nationalities"]:
        assert after == "exception"
