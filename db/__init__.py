"""Waypoint storage: SQLModel tables, Alembic migrations, backups, audit; no desktop imports.

Importing this package is cheap: SQLAlchemy, SQLModel and Alembic load on first use
(open_database), so the window can paint before the database opens on a worker thread.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import (
    CaseFinalizedError,
    CaseNotFoundError,
    CorruptDatabaseError,
    DatabaseBusyError,
    DatabaseError,
    DatabaseUnavailableError,
    DataFolderError,
    DiskFullError,
    ImportConflictError,
    NewerSchemaError,
    NotReadyError,
    ReadOnlyDataError,
    RestoreError,
)

if TYPE_CHECKING:
    from db.database import Database
    from db.records import (
        AuditProblem,
        AuditReport,
        CaseStatus,
        CaseSummary,
        MemoStatus,
        StoredCase,
        StoredDetermination,
        StoredMemo,
    )

__all__ = [
    "AuditProblem", "AuditReport", "CaseFinalizedError", "CaseNotFoundError", "CaseStatus",
    "CaseSummary", "CorruptDatabaseError", "DataFolderError", "Database", "DatabaseBusyError",
    "DatabaseError",
    "DatabaseUnavailableError", "DiskFullError", "ImportConflictError", "MemoStatus",
    "NewerSchemaError", "NotReadyError", "ReadOnlyDataError", "RestoreError", "StoredCase",
    "StoredDetermination", "StoredMemo", "open_database", "restore_backup",
]


def open_database(url: str, *, backup_dir: Path | None = None,
                  receipts_file: Path | None = None, passphrase: str | None = None,
                  encrypt_plain: bool = False, key: Any = None, defer_check: bool = False,
                  check_receipts: bool = True) -> Database:
    """Open (create, check, back up, migrate) the database at url.

    Raises NewerSchemaError, CorruptDatabaseError (with .damaged_path, .latest_backup),
    ReadOnlyDataError, DiskFullError, DatabaseUnavailableError — all DatabaseError with a
    message for the user. receipts_file: where the audit chain's receipts go (default: beside
    an SQLite file; none for a server unless given). defer_check: after a clean exit, leave
    the full integrity check for Database.check_deferred (run before the first write at latest).
    """
    from db.opening import open_database as _open

    return _open(url, backup_dir=backup_dir, receipts_file=receipts_file,
                 passphrase=passphrase, encrypt_plain=encrypt_plain, key=key,
                 defer_check=defer_check, check_receipts=check_receipts)


def restore_backup(database_file: Path, backup: Path, passphrase: str | None = None
                   ) -> Path | None:
    """Replace database_file with backup; the current file is kept aside (returned), not lost.

    An encrypted backup is checked with passphrase (else $WAYPOINT_PASSPHRASE).
    """
    from db.backup import restore_file
    from db.cipher import passphrase_from_env

    secret = passphrase if passphrase is not None else passphrase_from_env()
    return restore_file(database_file, backup, passphrase=secret)


# Loaded on first use: db.records needs dataclasses (and inspect), ~15 ms that the entry
# points (umask via db.private_files) and the window's first paint do not need.
_RECORDS = frozenset({"AuditProblem", "AuditReport", "CaseStatus", "CaseSummary", "MemoStatus",
                      "StoredCase", "StoredDetermination", "StoredMemo"})


def __getattr__(name: str) -> Any:
    if name == "Database":
        from db.database import Database

        return Database
    if name in _RECORDS:
        from db import records

        return getattr(records, name)
    raise AttributeError(name)
