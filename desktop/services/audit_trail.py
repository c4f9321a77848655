"""Recording exports, prints, backups and key changes as audit entries (one call per site).

The entry names what left the store and how (a file's SHA-256, never its folder or name,
which may carry a person's name). A failure to record is logged, not raised: the file was
written, or the page printed, all the same; `audit verify` cannot miss more than that entry.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.audit_events import record
from db.errors import DatabaseError

if TYPE_CHECKING:
    from db.cipher import DatabaseKey
    from db.database import Database

log = logging.getLogger(__name__)


def note(database: Database, action: str, *, case_id: str | None = None,
         details: dict[str, Any] | None = None, actor: str | None = None) -> bool:
    """Record one audit entry now; False (logged) when it could not be written."""
    from desktop.services.actor import acting_person, utc_clock

    try:
        record(database, action, now=utc_clock(),
               actor=actor if actor is not None else acting_person(database),
               case_id=case_id, details=details)
    except (DatabaseError, OSError) as error:
        log.warning("could not record the audit entry %s: %s", action, type(error).__name__)
        return False
    return True


def file_sha256(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def note_file_written(database: Database, action: str, path: Path, *,
                      case_id: str | None = None, details: dict[str, Any] | None = None,
                      actor: str | None = None) -> bool:
    """An entry for a file that left the store (export, backup, memo saved or printed to a file)."""
    return note(database, action, case_id=case_id, actor=actor,
                details={**(details or {}), "sha256": file_sha256(path)})


def note_print(database: Database, case_id: str | None, what: str, pdf: bytes,
               *, to_file: bool = False) -> bool:
    """An entry for a document sent to the printer (or to a Print-to-File destination)."""
    return note(database, "case.printed", case_id=case_id, details={
        "document": what, "sha256": hashlib.sha256(pdf).hexdigest(), "to_file": to_file})


def note_key_change(database: Database, what: str) -> bool:
    """An entry for a passphrase change, a new recovery key, or a store encrypted."""
    return note(database, "store.key_changed", details={"change": what})


def note_key_change_in_file(database_file: Path, key: DatabaseKey | None, what: str) -> bool:
    """note_key_change for a store the command line changed without opening it."""
    import sqlite3

    from db.cipher import sqlcipher_errors
    from db.restore_entry import record_in_file

    failures: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, *sqlcipher_errors)
    try:
        record_in_file(database_file, key, "store.key_changed", {"change": what})
    except failures as error:
        log.warning("could not record the key change: %s", type(error).__name__)
        return False
    return True


def note_backup(database: Database, path: Path) -> bool:
    """An entry for a backup taken by hand (the backup holds it, so it is written first)."""
    return note(database, "store.backed_up", details={"file": path.name})
