"""The record a bundle of a finalized case carries (waypoint-record/1): its facts, status,
pinned decision date, every memo (signed PDFs, with the officer's determination) and the
audit entries of the case; and the receiving office's check of it. See docs/bundle-format.md."""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

RECORD_FORMAT = "waypoint-record/1"
RECORD_CONTENT = "application/json; waypoint-record/1"

if TYPE_CHECKING:
    from db.database import Database


def build_record(database: Database, case_id: str, case_data: dict[str, Any]) -> dict[str, Any]:
    """The record of a stored case: facts (as exported), status, memos and audit entries."""
    from db.case_export import audit_entries_of

    stored = database.cases.get(case_id)
    memos = database.memos.all_for_case(case_id)
    finals = [m for m in memos if m.status == "final"]
    with database.read() as connection:
        entries = audit_entries_of(connection, stored.case_id)
    return {
        "format": RECORD_FORMAT,
        "case": case_data,
        "status": stored.status,
        "decision_date": finals[-1].decision_date if finals else case_data.get("decision_date"),
        "memos": [{
            "memo_id": memo.memo_id, "status": memo.status, "sha256": memo.sha256,
            "finalized_by": memo.finalized_by,
            "finalized_at": memo.finalized_at.isoformat() if memo.finalized_at else None,
            "supersedes_id": memo.supersedes_id, "decision_date": memo.decision_date,
            "time_zone": memo.time_zone, "officer_determination": memo.officer_determination,
            "pdf": base64.b64encode(memo.pdf_bytes).decode("ascii"),
        } for memo in finals],
        "audit": entries,
    }


def is_record(content: object) -> bool:
    return isinstance(content, dict) and content.get("format") == RECORD_FORMAT


def check_record(record: dict[str, Any]) -> list[str]:
    """What does not hold in a record (empty: it is consistent). Each memo's bytes match its
    SHA-256 and the audit entry that finalized it; each audit entry's hash recomputes.
    The memos' signatures are checked with `waypoint memo verify` on the extracted PDFs."""
    from db.audit import entry_hash

    problems: list[str] = []
    finalized = {}
    for entry in record.get("audit") or []:
        try:
            again = entry_hash(entry["id"], datetime.fromisoformat(entry["at"]),
                               entry["actor"], entry["action"], entry["case_id"],
                               entry["memo_id"], entry["details"], entry["prev_hash"])
        except (KeyError, TypeError, ValueError):
            problems.append(f"audit entry {entry.get('id')!r} is incomplete")
            continue
        if again != entry["entry_hash"]:
            problems.append(f"audit entry {entry['id']} does not match its hash")
        if entry["action"] in ("memo.finalized", "memo.amended"):
            finalized[entry["memo_id"]] = json.loads(entry["details"]).get("sha256")
    for memo in record.get("memos") or []:
        pdf = base64.b64decode(memo.get("pdf") or "")
        if hashlib.sha256(pdf).hexdigest() != memo.get("sha256"):
            problems.append(f"memo {memo.get('memo_id')}: the PDF does not match its SHA-256")
        if finalized.get(memo.get("memo_id")) != memo.get("sha256"):
            problems.append(f"memo {memo.get('memo_id')}: no audit entry finalized these bytes")
    return problems
