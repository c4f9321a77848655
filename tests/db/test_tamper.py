"""Tampering with the SQLite file as an attacker would (stdlib sqlite3, foreign keys off).

With the guards in place the finalized case cannot be changed or deleted; with every guard
dropped, `waypoint audit verify` still names each kind of change, with the entry (or row)
it concerns.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

import db
from db import cipher
from db.audit import entry_hash
from desktop.cli import main
from desktop.services.cases import CaseService
from desktop.services.memos import MemoService
from tests.db.conftest import StepClock, make_case
from tests.db.test_memos_audit import DETERMINATION
from tests.owner_only import assert_mode
from tests.sqlite_files import connect_file

Attack = Callable[[sqlite3.Connection], None]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with a finalized case (draft and final memo) and a draft case."""
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    folder = tmp_path / "data"
    folder.mkdir()
    database = _open(folder)
    try:
        clock = StepClock()
        cases, memos = CaseService(database, clock, actor="t"), MemoService(database, clock)
        final = cases.create_case(make_case("Núñez", "José"))
        cases.create_case(make_case("Other", "Draft"))
        memos.store_draft_memo(final, DETERMINATION, b"%PDF draft")
        memos.finalize(final, "Officer K. Lee", b"%PDF final")
        assert database.verify_audit().ok
    finally:
        database.close()
    return folder


def _open(data_dir: Path) -> db.Database:
    return db.open_database(f"sqlite:///{data_dir / 'waypoint.sqlite3'}",
                            backup_dir=data_dir / "backups")


def _attacker(data_dir: Path) -> sqlite3.Connection:
    connection = connect_file(data_dir / "waypoint.sqlite3")
    connection.isolation_level = None
    assert connection.execute("PRAGMA foreign_keys").fetchone() == (0,)  # the sqlite3 default
    return connection


def _drop_guards(connection: sqlite3.Connection) -> None:
    for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                      "AND name NOT LIKE 'cases_fts%'").fetchall():
        connection.execute(f'DROP TRIGGER "{name}"')


def _verify(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "audit", "verify"])
    return code, capsys.readouterr().out


def _final_case(connection: sqlite3.Connection) -> tuple[int, str]:
    row = connection.execute("SELECT id, case_id FROM cases WHERE status = 'finalized'").fetchone()
    return int(row[0]), str(row[1])


def _new_facts(connection: sqlite3.Connection) -> str:
    _, case_id = _final_case(connection)
    (data_json,) = connection.execute(
        "SELECT data_json FROM cases WHERE case_id = ?", (case_id,)).fetchone()
    data = json.loads(data_json)
    data["entry"]["date"] = "2019-07-01"  # before the rule's effective date
    return json.dumps(data)


def _last_entry(connection: sqlite3.Connection) -> int:
    return int(connection.execute("SELECT max(id) FROM audit_log").fetchone()[0])


def _recompute_chain(connection: sqlite3.Connection) -> None:
    """Rehash every entry from the first, as the verifier would: a self-consistent chain."""
    prev = "0" * 64
    for row in connection.execute("SELECT id, at, actor, action, case_id, memo_id, details_json "
                                  "FROM audit_log ORDER BY id").fetchall():
        digest = entry_hash(row[0], datetime.fromisoformat(row[1]), row[2], row[3], row[4],
                            row[5], row[6], prev)
        connection.execute("UPDATE audit_log SET prev_hash = ?, entry_hash = ? WHERE id = ?",
                           (prev, digest, row[0]))
        prev = digest


def change_finalized_facts_and_recompute_chain(connection: sqlite3.Connection) -> None:
    _, case_id = _final_case(connection)
    facts = _new_facts(connection)
    connection.execute("UPDATE cases SET data_json = ? WHERE case_id = ?", (facts, case_id))
    for entry_id, details in connection.execute(
            "SELECT id, details_json FROM audit_log WHERE action = 'memo.finalized'").fetchall():
        changed = json.loads(details)
        changed["case_sha256"] = hashlib.sha256(facts.encode()).hexdigest()
        connection.execute("UPDATE audit_log SET details_json = ? WHERE id = ?",
                           (json.dumps(changed, sort_keys=True, separators=(",", ":")), entry_id))
    _recompute_chain(connection)


