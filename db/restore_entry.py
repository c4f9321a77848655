"""The audit entry a restore writes into the restored file: which backup, which chain it replaced.

The replaced chain's head comes from the file kept aside (read with the same key) or, when that
cannot be read, from the newest receipt; the final memos it held that the backup lacks are
counted, so `audit verify` can say plainly what the restore dropped.
"""

from __future__ import annotations

import getpass
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.audit import entry_hash
from db.audit_story import RESTORE_ACTION
from db.normalise import canonical_json

if TYPE_CHECKING:
    from db.cipher import DatabaseKey


def _aside_facts(replaced: Path, key: DatabaseKey | None) -> tuple[list[Any] | None, set[str]]:
    """The replaced file's head and the SHA-256 of its final memos (None, empty: unreadable)."""
    from db import cipher

    failures: tuple[type[BaseException], ...] = (OSError, sqlite3.Error,
                                                 *cipher.sqlcipher_errors)
    try:
        with closing(cipher.connect(cipher.read_only_uri(replaced), key, uri=True,
                                    timeout=5)) as conn:
            head = conn.execute(
                "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
            finals = {str(row[0]) for row in conn.execute(
                "SELECT sha256 FROM memos WHERE status = 'final'")}
    except failures:
        return None, set()
    return (None if head is None else [int(head[0]), str(head[1])]), finals


def _receipted_head(receipts_path: Path) -> list[Any] | None:
    from db import receipts

    try:
        found, _unreadable = receipts.read(receipts_path)
    except OSError:
        return None
    return [found[-1].entry_id, found[-1].entry_hash] if found else None


def restore_details(receipts_path: Path, backup: Path | None, replaced: Path | None,
                    key: DatabaseKey | None) -> dict[str, Any]:
    """What the restore entry records (file names only, no folders: no personal data)."""
    head, finals = (_aside_facts(replaced, key) if replaced is not None and replaced.exists()
                    else (None, set()))
    details: dict[str, Any] = {
        "backup": backup.name if backup is not None else None,
        "replaced_head": head or _receipted_head(receipts_path),
        "replaced_kept_as": replaced.name if replaced is not None else None,
    }
    if head is not None:
        details["replaced_final_memos"] = sorted(finals)
    return details


def write_restore_entry(conn: Any, restored_head: tuple[int, str],
                        details: dict[str, Any]) -> tuple[int, str]:
    """Append the `store.restored` entry to the restored file; returns the new head."""
    stored_finals = {str(row[0]) for row in conn.execute(
        "SELECT sha256 FROM memos WHERE status = 'final'")}
    replaced_finals = details.pop("replaced_final_memos", None)
    recorded = {**details, "restored_head": list(restored_head)}
    if replaced_finals is not None:
        recorded["final_memos_lost"] = len(set(replaced_finals) - stored_finals)
    return insert_entry(conn, restored_head, RESTORE_ACTION, recorded)


def insert_entry(conn: Any, head: tuple[int, str], action: str,
                 details: dict[str, Any]) -> tuple[int, str]:
    """Chain one entry after head through a DB-API connection and commit; the new head."""
    entry_id, prev = head
    details_json = canonical_json(details)
    at = datetime.now(UTC)
    actor = _actor()
    digest = entry_hash(entry_id + 1, at, actor, action, None, None, details_json, prev)
    conn.execute(
        "INSERT INTO audit_log (id, at, actor, action, case_id, memo_id, details_json, "
        "prev_hash, entry_hash) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?, ?)",
        (entry_id + 1, at.strftime("%Y-%m-%d %H:%M:%S.%f"), actor, action,
         details_json, prev, digest))
    conn.commit()
    return entry_id + 1, digest


def record_in_file(database_file: Path, key: DatabaseKey | None, action: str,
                   details: dict[str, Any]) -> None:
    """One entry (and its receipt) written straight into a closed SQLite file (a key change
    made from the command line, where no Database is open)."""
    from db import cipher, receipts

    with closing(cipher.connect(str(database_file), key)) as conn:
        conn.execute("BEGIN IMMEDIATE")
        head = conn.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        written = insert_entry(conn, (int(head[0]), str(head[1])) if head else (0, "0" * 64),
                               action, details)
    receipts.append(receipts.receipts_file_for(database_file), *written)


def _actor() -> str | None:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None
