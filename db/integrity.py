"""Start-up check of an SQLite file: is it a database, and does quick_check pass?"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING

from db.backup import SQLITE_HEADER, latest_backup
from db.engine import disk_nearly_full
from db.errors import CorruptDatabaseError, DiskFullError

if TYPE_CHECKING:
    from db.cipher import DatabaseKey


def sqlite_file_problem(path: Path, key: DatabaseKey | None = None) -> str | None:
    """Why the file is unusable, or None. An empty file is damage too: Waypoint never leaves
    one (a new database is created, migrated and written in one go), so data went missing."""
    size = path.stat().st_size
    if size == 0:
        return "the file is empty (0 bytes)"
    if key is not None:
        return _encrypted_file_problem(path, key)
    with path.open("rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_HEADER):
        return "the file is not a database"
    if len(header) < 100:
        return "the file is truncated"
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages_in_header = int.from_bytes(header[28:32], "big")
    wal = path.with_name(path.name + "-wal")
    # Without a WAL to supply them, pages the header promises must be in the file.
    if pages_in_header and page_size and size < pages_in_header * page_size and not (
        wal.exists() and wal.stat().st_size > 0
    ):
        return f"the file is truncated ({size} of {pages_in_header * page_size} bytes)"
    try:
        with closing(sqlite3.connect(path.resolve().as_uri(), uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError as error:
        if disk_nearly_full(str(path)):
            raise DiskFullError(str(path.parent)) from error
        return str(error)
    if rows != [("ok",)]:
        return "integrity check failed: " + "; ".join(str(row[0]) for row in rows[:3])
    return None


def _encrypted_file_problem(path: Path, key: DatabaseKey) -> str | None:
    """quick_check through SQLCipher (the header is ciphertext; the key was already checked)."""
    from db import cipher

    try:
        with closing(cipher.connect(path, key)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except cipher.sqlcipher.DatabaseError as error:
        if disk_nearly_full(str(path)):
            raise DiskFullError(str(path.parent)) from error
        return str(error)
    if rows != [("ok",)]:
        return "integrity check failed: " + "; ".join(str(row[0]) for row in rows[:3])
    return None


def check_sqlite_file(path: Path, backup_dir: Path | None, key: DatabaseKey | None = None
                      ) -> None:
    """Raise CorruptDatabaseError (offering the latest backup) if the file is damaged."""
    if not path.exists():
        return
    backup = latest_backup(backup_dir)
    problem = sqlite_file_problem(path, key)
    if problem is not None:
        raise CorruptDatabaseError(path, problem, backup)
