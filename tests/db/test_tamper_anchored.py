"""The tamper kinds the chain and its receipts alone did not see, table-driven.

The receipts file beside the database is the same user's to rewrite, so each attack here
rewrites it to match. What still finds them: the story the entries tell against the rows
(db.audit_story), the restore's own entry, and anchors the caseworker kept outside the
laptop (an anchor code written down after finalizing, the final memo PDF that was sent).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

import db
from db.audit import entry_hash
from desktop.cli import main
from desktop.services.audit_check import anchor_code
from desktop.services.cases import CaseService
from desktop.services.memos import MemoService
from tests.db.conftest import StepClock, make_case
from tests.db.test_memos_audit import DETERMINATION
from tests.db.test_tamper import _drop_guards, _final_case, _recompute_chain
from tests.sqlite_files import connect_file

DATABASE = "waypoint.sqlite3"
RECEIPTS = DATABASE + ".audit-receipts.log"
BEFORE_FINAL = "manual-before-final.sqlite3"


@dataclass(frozen=True)
class Kept:
    """What the caseworker kept outside the laptop's reach, and the data folder."""

    folder: Path
    code: str
    memo: Path
    backup: Path


def _open(folder: Path) -> db.Database:
    return db.open_database(f"sqlite:///{folder / DATABASE}", backup_dir=folder / "backups")


def _memo_pdf(anchor: str) -> bytes:
    """A final memo's bytes as render_memo writes the anchor (in the PDF's keywords)."""
    return (b"%PDF-1.7\n1 0 obj << /Keywords (facts digest x; audit chain head "
            + anchor.encode("ascii") + b") >> endobj\n%%EOF\n")


