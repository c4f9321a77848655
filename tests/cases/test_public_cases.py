"""Every public acceptance case runs through the real CLI and must meet its expect file."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.cases.conftest import REPO, cases_dir


def test_public_case(case_name: str) -> None:
    folder = cases_dir()
    assert folder.is_dir(), f"acceptance cases folder {folder} is missing (WAYPOINT_CASES_DIR)"
    case_file = folder / f"{case_name}.case.json"
    expect_file = folder / f"{case_name}.expect.json"
    assert case_file.is_file(), f"no cases in {folder}"
    assert expect_file.is_file(), f"{expect_file.name} missing"
    expected = json.loads(expect_file.read_text(encoding="utf-8"))["findings"]
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "evaluate", str(case_file), "--format", "json"],
        cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    determination = json.loads(result.stdout)
    assert determination["format"] == "waypoint-determination/1"
    assert "officer" in determination["summary"]
    outcomes = {f["rule"]: f for f in determination["findings"]}
    for rule, wanted in expected.items():
        acceptable = wanted if isinstance(wanted, list) else [wanted]
        finding = outcomes[rule]
        assert finding["outcome"] in acceptable, (rule, finding["outcome"], finding["trace"])
        if finding["outcome"] == "needs_information":
            assert finding["missing_facts"], "needs_information must name the facts"
        else:
            assert finding["missing_facts"] == []
