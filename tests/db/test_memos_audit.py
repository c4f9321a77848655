"""Memos and the audit log on both backends: immutability by triggers, chain verification."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest
from sqlalchemy import exc as sa_exc
from sqlalchemy import text

import db
from tests.db.conftest import make_case

DETERMINATION = {"format": "waypoint-determination/1", "decision_date": "2019-12-02",
                 "rules_version": "2025.1 sha256:abc", "engine_version": "0.1.0",
                 "findings": [{"rule": "transit_bar_2019", "outcome": "applies"}],
                 "summary": "The transit bar applies."}


@pytest.fixture
def case_id(case_service: Any) -> str:
    created: str = case_service.create_case(make_case("Núñez", "José"))
    return created


def _finalized(memo_service: Any, case_id: str) -> int:
    memo_service.record_determination(case_id, DETERMINATION)
    memo_id: int = memo_service.finalize(case_id, "Officer K. Lee", b"%PDF-1.4 final")
    return memo_id


def test_determination_is_recorded_with_its_provenance(memo_service: Any, case_service: Any,
                                                       case_id: str) -> None:
    determination_id = memo_service.record_determination(case_id, DETERMINATION)
    stored = memo_service.latest_determination(case_id)
    assert stored.determination_id == determination_id
    assert stored.determination == DETERMINATION
    assert (stored.decision_date, stored.rules_version, stored.engine_version) == (
        "2019-12-02", "2025.1 sha256:abc", "0.1.0")
    assert len(stored.facts_digest) == 64
    assert case_service.get_case(case_id).status == "determined"


def test_draft_then_final_memo(memo_service: Any, case_service: Any, case_id: str) -> None:
    draft_id = memo_service.store_draft_memo(case_id, DETERMINATION, b"%PDF draft")
    final_id = memo_service.finalize(case_id, "Officer K. Lee", b"%PDF final")
    memos = memo_service.list_memos(case_id)
    assert [(m.memo_id, m.status) for m in memos] == [(draft_id, "draft"), (final_id, "final")]
    final = memo_service.latest_memo(case_id)
    assert final.memo_id == final_id and final.pdf_bytes == b"%PDF final"
    assert final.sha256 == hashlib.sha256(b"%PDF final").hexdigest()
    assert final.finalized_by == "Officer K. Lee" and final.finalized_at is not None
    assert final.determination_id == memos[0].determination_id
    assert case_service.get_case(case_id).status == "finalized"


def test_finalize_needs_a_current_determination(memo_service: Any, case_service: Any,
                                                case_id: str) -> None:
    with pytest.raises(db.NotReadyError, match="no determination"):
        memo_service.finalize(case_id, "K. Lee", b"%PDF")
    memo_service.record_determination(case_id, DETERMINATION)
    case_service.save_draft(case_id, make_case("Núñez", "José", notes="new fact"))
    assert case_service.get_case(case_id).status == "draft"
    with pytest.raises(db.NotReadyError, match="changed after its last determination"):
        memo_service.finalize(case_id, "K. Lee", b"%PDF")
    with pytest.raises(db.NotReadyError, match="officer"):
        memo_service.finalize(case_id, "  ", b"%PDF")


def test_amendment_supersedes_and_keeps_the_final_memo(memo_service: Any, case_service: Any,
                                                       case_id: str) -> None:
    first = _finalized(memo_service, case_id)
    with pytest.raises(db.CaseFinalizedError):
        memo_service.finalize(case_id, "K. Lee", b"%PDF again")
    memo_service.start_amendment(case_id, "K. Lee", "new evidence of a claim in Mexico")
    case_service.save_draft(case_id, make_case("Núñez", "José", notes="claim in MX"))
    memo_service.record_determination(case_id, DETERMINATION)
    second = memo_service.finalize(case_id, "K. Lee", b"%PDF-1.4 amended")
    memos = {m.memo_id: m for m in memo_service.list_memos(case_id)}
    assert memos[first].pdf_bytes == b"%PDF-1.4 final" and memos[first].status == "final"
    assert memos[second].supersedes_id == first
    assert memo_service.latest_memo(case_id).memo_id == second


def test_triggers_refuse_changing_or_deleting_a_final_memo(database: Any, memo_service: Any,
                                                           case_id: str) -> None:
    memo_id = _finalized(memo_service, case_id)
    for statement in (f"UPDATE memos SET finalized_by = 'someone else' WHERE id = {memo_id}",
                      f"UPDATE memos SET status = 'draft' WHERE id = {memo_id}",
                      f"DELETE FROM memos WHERE id = {memo_id}"):
        with pytest.raises(sa_exc.DBAPIError, match="final memo cannot be"):
            with database.write() as connection:
                connection.execute(text(statement))
    assert memo_service.latest_memo(case_id).pdf_bytes == b"%PDF-1.4 final"


def test_trigger_refuses_changing_a_finalized_case(database: Any, memo_service: Any,
                                                   case_id: str) -> None:
    _finalized(memo_service, case_id)
    with pytest.raises(sa_exc.DBAPIError, match="finalized case is locked"):
        with database.write() as connection:
            connection.execute(text("UPDATE cases SET data_json = '{}'"))


def test_audit_log_is_append_only(database: Any, case_id: str) -> None:
    for statement in ("UPDATE audit_log SET actor = 'mallory'", "DELETE FROM audit_log"):
        with pytest.raises(sa_exc.DBAPIError, match="append-only"):
            with database.write() as connection:
                connection.execute(text(statement))
    assert database.verify_audit().ok


def test_audit_chain_links_every_change(database: Any, memo_service: Any, case_service: Any,
                                        case_id: str) -> None:
    case_service.save_draft(case_id, make_case("Núñez", "Josefa"))
    _finalized(memo_service, case_id)
    report = database.verify_audit()
    assert report.ok, report.problems
    # The automatic backup after finalizing (SQLite with a backups folder) is an entry too.
    backed_up = ([("store.backed_up", None)]
                 if database.sqlite_file is not None and database.backup_dir is not None else [])
    assert (report.entries_checked, report.memos_checked) == (4 + len(backed_up), 1)
    with database.read() as connection:
        actions = connection.execute(text("SELECT action, actor FROM audit_log ORDER BY id")).all()
    assert [tuple(row) for row in actions] == [
        ("case.created", "tester"), ("case.saved", "tester"),
        ("determination.recorded", "tester"), ("memo.finalized", "Officer K. Lee"),
        *backed_up]


def _bypass_triggers(connection: Any) -> None:
    """What an attacker with file access could do: switch the guards off."""
    if connection.dialect.name == "sqlite":
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("DROP TRIGGER audit_log_no_delete"))
    else:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))


def test_verify_names_the_tampered_entry(database: Any, case_service: Any,
                                         case_id: str) -> None:
    case_service.save_draft(case_id, make_case("Núñez", "Josefa"))
    case_service.save_draft(case_id, make_case("Núñez", "Josefina"))
    with database.write() as connection:
        _bypass_triggers(connection)
        connection.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE id = 2"))
    report = database.verify_audit()
    assert [(p.kind, p.ident) for p in report.problems] == [("entry", 2)]
    assert "audit entry 2" in str(report.problems[0])


def test_verify_notices_a_deleted_entry(database: Any, case_service: Any,
                                        case_id: str) -> None:
    for given in ("A", "B", "C"):
        case_service.save_draft(case_id, make_case("Núñez", given))
    with database.write() as connection:
        _bypass_triggers(connection)
        connection.execute(text("DELETE FROM audit_log WHERE id = 3"))
    problems = database.verify_audit().problems
    # The link breaks at entry 4, the receipts show entry 3 was written, and the case's
    # version counts one save more than the chain holds.
    assert [(p.kind, p.ident) for p in problems] == [("entry", 4), ("entry", 4), ("entry", 3),
                                                     ("case", case_id)]
    assert "missing" in problems[0].message
    assert "saved 3 time(s) (its version is 4), but the chain records 2" in problems[3].message


def test_verify_names_a_memo_whose_pdf_changed(database: Any, memo_service: Any,
                                               case_id: str) -> None:
    draft_id = memo_service.store_draft_memo(case_id, DETERMINATION, b"%PDF draft")
    with database.write() as connection:  # a draft row is not guarded, but it is audited
        connection.execute(text(f"UPDATE memos SET pdf = :pdf WHERE id = {draft_id}"),
                           {"pdf": b"%PDF forged"})
    problems = database.verify_audit().problems
    assert {(p.kind, p.ident) for p in problems} == {("memo", draft_id)}
    assert any("stored SHA-256" in p.message for p in problems)


@pytest.mark.parametrize(("statement", "refusal"), [
    ("UPDATE cases SET status = 'draft', data_json = '{}'", "locked"),
    ("UPDATE cases SET status = 'draft'", "stays finalized unless an amendment"),
    ("DELETE FROM cases", "finalized case cannot be deleted"),
    ("DELETE FROM determinations", "cannot be deleted"),
    ("UPDATE determinations SET findings_json = '{}'", "determination cannot be changed"),
    ("DELETE FROM memos WHERE status = 'draft'", "cannot be deleted"),
])
def test_guards_keep_a_finalized_case_on_both_backends(
        database: Any, memo_service: Any, case_id: str, statement: str, refusal: str) -> None:
    memo_service.store_draft_memo(case_id, DETERMINATION, b"%PDF draft")
    memo_service.finalize(case_id, "Officer K. Lee", b"%PDF final")
    with pytest.raises(sa_exc.DBAPIError, match=refusal):
        with database.write() as connection:
            connection.execute(text(statement))
    assert database.verify_audit().ok
    memo_service.start_amendment(case_id, "Officer K. Lee", "new evidence")  # still allowed
    assert database.verify_audit().ok
