"""SQLAlchemy engines set up right: SQLite WAL, foreign keys, busy timeout, explicit BEGIN."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from db.server_tls import with_tls

if TYPE_CHECKING:
    from db.cipher import DatabaseKey

BUSY_TIMEOUT_MS = 30_000
# Less free space than this beside a database that fails with an I/O error means: disk full.
NEARLY_FULL_BYTES = 1 << 20
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
        refused: tuple[type[BaseException], ...] = (sqlite3.OperationalError, *_cipher_errors())
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
        except refused:
            pass  # a read-only file keeps whatever mode it has; writes are refused later
        cursor.execute("PRAGMA synchronous = FULL")
    finally:
        cursor.close()


def _on_sqlite_begin(connection: Connection) -> None:
    immediate = connection.get_execution_options().get(WRITE_OPTION, False)
    connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def is_sqlite(url: str | URL) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def _cipher_errors() -> tuple[type[Exception], ...]:
    from db.cipher import sqlcipher_errors

    return sqlcipher_errors


def _encrypted_engine(parsed: URL, key: DatabaseKey) -> Engine:
    """SQLite through SQLCipher: every pooled connection is keyed before anything else."""
    from db import cipher

    file_name = sqlite_file_of(parsed)
    assert file_name is not None, "an encrypted database is a file"
    read_only = parsed.query.get("mode") == "ro"
    target = cipher.read_only_uri(Path(file_name)) if read_only else file_name

    def creator() -> Any:
        return cipher.connect(target, key, uri=read_only, timeout=BUSY_TIMEOUT_MS / 1000)

    engine = create_engine(parsed, creator=creator, module=cipher.sqlcipher)
    event.listen(engine, "connect", _on_sqlite_connect)
    event.listen(engine, "begin", _on_sqlite_begin)
    return engine


def build_engine(url: str | URL, key: DatabaseKey | None = None) -> Engine:
    """An engine for the URL; SQLite connections get the pragmas and explicit transactions.

    With a key, the SQLite file is opened through SQLCipher (db.cipher).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and key is not None:
        return _encrypted_engine(parsed, key)
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(
            parsed,
            connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
        )
        event.listen(engine, "connect", _on_sqlite_connect)
        event.listen(engine, "begin", _on_sqlite_begin)
        return engine
    parsed = with_tls(parsed)  # a network server: TLS (verify-full) unless --insecure
    try:
        return create_engine(parsed, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except ModuleNotFoundError as missing:  # the driver is an optional extra
        raise DatabaseUnavailableError(
            f"PostgreSQL support is not installed ({missing.name} is missing): "
            "pip install 'waypoint-transit[postgres]'") from missing


def disk_nearly_full(where: str) -> bool:
    """True when the file system holding where (or its nearest existing folder) is full."""
    path = Path(where) if where else None
    while path is not None and not path.exists() and path != path.parent:
        path = path.parent
    if path is None or "://" in where:
        return False
    try:
        return shutil.disk_usage(path).free < NEARLY_FULL_BYTES
    except OSError:
        return False


def _message_of(error: BaseException) -> str:
    return str(getattr(error, "orig", None) or error).lower()


def translate(error: BaseException, where: str) -> DatabaseError | None:
    """Map a driver error to the user-facing storage error it means, if it is one we know."""
    if isinstance(error, DatabaseError):
        return error
    text = _message_of(error)
    sqlstate = getattr(getattr(error, "orig", None), "sqlstate", None)
    if isinstance(error, OSError) and error.errno == errno.ENOSPC:
        return DiskFullError()
    if "disk is full" in text or "disk full" in text or sqlstate == "53100":
        return DiskFullError()
    if ("disk i/o error" in text or "no space left" in text) and disk_nearly_full(where):
        return DiskFullError(where)  # SQLite cannot grow its WAL or shared-memory file
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
    known: tuple[type[BaseException], ...] = (sa_exc.DBAPIError, sqlite3.Error, OSError,
                                              *_cipher_errors())
    try:
        yield
    except known as error:
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
