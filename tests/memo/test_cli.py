"""`waypoint memo` renders from a case file without the GUI and refuses bad input with exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.memo.helpers import CASES_DIR, agree_with_every_finding, pages_text

CASE = CASES_DIR / "tb-claim-pending-in-mexico.case.json"


def test_memo_command_writes_a_draft_memo(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "memo.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "memo", str(CASE), "-o", str(output)]) == 0
    pages = pages_text(output.read_bytes())
    assert all("DRAFT" in page for page in pages)
    assert "Third-country transit bar" in "\n".join(pages)
    assert str(output) in capsys.readouterr().out
    assert not (tmp_path / "data").exists(), "the memo command must not touch the database"


def test_final_memo_names_the_officer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "a passphrase")  # a final memo is signed
    output = tmp_path / "final.pdf"
    code = main(["--data-dir", str(tmp_path / "data"), "memo", str(CASE), "-o", str(output),
                 "--final", "--officer", "Ana Pérez", "--decision-date", "2019-12-02",
                 *agree_with_every_finding()])
    assert code == 0
    text = "\n".join(pages_text(output.read_bytes()))
    assert "DRAFT" not in text
    assert "Finalized by Ana Pérez" in text
    assert "2 Dec 2019" in text


def test_final_without_officer_is_refused(tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "final.pdf"
    assert main(["memo", str(CASE), "-o", str(output), "--final"]) == 2
    assert "--officer" in capsys.readouterr().err
    assert not output.exists()


def test_invalid_case_file_is_refused_naming_the_field(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(CASE.read_text("utf-8"))
    data["journey"][1]["arrived"] = "2019-13-45"
    broken = tmp_path / "broken.case.json"
    broken.write_text(json.dumps(data), "utf-8")
    output = tmp_path / "memo.pdf"
    assert main(["memo", str(broken), "-o", str(output)]) == 2
    err = capsys.readouterr().err
    assert str(broken) in err and "/journey/1/arrived" in err
    assert not output.exists()


def test_not_json_and_missing_file_are_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    garbage = tmp_path / "garbage.json"
    garbage.write_text("{not json", "utf-8")
    assert main(["memo", str(garbage), "-o", str(tmp_path / "a.pdf")]) == 2
    assert main(["memo", str(tmp_path / "absent.json"), "-o", str(tmp_path / "b.pdf")]) == 2
    assert "absent.json" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.pdf"))


def test_bad_decision_date_and_missing_output_folder_are_refused(tmp_path: Path) -> None:
    assert main(["memo", str(CASE), "-o", str(tmp_path / "m.pdf"), "--decision-date",
                 "02/12/2019"]) == 2
    assert main(["memo", str(CASE), "-o", str(tmp_path / "no" / "such" / "m.pdf")]) == 2
    assert not list(tmp_path.rglob("*.pdf"))
