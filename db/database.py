"""Open a database (check, back up, migrate) and hand out transactions on it."""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from db import migrate, receipts
from db.audit import HEAD_KEY
from db.audit_events import anchor_older_chain, note_automatic_backup, note_key_change
from db.audit_verify import verify
from db.backup import copy_database, rotate_backup, unchanged_since_latest_backup
from db.cipher import sqlcipher_errors
from db.engine import (
    WRITE_OPTION,
    build_engine,
    disk_nearly_full,
    sqlite_file_of,
    translated_errors,
)
from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    DataFolderError,
    DiskFullError,
    NewerSchemaError,
    ReadOnlyDataError,
)
from db.integrity import (
    check_sqlite_file,
    forget_clean_exit,
    mark_clean_exit,
    sqlite_file_problem,
)
from db.records import AuditReport
from db.schema_marks import check_schema_matches

if TYPE_CHECKING:
    from db.cipher import DatabaseKey
    from db.repositories import CaseRepository, MemoRepository

log = logging.getLogger(__name__)
BACKUP_FAILURES: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, DatabaseError,
                                                    *sqlcipher_errors)
# Schema revisions whose audit chains were written without receipts (db.receipts).
PRE_RECEIPT_REVISIONS = ("0001", "0002")


class Database:
    """An open, migrated database: transactions, backup, integrity and audit checks."""

    def __init__(self, url: str, engine: Engine, *, sqlite_file: Path | None,
                 backup_dir: Path | None, receipts_file: Path | None = None,
                 key: DatabaseKey | None = None) -> None:
        self.url = url
        self.engine = engine
        self.sqlite_file = sqlite_file
        self.backup_dir = backup_dir
        # The audit chain's receipts: beside an SQLite file; for a server, this machine's.
        self.receipts_file = receipts_file or (
            receipts.receipts_file_for(sqlite_file) if sqlite_file is not None else None)
        self.key = key  # None: not encrypted (a server, or a plain SQLite file)
        # The full quick_check passed in this session (False: the open ran the cheap check
        # after a clean exit, and check_deferred() has not run yet). Only a checked file
        # gets a clean-exit marker when it closes.
        self.checked = True
        self.damaged = False
        self.read_only = "mode=ro" in url

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def lock(self) -> None:
        """Close every connection and wipe the key; unlock() with the passphrase reopens."""
        if self.key is not None:
            self.engine.dispose()
            self.key.forget()

    def unlock(self, passphrase: str) -> None:
        """Check the passphrase (WrongPassphraseError changes nothing) and take the key again."""
        from db import cipher

        if self.key is not None and self.sqlite_file is not None:
            self.key.take(cipher.unlock(self.sqlite_file, passphrase))

    def change_passphrase(self, old: str, new: str, *, with_recovery: bool = False
                          ) -> str | None:
        """Re-key the database for a new passphrase; returns a new recovery key if asked."""
        from db import cipher

        if self.key is None or self.sqlite_file is None:
            raise DatabaseError("This database is not encrypted; there is no passphrase.")
        self.engine.dispose()
        new_key, recovery = cipher.change_passphrase(self.sqlite_file, old, new,
                                                     with_recovery=with_recovery)
        self.key.take(new_key)
        note_key_change(self, "passphrase" + (" and recovery key" if recovery else ""))
        return recovery

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @property
    def where(self) -> str:
        """Where the data lives, for messages (no password)."""
        if self.sqlite_file is not None:
            return str(self.sqlite_file.parent)
        return make_url(self.url).render_as_string(hide_password=True)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading (a consistent snapshot inside one transaction)."""
        with translated_errors(self.where), self.engine.connect() as connection:
            with connection.begin():
                yield connection

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One write transaction: all of it is saved, or none of it."""
        if self.damaged:
            raise CorruptDatabaseError(self.sqlite_file or Path(self.where),
                                       "the integrity check found damage", None)
        with translated_errors(self.where), self.engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            connection.info.pop(HEAD_KEY, None)
            with connection.begin():
                yield connection
            self._record_receipt(connection.info.pop(HEAD_KEY, None))

    def _record_receipt(self, head: tuple[int, str] | None) -> None:
        """After a commit that extended the audit chain: append its head to the receipts."""
        if head is None or self.receipts_file is None:
            return
        try:
            receipts.append(self.receipts_file, *head)
        except OSError as error:  # saved all the same; `audit verify` will name the entry
            log.warning("could not record the audit receipt of entry %s: %s", head[0],
                        error.strerror)

    @cached_property
    def cases(self) -> CaseRepository:
        from db.repositories import CaseRepository

        return CaseRepository(self)

    @cached_property
    def memos(self) -> MemoRepository:
        from db.repositories import MemoRepository

        return MemoRepository(self)

    def schema_revision(self) -> str | None:
        """The Alembic revision the database is at."""
        with self.read() as connection:
            return migrate.current_revision(connection)

    def integrity_check(self) -> list[str]:
        """SQLite's full integrity_check (["ok"] when sound); PostgreSQL answers ["ok"]."""
        if self.dialect != "sqlite":
            return ["ok"]
        with self.read() as connection:
            return [str(row[0]) for row in connection.exec_driver_sql("PRAGMA integrity_check")]

    def verify_audit(self) -> AuditReport:
        """The chain, its receipts (complete for a file only this machine writes), the rows."""
        with self.read() as connection:
            return verify(connection, self.receipts_file, complete=self.sqlite_file is not None)

    def backup_to(self, destination: Path) -> Path:
        """A consistent copy of an SQLite database (the backup API); other backends refuse."""
        if self.sqlite_file is None:
            raise DatabaseError(
                "Backups from Waypoint are for its SQLite file; back up a server database "
                "with the server's own tools (pg_dump)."
            )
        with translated_errors(str(destination.parent)):
            return copy_database(self.sqlite_file, destination, self.key)

    def backup_after(self, reason: str) -> Path | None:
        """A rotating automatic backup (after an import, a finalize, at exit); never raises.

        Skipped for a server database, without a backups folder, or when nothing changed
        since the newest backup. A failure (a full disk) is logged: the change itself is saved.
        """
        if self.sqlite_file is None or self.backup_dir is None or self.damaged:
            return None  # a damaged file never replaces a good backup
        try:
            if unchanged_since_latest_backup(self.sqlite_file, self.backup_dir):
                return None
            note_automatic_backup(self, reason)  # an audit entry, inside the backup it names
            return rotate_backup(self.sqlite_file, self.backup_dir, reason, key=self.key)
        except BACKUP_FAILURES as error:
            log.warning("automatic backup after %s failed: %s", reason, error)
            return None

    def check_deferred(self) -> None:
        """The full quick_check the open left for later (run it in a worker after the first
        screen); raises CorruptDatabaseError, as the open would have. Then the file is closed
        for writing: close() leaves no clean-exit marker and nothing more is written."""
        if self.checked or self.sqlite_file is None:
            return
        from db.backup import latest_backup

        problem = sqlite_file_problem(self.sqlite_file, self.key)
        if problem is None:
            self.checked = True
            return
        self.damaged = True
        forget_clean_exit(self.sqlite_file)
        self.engine.dispose()
        raise CorruptDatabaseError(self.sqlite_file, problem, latest_backup(self.backup_dir))

    def checkpoint(self) -> None:
        """Move the WAL into the file now (before the exit backup), so closing writes nothing
        more and the next start finds the file unchanged since that backup."""
        if self.dialect != "sqlite" or self.damaged:
            return
        with translated_errors(self.where), self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        self.engine.dispose()
        if (self.sqlite_file is not None and self.checked and not self.damaged
                and not self.read_only):
            mark_clean_exit(self.sqlite_file)


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
        with translated_errors(str(sqlite_file.parent)):
            return cipher.encrypt_plain_database(
                sqlite_file, secret, [backup_dir] if backup_dir is not None else [])
    return cipher.key_for(sqlite_file, secret)


