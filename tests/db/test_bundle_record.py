"""A bundle of a finalized case carries its record (waypoint-record/1): status, the pinned
decision date, the signed memo with the officer's determination, and the case's audit entries,
which the receiving office can check; importing it still gives the case file."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

import db
from desktop.services.bundle import open_bundle
from desktop.services.case_record import RECORD_FORMAT, check_record
from desktop.services.cases import CaseService
from desktop.services.decision import DecisionPath, FinalInput
from desktop.services.memos import MemoService
from desktop.services.officer_record import DecidedWithout, RuleConclusion, open_questions
from desktop.services.rules import bundled_rule_pack
from tests.case_paths import EXTRA_CASES_DIR

SECRET = "bundle passphrase for the office"
NOW = datetime(2026, 12, 8, 1, 30, tzinfo=UTC)  # 7 December in Los Angeles
CASE = EXTRA_CASES_DIR / "es-northern-border-entry.case.json"


@pytest.fixture
def finalized(tmp_path: Path) -> tuple[CaseService, str, int]:
    database = db.open_database(f"sqlite:///{tmp_path / 'waypoint.sqlite3'}")
    cases = CaseService(database, lambda: NOW, actor="ana")
    memos = MemoService(database, lambda: NOW, actor="ana")
    data = json.loads(CASE.read_text("utf-8"))
    data.pop("decision_date", None)
    case_id = cases.create_case(data)
    path = DecisionPath(bundled_rule_pack(), zone_name="America/Los_Angeles", clock=lambda: NOW)
    determination = path.evaluate(data, path.decide(data))
    record = FinalInput("R. Okafor",
                        tuple(RuleConclusion(f["rule"], "agree")
                              for f in determination["findings"]),
                        tuple(DecidedWithout(q.field, q.question, "Settled at interview.")
                              for q in open_questions(determination)))
    final = path.finalize(cases, memos, case_id, data, record, data_dir=tmp_path / "keys",
                          passphrase="officer key passphrase")
    yield cases, case_id, final.memo_id
    database.close()


def test_the_decision_date_is_pinned_in_the_office_zone_and_stored_with_case_and_memo(
        finalized: tuple[CaseService, str, int]) -> None:
    cases, case_id, _memo_id = finalized
    assert cases.get_case(case_id).case_data["decision_date"] == "2026-12-07"  # not UTC's 8th
    memo = cases.database.memos.latest(case_id)
    assert memo.decision_date == "2026-12-07" and memo.time_zone == "America/Los_Angeles"
    assert memo.officer_determination["officer"] == "R. Okafor"
    assert memo.officer_determination["signer_certificate_sha256"]


def test_a_finalized_case_travels_with_its_record(finalized: tuple[CaseService, str, int],
                                                  tmp_path: Path) -> None:
    cases, case_id, memo_id = finalized
    target = cases.export_case(case_id, tmp_path / "out.bundle.json", SECRET)
    assert json.loads(target.read_bytes())["content"] == "application/json; waypoint-record/1"
    record = open_bundle(target, SECRET)
    assert record["format"] == RECORD_FORMAT and record["status"] == "finalized"
    assert record["decision_date"] == "2026-12-07"
    assert record["case"]["decision_date"] == "2026-12-07"
    (memo,) = record["memos"]
    assert memo["memo_id"] == memo_id and memo["officer_determination"]["decided_without"]
    assert base64.b64decode(memo["pdf"]).startswith(b"%PDF") and \
        b"/ByteRange" in base64.b64decode(memo["pdf"])  # the signed PDF itself
    assert any(entry["action"] == "memo.finalized" for entry in record["audit"])
    assert check_record(record) == []

    changed = json.loads(json.dumps(record))
    changed["audit"][-1]["actor"] = "someone else"
    pdf = bytearray(base64.b64decode(changed["memos"][0]["pdf"]))
    pdf[100] ^= 1
    changed["memos"][0]["pdf"] = base64.b64encode(bytes(pdf)).decode()
    problems = check_record(changed)
    assert any("does not match its hash" in p for p in problems)
    assert any("does not match its SHA-256" in p for p in problems)

    other = db.open_database(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    try:
        (imported,) = CaseService(other, lambda: NOW, actor="bo").import_files(
            [target], bundle_passphrase=SECRET)
        assert other.cases.get(imported).case_data["decision_date"] == "2026-12-07"
    finally:
        other.close()


def test_amending_keeps_the_final_record_and_releases_a_date_pinned_from_today(
        finalized: tuple[CaseService, str, int], tmp_path: Path) -> None:
    cases, case_id, memo_id = finalized
    memos = MemoService(cases.database, lambda: NOW, actor="ana")
    memos.start_amendment(case_id, "R. Okafor", "New evidence")
    assert "decision_date" not in cases.get_case(case_id).case_data  # the amendment's own
    kept = [m for m in memos.list_memos(case_id) if m.memo_id == memo_id][0]
    assert kept.status == "final" and kept.decision_date == "2026-12-07"


def test_the_export_file_name_never_carries_a_name() -> None:
    from desktop.ui.case_list.transfer import export_file_name

    assert export_file_name("c-0123", bundle=True) == "case-c-0123.bundle.json"
    assert "/" not in export_file_name("../x y", bundle=False)
