"""Read as a supervisor would: plain words, no internal paths or rule ids, what is still needed."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from desktop.memo.reasoning import reaches_case, split_citations
from tests.memo.helpers import (
    determine,
    load_case,
    long_journey_case,
    pages_text,
    public_case_files,
    render,
    squeeze,
)

CASE_FILES = public_case_files()
RULE_IDS = {"transit_bar_2019", "aca", "stca_canada", "lawful_pathways_2023",
            "securing_border_2024", "firm_resettlement", "entry_suspension_2025"}


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.name.split(".")[0])
def test_public_case_memo_reads_in_plain_words(case_file: Path) -> None:
    case = json.loads(case_file.read_text("utf-8"))
    determination = determine(case)
    text = "\n".join(pages_text(render(case, determination)))
    flat = squeeze(text)

    assert not re.search(r"[A-Za-z_]\[\d+\]", text), "an internal field path is shown"
    ids = RULE_IDS | {str(f["rule"]) for f in determination["findings"]}
    for rule in ids:
        assert not re.search(rf"(?<![\w-]){re.escape(rule)}(?![\w-])", text), rule
    assert not re.search(r"[a-z0-9]_[a-z0-9]", text), "snake_case words are shown"
    for finding in determination["findings"]:
        for citation in finding["citations"]:
            for part in split_citations(citation):
                assert squeeze(f"{part}; {part}") not in flat, f"doubled: {part}"
    assert "R:" not in text and "UNCONFIRMED" not in text
    assert "Holds?" not in text
    assert squeeze("What is still needed") in flat
    for finding in determination["findings"]:
        if finding["outcome"] == "needs_information":
            section = flat.split(squeeze("What is still needed"), 1)[1]
            for fact in finding["missing_facts"]:
                first_words = squeeze(fact["question"])[:30]
                assert first_words in section
    one_rule = sum(1 for f in determination["findings"] if reaches_case(f)) <= 1
    if one_rule:
        assert len(pages_text(render(case, determination))) <= 3


def test_a_stop_is_named_as_in_the_travel_history() -> None:
    case = load_case("tb-final-denial-in-mexico")
    flat = squeeze("\n".join(pages_text(render(case))))
    # journey[2].protection_claims[0] in the case file: the third stop, counted from 1
    assert squeeze("Stop 3 \u2014 Mexico \u2014 asylum claim filed 20 Mar 2019") in flat


def test_the_exception_step_reads_as_a_fact_and_its_effect() -> None:
    flat = squeeze("\n".join(pages_text(render(load_case("tb-honduran-no-claims")))))
    assert squeeze("Not a victim of a severe form of trafficking") in flat
    assert squeeze("So the trafficking victim exception is not met.") in flat


def test_open_questions_list_each_answer_and_what_it_leads_to() -> None:
    flat = squeeze("\n".join(pages_text(render(load_case("tb-trafficking-unknown")))))
    needed = flat.split(squeeze("What is still needed"), 1)[1]
    assert squeeze("victim of a severe form of trafficking") in needed
    assert squeeze("Yes") in needed and squeeze("exception established") in needed
    assert squeeze("No") in needed and squeeze("(2019): applies") in needed
    assert squeeze("Recorded as unknown, and not needed for any finding:") in needed


def test_unverified_mark_says_what_and_against_which_source() -> None:
    flat = squeeze("\n".join(pages_text(render(load_case("tb-honduran-no-claims")))))
    assert squeeze("The wording of the trafficking victim exception has not been checked "
                   "against its primary source (8 CFR 208.13(c)(4)(ii); 8 CFR 214.11).") in flat


def test_case_reference_and_a_number_on_every_page() -> None:
    case = long_journey_case()
    case["case_reference"] = "ZLA-2024-0117"
    case["applicant"]["a_number"] = "A-201-555-019"
    pages = pages_text(render(case))
    assert len(pages) > 1
    for page in pages:
        assert "ZLA-2024-0117" in page and "A-201-555-019" in page


def test_law_known_through_in_the_footer_and_a_notice_when_decided_later() -> None:
    case = load_case("tb-honduran-no-claims")
    pages = pages_text(render(case, law_known_through="2019-11-30"))
    assert all(squeeze("law known through 30 Nov 2019") in squeeze(p) for p in pages)
    assert squeeze("is after 30 Nov 2019, the last day the law") in squeeze(pages[0])
    earlier = pages_text(render(case, law_known_through="2026-11-27"))
    assert squeeze("the last day the law") not in squeeze("".join(earlier))


def test_amendment_names_the_memo_it_supersedes() -> None:
    text = "\n".join(pages_text(render(load_case("tb-honduran-no-claims"),
                                       supersedes="memo 4, finalized by A. Officer")))
    assert "Amendment:" in text and "memo 4, finalized by A. Officer" in text


def test_a_notice_of_the_determination_is_shown() -> None:
    case = load_case("tb-honduran-no-claims")
    determination = determine(case)
    determination["notice"] = "Entry suspended under Proclamation 10888 from 2025-01-20."
    text = squeeze("\n".join(pages_text(render(case, determination))))
    assert squeeze("Notice: Entry suspended under Proclamation 10888 from 20 Jan 2025.") in text


def test_anything_the_schema_accepts_lays_out() -> None:
    """Every field at the schema's limits (unbreakable words included) still lays out."""
    case = long_journey_case()
    case["applicant"]["family_name"] = "Q" * 200
    case["applicant"]["given_names"] = " ".join(["María-José"] * 18)
    case["case_reference"] = "R" * 200
    case["notes"] = "x" * 19_999
    route = len(case["journey"])
    case["journey"] = [copy.deepcopy(stop) for stop in (case["journey"] * 8)[:100]]
    for index, stop in enumerate(case["journey"]):
        if index >= route:  # the route again, undated: dates out of order are refused
            stop["arrived"] = stop["departed"] = None
        # Filed on arrival: a claim filed before arriving is refused (case_rules.consistency).
        stop["protection_claims"] = [
            {"kind": "asylum", "filed": stop["arrived"], "outcome": "pending",
             "final": False, "decided": None}] * 5
    # The crossing is from the last stop (case_rules.fact_rules refuses another country).
    case["entry"]["coming_from"] = case["journey"][-1]["country"]
    pdf = render(case)
    assert pages_text(pdf)[0].startswith("Case reference")


def test_a_row_taller_than_a_page_still_lays_out() -> None:
    case = load_case("tb-honduran-no-claims")
    determination = determine(case)
    step = determination["findings"][0]["trace"][0]
    step["step"] = "\n".join(f"Line {n} of a very long step." for n in range(400))
    step["citation"] = "; ".join(f"{n} FR {n}" for n in range(300))
    assert len(pages_text(render(case, determination))) >= 3