def append_forged_entry(connection: sqlite3.Connection) -> None:
    last, prev = connection.execute(
        "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    at = datetime.fromisoformat("2024-05-02T10:00:00+00:00")
    details = '{"reason":"forged"}'
    _, case_id = _final_case(connection)
    digest = entry_hash(last + 1, at, "mallory", "case.amendment_started", case_id, None,
                        details, prev)
    connection.execute(
        "INSERT INTO audit_log (id, at, actor, action, case_id, memo_id, details_json, "
        "prev_hash, entry_hash) VALUES (?, ?, 'mallory', 'case.amendment_started', ?, NULL, ?, "
        "?, ?)", (last + 1, "2024-05-02 10:00:00.000000", case_id, details, prev, digest))


def delete_case_and_its_memos(connection: sqlite3.Connection) -> None:
    case_pk, _ = _final_case(connection)
    for table in ("memos", "determinations", "journey_stops"):
        connection.execute(f"DELETE FROM {table} WHERE case_pk = ?", (case_pk,))
    connection.execute("DELETE FROM cases WHERE id = ?", (case_pk,))


def draft_and_back(connection: sqlite3.Connection) -> None:
    case_pk, _ = _final_case(connection)
    connection.execute("UPDATE cases SET status = 'draft', data_json = ? WHERE id = ?",
                       (_new_facts(connection), case_pk))
    connection.execute("UPDATE cases SET status = 'finalized' WHERE id = ?", (case_pk,))


def swap_memo_pdf_and_hash(connection: sqlite3.Connection) -> None:
    forged = b"%PDF forged"
    connection.execute("UPDATE memos SET pdf = ?, sha256 = ? WHERE status = 'final'",
                       (forged, hashlib.sha256(forged).hexdigest()))


def sql(*statements: str) -> Attack:
    def run(connection: sqlite3.Connection) -> None:
        for statement in statements:
            connection.execute(statement)
    return run


# (what was done, how, words the finding must contain); all with every guard dropped.
TAMPER_KINDS: list[tuple[str, Attack, str]] = [
    ("an entry's field changed", sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 2"),
     "audit entry 2: its content was changed"),
    ("an entry in the middle deleted", sql("DELETE FROM audit_log WHERE id = 3"),
     "audit entry 4: expected entry 3 here: entry 3 is missing"),
    ("an entry's hash replaced", sql("UPDATE audit_log SET entry_hash = 'ab' || "
                                     "substr(entry_hash, 3) WHERE id = 2"),
     "audit entry 2: its content was changed"),
    ("an entry renumbered", sql("UPDATE audit_log SET id = 90 WHERE id = 4"),
     "audit entry 4: it is missing"),
    ("the whole chain recomputed", change_finalized_facts_and_recompute_chain,
     "audit entry 5: its hash differs from its receipt"),
    ("the last entry deleted", sql("DELETE FROM audit_log WHERE id = "
                                   "(SELECT max(id) FROM audit_log)"),
     "(the chain was cut short)"),
    ("every entry deleted", sql("DELETE FROM audit_log"), "(the chain was cut short)"),
    ("a forged entry appended with a valid hash", append_forged_entry, "have no receipt"),
    ("a final memo row deleted", sql("DELETE FROM memos WHERE status = 'final'"),
     "which is missing (deleted)"),
    ("a case and its memos deleted", delete_case_and_its_memos,
     "which it concerns, is missing (deleted)"),
    ("finalized facts changed", lambda c: c.execute(
        "UPDATE cases SET data_json = ? WHERE status = 'finalized'", (_new_facts(c),)),
     "differ from those it finalized"),
    ("finalized_by changed", sql("UPDATE memos SET finalized_by = 'Someone Else' "
                                 "WHERE status = 'final'"),
     "its record (status, signer, times or links) changed"),
    ("findings changed", sql("UPDATE determinations SET findings_json = "
                             "replace(findings_json, 'applies', 'does_not_apply')"),
     "its findings or provenance changed"),
    ("a memo's PDF changed", sql("UPDATE memos SET pdf = X'2550444620666f72676564' "
                                 "WHERE status = 'final'"),
     "its PDF does not match its stored SHA-256"),
    ("a memo's PDF and SHA-256 changed together", swap_memo_pdf_and_hash,
     "its PDF does not match the SHA-256 audit entry"),
    ("status set to draft with new facts, then back to finalized", draft_and_back,
     "differ from those it finalized"),
    ("a finalized case deleted with foreign keys off",
     sql("DELETE FROM cases WHERE status = 'finalized'"),
     "which it concerns, is missing (deleted)"),
    ("a finalized case set back to draft", sql("UPDATE cases SET status = 'draft' "
                                               "WHERE status = 'finalized'"),
     "without an amendment entry"),
    ("an entry's details made unreadable", sql("UPDATE audit_log SET details_json = "
                                               "'not json' WHERE id = 3"),
     "audit entry 3: its content was changed"),
    ("a forged coverage entry", sql(
        "INSERT INTO audit_log SELECT max(id) + 1, at, actor, 'audit.coverage_added', NULL, "
        "NULL, '{\"memos\": [1, 2]}', entry_hash, entry_hash FROM audit_log"),
     "have no receipt"),
    ("a determination deleted", sql("DELETE FROM determinations"),
     "it records determination 1, which is missing"),
    ("a memo inserted without an entry", sql(
        "INSERT INTO memos (case_pk, status, pdf, sha256, created_at) "
        "SELECT case_pk, 'draft', pdf, sha256, created_at FROM memos WHERE id = 1"),
     "no audit entry records this memo"),
]


@pytest.mark.parametrize(("kind", "attack", "finding"), TAMPER_KINDS,
                         ids=[kind for kind, _, _ in TAMPER_KINDS])
def test_verify_detects_tampering_with_the_guards_dropped(
        kind: str, attack: Attack, finding: str, data_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    with closing(_attacker(data_dir)) as connection:
        _drop_guards(connection)
        attack(connection)
    code, out = _verify(data_dir, capsys)
    assert code == 1, f"{kind}: not detected\n{out}"
    assert finding in out, out


@pytest.mark.parametrize(("attack", "refusal"), [
    (draft_and_back, "a finalized case is locked"),
    (sql("UPDATE cases SET status = 'draft' WHERE status = 'finalized'"),
     "stays finalized unless an amendment is recorded"),
    (sql("DELETE FROM cases WHERE status = 'finalized'"), "finalized case cannot be deleted"),
    (sql("DELETE FROM memos WHERE status = 'draft'"), "nor any memo of a finalized case"),
    (sql("DELETE FROM determinations"), "determination cannot be deleted"),
    (sql("UPDATE determinations SET findings_json = '{}'"), "cannot be changed"),
    (sql("UPDATE memos SET finalized_by = 'x' WHERE status = 'final'"), "final memo cannot"),
    (sql("UPDATE cases SET display_name = 'x' WHERE status = 'finalized'"), "is locked"),
], ids=["draft-and-back", "leave-finalized", "delete-case-fk-off", "delete-draft-memo",
        "delete-determination", "update-determination", "update-final-memo", "rename-case"])
def test_guards_refuse_whatever_the_foreign_key_pragma(
        attack: Attack, refusal: str, data_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    with closing(_attacker(data_dir)) as connection:
        refused = (sqlite3.IntegrityError, cipher.sqlcipher.IntegrityError)
        with pytest.raises(refused, match=refusal):
            attack(connection)
    assert _verify(data_dir, capsys) == (0, _verify(data_dir, capsys)[1])
    assert "OK" in _verify(data_dir, capsys)[1]


def test_amendment_still_leaves_the_finalized_state(data_dir: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    database = _open(data_dir)
    try:
        memos = MemoService(database, StepClock())
        (case_id,) = [s.case_id for s in database.cases.summaries(status="finalized")]
        memos.start_amendment(case_id, "Officer K. Lee", "new evidence")
        assert database.cases.get(case_id).status == "determined"
    finally:
        database.close()
    code, out = _verify(data_dir, capsys)
    assert code == 0, out


def test_receipts_file_is_owner_only_and_one_line_per_head(data_dir: Path) -> None:
    receipts = data_dir / "waypoint.sqlite3.audit-receipts.log"
    assert_mode(receipts, 0o600)
    lines = receipts.read_text("ascii").splitlines()
    with closing(connect_file(data_dir / "waypoint.sqlite3")) as connection:
        head = connection.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert lines[-1].split()[:2] == [str(head[0]), head[1]]
    assert [int(line.split()[0]) for line in lines] == sorted(int(x.split()[0]) for x in lines)


def test_a_final_memo_carries_the_chain_head_and_vouches_for_it(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Even with the receipts rewritten to match, a rewritten chain disagrees with the memo."""
    import io

    from pypdf import PdfReader

    from desktop.services.memo_rendering import render_case_memo
    from desktop.services.rules import bundled_rule_pack
    from tests.evaluated import evaluated

    database = _open(data_dir)
    try:
        clock = StepClock()
        cases, memos = CaseService(database, clock, actor="t"), MemoService(database, clock)
        case_id = cases.create_case(make_case("Anchored", "Memo"))
        determination = evaluated(cases.get_case(case_id).case_data)
        anchor = memos.chain_anchor()
        assert anchor is not None
        pdf = render_case_memo(cases.get_case(case_id).case_data, determination,
                               pack=bundled_rule_pack(), generated_at=clock(), status="final",
                               finalized_by="K. Lee", finalized_at=clock(), audit_anchor=anchor)
        memos.record_determination(case_id, determination)
        memos.finalize(case_id, "K. Lee", pdf)
    finally:
        database.close()
    keywords = PdfReader(io.BytesIO(pdf)).metadata["/Keywords"]
    assert f"audit chain head {anchor}" in keywords
    assert _verify(data_dir, capsys)[0] == 0

    with closing(_attacker(data_dir)) as connection:
        _drop_guards(connection)
        connection.execute("UPDATE audit_log SET actor = 'mallory' WHERE id = 1")
        _recompute_chain(connection)
        rows = connection.execute("SELECT id, entry_hash FROM audit_log ORDER BY id").fetchall()
    receipts = data_dir / "waypoint.sqlite3.audit-receipts.log"
    receipts.write_text("".join(f"{i} {h} 2024-05-01T00:00:00Z\n" for i, h in rows), "ascii")
    code, out = _verify(data_dir, capsys)
    entry = anchor.split(":")[0]
    assert code == 1 and f"audit entry {entry}: memo 3 was written when this entry" in out, out
