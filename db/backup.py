"""SQLite backups with the online backup API: rotating automatic copies, manual copy, restore."""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import DatabaseError, DiskFullError, ReadOnlyDataError, RestoreError

if TYPE_CHECKING:
    from db.cipher import DatabaseKey

KEEP_AUTOMATIC = 5  # the newest ones; besides them, one a day for a week, one a week for 5
DAILY_DAYS = 7
WEEKLY_WEEKS = 5
PART_SUFFIXES = ("", "-journal", "-wal", "-shm")  # a backup's partial file and SQLite's own
ASIDE_LABELS = ("damaged", "replaced")  # copies set_aside keeps beside the database
STALE_PART_SECONDS = 600  # a .part not written to for this long was left by a killed backup
AUTO_PREFIX = "waypoint-"
AUTO_SUFFIX = ".sqlite3"
SQLITE_HEADER = b"SQLite format 3\x00"


class BackupCheckError(DatabaseError):
    """A fresh backup failed its check: it was removed and does not count."""

    def __init__(self, destination: Path, why: str) -> None:
        super().__init__(
            f"The backup {destination.name} failed its check ({why}), so it was not kept: "
            "the database it was copied from is probably damaged. The earlier backups are "
            "unchanged.")


def _stamp() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")


def _ro_uri(path: Path) -> str:
    return f"{path.resolve().as_uri()}?mode=ro"


def copy_database(source: Path, destination: Path, key: DatabaseKey | None = None) -> Path:
    """Copy a live SQLite database consistently (backup API) to destination, atomically.

    An encrypted database (key given) is copied through SQLCipher with the same key, and its
    key file is copied beside the copy (`<destination>.keys`).
    """
    from db.private_files import make_private_dir, make_private_file

    make_private_dir(destination.parent)
    partial = destination.with_name(destination.name + ".part")
    partial.unlink(missing_ok=True)
    try:
        make_private_file(partial)  # SQLite writes into it, and its journal, as 0600
        _copy_pages(source, partial, key, destination)
        if key is not None:
            from db import cipher

            cipher.copy_key_file(source, destination)
        verify_copy(partial, key, destination)
        os.replace(partial, destination)
    except PermissionError as error:
        _remove_partial(partial)
        raise ReadOnlyDataError(str(destination.parent)) from error
    except BaseException:
        _remove_partial(partial)
        if key is not None and not destination.exists():
            from db.cipher import key_file_of

            key_file_of(destination).unlink(missing_ok=True)
        raise
    return destination


def _copy_pages(source: Path, partial: Path, key: DatabaseKey | None,
                destination: Path) -> None:
    """The backup API's copy; a page that cannot be read is damage in the source."""
    from db import cipher, cipher_files

    try:
        if key is not None:
            cipher_files.backup_encrypted(source, partial, key)
            return
        with closing(sqlite3.connect(_ro_uri(source), uri=True)) as src, closing(
            sqlite3.connect(partial)
        ) as dst:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
    except (sqlite3.DatabaseError, cipher.sqlcipher.DatabaseError) as error:
        text = str(error).lower()
        if _is_disk_full(error):
            raise DiskFullError(str(destination.parent)) from error
        if "malformed" in text or "not a database" in text or "hmac" in text:
            raise BackupCheckError(destination, "a page of the database could not be read: "
                                   "the database is damaged") from error
        raise


def _remove_partial(partial: Path) -> None:
    for suffix in PART_SUFFIXES:
        partial.with_name(partial.name + suffix).unlink(missing_ok=True)


def verify_copy(copy: Path, key: DatabaseKey | None, destination: Path) -> None:
    """A backup counts only once it opens (decrypts) and passes quick_check; else it is
    removed and BackupCheckError says so (the source itself is most likely damaged)."""
    from db import cipher

    try:
        with closing(cipher.connect(_ro_uri(copy), key, uri=True)) as conn:
            rows = conn.execute("PRAGMA quick_check").fetchall()
    except (sqlite3.DatabaseError, cipher.sqlcipher.DatabaseError) as error:
        if _is_disk_full(error):
            raise DiskFullError(str(destination.parent)) from error
        raise BackupCheckError(destination, "it cannot be read back") from error
    if rows != [("ok",)]:
        raise BackupCheckError(destination, "its integrity check failed")


