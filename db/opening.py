"""Open a database: check the file and its key, back it up, migrate, hand back a Database.

open_database is the one way in (db.open_database calls it). The steps, in order: refuse what
cannot be a store (db.store_checks), make sure the folder is writable and private, find or
make the key (a plain file is encrypted first if asked), check the file (quick_check, or
deferred after a clean exit), read the schema revision, take the automatic backup, migrate.
A failed open leaves no half-made file and no backup that would rotate good ones out.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from db import migrate, receipts
from db.audit_events import anchor_older_chain
from db.backup import rotate_backup, unchanged_since_latest_backup
from db.cipher import sqlcipher_errors
from db.database import PRE_RECEIPT_REVISIONS, Database
from db.engine import build_engine, disk_nearly_full, sqlite_file_of, translated_errors
from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DataFolderError,
    DiskFullError,
    NewerSchemaError,
    ReadOnlyDataError,
)
from db.integrity import check_sqlite_file
from db.schema_marks import check_schema_matches
from db.server_login import attach_server_login

if TYPE_CHECKING:
    from db.cipher import DatabaseKey

log = logging.getLogger("db.database")  # the open's log lines keep their logger's name


def _check_writable(path: Path) -> None:
    for folder in (path.parent, *path.parent.parents):
        if folder.exists() and not folder.is_dir():
            raise DataFolderError(str(folder))
    try:
        from db.private_files import make_private_dir

        make_private_dir(path.parent)
    except OSError as error:
        raise ReadOnlyDataError(str(path.parent)) from error
    if not os.access(path.parent, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ReadOnlyDataError(str(path.parent))


def _make_private(sqlite_file: Path) -> None:
    """The database 0600; SQLite gives its -wal, -shm and -journal files the same mode."""
    from db.private_files import restrict_file

    for suffix in ("", "-wal", "-shm", "-journal"):
        restrict_file(sqlite_file.with_name(sqlite_file.name + suffix))


def _has_data(path: Path) -> bool:
    return path.exists() and path.stat().st_size > 0


def _read_revision(engine: Engine, sqlite_file: Path | None, backup_dir: Path | None
                   ) -> str | None:
    from db.backup import latest_backup

    try:
        with translated_errors(str(sqlite_file or "")), engine.connect() as connection:
            return migrate.current_revision(connection)
    except (sa_exc.DatabaseError, sqlite3.DatabaseError) as error:  # sqlcipher's are wrapped
        if sqlite_file is None:
            raise
        if disk_nearly_full(str(sqlite_file)):  # not damage: SQLite could not grow its WAL
            raise DiskFullError(str(sqlite_file.parent)) from error
        raise CorruptDatabaseError(
            sqlite_file, str(getattr(error, "orig", error)), latest_backup(backup_dir)
        ) from error


def _key_of(sqlite_file: Path, backup_dir: Path | None, passphrase: str | None,
            encrypt_plain: bool) -> DatabaseKey | None:
    """The SQLCipher key (None: plain); a plain file is encrypted first if asked."""
    from db import cipher

    secret = passphrase if passphrase is not None else cipher.passphrase_from_env()
    if encrypt_plain and secret and _has_data(sqlite_file) and cipher.is_plain_sqlite(
            sqlite_file):
        check_sqlite_file(sqlite_file, backup_dir)  # a damaged file is not converted
        from db.rekey import encrypt_existing

        with translated_errors(str(sqlite_file.parent)):
            return encrypt_existing(
                sqlite_file, secret, [backup_dir] if backup_dir is not None else [])
    return cipher.key_for(sqlite_file, secret)


@dataclass
class _OpenState:
    """What the open learnt on its way: kept apart so that a failure can undo its backup."""

    checked: bool  # the full quick_check ran (or there is no file to check)
    revision: str | None = None
    lost: DatabaseError | None = None
    backup: Path | None = None


def open_database(url: str, *, backup_dir: Path | None = None,
                  receipts_file: Path | None = None, passphrase: str | None = None,
                  encrypt_plain: bool = False, key: DatabaseKey | None = None,
                  defer_check: bool = False, check_receipts: bool = True) -> Database:
    """Check, back up and migrate the database at url; raise DatabaseError with a message.

    An SQLite file is encrypted (db.cipher) when its key file says so, or when it is new and
    a passphrase is given (or $WAYPOINT_PASSPHRASE is set); a plain file is encrypted first
    when encrypt_plain is true. A wrong passphrase raises WrongPassphraseError and changes
    nothing. A key already unlocked (db.cipher.unlock) saves deriving it again. A missing
    file is created only on a real first run (db.store_checks). The full quick_check runs
    before the open returns, unless defer_check (the window, after a clean exit): then it
    runs in the background (Database.check_deferred), and before the first write at latest.
    Saves the audit receipts record but the file lacks are put on Database.lost_commits
    (reported, not refused); check_receipts=False skips that (`audit verify` does it in full).
    """
    file_name = sqlite_file_of(url)
    sqlite_file = Path(file_name).expanduser().resolve() if file_name else None
    read_only_url = "mode=ro" in url
    existed = sqlite_file is not None and sqlite_file.exists()
    state = _OpenState(checked=True)
    if sqlite_file is not None:
        key, state.checked = _prepare_file(
            sqlite_file, backup_dir, receipts_file, passphrase, key,
            encrypt_plain=encrypt_plain and not read_only_url, read_only=read_only_url,
            defer_check=defer_check)
    had_data = sqlite_file is not None and _has_data(sqlite_file)
    engine = build_engine(url, key)
    login = attach_server_login(engine, url, passphrase) if sqlite_file is None else None
    try:
        _read_state(engine, state, sqlite_file, backup_dir, receipts_file,
                    check_receipts=check_receipts, read_only=read_only_url)
        _back_up_and_migrate(engine, state, url, sqlite_file, backup_dir, key,
                             had_data=had_data)
    except BaseException:
        engine.dispose()
        _forget_backup(state.backup)  # a failed open leaves no backup to rotate good ones out
        if sqlite_file is not None and not existed:
            _remove_unfinished(sqlite_file)
        raise
    database = Database(url, engine, sqlite_file=sqlite_file, backup_dir=backup_dir,
                        receipts_file=receipts_file, key=key)
    database.checked = sqlite_file is None or state.checked
    database.lost_commits = state.lost
    database.server_login = login
    if state.revision in PRE_RECEIPT_REVISIONS:
        anchor_older_chain(database)
    return database


def _prepare_file(sqlite_file: Path, backup_dir: Path | None, receipts_file: Path | None,
                  passphrase: str | None, key: DatabaseKey | None, *, encrypt_plain: bool,
                  read_only: bool, defer_check: bool) -> tuple[DatabaseKey | None, bool]:
    """Before any connection: refuse what is no store, find the key, check the file.

    Returns the key (None: plain) and whether the full quick_check ran.
    """
    from db import store_checks

    store_checks.refuse_missing_database(sqlite_file, backup_dir, receipts_file)
    if not read_only:
        _check_writable(sqlite_file)
    if key is None:
        from db.cipher import passphrase_from_env

        store_checks.refuse_missing_key_file(
            sqlite_file, backup_dir,
            passphrase if passphrase is not None else passphrase_from_env())
        key = _key_of(sqlite_file, backup_dir, passphrase, encrypt_plain)
    if key is not None and not read_only:
        from db.cipher import add_missing_checksum, key_file_of

        add_missing_checksum(key_file_of(sqlite_file))
    if key is not None and backup_dir is not None and not read_only:
        from db.cipher_files import encrypt_plain_copies

        with translated_errors(str(backup_dir)):  # plain backups a conversion left
            encrypt_plain_copies(sqlite_file, key, [backup_dir])
    return key, check_sqlite_file(sqlite_file, backup_dir, key, allow_deferred=defer_check)


def _read_state(engine: Engine, state: _OpenState, sqlite_file: Path | None,
                backup_dir: Path | None, receipts_file: Path | None, *,
                check_receipts: bool, read_only: bool) -> None:
    """The schema revision, the saves the receipts record but the file lacks; files private."""
    from db import store_checks

    state.revision = _read_revision(engine, sqlite_file, backup_dir)
    if sqlite_file is not None and state.revision is not None and check_receipts:
        state.lost = store_checks.lost_commits(
            engine, sqlite_file, receipts_file or receipts.receipts_file_for(sqlite_file),
            backup_dir)
    if sqlite_file is not None and not read_only:
        _make_private(sqlite_file)  # before the migration's writes create the WAL
        if backup_dir is not None and backup_dir.is_dir():  # made 0755 by an older version
            from db.private_files import make_private_dir

            make_private_dir(backup_dir, tighten=True)


def _back_up_and_migrate(engine: Engine, state: _OpenState, url: str, sqlite_file: Path | None,
                         backup_dir: Path | None, key: DatabaseKey | None, *,
                         had_data: bool) -> None:
    """Refuse a newer or mismatched schema; back up (checked pages only), then migrate."""
    found = state.revision
    if found is not None and not migrate.is_known_revision(found):
        raise NewerSchemaError(found)
    check_schema_matches(engine, found, migrate.all_revisions(), str(sqlite_file or url))
    head = migrate.head_revision()
    needs_migration = found != head
    backs_up = sqlite_file is not None and backup_dir is not None and had_data
    if not state.checked and sqlite_file is not None and (needs_migration or (
            backs_up and backup_dir is not None
            and not unchanged_since_latest_backup(sqlite_file, backup_dir))):
        # Never migrate, nor copy into the backups, pages nobody checked.
        check_sqlite_file(sqlite_file, backup_dir, key)
        state.checked = True
    if backs_up:
        assert sqlite_file is not None and backup_dir is not None
        state.backup = _automatic_backup(sqlite_file, backup_dir,
                                         head if needs_migration else None, key)
    if needs_migration:
        with translated_errors(str(sqlite_file.parent if sqlite_file else url)):
            migrate.upgrade(engine)

def _forget_backup(backup: Path | None) -> None:
    if backup is None:
        return
    from db.cipher import key_file_of

    for path in (backup, key_file_of(backup)):
        try:
            path.unlink(missing_ok=True)
        except OSError:
            pass


def _remove_unfinished(sqlite_file: Path) -> None:
    """A database this open created but could not finish (a full disk): leave nothing behind.

    It holds no one's data yet, only the part of the schema written before the failure.
    """
    for suffix in ("-wal", "-shm", "-journal", ".keys", ""):
        try:
            sqlite_file.with_name(sqlite_file.name + suffix).unlink(missing_ok=True)
        except OSError:
            pass


def _automatic_backup(sqlite_file: Path, backup_dir: Path, migrating_to: str | None,
                      key: DatabaseKey | None = None) -> Path | None:
    """The backup an open takes (None: none was needed, or it failed and was logged)."""
    if migrating_to is not None:
        if unchanged_since_latest_backup(sqlite_file, backup_dir):
            return None  # an earlier attempt (that failed) already copied this very file
        # Never migrate without a copy of what was there.
        return rotate_backup(sqlite_file, backup_dir, f"before-migration-{migrating_to}",
                             key=key)
    if unchanged_since_latest_backup(sqlite_file, backup_dir):
        return None
    failures: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, DatabaseError,
                                                 *sqlcipher_errors)
    try:
        return rotate_backup(sqlite_file, backup_dir, "start", key=key)
    except failures as error:
        log.warning("automatic backup at start failed: %s", error)
        return None
