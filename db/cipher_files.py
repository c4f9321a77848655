"""Encrypting SQLite files: a plain database and every plain copy of it, and encrypted backups.

Each encrypted copy is checked (integrity, every table's row count) before it replaces the
plain file, and its key file is written first: a process that dies at any step leaves a
state the next open finishes (db.cipher holds the key file and the keyed connections).
"""

from __future__ import annotations

import logging
import os
import secrets
from contextlib import closing
from pathlib import Path
from typing import Any

from db.cipher import (
    RAW_KEY_BYTES,
    UNFINISHED,
    DatabaseKey,
    Step,
    _fsync_dir,
    _no_step,
    connect,
    is_plain_sqlite,
    key_file_of,
    make_slot,
    read_only_uri,
    read_slots,
    sqlcipher,
    write_key_file,
)
from db.errors import DatabaseError

log = logging.getLogger("db.cipher")  # the conversion's log lines keep their logger's name


def backup_encrypted(source: Path, partial: Path, key: DatabaseKey) -> None:
    """Copy the encrypted database source to partial with the same key (the backup API)."""
    with closing(connect(read_only_uri(source), key, uri=True)) as src, closing(
        connect(partial, key)
    ) as dst:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")


def _table_counts(connection: Any, schema: str) -> dict[str, int]:
    names = [row[0] for row in connection.execute(
        f"SELECT name FROM {schema}.sqlite_master WHERE type = 'table' "
        "AND name NOT LIKE 'sqlite_%'")]
    return {name: connection.execute(f'SELECT count(*) FROM {schema}."{name}"').fetchone()[0]
            for name in names}


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encrypt_file(plain: Path, raw: bytes, key_slots: list[dict[str, Any]],
                 step: Step = _no_step) -> None:
    """Replace the plain SQLite file with an encrypted copy, checked before the swap.

    Order (each state is safe if the process dies there): the encrypted copy is written to
    `<file>.encrypting` and checked (integrity, every table's row count equal), then its
    key file is written, then the copy atomically replaces the plain file. A plain file with
    a key file beside it is still plain (the header says so) and is converted again.
    """
    partial = plain.with_name(plain.name + ".encrypting")
    partial.unlink(missing_ok=True)
    key = DatabaseKey(raw)
    with closing(connect(plain, None)) as source:
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        source.execute("PRAGMA journal_mode = DELETE")  # no WAL left to replay on the new file
        step("checkpointed")
        source.execute("ATTACH DATABASE ? AS encrypted KEY ?", (str(partial), f"x'{raw.hex()}'"))
        source.execute("SELECT sqlcipher_export('encrypted')")
        version = source.execute("PRAGMA main.user_version").fetchone()[0]
        source.execute(f"PRAGMA encrypted.user_version = {int(version)}")
        expected = _table_counts(source, "main")
        source.execute("DETACH DATABASE encrypted")
    step("exported")
    with closing(connect(partial, key)) as check:
        verdict = check.execute("PRAGMA integrity_check").fetchall()
        found = _table_counts(check, "main")
    if verdict != [("ok",)] or found != expected:
        partial.unlink(missing_ok=True)
        raise DatabaseError(f"Encrypting {plain} failed its check; the plain file is unchanged.")
    _fsync_file(partial)
    step("checked")
    write_key_file(key_file_of(plain), key_slots)
    step("key-written")
    for suffix in ("-wal", "-shm", "-journal"):
        plain.with_name(plain.name + suffix).unlink(missing_ok=True)
    os.replace(partial, plain)
    _fsync_dir(plain.parent)
    step("replaced")


def encrypt_plain_database(database_file: Path, passphrase: str, folders: list[Path],
                           step: Step = _no_step) -> DatabaseKey:
    """Encrypt a plain database and every plain SQLite copy of it in folders (backups).

    The same raw key encrypts them all; each gets its own key file. Returns the database key.
    """
    raw = secrets.token_bytes(RAW_KEY_BYTES)
    encrypt_file(database_file, raw, [make_slot("passphrase", passphrase, raw)], step)
    key = DatabaseKey(raw)
    encrypt_plain_copies(database_file, key, folders, step)
    log.info("Encrypted the database in %s", database_file.parent)
    return key


def encrypt_plain_copies(database_file: Path, key: DatabaseKey, folders: list[Path],
                         step: Step = _no_step) -> None:
    """Encrypt plain SQLite files left in folders (backups of the plain days) with key.

    They get the database's key file; run at every open, so a conversion that died
    between the database and its backups is finished.
    """
    slots: list[dict[str, Any]] | None = None
    for folder in folders:
        for copy in sorted(folder.iterdir()) if folder.is_dir() else []:
            if (not copy.is_file() or copy == database_file or copy.name.endswith(UNFINISHED)
                    or not is_plain_sqlite(copy)):
                continue
            slots = slots if slots is not None else read_slots(key_file_of(database_file))
            try:
                encrypt_file(copy, key.raw(), slots)
            except sqlcipher.DatabaseError as error:  # a damaged copy stays as it is
                log.warning("A plain copy could not be encrypted (%s): %s", copy.name,
                            type(error).__name__)
                continue
            step(f"copy:{copy.name}")
