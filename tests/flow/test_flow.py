"""The pure case flow: paths, partial dates, steps, validation, completeness, timeline layout."""

from __future__ import annotations

import json
from datetime import date

import pytest

from desktop.flow import (
    CaseFlow,
    Precision,
    ReadOnlyCaseError,
    Severity,
    Step,
    StepState,
    blank_case,
    parse_partial_date,
    validate_case,
)
from desktop.flow.field_paths import (
    format_path,
    get_value,
    parse_path,
    path_to_pointer,
    pointer_to_path,
    set_value,
)
from desktop.flow.steps import step_for_path
from desktop.flow.timeline import timeline_layout
from desktop.flow.validation import claims_not_asked_reason
from tests.case_paths import CASES_DIR as CASES


def public_case(name: str) -> dict:
    return json.loads((CASES / f"{name}.case.json").read_text(encoding="utf-8"))


def test_paths_round_trip_between_fact_paths_and_pointers() -> None:
    path = parse_path("journey[2].protection_claims[0].kind")
    assert path == ("journey", 2, "protection_claims", 0, "kind")
    assert format_path(path) == "journey[2].protection_claims[0].kind"
    assert path_to_pointer(path) == "/journey/2/protection_claims/0/kind"
    assert pointer_to_path("/journey/2/protection_claims/0/kind") == path


def test_get_and_set_values_by_path() -> None:
    data = public_case("tb-final-denial-in-mexico")
    assert get_value(data, "journey[2].protection_claims[0].outcome") == "denied"
    assert get_value(data, "/entry/date") == "2019-10-03"
    assert get_value(data, "journey[9].country", "none") == "none"
    set_value(data, "circumstances.trafficking_victim", None)
    assert data["circumstances"]["trafficking_victim"] is None


@pytest.mark.parametrize(
    ("text", "precision", "first", "last"),
    [
        ("2019", Precision.YEAR, date(2019, 1, 1), date(2019, 12, 31)),
        ("2020-02", Precision.MONTH, date(2020, 2, 1), date(2020, 2, 29)),
        ("2019-10-03", Precision.DAY, date(2019, 10, 3), date(2019, 10, 3)),
    ],
)
def test_partial_dates_keep_their_precision(text, precision, first, last) -> None:
    parsed = parse_partial_date(text)
    assert parsed is not None
    assert parsed.precision is precision
    assert (parsed.first_day, parsed.last_day) == (first, last)
    assert parsed.iso() == text


def test_one_partial_date_type_for_the_flow_and_the_engine() -> None:
    from desktop.engine import dates as engine_dates

    parsed = parse_partial_date("2019-10")
    assert type(parsed) is engine_dates.PartialDate
    assert parsed == engine_dates.parse_partial_date("2019-10")
    assert (parsed.year, parsed.month, parsed.day) == (2019, 10, None)
    derived = engine_dates.PartialDate(date(2019, 3, 5), date(2019, 7, 1), "between")
    assert derived.precision is Precision.RANGE and derived.iso() == "between"


@pytest.mark.parametrize("text", ["2019-13", "2019-02-30", "19-10-03", "yesterday"])
def test_malformed_dates_are_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_partial_date(text)


def test_forward_and_back_keep_every_answer() -> None:
    flow = CaseFlow()
    flow.set_answer("applicant.family_name", "Nguyễn")
    flow.next()
    flow.set_answer("entry.date", "2019-10")
    flow.next()
    flow.add_stop(country="MX")
    before = json.dumps(flow.data, sort_keys=True)
    for _ in range(6):
        flow.next()
    for _ in range(6):
        flow.previous()
    assert flow.current is Step.APPLICANT
    assert json.dumps(flow.data, sort_keys=True) == before
    assert flow.answer("applicant.family_name") == "Nguyễn"


def test_a_public_case_round_trips_exactly_and_is_complete() -> None:
    data = public_case("tb-final-denial-in-mexico")
    flow = CaseFlow()
    flow.reset(data)
    assert flow.data == data
    assert validate_case(flow.data) == []
    assert flow.is_complete()