def _is_disk_full(error: BaseException) -> bool:
    text = str(error).lower()
    return "full" in text or "no space" in text


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
    """A plain SQLite file, or an encrypted one with its key file beside it."""
    from db.cipher import looks_encrypted

    try:
        with path.open("rb") as handle:
            if handle.read(16) == SQLITE_HEADER:
                return True
    except OSError:
        return False
    return looks_encrypted(path)


def rotate_backup(database_file: Path, backup_dir: Path, reason: str, keep: int = KEEP_AUTOMATIC,
                  key: DatabaseKey | None = None) -> Path:
    """Take an automatic backup named by time and reason (checked before it counts), then
    thin the older ones by tier (retained_backups)."""
    from db.cipher import key_file_of
    from db.private_files import make_private_dir

    make_private_dir(backup_dir, tighten=True)  # ours alone; 0755 if an older version made it
    target = backup_dir / f"{AUTO_PREFIX}{_stamp()}-{reason}{AUTO_SUFFIX}"
    remove_stale_parts(backup_dir)
    copy_database(database_file, target, key)
    existing = automatic_backups(backup_dir)
    kept = retained_backups(existing, keep)
    for old in existing:
        if old not in kept:
            old.unlink(missing_ok=True)
            key_file_of(old).unlink(missing_ok=True)
    rotate_aside_copies(database_file, keep)
    return target


def taken_at(backup: Path) -> datetime:
    """When an automatic backup was taken: from its name, else its modification time."""
    stamp = backup.name.removeprefix(AUTO_PREFIX)[:22]
    try:
        return datetime.strptime(stamp, "%Y%m%dT%H%M%S%fZ").replace(tzinfo=UTC)
    except ValueError:
        return datetime.fromtimestamp(backup.stat().st_mtime, UTC)


def retained_backups(backups: list[Path], keep: int = KEEP_AUTOMATIC,
                     now: datetime | None = None) -> set[Path]:
    """Tiered retention: the newest `keep`, the newest of each of the last 7 days and of each
    of the last 5 weeks. A burst of backups (imports, failed starts) can no longer push every
    older copy of the cases out; the newest backup (checked when made) is always kept."""
    now = now or datetime.now(UTC)
    newest_first = sorted(backups, key=taken_at, reverse=True)
    kept = set(newest_first[:keep])
    days: set[object] = set()
    weeks: set[object] = set()
    for backup in newest_first:
        when = taken_at(backup)
        age_days = (now - when).days
        if age_days < DAILY_DAYS and when.date() not in days:
            days.add(when.date())
            kept.add(backup)
        week = when.isocalendar()[:2]
        if age_days < WEEKLY_WEEKS * 7 and week not in weeks:
            weeks.add(week)
            kept.add(backup)
    return kept


def remove_stale_parts(backup_dir: Path) -> list[Path]:
    """Delete unfinished backups (`*.part`, and the `.part-journal` SQLite left beside one)
    a killed backup left; a live one (written to in the last 10 minutes) is kept."""
    removed: list[Path] = []
    if not backup_dir.is_dir():
        return removed
    now = time.time()
    parts = [p for suffix in PART_SUFFIXES for p in backup_dir.glob("*.part" + suffix)]
    for part in parts:
        try:
            if now - part.stat().st_mtime > STALE_PART_SECONDS:
                part.unlink()
                removed.append(part)
        except OSError:
            continue
    return removed


def aside_copies(database_file: Path, label: str) -> list[Path]:
    """The copies set_aside kept under label, oldest first (their names sort by time)."""
    prefix = f"{database_file.name}.{label}-"
    return sorted(p for p in database_file.parent.glob(prefix + "*")
                  if not p.name.endswith(("-wal", "-shm")))


def rotate_aside_copies(database_file: Path, keep: int = KEEP_AUTOMATIC) -> None:
    """Keep only the newest `keep` damaged and replaced copies (they hold personal data)."""
    for label in ASIDE_LABELS:
        copies = aside_copies(database_file, label)
        for old in copies[: max(0, len(copies) - keep)]:
            for suffix in ("", "-wal", "-shm"):
                old.with_name(old.name + suffix).unlink(missing_ok=True)


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


