"""The append-only, hash-chained audit log: entry hashes, row digests, appending entries."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text

from db.models import AuditEntry
from db.normalise import canonical_json

GENESIS_HASH = "0" * 64
# The connection.info key append() leaves the new chain head under, for the receipt.
HEAD_KEY = "waypoint_audit_head"
audit_table = AuditEntry.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time


def as_utc(moment: datetime) -> datetime:
    """Aware UTC; SQLite hands back naive values that were written as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _at_text(moment: datetime) -> str:
    return as_utc(moment).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def entry_hash(
    entry_id: int, at: datetime, actor: str | None, action: str, case_id: str | None,
    memo_id: int | None, details_json: str, prev_hash: str,
) -> str:
    """SHA-256 over the canonical JSON of an entry's fields, the previous hash included."""
    fields = {
        "id": entry_id, "at": _at_text(at), "actor": actor, "action": action,
        "case_id": case_id, "memo_id": memo_id, "details": details_json, "prev_hash": prev_hash,
    }
    return hashlib.sha256(canonical_json(fields).encode("utf-8")).hexdigest()


def sha256_text(value: str) -> str:
    return hashlib.sha256(value.encode("utf-8")).hexdigest()


def _fields_digest(row: Any, names: Sequence[str]) -> str:
    values = {name: getattr(row, name) for name in names}
    for name, value in values.items():
        if isinstance(value, datetime):
            values[name] = _at_text(value)
    return sha256_text(canonical_json(values))


DETERMINATION_FIELDS = ("id", "case_pk", "findings_json", "decision_date", "rules_version",
                        "rules_hash", "engine_version", "facts_digest", "created_at")
MEMO_FIELDS = ("id", "case_pk", "determination_id", "status", "sha256", "created_at",
               "finalized_by", "finalized_at", "supersedes_id")


def determination_digest(row: Any) -> str:
    """SHA-256 over a determination row: its findings and where they came from."""
    return _fields_digest(row, DETERMINATION_FIELDS)


def memo_digest(row: Any) -> str:
    """SHA-256 over a memo row's record (the PDF through its own SHA-256)."""
    return _fields_digest(row, MEMO_FIELDS)


def audit_head(connection: Connection) -> tuple[int, str] | None:
    """The newest entry's id and hash; None for an empty chain."""
    last = connection.execute(
        select(audit_table.c.id, audit_table.c.entry_hash).order_by(audit_table.c.id.desc())
        .limit(1)
    ).first()
    return None if last is None else (int(last[0]), str(last[1]))


@dataclass(frozen=True)
class AuditEvent:
    """What happened, before it gets its place in the chain."""

    action: str
    case_id: str | None = None
    memo_id: int | None = None
    details: dict[str, Any] | None = None


LOCK_FUNCTION_KEY = "waypoint_lock_audit"


def _lock_chain(connection: Connection) -> None:
    """Lock the chain's table for this transaction: through waypoint_lock_audit() once the
    office hardening (migration 0008_office) made it, so people need no LOCK on the table."""
    if not connection.info.get(LOCK_FUNCTION_KEY):
        found = connection.execute(text(
            "SELECT to_regprocedure('waypoint_lock_audit()') IS NOT NULL")).scalar()
        if not found:
            connection.execute(text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))
            return
        connection.info[LOCK_FUNCTION_KEY] = True
    connection.execute(text("SELECT waypoint_lock_audit()"))


def append(connection: Connection, at: datetime, actor: str | None,
           events: Sequence[AuditEvent]) -> None:
    """Chain and insert events inside the caller's write transaction."""
    if not events:
        return
    if connection.dialect.name == "postgresql":
        # One writer at a time extends the chain; the primary key would refuse a fork anyway.
        _lock_chain(connection)
    last = connection.execute(
        select(audit_table.c.id, audit_table.c.entry_hash).order_by(audit_table.c.id.desc())
        .limit(1)
    ).first()
    next_id, prev = (last[0] + 1, last[1]) if last else (1, GENESIS_HASH)
    at = as_utc(at)
    rows = []
    for event in events:
        details_json = canonical_json(event.details or {})
        digest = entry_hash(next_id, at, actor, event.action, event.case_id, event.memo_id,
                            details_json, prev)
        rows.append({
            "id": next_id, "at": at, "actor": actor, "action": event.action,
            "case_id": event.case_id, "memo_id": event.memo_id, "details_json": details_json,
            "prev_hash": prev, "entry_hash": digest,
        })
        next_id, prev = next_id + 1, digest
    connection.execute(audit_table.insert(), rows)
    connection.info[HEAD_KEY] = (next_id - 1, prev)


COVERAGE_ACTION = "audit.coverage_added"


def coverage_details(connection: Connection) -> dict[str, dict[str, str]]:
    """Digests of every determination, memo and finalized case (for rows older than them)."""
    from db.guards import FINAL_CASE_STATUSES
    from db.models import Case, Determination, Memo

    determinations = Determination.__table__  # type: ignore[attr-defined]
    memos = Memo.__table__  # type: ignore[attr-defined]
    cases = Case.__table__  # type: ignore[attr-defined]
    return {
        "determinations": {str(row.id): determination_digest(row)
                           for row in connection.execute(
                               select(*(determinations.c[name] for name in DETERMINATION_FIELDS)))},
        "memos": {str(row.id): memo_digest(row) for row in connection.execute(
            select(*(memos.c[name] for name in MEMO_FIELDS)))},
        "finalized_cases": {case_id: sha256_text(data_json) for case_id, data_json in
                            connection.execute(select(cases.c.case_id, cases.c.data_json).where(
                                cases.c.status.in_(FINAL_CASE_STATUSES)))},
    }
