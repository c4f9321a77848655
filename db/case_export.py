"""What a bundle of a finalized case carries besides its facts: the audit entries of the case,
each with its fields and hashes, so the receiving office can recompute them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from db.audit import _at_text, audit_table


def audit_entries_of(connection: Connection, case_id: str) -> list[dict[str, Any]]:
    """Every audit entry naming the case, oldest first, as the chain hashed it."""
    rows = connection.execute(select(audit_table).where(audit_table.c.case_id == case_id)
                              .order_by(audit_table.c.id))
    return [{"id": row.id, "at": _at_text(row.at), "actor": row.actor, "action": row.action,
             "case_id": row.case_id, "memo_id": row.memo_id, "details": row.details_json,
             "prev_hash": row.prev_hash, "entry_hash": row.entry_hash} for row in rows]
