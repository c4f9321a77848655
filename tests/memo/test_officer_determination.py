"""The officer's determination on the command line: `waypoint memo … --final` needs a
conclusion on every finding and every open question answered or decided without (with why);
the final memo prints it in its own section, apart from Waypoint's findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.memo.helpers import CASES_DIR, agree_with_every_finding, pages_text, squeeze

OPEN_QUESTION_CASE = CASES_DIR / "tb-trafficking-unknown.case.json"  # one question still open
QUESTION = "circumstances.trafficking_victim"
WHY = "The applicant's credible testimony at interview settles it; no document exists."
DIFFER = "Her testimony shows trafficking by the smuggler; the exception is met."


@pytest.fixture(autouse=True)
def _signing_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "a passphrase")  # a final memo is signed


def _final(tmp_path: Path, *extra: str) -> tuple[int, Path]:
    output = tmp_path / "final.pdf"
    code = main(["--data-dir", str(tmp_path / "data"), "memo", str(OPEN_QUESTION_CASE),
                 "-o", str(output), "--final", "--officer", "R. Okafor", *extra])
    return code, output


def test_final_without_conclusions_exits_2_naming_each_finding_and_writes_nothing(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _final(tmp_path)
    err = capsys.readouterr().err
    assert code == 2 and not output.exists()
    assert "transit_bar_2019: no conclusion" in err and "firm_resettlement: no conclusion" in err
    assert f"open question {QUESTION}" in err


def test_an_open_question_without_an_explanation_stops_finalize(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _final(tmp_path, *agree_with_every_finding())
    err = capsys.readouterr().err
    assert code == 2 and not output.exists()
    assert f"open question {QUESTION}" in err and "no conclusion" not in err


def test_differ_needs_a_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _final(tmp_path, *agree_with_every_finding(),
                          "--conclusion", "transit_bar_2019=differ",
                          "--decide-without", f"{QUESTION}={WHY}")
    assert code == 2 and not output.exists()
    assert "transit_bar_2019: 'differ' needs a reason" in capsys.readouterr().err


def test_the_final_memo_prints_the_determination_and_the_explanations(tmp_path: Path) -> None:
    code, output = _final(tmp_path, *agree_with_every_finding(),
                          "--conclusion", f"transit_bar_2019=differ:{DIFFER}",
                          "--conclusion", "firm_resettlement=undecided:Not reached here.",
                          "--decide-without", f"{QUESTION}={WHY}")
    assert code == 0
    text = squeeze("\n".join(pages_text(output.read_bytes())))
    assert squeeze("Determination of R. Okafor, 2 Dec 2019") in text
    assert squeeze(DIFFER) in text and squeeze("Not decided here") in text
    assert squeeze(WHY) in text and squeeze("Questions still open, decided without") in text
    # Waypoint's own findings keep their decision-support wording.
    assert squeeze("decision support, not a decision") in text


def test_a_conclusions_file_holds_the_same_record(tmp_path: Path) -> None:
    from desktop.engine.determination import FAMILIES

    record = {"conclusions": [{"rule": rule, "conclusion": "agree"} for rule, _ in FAMILIES],
              "decided_without": [{"question": "Is the applicant a victim of a severe form of "
                                   "trafficking in persons (8 CFR 214.11)?", "reason": WHY}]}
    source = tmp_path / "determination.json"
    source.write_text(json.dumps({"officer_determination": record}), "utf-8")
    code, output = _final(tmp_path, "--conclusions", str(source))
    assert code == 0
    assert squeeze(WHY) in squeeze("\n".join(pages_text(output.read_bytes())))


def test_conclusions_without_final_are_refused(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "draft.pdf"
    assert main(["memo", str(OPEN_QUESTION_CASE), "-o", str(output),
                 "--conclusion", "aca=agree"]) == 2
    assert "go with --final" in capsys.readouterr().err and not output.exists()
