"""The append-only, hash-chained audit log: append entries, verify the chain and memo hashes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, select, text

from db.models import AuditEntry, Memo
from db.normalise import canonical_json
from db.records import AuditProblem, AuditReport

GENESIS_HASH = "0" * 64
audit_table = AuditEntry.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time
memo_table = Memo.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time


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


@dataclass(frozen=True)
class AuditEvent:
    """What happened, before it gets its place in the chain."""

    action: str
    case_id: str | None = None
    memo_id: int | None = None
    details: dict[str, Any] | None = None


def append(connection: Connection, at: datetime, actor: str | None,
           events: Sequence[AuditEvent]) -> None:
    """Chain and insert events inside the caller's write transaction."""
    if not events:
        return
    if connection.dialect.name == "postgresql":
        # One writer at a time extends the chain; the primary key would refuse a fork anyway.
        connection.execute(text("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE"))
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


def _chain_problems(rows: Iterable[Any]) -> tuple[int, list[AuditProblem], dict[int, str]]:
    problems: list[AuditProblem] = []
    recorded_memo_hashes: dict[int, str] = {}
    expected_id, prev = 1, GENESIS_HASH
    count = 0
    for row in rows:
        count += 1
        if row.id != expected_id:
            problems.append(AuditProblem(
                "entry", row.id,
                f"expected entry {expected_id} here: entries {expected_id}..{row.id - 1} "
                "are missing" if row.id > expected_id else "entry number out of order"))
        if row.prev_hash != prev:
            problems.append(AuditProblem(
                "entry", row.id, "its previous-hash does not match the entry before it"))
        recomputed = entry_hash(row.id, row.at, row.actor, row.action, row.case_id,
                                row.memo_id, row.details_json, row.prev_hash)
        if recomputed != row.entry_hash:
            problems.append(AuditProblem(
                "entry", row.id, "its content was changed after it was written (hash mismatch)"))
        if row.memo_id is not None and '"sha256"' in row.details_json:
            recorded = json.loads(row.details_json).get("sha256")
            if isinstance(recorded, str):
                recorded_memo_hashes[row.memo_id] = recorded
        expected_id, prev = row.id + 1, row.entry_hash
    return count, problems, recorded_memo_hashes


def verify(connection: Connection) -> AuditReport:
    """Check every link of the chain and every stored memo's SHA-256; name what is wrong."""
    entries = connection.execute(
        select(audit_table).order_by(audit_table.c.id).execution_options(yield_per=2000)
    )
    count, problems, recorded = _chain_problems(entries)
    memos_checked = 0
    memos = connection.execute(
        select(memo_table.c.id, memo_table.c.pdf, memo_table.c.sha256)
        .order_by(memo_table.c.id).execution_options(yield_per=200)
    )
    for memo_id, pdf, stored_sha in memos:
        memos_checked += 1
        actual = hashlib.sha256(bytes(pdf)).hexdigest()
        if actual != stored_sha:
            problems.append(AuditProblem(
                "memo", memo_id, "its PDF does not match its stored SHA-256 (the file changed)"))
        if memo_id not in recorded:
            problems.append(AuditProblem("memo", memo_id, "no audit entry records this memo"))
        elif recorded[memo_id] != actual:
            problems.append(AuditProblem(
                "memo", memo_id, "its PDF does not match the SHA-256 the audit log recorded"))
    return AuditReport(count, memos_checked, tuple(problems))
