"""Checks before and right after an SQLite store opens: nothing replaced or hidden silently.

- A missing database beside its key file, backups, receipts or clean-exit marker is not a
  first run: MissingDatabaseError names what is left and the newest backup (a new, empty
  store would hide the cases, and its backups would rotate the real ones away).
- An encrypted-looking file without its key file is KeyFileMissingError, not damage: the
  database is intact and restoring a backup over it would lose recent work.
- Saves the audit receipts recorded but the database does not hold (a WAL removed after a
  crash) are reported (a LostCommitsError on Database.lost_commits), not passed over.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from db.errors import (
    DatabaseError,
    KeyFileMissingError,
    LostCommitsError,
    MissingDatabaseError,
)

log = logging.getLogger(__name__)
RANDOM_LOOKING_DISTINCT = 200  # distinct byte values in 1 KiB: ciphertext ~250, text < 100
TAIL_BYTES = 4096


def companions_of(database_file: Path, backup_dir: Path | None,
                  receipts_file: Path | None) -> list[str]:
    """What a store leaves beside its database file, named for a message."""
    from db.backup import automatic_backups
    from db.cipher import key_file_of
    from db.integrity import clean_marker_of
    from db.receipts import receipts_file_for

    found = []
    key_file = key_file_of(database_file)
    if key_file.exists():
        found.append(f"its key file {key_file.name}")
    receipts = receipts_file or receipts_file_for(database_file)
    if receipts.exists() and receipts.stat().st_size > 0:
        found.append(f"its audit receipts {receipts.name}")
    if clean_marker_of(database_file).exists():
        found.append(f"its clean-exit marker {clean_marker_of(database_file).name}")
    if backup_dir is not None and automatic_backups(backup_dir):
        found.append(f"{len(automatic_backups(backup_dir))} backup(s) in {backup_dir}")
    return found


def refuse_missing_database(database_file: Path, backup_dir: Path | None,
                            receipts_file: Path | None) -> None:
    """Raise MissingDatabaseError unless this is a real first run (nothing there at all)."""
    if database_file.exists():
        return
    found = companions_of(database_file, backup_dir, receipts_file)
    if found:
        from db.backup import latest_backup

        raise MissingDatabaseError(database_file, found, latest_backup(backup_dir))


def looks_like_ciphertext(path: Path) -> bool:
    """A whole number of pages whose first KiB looks random: an SQLCipher file, most likely."""
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError:
        return False
    return size >= 1024 and size % 512 == 0 and len(set(head)) >= RANDOM_LOOKING_DISTINCT


def refuse_missing_key_file(database_file: Path, backup_dir: Path | None,
                            passphrase: str | None) -> None:
    """An encrypted-looking database without its key file: say so, and which backup's key
    file opens it (when the passphrase is known); never call it damage."""
    from db import cipher

    key_file = cipher.key_file_of(database_file)
    if (key_file.exists() or not database_file.exists()
            or cipher.is_plain_sqlite(database_file)
            or not looks_like_ciphertext(database_file)):
        return
    raise KeyFileMissingError(database_file, key_file,
                              _backup_key_that_opens(database_file, backup_dir, passphrase))


def _backup_key_that_opens(database_file: Path, backup_dir: Path | None,
                           passphrase: str | None) -> Path | None:
    from db import cipher

    if backup_dir is None or not passphrase or not backup_dir.is_dir():
        return None
    for key_file in sorted(backup_dir.glob("*" + cipher.KEY_FILE_SUFFIX), reverse=True):
        try:
            for raw in cipher.unlock_key_file(key_file, passphrase):
                if cipher.key_opens(database_file, raw):
                    return key_file
        except DatabaseError:
            continue
    return None


def last_receipt_entry(receipts_file: Path) -> int | None:
    """The entry number on the last line of the receipts file (read from its tail only)."""
    try:
        with receipts_file.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            tail = handle.read().decode("ascii", errors="replace")
    except OSError:
        return None
    for line in reversed(tail.splitlines()):
        words = line.split()
        if words and words[0] == "restored":
            words = words[1:]
        if len(words) == 3 and words[0].isdigit():
            return int(words[0])
    return None


def lost_commits(engine: Any, database_file: Path, receipts_file: Path | None,
                 backup_dir: Path | None) -> LostCommitsError | None:
    """The report (LostCommitsError, not raised) when the receipts record entries past the
    database's last one; None when they agree. Reported, not refused: refusing would lock
    every case out where no backup and no WAL is left."""
    if receipts_file is None or not receipts_file.exists():
        return None
    recorded = last_receipt_entry(receipts_file)
    if recorded is None:
        return None
    from sqlalchemy import exc, text

    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT max(id) FROM audit_log")).first()
    except exc.DBAPIError:  # no audit table yet (a database older than the chain)
        return None
    stored = int(row[0]) if row is not None and row[0] is not None else 0
    if recorded <= stored:
        return None
    from db.backup import latest_backup

    log.error("Audit receipts record entry %s, the database ends at %s", recorded, stored)
    return LostCommitsError(database_file, recorded, stored, latest_backup(backup_dir))
