"""SQLAlchemy engines set up right: SQLite WAL, foreign keys, busy timeout, explicit BEGIN."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url

from db.errors import (
    DatabaseBusyError,
    DatabaseError,
    DatabaseUnavailableError,
    DiskFullError,
    ReadOnlyDataError,
)

BUSY_TIMEOUT_MS = 30_000
# Execution option asking the SQLite "begin" hook for BEGIN IMMEDIATE: a write transaction
# takes the write lock up front, so two writers wait (busy timeout) instead of deadlocking.
WRITE_OPTION = "waypoint_write"


def _on_sqlite_connect(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The sqlite3 module's own implicit transactions are switched off; SQLAlchemy's "begin"
    # hook below emits BEGIN so every multi-row change is one real transaction (DDL too).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except sqlite3.OperationalError:
            pass  # a read-only file keeps whatever mode it has; writes are refused later
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def build_engine(url: str | URL) -> Engine:
    """An engine for the URL; SQLite connections get the pragmas and explicit transactions."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except ModuleNotFoundError as missing:  # the driver is an optional extra
        raise DatabaseUnavailableError(
            f"PostgreSQL support is not installed ({missing.name} is missing): "
            "pip install 'waypoint-transit[postgres]'") from missing


def _message_of(error: BaseException) -> str:
    return str(getattr(error, "orig", None) or error).lower()


def translate(error: BaseException, where: str) -> DatabaseError | None:
    """Map a driver error to the user-facing storage error it means, if it is one we know."""
    if isinstance(error, DatabaseError):
        return error
    text = _message_of(error)
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
    if "disk is full" in text or "disk full" in text or sqlstate == "53100":
        return DiskFullError()
    if "readonly database" in text or "read-only" in text or sqlstate == "25006":
        return ReadOnlyDataError(where)
    if "database is locked" in text or "database is busy" in text:
        return DatabaseBusyError()
    if isinstance(error, sa_exc.OperationalError) and (
        "connection" in text or "could not translate host" in text or "server" in text
    ):
        first_line = str(getattr(error, "orig", error)).strip().splitlines()[0][:200]
        return DatabaseUnavailableError(f"Cannot reach the database server ({first_line}).")
    return None


@contextmanager
def translated_errors(where: str) -> Iterator[None]:
    """Re-raise known driver errors as DatabaseError subclasses with a clear message."""
    try:
        yield
    except (sa_exc.DBAPIError, sqlite3.Error, OSError) as error:
        mapped = translate(error, where)
        if mapped is None:
            raise
        raise mapped from error


def sqlite_file_of(url: str | URL) -> str | None:
    """The file path of an SQLite URL, None for memory databases and other backends."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database: Any = parsed.database
    if not database or database == ":memory:" or parsed.query.get("mode") == "memory":
        return None
    if isinstance(database, str) and database.startswith("file:"):
        return database[5:].split("?", 1)[0]
    return str(database)