def test_departure_before_arrival_is_a_problem_of_the_journey_step() -> None:
    flow = CaseFlow(public_case("tb-final-denial-in-mexico"))
    flow.set_answer("journey[1].departed", "2019-03-01")
    problems = flow.errors(Step.JOURNEY)
    assert [(format_path(p.path), p.message) for p in problems][0] == (
        "journey[1].departed",
        "Departure is before arrival",
    )
    assert flow.step_state(Step.JOURNEY) is StepState.PROBLEMS
    assert flow.step_state(Step.ENTRY) is StepState.COMPLETE


def test_a_contradiction_is_not_blamed_on_a_previous_stop_with_no_departure() -> None:
    flow = CaseFlow(blank_case())
    flow.set_answer("journey", [
        {"country": "VN", "arrived": None, "departed": "2019-02"},
        {"country": "EC", "arrived": "2019-03", "departed": None},
        {"country": "PA", "arrived": None, "departed": None},
        {"country": "CR", "arrived": "2019-01", "departed": None},  # before Ecuador's March
    ])
    messages = {format_path(p.path): p.message for p in flow.errors(Step.JOURNEY)}
    # The previous stop (Panama) has no departure date: the contradiction is with Ecuador.
    assert messages == {"journey[3].arrived": "Arrival is before March 2019 (month only), a "
                        "date of an earlier stop: the dates contradict the order of the journey"}
    flow.set_answer("journey[2].departed", "2019-04")
    messages = {format_path(p.path): p.message for p in flow.errors(Step.JOURNEY)}
    assert messages["journey[3].arrived"] == (
        "Arrival is before the departure from the previous stop"
    )


def test_a_finalized_case_opened_again_shows_every_step_as_it_was_left() -> None:
    case = public_case("tb-final-denial-in-mexico")
    case["circumstances"] = blank_case()["circumstances"]  # all Unknown, none answered
    draft, finalized = CaseFlow(case), CaseFlow(case, read_only=True)
    assert draft.step_state(Step.CIRCUMSTANCES) is StepState.NOT_STARTED
    # Finalized, it went through every step: Unknown answers, not a step never opened.
    assert finalized.step_state(Step.CIRCUMSTANCES) is StepState.COMPLETE
    assert finalized.unknown_answers(Step.CIRCUMSTANCES) == draft.unknown_answers(
        Step.CIRCUMSTANCES) > 0
    assert finalized.step_state(Step.REVIEW) is not StepState.NOT_STARTED


def test_partial_dates_that_may_agree_are_not_problems() -> None:
    flow = CaseFlow(public_case("tb-final-denial-in-mexico"))
    flow.set_answer("journey[1].departed", "2019-03")  # arrival 2019-03-10: could be after
    assert flow.errors(Step.JOURNEY) == []


def test_a_blank_case_is_missing_answers_but_has_no_errors() -> None:
    flow = CaseFlow()
    problems = flow.problems()
    assert problems and all(p.severity is Severity.MISSING for p in problems)
    assert flow.step_state(Step.APPLICANT) is StepState.INCOMPLETE
    assert flow.step_state(Step.ENTRY) is StepState.NOT_STARTED
    assert not flow.is_complete()


def test_claims_problems_belong_to_the_claims_step() -> None:
    flow = CaseFlow(public_case("tb-final-denial-in-mexico"))
    flow.set_answer("journey[2].protection_claims[0].decided", "2019-03-01")
    flow.set_answer("journey[2].protection_claims[0].outcome", "pending")
    fields = {format_path(p.path) for p in flow.errors()}
    assert fields == {
        "journey[2].protection_claims[0].decided",
        "journey[2].protection_claims[0].final",
    }
    assert flow.step_state(Step.PROTECTION_CLAIMS) is StepState.PROBLEMS
    assert step_for_path("journey[2].protection_claims[0]") is Step.PROTECTION_CLAIMS
    assert step_for_path("/journey/2/arrived") is Step.JOURNEY