def check_restorable(candidate: Path, passphrase: str | None = None) -> DatabaseKey | None:
    """Refuse a file that is not an intact SQLite database with a Waypoint schema.

    An encrypted backup is checked with the key its own key file yields to passphrase.
    """
    from db import cipher

    if not candidate.is_file():
        raise RestoreError(f"{candidate} does not exist or is not a file.")
    if not looks_like_sqlite(candidate):
        raise RestoreError(
            f"{candidate} is not a Waypoint database (not an SQLite file, nor an encrypted "
            f"backup with its key file {cipher.key_file_of(candidate).name} beside it).")
    key = None
    if cipher.looks_encrypted(candidate):
        if passphrase is None:
            raise cipher.PassphraseRequiredError(candidate)
        key = cipher.unlock(candidate, passphrase)
    try:
        with closing(cipher.connect(_ro_uri(candidate), key, uri=True)) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()
            has_schema = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
    except (sqlite3.DatabaseError, cipher.sqlcipher.DatabaseError) as error:
        raise RestoreError(f"{candidate} cannot be read as a database ({error}).") from error
    if verdict is None or verdict[0] != "ok":
        raise RestoreError(f"{candidate} is damaged itself ({verdict[0] if verdict else '?'}).")
    if has_schema is None:
        raise RestoreError(f"{candidate} is an SQLite file but not a Waypoint database.")
    _check_schema_known(candidate, key)
    return key


def _check_schema_known(candidate: Path, key: DatabaseKey | None) -> None:
    """Refuse a backup a newer Waypoint wrote: after the swap nothing could open it."""
    from db import cipher, migrate

    with closing(cipher.connect(_ro_uri(candidate), key, uri=True)) as conn:
        found = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    if found is not None and not migrate.is_known_revision(str(found[0])):
        raise RestoreError(
            f"{candidate} was written by a newer version of Waypoint (schema {found[0]}); "
            "nothing was replaced. Update Waypoint to restore it.")


def set_aside(database_file: Path, label: str) -> Path | None:
    """Rename the database (and its -wal/-shm) out of the way, keeping it; returns its new path."""
    if not database_file.exists():
        from db.cipher import key_file_of

        orphan = key_file_of(database_file)  # a missing database's key file: kept, not lost
        if orphan.exists():
            os.replace(orphan, orphan.with_name(f"{orphan.name}.{label}-{_stamp()}"))
        return None
    aside = database_file.with_name(f"{database_file.name}.{label}-{_stamp()}")
    for suffix in ("-wal", "-shm", ".keys"):
        companion = database_file.with_name(database_file.name + suffix)
        if companion.exists():
            os.replace(companion, aside.with_name(aside.name + suffix))
    os.replace(database_file, aside)
    return aside


def restore_file(database_file: Path, backup: Path, label: str = "replaced",
                 passphrase: str | None = None) -> Path | None:
    """Put backup in place of database_file; the current file is kept aside, never overwritten.

    An encrypted backup brings its key file (it opens with the passphrase it was made with).
    Returns where the previous file was kept (None if there was none).
    """
    from db import cipher

    key = check_restorable(backup, passphrase)
    from db.private_files import make_private_dir

    make_private_dir(database_file.parent)  # the restored file is made 0600 when it is opened
    incoming = database_file.with_name(database_file.name + ".restoring")
    try:
        shutil.copyfile(backup, incoming)
    except BaseException as error:
        incoming.unlink(missing_ok=True)  # never leave a partial copy (e.g. on a full disk)
        if isinstance(error, OSError) and error.errno == errno.ENOSPC:
            raise DiskFullError(str(database_file.parent)) from error
        raise
    aside = set_aside(database_file, label)
    if cipher.looks_encrypted(backup):
        cipher.copy_key_file(backup, database_file)
    os.replace(incoming, database_file)
    rotate_aside_copies(database_file)
    from db.receipts import note_restore

    receipt_failures: tuple[type[BaseException], ...] = (OSError, sqlite3.Error,
                                                         *cipher.sqlcipher_errors)
    try:
        note_restore(database_file, key, backup=backup, replaced=aside)  # the chain ends as its did
    except receipt_failures:
        pass  # restored all the same; `audit verify` will report the receipts as not matching
    return aside
