"""Signed review: the caseworker signs on submitting, the supervisor counter-signs on approval."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.cli import main
from desktop.services.memo_verification import check_memo
from desktop.services.review import NotAllowedError, ReviewService, SigningKey
from desktop.services.signing import SigningError
from tests.memo.helpers import agree_with_every_finding
from tests.office.conftest import PACK, evaluated_case, make_case, submit_decided


@pytest.fixture
def database(sqlite_url: str) -> Any:
    import db

    opened = db.open_database(sqlite_url)
    yield opened
    opened.close()


@pytest.fixture
def people(database: Any, clock: Any) -> dict[str, ReviewService]:
    admin = ReviewService(database, clock, actor="admin")
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    admin.add_profile("dana", "Dana Cole", "supervisor")
    return {login: ReviewService(database, clock, actor=login, pack=PACK)
            for login in ("ana", "dana")}


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def _pdfsig(pdf: bytes, folder: Path) -> str:
    memo = folder / "memo.pdf"
    memo.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(memo)], capture_output=True, text=True).stdout


def test_approved_memo_carries_both_signatures(people: dict[str, ReviewService], database: Any,
                                               clock: Any, tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    ana, dana = people["ana"], people["dana"]
    case_id = evaluated_case(database, clock, "ana")
    submit_decided(ana, case_id, SigningKey(tmp_path, "ana's passphrase"))
    submitted = database.memos.latest(case_id)
    assert submitted.status == "draft"
    alone = check_memo(submitted.pdf_bytes)  # signed by Ana, not yet approved: not valid
    assert [s.signer for s in alone.signatures] == ["Ana Ruiz"]
    assert any("counter-signature" in p for p in alone.problems)
    with pytest.raises(NotAllowedError, match="counter-sign"):
        dana.approve(case_id)
    with pytest.raises(SigningError, match="passphrase does not open"):  # Ana's key, wrong one
        ReviewService(database, clock, actor="ana", pack=PACK)._countersign(
            submitted.pdf_bytes, "Ana Ruiz", SigningKey(tmp_path, "wrong"))
    memo_id = dana.approve(case_id, SigningKey(tmp_path, "dana's passphrase"))
    final = database.memos.latest(case_id)
    assert final.memo_id == memo_id and final.status == "final"
    assert final.pdf_bytes.startswith(submitted.pdf_bytes)  # the same memo, counter-signed
    check = check_memo(final.pdf_bytes)
    assert check.valid, check.problems
    assert [s.signer for s in check.signatures] == ["Ana Ruiz", "Dana Cole"]
    assert _pdfsig(final.pdf_bytes, tmp_path).count("Signature is Valid") == 2
    text = _text(final.pdf_bytes)
    assert "Prepared by Ana Ruiz 1 May 2024" in text
    assert "counter-signature (signature 2)" in text
    memo_file = tmp_path / "final.pdf"
    memo_file.write_bytes(final.pdf_bytes)
    # self-signed keys (no office authority here): valid, but no one's identity established
    assert main(["--data-dir", str(tmp_path), "memo", "verify", str(memo_file)]) == 3
    out = capsys.readouterr().out
    assert "Signature 1 (Ana Ruiz" in out and "Signature 2 (Dana Cole" in out
    assert database.verify_audit().ok


def test_unsigned_submission_is_signed_by_the_reviewer_alone(
        people: dict[str, ReviewService], database: Any, clock: Any, tmp_path: Path) -> None:
    case_id = evaluated_case(database, clock, "ana")
    submit_decided(people["ana"], case_id)
    people["dana"].approve(case_id, SigningKey(tmp_path, "dana's passphrase"))
    final = database.memos.latest(case_id)
    check = check_memo(final.pdf_bytes)
    assert check.valid, check.problems
    assert [s.signer for s in check.signatures] == ["Dana Cole"]
    text = _text(final.pdf_bytes)
    assert "Prepared by Ana Ruiz 1 May 2024" in text and "Reviewed by Dana Cole 1 May 2024" in text


def test_cli_submit_and_approve_sign_with_the_passphrase_variable(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "office passphrase")
    data_dir = tmp_path / "data"
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case("Núñez", "José", case_id="HQ-9")), "utf-8")

    def run(*argv: str) -> int:
        return main(["--data-dir", str(data_dir), *argv])

    assert run("import", str(case_file)) == 0
    assert run("admin", "add-profile", "ana", "--name", "Ana Ruiz", "--role", "caseworker") == 0
    assert run("admin", "add-profile", "dana", "--name", "Dana Cole", "--role", "supervisor") == 0
    assert run("admin", "review-setting", "required") == 0
    capsys.readouterr()
    assert run("review", "--as", "ana", "submit", "HQ-9") == 2  # her determination is needed
    assert "aca: no conclusion" in capsys.readouterr().err
    assert run("review", "--as", "ana", "submit", "HQ-9", *agree_with_every_finding()) == 0
    assert run("review", "--as", "dana", "approve", "HQ-9") == 0
    assert run("audit", "verify") == 0
    import db
    from desktop.paths import resolve_database_url, resolve_paths

    opened = db.open_database(resolve_database_url(resolve_paths(str(data_dir)), None))
    try:
        final = opened.memos.latest("HQ-9")
    finally:
        opened.close()
    assert [s.signer for s in check_memo(final.pdf_bytes).signatures] == ["Ana Ruiz",
                                                                           "Dana Cole"]
    text = _text(final.pdf_bytes)  # her signed submission, counter-signed
    assert "Determination of Ana Ruiz, 2 Dec 2019" in text
    assert "recorded when she submitted the case for review; a supervisor's approval" in text
    assert final.decision_date == "2019-12-02"
    assert final.officer_determination is not None
    assert final.officer_determination["approved_by"] == "Dana Cole"
