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

if TYPE_CHECKING:
    from db.database import Database

__all__ = [
    "AuditProblem", "AuditReport", "CaseFinalizedError", "CaseNotFoundError", "CaseStatus",
    "CaseSummary", "CorruptDatabaseError", "DataFolderError", "Database", "DatabaseBusyError",
    "DatabaseError",
    "DatabaseUnavailableError", "DiskFullError", "ImportConflictError", "MemoStatus",
    "NewerSchemaError", "NotReadyError", "ReadOnlyDataError", "RestoreError", "StoredCase",
    "StoredDetermination", "StoredMemo", "open_database", "restore_backup",
]


def open_database(url: str, *, backup_dir: Path | None = None,
                  receipts_file: Path | None = None) -> Database:
    """Open (create, check, back up, migrate) the database at url.

    Raises NewerSchemaError, CorruptDatabaseError (with .damaged_path, .latest_backup),
    ReadOnlyDataError, DiskFullError, DatabaseUnavailableError — all DatabaseError with a
    message for the user. receipts_file: where the audit chain's receipts go (default: beside
    an SQLite file; none for a server unless given).
    """
    from db.database import open_database as _open

    return _open(url, backup_dir=backup_dir, receipts_file=receipts_file)


def restore_backup(database_file: Path, backup: Path) -> Path | None:
    """Replace database_file with backup; the current file is kept aside (returned), not lost."""
    from db.backup import restore_file

    return restore_file(database_file, backup)


def __getattr__(name: str) -> Any:
    if name == "Database":
        from db.database import Database

        return Database
    raise AttributeError(name)
