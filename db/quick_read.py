"""The case list's first page read straight from the SQLite file: stdlib sqlite3, read-only.

Start-up shows these rows while the full storage stack (SQLAlchemy, Alembic, migrations,
backup, integrity check) opens on a worker. Anything unexpected — another schema revision,
a damaged or locked file — answers None, and the caller waits for the normal path instead.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple, cast
from urllib.parse import unquote

from db.records import CaseStatus, CaseSummary
from db.revision import HEAD_REVISION

if TYPE_CHECKING:
    from db.cipher import DatabaseKey

SQLITE_URL_PREFIX = "sqlite:///"
# The default view of the case list: CaseService.list_cases() with sort="updated",
# descending=True (db.case_store.list_summaries orders by the sort column, then by id).
FIRST_PAGE_SQL = (
    "SELECT case_id, display_name, a_number, nationality, entry_date, status, updated_at "
    "FROM cases ORDER BY updated_at DESC, id DESC LIMIT ?"
)


class FirstPage(NamedTuple):
    """How many cases there are, and the newest `limit` of them."""

    total: int
    rows: list[CaseSummary]


def sqlite_file_in(url: str) -> Path | None:
    """The file of a plain `sqlite:///path` URL; None for other databases or URL options."""
    if not url.startswith(SQLITE_URL_PREFIX) or "?" in url:
        return None
    name = unquote(url.removeprefix(SQLITE_URL_PREFIX))  # as SQLAlchemy reads it
    if not name or name == ":memory:":
        return None
    return Path(name)


def _utc(stored: str) -> datetime:
    # SQLite keeps the UTC time as naive text; the same value db.audit.as_utc hands back.
    moment = datetime.fromisoformat(stored)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _connect_read_only(database_file: Path, key: DatabaseKey | None) -> Any:
    uri = database_file.resolve().as_uri() + "?mode=ro"
    if key is None:
        # timeout=0: a file locked by a writer is not worth waiting for here.
        return sqlite3.connect(uri, uri=True, timeout=0, isolation_level=None)
    from db.cipher import connect

    connection = connect(uri, key, uri=True, timeout=0)
    connection.isolation_level = None
    return connection


def _read_errors() -> tuple[type[Exception], ...]:
    from db.cipher import sqlcipher_errors

    return (sqlite3.Error, OSError, ValueError, TypeError, *sqlcipher_errors)


def read_first_page(database_file: Path, limit: int, key: DatabaseKey | None = None
                    ) -> FirstPage | None:
    """The total and first page of the default case list, or None when unsure.

    None when the file is missing or empty, not at HEAD_REVISION (the normal path will
    migrate it or refuse it), damaged, locked or otherwise unreadable. The file is opened
    read-only and never changed. An encrypted file needs its key (through SQLCipher).
    """
    try:
        if not database_file.is_file() or database_file.stat().st_size == 0:
            return None
        with closing(_connect_read_only(database_file, key)) as conn:
            conn.execute("BEGIN")  # the count and the rows from one snapshot
            if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [
                (HEAD_REVISION,)
            ]:
                return None
            total = int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
            rows = [
                CaseSummary(case_id, display_name, a_number, nationality, entry_date,
                            cast(CaseStatus, status), _utc(updated_at))
                for case_id, display_name, a_number, nationality, entry_date, status, updated_at
                in conn.execute(FIRST_PAGE_SQL, (max(0, limit),))
            ]
    except _read_errors():
        return None
    return FirstPage(total, rows)
