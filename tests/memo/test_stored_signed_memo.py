"""A signed final memo stored in the database verifies against it; an amendment names its
predecessor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import db
from desktop.cli import main
from desktop.services import signing
from desktop.services.cases import CaseService
from desktop.services.memos import MemoService
from tests.memo.helpers import determine, load_case, pages_text, render, squeeze

PASS = "a long passphrase"


def _signed_final(data: Path, memos: MemoService, case_id: str, case: dict, officer: str,
                  at: datetime) -> bytes:
    determination = determine(case)
    memos.record_determination(case_id, determination)
    supersedes, supersedes_id = memos.superseded_memo(case_id)
    pdf = render(case, determination, status="final", finalized_by=officer, finalized_at=at,
                 signed=True, supersedes=supersedes, supersedes_id=supersedes_id)
    signed, _made = signing.sign_as_officer(pdf, data, officer, PASS)
    memos.finalize(case_id, officer, signed)
    return signed


def test_verify_against_the_database_and_amendment(tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    database = db.open_database(f"sqlite:///{data / 'waypoint.sqlite3'}")
    moments = iter(datetime(2024, 5, 1, 9, tzinfo=UTC) + timedelta(minutes=n) for n in range(99))
    clock = lambda: next(moments)  # noqa: E731
    try:
        cases = CaseService(database, clock, actor="tester")
        memos = MemoService(database, clock, actor="tester")
        case = load_case("tb-trafficking-unknown")
        case_id = cases.create_case(case)
        first = _signed_final(data, memos, case_id, case, "Ana Pérez",
                              datetime(2024, 5, 1, 10, tzinfo=UTC))
        memos.start_amendment(case_id, "Ana Pérez", "trafficking answered")
        case["circumstances"]["trafficking_victim"] = False
        cases.save_draft(case_id, case)
        second = _signed_final(data, memos, case_id, case, "Ana Pérez",
                               datetime(2024, 5, 2, 10, tzinfo=UTC))
        first_id = memos.list_memos(case_id)[0].memo_id
    finally:
        database.close()
    assert squeeze(f"This memo supersedes final memo {first_id}, finalized by Ana Pérez") in \
        squeeze("\n".join(pages_text(second)))
    for number, pdf in enumerate((first, second), start=1):
        memo = tmp_path / f"memo{number}.pdf"
        memo.write_bytes(pdf)
        assert main(["--data-dir", str(data), "memo", "verify", str(memo)]) == 3
        assert "It matches the database: stored final memo" in capsys.readouterr().out


def test_quick_read_answers_as_the_repository_does(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from db.quick_read import read_memo_record

    monkeypatch.delenv("WAYPOINT_PASSPHRASE", raising=False)  # a plain file
    data = tmp_path / "data"
    data.mkdir()
    database_file = data / "waypoint.sqlite3"
    database = db.open_database(f"sqlite:///{database_file}")
    try:
        memos = MemoService(database, actor="tester")
        case = load_case("tb-trafficking-unknown")
        case_id = CaseService(database, actor="tester").create_case(case)
        signed = _signed_final(data, memos, case_id, case, "Ana Pérez",
                               datetime(2024, 5, 1, 10, tzinfo=UTC))
        stored = memos.latest_memo(case_id)
        digest = memos.latest_determination(case_id).facts_digest
        questions = [(stored.sha256, None), ("0" * 64, digest), ("0" * 64, "1" * 64)]
        expected = [database.memos.recorded_for(*question) for question in questions]
    finally:
        database.close()
    answers = [read_memo_record(database_file, *question) for question in questions]
    assert [None if a is None or a[0] is None else tuple(a[0]) for a in answers] == expected
    assert expected[0] is not None and expected[1] is not None and expected[2] is None
    assert signed


def test_verify_against_an_encrypted_database_needs_its_passphrase(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("WAYPOINT_PASSPHRASE", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    database = db.open_database(f"sqlite:///{data / 'waypoint.sqlite3'}",
                                passphrase="database secret")
    try:
        memos = MemoService(database, actor="tester")
        case = load_case("tb-trafficking-unknown")
        case_id = CaseService(database, actor="tester").create_case(case)
        signed = _signed_final(data, memos, case_id, case, "Ana Pérez",
                               datetime(2024, 5, 1, 10, tzinfo=UTC))
    finally:
        database.close()
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(signed)
    assert main(["--data-dir", str(data), "memo", "verify", str(memo)]) == 3
    seen = capsys.readouterr()
    assert "the database is encrypted" in seen.err and "No database was consulted" in seen.out
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", "database secret")
    assert main(["--data-dir", str(data), "memo", "verify", str(memo)]) == 3
    assert "It matches the database: stored final memo" in capsys.readouterr().out
