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

from db import migrate
from db.audit import verify
from db.backup import copy_database, rotate_backup, unchanged_since_latest_backup
from db.engine import WRITE_OPTION, build_engine, sqlite_file_of, translated_errors
from db.errors import (
    CorruptDatabaseError,
    DatabaseError,
    NewerSchemaError,
    ReadOnlyDataError,
)
from db.integrity import check_sqlite_file
from db.records import AuditReport

if TYPE_CHECKING:
    from db.repositories import CaseRepository, MemoRepository

log = logging.getLogger(__name__)


class Database:
    """An open, migrated database: transactions, backup, integrity and audit checks."""

    def __init__(self, url: str, engine: Engine, *, sqlite_file: Path | None,
                 backup_dir: Path | None) -> None:
        self.url = url
        self.engine = engine
        self.sqlite_file = sqlite_file
        self.backup_dir = backup_dir

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
        with translated_errors(self.where), self.engine.connect() as connection:
            connection.execution_options(**{WRITE_OPTION: True})
            with connection.begin():
                yield connection

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
        with self.read() as connection:
            return verify(connection)

    def backup_to(self, destination: Path) -> Path:
        """A consistent copy of an SQLite database (the backup API); other backends refuse."""
        if self.sqlite_file is None:
            raise DatabaseError(
                "Backups from Waypoint are for its SQLite file; back up a server database "
                "with the server's own tools (pg_dump)."
            )
        with translated_errors(str(destination.parent)):
            return copy_database(self.sqlite_file, destination)

    def close(self) -> None:
        self.engine.dispose()


def _check_writable(path: Path) -> None:
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
    except (sa_exc.DatabaseError, sqlite3.DatabaseError) as error:
        if sqlite_file is None:
            raise
        raise CorruptDatabaseError(
            sqlite_file, str(getattr(error, "orig", error)), latest_backup(backup_dir)
        ) from error


def open_database(url: str, *, backup_dir: Path | None = None) -> Database:
    """Check, back up and migrate the database at url; raise DatabaseError with a message."""
    file_name = sqlite_file_of(url)
    sqlite_file = Path(file_name).expanduser().resolve() if file_name else None
    read_only_url = "mode=ro" in url
    if sqlite_file is not None:
        if not read_only_url:
            _check_writable(sqlite_file)
        check_sqlite_file(sqlite_file, backup_dir)
    had_data = sqlite_file is not None and _has_data(sqlite_file)
    engine = build_engine(url)
    try:
        found = _read_revision(engine, sqlite_file, backup_dir)
        if sqlite_file is not None and not read_only_url:
            _make_private(sqlite_file)  # before the migration's writes create the WAL
        if found is not None and not migrate.is_known_revision(found):
            raise NewerSchemaError(found)
        head = migrate.head_revision()
        needs_migration = found != head
        if sqlite_file is not None and backup_dir is not None and had_data:
            _automatic_backup(sqlite_file, backup_dir, head if needs_migration else None)
        if needs_migration:
            with translated_errors(str(sqlite_file.parent if sqlite_file else url)):
                migrate.upgrade(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(url, engine, sqlite_file=sqlite_file, backup_dir=backup_dir)


def _automatic_backup(sqlite_file: Path, backup_dir: Path, migrating_to: str | None) -> None:
    if migrating_to is not None:
        # Never migrate without a copy of what was there.
        rotate_backup(sqlite_file, backup_dir, f"before-migration-{migrating_to}")
        return
    if unchanged_since_latest_backup(sqlite_file, backup_dir):
        return
    try:
        rotate_backup(sqlite_file, backup_dir, "start")
    except (OSError, sqlite3.Error, DatabaseError) as error:
        log.warning("automatic backup at start failed: %s", error)

