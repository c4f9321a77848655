"""Reasons in words: no field path, rule id, enum name or arrow reaches what an officer reads.

Every acceptance case (public, extra, review, law) is evaluated; every step, question,
consequence, flag and the summary is scanned. Answer labels are left out: they are the case-file
values (`true`, `more_likely_than_not`) by the determination contract, and the screen and memo
put them in words.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main as cli_main
from tests.cases.conftest import REPO

CASE_FILES = sorted((REPO / "tests" / "cases").glob("*/*.case.json"))
MACHINE_WORDS = re.compile(
    r"journey\[|protection_claims|travelling_with_family|family_in_us|circumstances\.|"
    r"\bentry\.[a-z]|\bapplicant\.[a-z]|decision_date|→|->|"
    r"\b[a-z]+_[a-z0-9_]+\b|proclamation 3b|\bnull\b|= (?:true|false)\b")


def readable_texts(determination: dict[str, Any]) -> list[str]:
    texts = [str(determination["summary"])]
    for finding in determination["findings"]:
        texts.append(finding["consequence"])
        texts.extend(step["step"] for step in finding["trace"])
        texts.extend(item["question"] for item in finding["missing_facts"])
        texts.extend(item["what"] for item in finding.get("unverified", []))
        texts.extend(str(e.get("text") or "") for e in finding["exceptions_considered"])
    return texts


def test_the_scan_sees_every_case_folder() -> None:
    folders = {path.parent.name for path in CASE_FILES}
    assert {"public", "extra", "review"} <= folders
    assert MACHINE_WORDS.search("Was the denial (journey[2].protection_claims[0]) final?")
    assert MACHINE_WORDS.search("circumstances.medical_emergency_at_entry")
    assert MACHINE_WORDS.search("true → exception")
    assert MACHINE_WORDS.search("Exception considered: proclamation 3b")
    assert not MACHINE_WORDS.search("Entered at 11:30 p.m. PDT on 2024-06-04 (Pacific time, "
                                    "America/Los_Angeles), which is 2:30 a.m. EDT on 2024-06-05")


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_no_machine_words_in_reasons(case_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["evaluate", str(case_file), "--format", "json"]) == 0
    determination = json.loads(capsys.readouterr().out)
    leaks = [(match.group(0), text) for text in readable_texts(determination)
             for match in [MACHINE_WORDS.search(text)] if match]
    assert leaks == []


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_open_question_is_asked_in_words(case_file: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["evaluate", str(case_file), "--format", "json"]) == 0
    for finding in json.loads(capsys.readouterr().out)["findings"]:
        if finding["outcome"] == "needs_information":
            assert finding["missing_facts"]
        for item in finding["missing_facts"]:
            assert "?" in item["question"], item["question"]
