"""The audit chain's anchor outside the database: an append-only file of the chain's heads.

After every committed write that extends the audit log, one line `<entry> <hash> <time>`
is appended (owner-only file, fsynced). A restore from a backup appends
`restored <entry> <hash> <time>`: from there on the chain legitimately ends earlier.
`audit verify` compares the chain with these lines, so a chain that was cut short,
recomputed, or extended outside Waypoint no longer matches its receipts.
"""

from __future__ import annotations

import os
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.cipher import DatabaseKey

RESTORED = "restored"
SUFFIX = ".audit-receipts.log"


def receipts_file_for(database_file: Path) -> Path:
    """Where the receipts of an SQLite database live: beside it, named after it."""
    return database_file.with_name(database_file.name + SUFFIX)


@dataclass(frozen=True)
class Receipt:
    """One line of the receipts file."""

    line: int
    entry_id: int
    entry_hash: str
    restored: bool = False


def append(path: Path, entry_id: int, entry_hash: str, *, restored: bool = False) -> None:
    """Append one receipt line (create the file 0600) with one write(2).

    Not fsynced: the line is in the operating system's hands once this returns, so a crash of
    Waypoint loses nothing; a power cut may lose the newest lines, which `audit verify` then
    reports as entries without a receipt. (An fsync here doubled the time of every save.)
    """
    stamp = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    line = f"{RESTORED + ' ' if restored else ''}{entry_id} {entry_hash} {stamp}\n"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(descriptor, line.encode("ascii"))
    finally:
        os.close(descriptor)


def read(path: Path) -> tuple[list[Receipt], list[int]]:
    """The receipts in file order, and the numbers of lines that are not receipts."""
    receipts: list[Receipt] = []
    unreadable: list[int] = []
    with path.open("r", encoding="ascii", errors="replace") as handle:
        for number, raw in enumerate(handle, start=1):
            words = raw.split()
            restored = bool(words) and words[0] == RESTORED
            fields = words[1:] if restored else words
            if len(fields) != 3 or not fields[0].isdigit() or len(fields[1]) != 64:
                unreadable.append(number)
                continue
            receipts.append(Receipt(number, int(fields[0]), fields[1], restored))
    return receipts, unreadable


def note_restore(database_file: Path, key: DatabaseKey | None = None, *,
                 backup: Path | None = None, replaced: Path | None = None) -> None:
    """After a restore: record the restored file's chain head as the new starting point, then
    the restore itself as an audit entry (`store.restored`) with the chain it replaced."""
    from db import cipher
    from db.restore_entry import restore_details, write_restore_entry

    path = receipts_file_for(database_file)
    details = restore_details(path, backup, replaced, key)
    with closing(cipher.connect(str(database_file), key)) as conn:
        head = conn.execute(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        entry_id, entry_hash = head if head is not None else (0, "0" * 64)
        append(path, int(entry_id), str(entry_hash), restored=True)
        written = write_restore_entry(conn, (int(entry_id), str(entry_hash)), details)
    append(path, *written)