def test_claims_are_asked_of_third_countries_only() -> None:
    case = blank_case()
    case["applicant"]["nationalities"] = ["HN"]
    case["applicant"]["last_habitual_residence"] = "CR"
    case["journey"] = [{"country": c, "protection_claims": None} for c in ("HN", "CR", "GT", "US")]
    missing = {p.path[1] for p in validate_case(case)
               if p.path[-1:] == ("protection_claims",) and p.severity is Severity.MISSING}
    # Honduras is a nationality and the US an earlier stay: not asked. Costa Rica, the last
    # habitual residence, is asked (the 2023 rule exempts it only for the stateless).
    assert missing == {1, 2}
    assert claims_not_asked_reason(case, case["journey"][0]) is not None
    assert claims_not_asked_reason(case, case["journey"][3]) is not None
    # Until the nationality is known, every stop is asked.
    case["applicant"]["nationalities"] = []
    assert {p.path[1] for p in validate_case(case)
            if p.path[-1:] == ("protection_claims",)} == {0, 1, 2}


def test_bad_codes_and_a_numbers_are_named() -> None:
    flow = CaseFlow(public_case("tb-final-denial-in-mexico"))
    flow.set_answer("applicant.a_number", "A-12")
    flow.set_answer("entry.coming_from", "GT")
    flow.set_answer("journey[0].country", "ZZ")
    fields = {format_path(p.path): p.message for p in flow.errors()}
    assert "applicant.a_number" in fields
    assert "crossed from Guatemala" in fields["entry.coming_from"]
    assert "'ZZ' is not a country" in fields["journey[0].country"]


def test_stops_are_added_inserted_moved_and_removed() -> None:
    flow = CaseFlow()
    flow.add_stop(country="GT")
    flow.add_stop(country="MX")
    flow.add_stop(0, country="HN")
    assert [s["country"] for s in flow.journey] == ["HN", "GT", "MX"]
    assert flow.move_stop(2, 0) == 0
    assert [s["country"] for s in flow.journey] == ["MX", "HN", "GT"]
    flow.remove_stop(0)
    assert [s["country"] for s in flow.journey] == ["HN", "GT"]
    # No default kind: nothing is a fact until the caseworker says it.
    assert flow.add_claim(1) == 0 and flow.claims(1)[0]["kind"] is None


def test_a_finalized_case_refuses_changes() -> None:
    flow = CaseFlow(blank_case(), read_only=True)
    with pytest.raises(ReadOnlyCaseError):
        flow.set_answer("applicant.family_name", "X")
    with pytest.raises(ReadOnlyCaseError):
        flow.add_stop()


def test_timeline_layout_has_fuzzy_edges_gaps_and_overlaps() -> None:
    case = public_case("tb-final-denial-in-mexico")
    case["journey"][1]["departed"] = "2019-03"  # month only: a fuzzy edge
    case["journey"][2]["arrived"] = "2019-05-01"  # a gap after Guatemala
    layout = timeline_layout(case)
    first, second, third = layout.bands
    assert not first.start.known  # arrival in Honduras unknown: an open edge
    assert first.start.latest <= first.end.earliest
    assert second.end.fuzzy
    assert (second.end.earliest, second.end.latest) == (date(2019, 3, 1), date(2019, 3, 31))
    assert not third.start.fuzzy
    assert [(m.kind, m.index) for m in layout.markers] == [("gap", 1)]
    assert layout.axis_start < date(2019, 3, 10) and layout.axis_end > date(2019, 10, 3)
    assert 0 < layout.fraction(date(2019, 10, 3)) < 1

    case["journey"][1]["departed"] = "2019-03-15"
    case["journey"][2]["arrived"] = "2019-03-05"  # before leaving Guatemala
    layout = timeline_layout(case)
    # Mexico's arrival also falls before Honduras was left, two stops earlier: against order.
    assert [(m.kind, m.index) for m in layout.markers] == [("contradiction", 0), ("overlap", 1)]
