"""Every acceptance case runs through the real CLI and must meet its expect file."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main as cli_main
from tests.cases.conftest import EXTRA_DIR, REPO, REVIEW_DIR, cases_dir

MIN_EXTRA_CASES = 40


def check_determination(determination: dict[str, Any], expect_file: Path) -> None:
    """Each rule named in the expect file has one of the acceptable outcomes."""
    expected = json.loads(expect_file.read_text(encoding="utf-8"))["findings"]
    assert determination["format"] == "waypoint-determination/1"
    assert "officer" in determination["summary"]
    outcomes = {f["rule"]: f for f in determination["findings"]}
    for rule, wanted in expected.items():
        acceptable = wanted if isinstance(wanted, list) else [wanted]
        finding = outcomes[rule]
        assert finding["outcome"] in acceptable, (rule, finding["outcome"], finding["trace"])
        if finding["outcome"] == "needs_information":
            assert finding["missing_facts"], "needs_information must name the facts"
            for missing in finding["missing_facts"]:
                assert {"field", "question", "answers"} <= missing.keys()
                assert len(missing["answers"]) >= 2
        else:
            assert finding["missing_facts"] == []


def case_files(folder: Path, name: str) -> tuple[Path, Path]:
    assert folder.is_dir(), f"acceptance cases folder {folder} is missing from the repository"
    case_file = folder / f"{name}.case.json"
    expect_file = folder / f"{name}.expect.json"
    assert case_file.is_file(), f"no cases in {folder}"
    assert expect_file.is_file(), f"{expect_file.name} missing"
    return case_file, expect_file


def test_public_case(case_name: str) -> None:
    case_file, expect_file = case_files(cases_dir(), case_name)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "evaluate", str(case_file), "--format", "json"],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    check_determination(json.loads(result.stdout), expect_file)


def test_extra_case(extra_case_name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Our own cases (tests/cases/extra) through the same CLI entry point, in process."""
    case_file, expect_file = case_files(EXTRA_DIR, extra_case_name)
    assert json.loads(expect_file.read_text(encoding="utf-8")).get("basis"), "basis missing"
    code = cli_main(["evaluate", str(case_file), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    check_determination(json.loads(captured.out), expect_file)


def test_review_case(review_case_name: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The second legal review's cases (tests/cases/review), written from the research alone."""
    case_file, expect_file = case_files(REVIEW_DIR, review_case_name)
    assert json.loads(expect_file.read_text(encoding="utf-8")).get("basis"), "basis missing"
    code = cli_main(["evaluate", str(case_file), "--format", "json"])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    check_determination(json.loads(captured.out), expect_file)


def test_extra_cases_cover_every_family() -> None:
    names = sorted(p.name for p in EXTRA_DIR.glob("*.case.json"))
    assert len(names) >= MIN_EXTRA_CASES
    for prefix in ("tb-", "aca-", "stca-", "clp-", "stb-", "fr-"):
        assert any(n.startswith(prefix) for n in names), prefix
