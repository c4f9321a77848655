"""Start-up check of an SQLite file: is it a database, and does quick_check pass?

quick_check reads (and, encrypted, decrypts) every page: seconds for a large file. After a
clean close the database leaves a clean-exit marker (`<file>.clean`) holding the file's
identity, size and modification time, with the time set back a millisecond so that any later
write to the file changes it. When the marker still matches and no WAL or journal is left,
the open only reads the schema (a cheap check); the full quick_check then runs in the
background (Database.check_deferred). Any other start runs the full check first.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from contextlib import closing
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
    return _quick_check(path, lambda: sqlite3.connect(path.resolve().as_uri(), uri=True),
                        sqlite3.DatabaseError)


def _encrypted_file_problem(path: Path, key: DatabaseKey) -> str | None:
    """quick_check through SQLCipher (the header is ciphertext; the key was already checked)."""
    from db import cipher

    return _quick_check(path, lambda: cipher.connect(path, key), cipher.sqlcipher.DatabaseError)


def _quick_check(path: Path, connect: Callable[[], Any],
                 errors: type[Exception]) -> str | None:
    """SQLite's quick_check on a connection from `connect`: None when it passes, else why."""
    try:
        with closing(connect()) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except errors as error:
        if disk_nearly_full(str(path)):
            raise DiskFullError(str(path.parent)) from error
        return str(error)
    if rows != [("ok",)]:
        return "integrity check failed: " + "; ".join(str(row[0]) for row in rows[:3])
    return None


def check_sqlite_file(path: Path, backup_dir: Path | None, key: DatabaseKey | None = None,
                      *, allow_deferred: bool = False) -> bool:
    """Raise CorruptDatabaseError (offering the latest backup) if the file is damaged.

    Returns True when the full quick_check ran (or there is no file), False when only the
    cheap check ran because allow_deferred was given and the clean-exit marker matched.
    """
    if not path.exists():
        return True
    full = not (allow_deferred and closed_cleanly(path))
    problem = sqlite_file_problem(path, key) if full else _schema_problem(path, key)
    if problem is not None:
        raise CorruptDatabaseError(path, problem, latest_backup(backup_dir))
    return full


def _schema_problem(path: Path, key: DatabaseKey | None) -> str | None:
    """The cheap check: the header (plain) and the schema pages read (and decrypted)."""
    if key is None:
        with path.open("rb") as handle:
            if not handle.read(16).startswith(SQLITE_HEADER):
                return "the file is not a database"
    try:
        if key is not None:
            from db import cipher

            with closing(cipher.connect(path, key)) as conn:
                conn.execute("SELECT count(*) FROM sqlite_master").fetchall()
        else:
            with closing(sqlite3.connect(path.resolve().as_uri(), uri=True)) as plain:
                plain.execute("SELECT count(*) FROM sqlite_master").fetchall()
    except Exception as error:  # sqlite3's or sqlcipher's DatabaseError: damage
        if disk_nearly_full(str(path)):
            raise DiskFullError(str(path.parent)) from error
        return str(error)
    return None


def clean_marker_of(path: Path) -> Path:
    return path.with_name(path.name + ".clean")


def _fingerprint(path: Path) -> list[int]:
    info = path.stat()
    return [info.st_ino, info.st_size, info.st_mtime_ns]


def _left_over_log(path: Path) -> bool:
    """A WAL or rollback journal with content: the last close did not finish."""
    for suffix in ("-wal", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists() and side.stat().st_size > 0:
            return True
    return False


def closed_cleanly(path: Path) -> bool:
    """True when the clean-exit marker matches the file and nothing was left to replay."""
    try:
        marker = json.loads(clean_marker_of(path).read_text(encoding="utf-8"))
        return (not _left_over_log(path)) and marker.get("file") == _fingerprint(path)
    except (OSError, ValueError, AttributeError):
        return False


def forget_clean_exit(path: Path) -> None:
    """Remove the marker (damage found): the next start runs the full check first."""
    try:
        clean_marker_of(path).unlink(missing_ok=True)
    except OSError:
        pass


def mark_clean_exit(path: Path) -> None:
    """After the last connection closed on a file that passed quick_check: write the marker.

    The file's modification time is set back 1 ms, so a later write (which stamps the
    current time) always changes it; where the file system keeps coarser times the marker is
    not written and the next start runs the full check.
    """
    from db.private_files import replace_private_bytes

    try:
        if not path.exists() or _left_over_log(path):
            return
        before = path.stat()
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns - 1_000_000))
        if path.stat().st_mtime_ns == before.st_mtime_ns:
            return
        marker = json.dumps({"file": _fingerprint(path)}).encode("utf-8")
        replace_private_bytes(clean_marker_of(path), marker)
    except OSError:  # only a head start for the next open
        forget_clean_exit(path)
