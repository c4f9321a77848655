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
    from db.signing_registry import RegistrySnapshot

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


class MemoRecord(NamedTuple):
    """What the database recorded for a memo's bytes (or facts): for `waypoint memo verify`."""

    description: str
    facts_digest: str | None
    rules_hash: str | None


MEMO_BY_SHA256_SQL = (
    "SELECT m.id, m.status, m.finalized_by, d.facts_digest, d.rules_hash FROM memos m "
    "LEFT JOIN determinations d ON m.determination_id = d.id WHERE m.sha256 = ? LIMIT 1"
)
DETERMINATION_BY_DIGEST_SQL = (
    "SELECT id, facts_digest, rules_hash FROM determinations WHERE facts_digest = ? "
    "ORDER BY id DESC LIMIT 1"
)


def memo_description(memo_id: int, status: str, finalized_by: str | None) -> str:
    who = f", finalized by {finalized_by}" if finalized_by else ""
    return f"stored {status} memo {memo_id}{who}"


def determination_description(determination_id: int) -> str:
    return f"determination {determination_id} of the same facts (this file is not stored as it is)"


def read_memo_record(database_file: Path, sha256: str, facts_digest: str | None,
                     key: DatabaseKey | None = None) -> tuple[MemoRecord | None] | None:
    """(the record or None when there is none), or None when unsure (read it the normal way).

    The same answer as MemoRepository.recorded_for, read-only, without SQLAlchemy.
    """
    try:
        if not database_file.is_file() or database_file.stat().st_size == 0:
            return None
        with closing(_connect_read_only(database_file, key)) as conn:
            conn.execute("BEGIN")
            if conn.execute("SELECT version_num FROM alembic_version").fetchall() != [
                (HEAD_REVISION,)
            ]:
                return None
            memo = conn.execute(MEMO_BY_SHA256_SQL, (sha256,)).fetchone()
            if memo is not None:
                memo_id, status, finalized_by, digest, rules_hash = memo
                return (MemoRecord(memo_description(memo_id, status, finalized_by), digest,
                                   rules_hash),)
            found = conn.execute(DETERMINATION_BY_DIGEST_SQL, (facts_digest,)).fetchone() \
                if facts_digest else None
    except _read_errors():
        return None
    if found is None:
        return (None,)
    return (MemoRecord(determination_description(found[0]), found[1], found[2]),)


def read_signing_registry(database_file: Path, key: DatabaseKey | None = None
                          ) -> RegistrySnapshot | None:
    """The office's signing registry (db.signing_registry), read-only without SQLAlchemy;
    None when the file cannot be read or has no registry yet (an older schema)."""
    from db.signing_registry import Authority, RegisteredCertificate, RegistrySnapshot

    def when(stored: str | None) -> datetime | None:
        return _utc(stored) if stored else None

    try:
        if not database_file.is_file() or database_file.stat().st_size == 0:
            return None
        with closing(_connect_read_only(database_file, key)) as conn:
            conn.execute("BEGIN")
            authorities = {row[0]: Authority(row[0], row[1], bytes(row[2]), _utc(row[3]))
                           for row in conn.execute(
                               "SELECT fingerprint, name, certificate_der, added_at "
                               "FROM office_authorities")}
            certificates = {row[0]: RegisteredCertificate(
                row[0], row[1], row[2], row[3], _utc(row[4]), _utc(row[5]), _utc(row[6]),
                when(row[7]), row[8]) for row in conn.execute(
                    "SELECT fingerprint, person, role, issuer_fingerprint, not_before, "
                    "not_after, registered_at, revoked_at, revoked_reason "
                    "FROM signing_certificates")}
    except _read_errors():
        return None
    return RegistrySnapshot(authorities, certificates)
