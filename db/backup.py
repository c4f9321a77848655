"""SQLite backups with the online backup API: rotating automatic copies, manual copy, restore."""

from __future__ import annotations

import os
import shutil
import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

from db.errors import ReadOnlyDataError, RestoreError

KEEP_AUTOMATIC = 5
AUTO_PREFIX = "waypoint-"
AUTO_SUFFIX = ".sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _ro_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def copy_database(source: Path, destination: Path) -> Path:
    """Copy a live SQLite database consistently (backup API) to destination, atomically."""
    from db.private_files import make_private_dir, make_private_file

    make_private_dir(destination.parent)
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        make_private_file(partial)  # SQLite writes into it, and its journal, as 0600
        with closing(sqlite3.connect(_ro_uri(source), uri=True)) as src, closing(
            sqlite3.connect(partial)
        ) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        os.replace(partial, destination)
    except PermissionError as error:
        partial.unlink(missing_ok=True)
        raise ReadOnlyDataError(str(destination.parent)) from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return destination


def automatic_backups(backup_dir: Path) -> list[Path]:
    """The automatic backups, oldest first (their names sort by time)."""
    if not backup_dir.is_dir():
        return []
    return sorted(
        p for p in backup_dir.iterdir()
        if p.name.startswith(AUTO_PREFIX) and p.name.endswith(AUTO_SUFFIX) and p.is_file()
    )


def latest_backup(backup_dir: Path | None) -> Path | None:
    """The newest automatic backup that at least looks like an SQLite file."""
    if backup_dir is None:
        return None
    for candidate in reversed(automatic_backups(backup_dir)):
        if looks_like_sqlite(candidate):
            return candidate
    return None


def looks_like_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == SQLITE_HEADER
    except OSError:
        return False


def rotate_backup(database_file: Path, backup_dir: Path, reason: str, keep: int = KEEP_AUTOMATIC
                  ) -> Path:
    """Take an automatic backup named by time and reason; keep only the newest `keep`."""
    from db.private_files import make_private_dir

    make_private_dir(backup_dir, tighten=True)  # ours alone; 0755 if an older version made it
    target = backup_dir / f"{AUTO_PREFIX}{_stamp()}-{reason}{AUTO_SUFFIX}"
    copy_database(database_file, target)
    existing = automatic_backups(backup_dir)
    for old in existing[: max(0, len(existing) - keep)]:
        old.unlink(missing_ok=True)
    return target


def unchanged_since_latest_backup(database_file: Path, backup_dir: Path) -> bool:
    """True when neither the file nor its WAL changed after the newest backup was taken."""
    latest = latest_backup(backup_dir)
    if latest is None:
        return False
    wal = database_file.with_name(database_file.name + "-wal")
    changed = database_file.stat().st_mtime_ns
    if wal.exists() and wal.stat().st_size > 0:
        changed = max(changed, wal.stat().st_mtime_ns)
    return changed < latest.stat().st_mtime_ns


def check_restorable(candidate: Path) -> None:
    """Refuse a file that is not an intact SQLite database with a Waypoint schema."""
    if not candidate.is_file():
        raise RestoreError(f"{candidate} does not exist or is not a file.")
    if not looks_like_sqlite(candidate):
        raise RestoreError(f"{candidate} is not a Waypoint database (not an SQLite file).")
    try:
        with closing(sqlite3.connect(_ro_uri(candidate), uri=True)) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()
            has_schema = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
    except sqlite3.DatabaseError as error:
        raise RestoreError(f"{candidate} cannot be read as a database ({error}).") from error
    if verdict is None or verdict[0] != "ok":
        raise RestoreError(f"{candidate} is damaged itself ({verdict[0] if verdict else '?'}).")
    if has_schema is None:
        raise RestoreError(f"{candidate} is an SQLite file but not a Waypoint database.")


def set_aside(database_file: Path, label: str) -> Path | None:
    """Rename the database (and its -wal/-shm) out of the way, keeping it; returns its new path."""
    if not database_file.exists():
        return None
    aside = database_file.with_name(f"{database_file.name}.{label}-{_stamp()}")
    for suffix in ("-wal", "-shm"):
        companion = database_file.with_name(database_file.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(database_file, aside)
    return aside


def restore_file(database_file: Path, backup: Path, label: str = "replaced") -> Path | None:
    """Put backup in place of database_file; the current file is kept aside, never overwritten.

    Returns where the previous file was kept (None if there was none).
    """
    check_restorable(backup)
    from db.private_files import make_private_dir

    make_private_dir(database_file.parent)  # the restored file is made 0600 when it is opened
    incoming = database_file.with_name(database_file.name + ".restoring")
    shutil.copyfile(backup, incoming)
    aside = set_aside(database_file, label)
    os.replace(incoming, database_file)
    return aside