def open_database(url: str, *, backup_dir: Path | None = None,
                  receipts_file: Path | None = None, passphrase: str | None = None,
                  encrypt_plain: bool = False, key: DatabaseKey | None = None) -> Database:
    """Check, back up and migrate the database at url; raise DatabaseError with a message.

    An SQLite file is encrypted (db.cipher) when its key file says so, or when it is new and
    a passphrase is given (or $WAYPOINT_PASSPHRASE is set); a plain file is encrypted first
    when encrypt_plain is true. A wrong passphrase raises WrongPassphraseError and changes
    nothing. A key already unlocked (db.cipher.unlock) saves deriving it again.
    """
    file_name = sqlite_file_of(url)
    sqlite_file = Path(file_name).expanduser().resolve() if file_name else None
    read_only_url = "mode=ro" in url
    existed = sqlite_file is not None and sqlite_file.exists()
    checked = True  # the full quick_check ran (or there is no file to check)
    if sqlite_file is not None:
        if not read_only_url:
            _check_writable(sqlite_file)
        if key is None:
            key = _key_of(sqlite_file, backup_dir, passphrase,
                          encrypt_plain and not read_only_url)
        if key is not None and backup_dir is not None and not read_only_url:
            from db.cipher import encrypt_plain_copies

            with translated_errors(str(backup_dir)):  # plain backups a conversion left
                encrypt_plain_copies(sqlite_file, key, [backup_dir])
        checked = check_sqlite_file(sqlite_file, backup_dir, key, allow_deferred=True)
    had_data = sqlite_file is not None and _has_data(sqlite_file)
    engine = build_engine(url, key)
    try:
        found = _read_revision(engine, sqlite_file, backup_dir)
        if sqlite_file is not None and not read_only_url:
            _make_private(sqlite_file)  # before the migration's writes create the WAL
            if backup_dir is not None and backup_dir.is_dir():  # made 0755 by an older version
                from db.private_files import make_private_dir

                make_private_dir(backup_dir, tighten=True)
        if found is not None and not migrate.is_known_revision(found):
            raise NewerSchemaError(found)
        check_schema_matches(engine, found, migrate.all_revisions(), str(sqlite_file or url))
        head = migrate.head_revision()
        needs_migration = found != head
        backs_up = sqlite_file is not None and backup_dir is not None and had_data
        if not checked and sqlite_file is not None and (needs_migration or (
                backs_up and backup_dir is not None
                and not unchanged_since_latest_backup(sqlite_file, backup_dir))):
            # Never migrate, nor copy into the backups, pages nobody checked.
            check_sqlite_file(sqlite_file, backup_dir, key)
            checked = True
        if backs_up:
            assert sqlite_file is not None and backup_dir is not None
            _automatic_backup(sqlite_file, backup_dir, head if needs_migration else None, key)
        if needs_migration:
            with translated_errors(str(sqlite_file.parent if sqlite_file else url)):
                migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        if sqlite_file is not None and not existed:
            _remove_unfinished(sqlite_file)
        raise
    database = Database(url, engine, sqlite_file=sqlite_file, backup_dir=backup_dir,
                        receipts_file=receipts_file, key=key)
    database.checked = sqlite_file is None or checked
    if found in PRE_RECEIPT_REVISIONS:
        anchor_older_chain(database)
    return database


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
                      key: DatabaseKey | None = None) -> None:
    if migrating_to is not None:
        # Never migrate without a copy of what was there.
        rotate_backup(sqlite_file, backup_dir, f"before-migration-{migrating_to}", key=key)
        return
    if unchanged_since_latest_backup(sqlite_file, backup_dir):
        return
    failures: tuple[type[BaseException], ...] = (OSError, sqlite3.Error, DatabaseError,
                                                 *sqlcipher_errors)
    try:
        rotate_backup(sqlite_file, backup_dir, "start", key=key)
    except failures as error:
        log.warning("automatic backup at start failed: %s", error)

