"""needs_information only when an unknown, partial or contradictory fact changes the outcome."""

from __future__ import annotations

from tests.engine.builders import base_case, change, finding, run


def test_unknowns_that_cannot_change_the_outcome_are_not_asked() -> None:
    case = change(base_case(), circumstances__medical_emergency_at_entry=None,
                  circumstances__imminent_threat_at_entry=None,
                  circumstances__public_interest_exception=None,
                  entry__scheduled_appointment=None, entry__claimed_within_days=None,
                  journey__1__onward_travel_only=None, journey__1__residence_restricted=None)
    determination = run(case)
    assert all(f["outcome"] != "needs_information" for f in determination["findings"])


def test_unknown_answers_that_all_agree_decide_and_say_so() -> None:
    case = change(base_case(), circumstances__trafficking_victim=None,
                  journey__2__protection_claims=[{"outcome": "denied", "final": True}])
    result = finding(case, "transit_bar_2019")
    assert result["outcome"] == "exception"
    assert result["missing_facts"] == []


def test_every_question_lists_answers_and_outcomes() -> None:
    case = change(base_case(), circumstances__trafficking_victim=None,
                  journey__2__protection_claims=[{"outcome": "denied", "final": None}])
    result = finding(case, "transit_bar_2019")
    assert result["outcome"] == "needs_information"
    fields = {m["field"]: m["answers"] for m in result["missing_facts"]}
    assert fields["journey[2].protection_claims[0].final"]["true"] == "exception"
    assert fields["circumstances.trafficking_victim"]["true"] == "exception"
    assert all(m["question"].endswith("?") for m in result["missing_facts"])
    assert any(e["met"] is None for e in result["exceptions_considered"])


def test_accompanied_child_is_not_a_contradiction() -> None:
    case = change(base_case(), applicant__date_of_birth="2005-01-01",
                  entry__unaccompanied_child=False)
    assert run(case)["contradictions"] == []


def test_adult_recorded_as_uac_is_reported_as_contradiction() -> None:
    case = change(base_case(), entry__unaccompanied_child=True)
    determination = run(case)
    assert determination["contradictions"][0]["field"] == "entry.unaccompanied_child"


def test_partial_birth_date_near_18_is_not_a_contradiction() -> None:
    case = change(base_case(), applicant__date_of_birth="2001", entry__unaccompanied_child=True)
    assert run(case)["contradictions"] == []


def test_pending_and_final_claim_is_a_contradiction_that_asks() -> None:
    case = change(base_case(), journey__2__protection_claims=[{"outcome": "pending",
                                                               "final": True}])
    determination = run(case)
    assert determination["contradictions"][0]["field"] == "journey[2].protection_claims[0]"
    result = finding(case, "transit_bar_2019")
    assert result["outcome"] == "needs_information"
    assert result["missing_facts"][0]["answers"] == {"finally denied": "exception",
                                                     "still pending": "applies"}


def test_trace_steps_name_case_file_fields() -> None:
    case = change(base_case(), journey__2__protection_claims=[{"outcome": "denied",
                                                               "final": True}])
    result = finding(case, "transit_bar_2019")
    assert any("journey[2].protection_claims[0]" in step["facts"] for step in result["trace"])


def test_a_fact_that_never_decides_is_not_asked_even_beside_one_that_does() -> None:
    # Between ports or at a port, with no appointment and no obstacle, no exception follows:
    # only the medical emergency decides, so the port question must not be asked.
    case = change(base_case(), entry__date="2023-08-14", decision_date="2023-08-20",
                  journey__2__departed="2023-08-14", journey__2__arrived="2023-07-01",
                  journey__1__arrived="2023-06-01", journey__1__departed="2023-07-01",
                  journey__0__departed="2023-06-01",
                  entry__at_port_of_entry=None, circumstances__medical_emergency_at_entry=None)
    result = finding(case, "lawful_pathways_2023")
    assert result["outcome"] == "needs_information"
    assert [m["field"] for m in result["missing_facts"]] == [
        "circumstances.medical_emergency_at_entry"]
