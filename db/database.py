"""The open database: transactions, its lock and key, backups and checks (db.opening opens it)."""

from __future__ import annotations

import logging
import sqlite3
import threading
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
from db.audit_events import note_automatic_backup, note_key_change
from db.audit_verify import verify
from db.backup import copy_database, rotate_backup, unchanged_since_latest_backup
from db.cipher import sqlcipher_errors
from db.engine import (
    WRITE_OPTION,
    translated_errors,
)
from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
)
from db.integrity import (
    forget_clean_exit,
    mark_clean_exit,
    sqlite_file_problem,
)
from db.records import AuditReport
from db.server_login import ServerLogin

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
        self._check_lock = threading.Lock()
        # Saves the receipts record but the file lacks (a WAL lost after a crash): reported
        # by the CLI and the window at open (db.store_checks.lost_commits).
        self.lost_commits: DatabaseError | None = None
        self.closed = False
        self.server_login: ServerLogin | None = None  # set by open_database on a server

    @property
    def encrypted(self) -> bool:
        return self.key is not None

    def key_usable(self) -> bool:
        """False while locked (the key is wiped): no connection can be made."""
        return self.key is None or self.key.unlocked

    @property
    def lockable(self) -> bool:
        """An encrypted file, or a server signed in with a password (db.server_login)."""
        return self.key is not None or self.server_login is not None

    def lock(self) -> None:
        """Close every connection and wipe the key (or the server password) until unlock()."""
        if self.server_login is not None:
            self.server_login.forget(self.engine)
        if self.key is not None:
            self.engine.dispose()
            self.key.forget()

    def unlock(self, passphrase: str) -> None:
        """Check the passphrase (WrongPassphraseError changes nothing) and take the key again."""
        from db import cipher

        if self.server_login is not None:
            self.server_login.take(self.engine, passphrase)
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

    def _refuse_if_closed(self) -> None:
        """After close() nothing reconnects: a late reader (a background check finishing after
        the window closed) would otherwise create a new, empty file where the database was."""
        if self.closed:
            raise DatabaseError(f"The database in {self.where} is closed.")

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A connection for reading (a consistent snapshot inside one transaction)."""
        self._refuse_if_closed()
        with translated_errors(self.where), self.engine.connect() as connection:
            with connection.begin():
                yield connection

    @contextmanager
    def write(self, *, durable: bool = False) -> Iterator[Connection]:
        """One write transaction: all of it is saved, or none of it.

        Nothing is written before the full integrity check has passed (an open that left it
        for later runs it now). durable: move the WAL into the file after the commit (an
        import, a finalize), so a WAL lost after a crash cannot take it along.
        """
        self._refuse_if_closed()
        if not self.checked and not self.damaged:
            self.check_deferred()
        if self.damaged:
            raise CorruptDatabaseError(self.sqlite_file or Path(self.where),
                                       "the integrity check found damage", None)
        with translated_errors(self.where), self.engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            connection.info.pop(HEAD_KEY, None)
            with connection.begin():
                yield connection
            self._record_receipt(connection.info.pop(HEAD_KEY, None))
        if durable:
            self._checkpoint_quietly()

    def _checkpoint_quietly(self) -> None:
        """Checkpoint now; a failure (a reader holding the WAL, a full disk) is only logged:
        the commit stands and the next checkpoint moves it."""
        failures: tuple[type[BaseException], ...] = (*BACKUP_FAILURES, sa_exc.DBAPIError)
        try:
            self.checkpoint()
        except failures as error:
            log.warning("checkpoint failed: %s", type(error).__name__)

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
        if self.checked or self.sqlite_file is None or self.closed:
            return
        from db.backup import latest_backup

        with self._check_lock:  # the background check and a first write may both ask
            if self.checked:
                return
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
        if self.dialect != "sqlite" or self.damaged or self.closed:
            return
        with translated_errors(self.where), self.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")

    def close(self) -> None:
        """Checkpoint (what was committed is in the file, not only in the WAL), release the
        connections, and mark a clean exit for a checked file."""
        if self.sqlite_file is not None and not self.read_only and self.key_usable():
            self._checkpoint_quietly()
        self.closed = True
        self.engine.dispose()
        if (self.sqlite_file is not None and self.checked and not self.damaged
                and not self.read_only):
            mark_clean_exit(self.sqlite_file)
