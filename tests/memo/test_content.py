"""The memo of each public case says what the determination says, and where it came from."""

from __future__ import annotations

import io
import json
from datetime import timedelta
from pathlib import Path

import pypdf
import pytest

from desktop import __version__
from desktop.memo.lookups import country_name
from desktop.memo.reasoning import (
    not_reaching_reason,
    plain,
    reaches_case,
    rule_titles,
    split_citations,
)
from desktop.memo.text import format_partial_date, outcome_words
from desktop.services.evaluation import facts_digest
from tests.memo.helpers import (
    GENERATED_AT,
    determine,
    pages_text,
    public_case_files,
    render,
    squeeze,
)

CASE_FILES = public_case_files()


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.name.split(".")[0])
def test_memo_states_findings_citations_history_and_provenance(case_file: Path) -> None:

    case = json.loads(case_file.read_text("utf-8"))
    determination = determine(case)
    pdf = render(case, determination)
    pages = pages_text(pdf)
    whole = squeeze("\n".join(pages))

    assert squeeze("Transit requirements determination") in whole
    assert squeeze("The officer decides") in whole
    titles = rule_titles(determination)
    for finding in determination["findings"]:
        assert squeeze(finding["title"]) in whole
        if not reaches_case(finding):
            # one row of the table of rules that do not reach the case: rule, reason, citation
            reason, citation = not_reaching_reason(finding, titles)
            assert squeeze(reason) in whole and squeeze(citation) in whole
            continue
        assert squeeze(f"Outcome: {outcome_words(finding['outcome'])}") in whole
        for citation in finding["citations"]:
            for part in split_citations(citation):
                assert squeeze(part) in whole or squeeze(part.split(" (")[0]) in whole, part
        for step in finding["trace"]:
            assert squeeze(plain(step["step"], titles)) in whole
        for exception in finding["exceptions_considered"]:
            for part in split_citations(exception["citation"]):
                assert squeeze(part.split(" (")[0]) in whole
        for fact in finding["missing_facts"]:
            assert squeeze(plain(fact["question"], titles)) in whole
    for stop in case["journey"]:
        row = (f"{squeeze(country_name(stop['country']))}({stop['country']})"
               f"{squeeze(format_partial_date(stop.get('arrived')))}"
               f"{squeeze(format_partial_date(stop.get('departed')))}")
        assert row in whole, row
    digest = facts_digest(case)
    for number, text in enumerate(pages, start=1):
        flat = squeeze(text)
        assert f"Page{number}of{len(pages)}" in flat
        assert digest in flat
        assert squeeze(determination["rules_version"]) in flat
        assert determination["rules_hash"] in flat
        assert squeeze(f"engine {determination['engine_version']}") in flat


def test_partial_dates_are_shown_with_their_precision() -> None:

    case = json.loads(CASE_FILES[0].read_text("utf-8"))
    case["journey"][0]["arrived"] = None
    case["journey"][0]["departed"] = "2019-09"
    case["journey"][1]["arrived"] = "2019-09"
    case["journey"][1]["departed"] = "2019"
    text = "\n".join(pages_text(render(case)))
    assert "Sep 2019" in text
    assert "unknown" in text
    assert "2019-09" not in squeeze(text).split("Findingsfortherules")[0]


def test_metadata_language_and_author() -> None:

    case = json.loads(CASE_FILES[0].read_text("utf-8"))
    reader = pypdf.PdfReader(io.BytesIO(render(case)))
    info = reader.metadata
    assert info is not None
    assert info.title and info.title.startswith("Transit requirements determination")
    assert info.author == f"Waypoint {__version__}"
    assert info.subject and "Decision support memo" in info.subject
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
    assert info["/CreationDate"].startswith("D:20240501120000")


def test_same_inputs_give_the_same_bytes() -> None:

    case = json.loads(CASE_FILES[0].read_text("utf-8"))
    determination = determine(case)
    first = render(case, determination)
    assert render(case, determination) == first
    later = render(case, determination, generated_at=GENERATED_AT + timedelta(minutes=1))
    assert later != first


def test_unverified_rule_data_is_marked_with_a_legend() -> None:

    case = json.loads(CASE_FILES[0].read_text("utf-8"))
    determination = determine(case)
    marked = [f for f in determination["findings"]
              if f.get("unverified") or any(s.get("verified") is False for s in f["trace"])]
    text = "\n".join(pages_text(render(case, determination)))
    if marked:
        assert "\u2020" in text
        assert "has not been checked against its primary source" in text
    titles = rule_titles(determination)
    for finding in determination["findings"]:
        for step in finding["trace"]:
            if step.get("verified") is False and reaches_case(finding):
                assert squeeze(plain(step["step"], titles) + "\u2020") in squeeze(text)


def test_officer_notes_and_case_notes_are_printed() -> None:

    case = json.loads(CASE_FILES[0].read_text("utf-8"))
    case["notes"] = "Interpreter: Ms. Pérez (Spanish)."
    text = "\n".join(pages_text(render(case, officer_notes="Credible; consistent dates.")))
    assert "Credible; consistent dates." in text
    assert "Interpreter: Ms. Pérez (Spanish)." in text


def test_treaty_participation_at_the_time_is_shown_per_stop() -> None:
    case = json.loads((CASE_FILES[0].parent / "tb-claim-pending-in-mexico.case.json")
                      .read_text("utf-8"))
    flat = squeeze("\n".join(pages_text(render(case))))
    assert squeeze("Treaty participation at the time") in flat
    # Mexico joined the 1951 Convention in 2000: a party by the stop in 2019
    assert squeeze("1951 Convention: party since") in flat
    if "\u2020" in flat:
        assert squeeze("has not been checked against its primary source") in flat