@pytest.fixture
def kept(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Kept:
    """A finalized case (its memo also saved outside), a draft saved twice after it, a backup
    from before the finalize, and the anchor code shown at the end."""
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    folder, outside = tmp_path / "data", tmp_path / "outside"
    folder.mkdir()
    outside.mkdir()
    database = _open(folder)
    try:
        clock = StepClock()
        cases, memos = CaseService(database, clock, actor="t"), MemoService(database, clock)
        final = cases.create_case(make_case("Núñez", "José"))
        draft = cases.create_case(make_case("Other", "Draft"))
        memos.store_draft_memo(final, DETERMINATION, b"%PDF draft")
        backup = database.backup_to(folder / "backups" / BEFORE_FINAL)
        anchor = memos.chain_anchor()
        assert anchor is not None
        pdf = _memo_pdf(anchor)
        memos.finalize(final, "Officer K. Lee", pdf)
        (outside / "memo.pdf").write_bytes(pdf)
        for given in ("Draft B", "Draft C"):
            cases.save_draft(draft, make_case("Other", given))
        code = anchor_code(database)
        assert code is not None and database.verify_audit().ok
    finally:
        database.close()
    return Kept(folder, code, outside / "memo.pdf", backup)


def _attacker(folder: Path) -> sqlite3.Connection:
    connection = connect_file(folder / DATABASE)
    connection.isolation_level = None
    return connection


def _rewrite_receipts(connection: sqlite3.Connection, folder: Path) -> None:
    """The receipts file rewritten to match the chain as it now is."""
    rows = connection.execute("SELECT id, entry_hash FROM audit_log ORDER BY id").fetchall()
    (folder / RECEIPTS).write_text(
        "".join(f"{i} {h} 2024-05-01T00:00:00.000000Z\n" for i, h in rows), "ascii")


def _append_entry(connection: sqlite3.Connection, folder: Path, action: str,
                  case_id: str | None) -> None:
    """A forged entry with a valid hash, and its receipt line."""
    last, prev = connection.execute(
        "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    at = datetime.fromisoformat("2024-05-01T09:30:00+00:00")
    digest = entry_hash(last + 1, at, "Officer K. Lee", action, case_id, None, "{}", prev)
    connection.execute(
        "INSERT INTO audit_log (id, at, actor, action, case_id, memo_id, details_json, "
        "prev_hash, entry_hash) VALUES (?, '2024-05-01 09:30:00.000000', 'Officer K. Lee', ?, "
        "?, NULL, '{}', ?, ?)", (last + 1, action, case_id, prev, digest))
    with (folder / RECEIPTS).open("a", encoding="ascii") as receipts:
        receipts.write(f"{last + 1} {digest} 2024-05-01T09:30:00.000000Z\n")


def truncate_and_rewrite_receipts(kept: Kept) -> None:
    """The two newest entries cut off, the saves they record hidden, the receipts to match."""
    with closing(_attacker(kept.folder)) as connection:
        _drop_guards(connection)  # the audit log's own triggers too
        connection.execute("DELETE FROM audit_log WHERE id > (SELECT max(id) - 2 FROM audit_log)")
        connection.execute("UPDATE cases SET version = 1")
        _rewrite_receipts(connection, kept.folder)


def forged_save_of_final_case(kept: Kept) -> None:
    with closing(_attacker(kept.folder)) as connection:
        _append_entry(connection, kept.folder, "case.saved", _final_case(connection)[1])


def rechain_after_memo_anchor(kept: Kept) -> None:
    """The finalize entry (after the memo's anchor) signed by someone else, chain recomputed."""
    with closing(_attacker(kept.folder)) as connection:
        _drop_guards(connection)
        connection.execute("UPDATE audit_log SET actor = 'mallory' "
                           "WHERE action = 'memo.finalized'")
        _recompute_chain(connection)
        _rewrite_receipts(connection, kept.folder)


def forged_amendment_to_draft(kept: Kept) -> None:
    """With every guard in place: the guards let a case leave 'finalized' after an amendment."""
    with closing(_attacker(kept.folder)) as connection:
        case_pk, case_id = _final_case(connection)
        _append_entry(connection, kept.folder, "case.amendment_started", case_id)
        connection.execute("UPDATE cases SET status = 'draft' WHERE id = ?", (case_pk,))


def rollback_with_forged_restored_receipt(kept: Kept) -> None:
    """The backup from before the finalize copied over the database by hand."""
    live = kept.folder / DATABASE
    for suffix in ("-wal", "-shm"):
        live.with_name(live.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(kept.backup, live)
    with closing(_attacker(kept.folder)) as connection:
        head = connection.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    with (kept.folder / RECEIPTS).open("a", encoding="ascii") as receipts:
        receipts.write(f"restored {head[0]} {head[1]} 2024-05-01T09:40:00.000000Z\n")


def delete_newest_final_memo_and_renumber(kept: Kept) -> None:
    with closing(_attacker(kept.folder)) as connection:
        _drop_guards(connection)
        case_pk, _case_id = _final_case(connection)
        (gone,) = connection.execute(
            "SELECT id FROM audit_log WHERE action = 'memo.finalized'").fetchone()
        connection.execute("DELETE FROM memos WHERE status = 'final'")
        connection.execute("DELETE FROM audit_log WHERE id = ?", (gone,))
        for (entry_id,) in connection.execute(
                "SELECT id FROM audit_log WHERE id > ? ORDER BY id", (gone,)).fetchall():
            connection.execute("UPDATE audit_log SET id = ? WHERE id = ?",
                               (entry_id - 1, entry_id))
        connection.execute("UPDATE cases SET status = 'determined' WHERE id = ?", (case_pk,))
        _recompute_chain(connection)
        _rewrite_receipts(connection, kept.folder)


def rollback_through_restore(kept: Kept) -> None:
    assert main(["--data-dir", str(kept.folder), "restore", str(kept.backup)]) == 0


Against = Callable[[Kept], list[str]]
NOTHING: Against = lambda kept: []  # noqa: E731  # the chain and its rows alone
CODE: Against = lambda kept: [kept.code]  # noqa: E731  # the code written down at the end
MEMO: Against = lambda kept: [str(kept.memo)]  # noqa: E731  # the final memo that was sent

# (the kind, the attack, what the caseworker checks against, words the finding must contain)
UNSEEN_KINDS: list[tuple[str, Callable[[Kept], None], Against, str]] = [
    ("truncate + rewrite receipts", truncate_and_rewrite_receipts, CODE,
     "anchors this entry, but it is not in this store: the chain was cut short"),
    ("forged entry + receipt line", forged_save_of_final_case, NOTHING,
     "records a save of case"),
    ("re-chain after the last memo's anchor", rechain_after_memo_anchor, CODE,
     "taken when it was the chain's head: the chain up to here was rewritten"),
    ("forged amendment turning a final case into a draft", forged_amendment_to_draft, NOTHING,
     "is draft, but its audit entries"),
    ("rollback + forged restored receipt", rollback_with_forged_restored_receipt, NOTHING,
     "the database file was replaced outside Waypoint (rolled back)"),
    ("delete the newest final memo and renumber", delete_newest_final_memo_and_renumber, MEMO,
     "the memo memo.pdf is not in this store"),
    ("rollback through waypoint restore", rollback_through_restore, NOTHING,
     "dropped 1 final memo(s) made before it"),
]


def _verify(folder: Path, against: list[str], capsys: pytest.CaptureFixture[str]
            ) -> tuple[int, str]:
    capsys.readouterr()
    extra = [arg for target in against for arg in ("--against", target)]
    code = main(["--data-dir", str(folder), "audit", "verify", *extra])
    return code, capsys.readouterr().out


@pytest.mark.parametrize(("kind", "attack", "against", "finding"), UNSEEN_KINDS,
                         ids=[kind for kind, *_ in UNSEEN_KINDS])
def test_verify_finds_the_kinds_the_receipts_alone_missed(
        kind: str, attack: Callable[[Kept], None], against: Against, finding: str, kept: Kept,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _verify(kept.folder, [kept.code, str(kept.memo)], capsys)[0] == 0
    attack(kept)
    code, out = _verify(kept.folder, against(kept), capsys)
    assert code == 1, f"{kind}: not detected\n{out}"
    assert finding in out, out


def test_an_anchor_says_what_it_proves_and_what_it_cannot(
        kept: Kept, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _verify(kept.folder, [str(kept.memo)], capsys)
    assert code == 0, out
    entry = int(kept.code.split("-")[0])
    assert "matches the memo memo.pdf" in out and f"..{entry} were written after it" in out
    assert "cannot vouch for them" in out and "is stored here as memo" in out


def test_a_mistyped_code_is_refused_not_trusted(
        kept: Kept, capsys: pytest.CaptureFixture[str]) -> None:
    slip = kept.code[:-1] + ("A" if kept.code[-1] != "A" else "B")
    capsys.readouterr()
    code = main(["--data-dir", str(kept.folder), "audit", "verify", "--against", slip])
    captured = capsys.readouterr()
    assert code != 0 and "Audit log" not in captured.out
    assert "its check character does not match (a typing slip?)" in captured.err


def test_a_restore_that_drops_no_final_memo_is_a_note_not_a_problem(
        kept: Kept, capsys: pytest.CaptureFixture[str]) -> None:
    later = kept.folder / "backups" / "manual-after-final.sqlite3"
    assert main(["--data-dir", str(kept.folder), "backup", "-o", str(later)]) == 0
    database = _open(kept.folder)
    try:
        (draft,) = [s.case_id for s in database.cases.summaries(status="draft")]
        CaseService(database, StepClock(), actor="t").save_draft(draft, make_case("Other", "D"))
    finally:
        database.close()
    assert main(["--data-dir", str(kept.folder), "restore", str(later)]) == 0
    code, out = _verify(kept.folder, [str(kept.memo)], capsys)
    assert code == 0, out
    assert "note: entry " in out and "a restore from manual-after-final.sqlite3 rolled the " \
        "store from entry" in out
    assert "the replaced file was kept as waypoint.sqlite3.replaced-" in out
    code, out = _verify(kept.folder, [kept.code], capsys)  # the code was taken before the save
    assert code == 0, out


def test_an_anchor_code_survives_typing_and_refuses_slips() -> None:
    from db.anchor import AnchorError, code_for, parse_code

    entry_hash = hashlib.sha256(b"head").hexdigest()
    code = code_for(1234, entry_hash)
    number, *groups, check = code.split("-")
    assert number == "1234" and [len(g) for g in groups] == [4, 4, 4] and len(check) == 1
    typed = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
    anchor = parse_code(typed)
    assert anchor.entry_id == 1234 and anchor.matches(entry_hash)
    assert not anchor.matches(hashlib.sha256(b"other").hexdigest())
    for slip in (code.replace(groups[1], groups[1][::-1]) if groups[1] != groups[1][::-1]
                 else code[:-1] + "Z", "1234-ABCD", "hello"):
        with pytest.raises(AnchorError):
            parse_code(slip)


def test_a_countersigned_copy_of_a_stored_memo_is_recognised() -> None:
    """A signature or countersignature is an incremental update: the stored bytes are a prefix
    ending at an %%EOF, so the copy still counts as the stored memo."""
    from db.anchor import memo_copies

    stored = b"%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n"
    countersigned = stored + b"2 0 obj << /Sig >> endobj\n%%EOF\n"
    assert hashlib.sha256(stored).hexdigest() in memo_copies(countersigned)
    assert hashlib.sha256(stored).hexdigest() not in memo_copies(b"%PDF-1.7 other\n%%EOF\n")


@pytest.mark.postgres
def test_the_office_server_keeps_anchors_no_one_can_change(
        kept: Kept, pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The laptop sends its head; rewriting the laptop's chain and receipts then shows against
    the server, whose anchors neither the laptop nor the table's owner can change."""
    from sqlalchemy import text

    from tests.sqlite_files import engine_for

    db.open_database(pg_url).close()  # the server's schema (migration 0007: audit_anchors)
    assert main(["--data-dir", str(kept.folder), "audit", "anchor", "--to", pg_url]) == 0
    assert "The office server keeps this anchor" in capsys.readouterr().out
    code, out = _verify(kept.folder, [pg_url], capsys)
    assert code == 0 and "matches the office server's anchor of " in out, out

    rechain_after_memo_anchor(kept)
    code, out = _verify(kept.folder, [pg_url], capsys)
    assert code == 1 and "the chain up to here was rewritten" in out, out

    server = engine_for(pg_url)
    try:
        for statement in ("UPDATE audit_anchors SET entry_hash = repeat('0', 64)",
                          "DELETE FROM audit_anchors", "TRUNCATE audit_anchors"):
            with pytest.raises(Exception, match="audit anchors are append-only"):
                with server.begin() as connection:
                    connection.execute(text(statement))
        with server.begin() as connection:  # the server stamps the time and the login
            connection.execute(text(
                "INSERT INTO audit_anchors (store_id, entry_id, entry_hash, anchored_at, "
                "anchored_by) VALUES (repeat('a', 64), 1, repeat('b', 64), "
                "'2001-01-01', 'someone else')"))
            stamped = connection.execute(text(
                "SELECT anchored_at > now() - interval '1 hour', anchored_by = current_user "
                "FROM audit_anchors WHERE store_id = repeat('a', 64)")).one()
        assert tuple(stamped) == (True, True)
    finally:
        server.dispose()


def test_an_unreachable_server_is_one_line(kept: Kept, capsys: pytest.CaptureFixture[str]
                                           ) -> None:
    url = "postgresql+psycopg://nobody:secret@127.0.0.1:9/none?connect_timeout=2"
    assert main(["--data-dir", str(kept.folder), "audit", "verify", "--against", url]) == 2
    err = capsys.readouterr().err
    assert "could not be read (OperationalError)" in err and "secret" not in err
    assert "Traceback" not in err
