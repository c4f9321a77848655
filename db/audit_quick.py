"""The cheap audit check for every start: the chain's head against the newest receipt.

It reads one entry and the end of the receipts file, so it costs the same for ten entries or
a million. It finds a chain cut short, a head rewritten, entries written outside Waypoint and
a database file copied over by hand; the full `audit verify` (run in the background) finds the
rest.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Connection, text

from db import receipts
from db.audit import audit_head
from db.audit_story import RESTORE_ACTION
from db.records import AuditProblem

TAIL_BYTES = 4096


def _last_receipt(path: Path) -> receipts.Receipt | None:
    try:
        with path.open("rb") as handle:
            handle.seek(0, os.SEEK_END)
            size = handle.tell()
            handle.seek(max(0, size - TAIL_BYTES))
            lines = handle.read().decode("ascii", errors="replace").splitlines()
    except OSError:
        return None
    for line in reversed(lines[1:] if size > TAIL_BYTES else lines):
        words = line.split()
        restored = bool(words) and words[0] == receipts.RESTORED
        fields = words[1:] if restored else words
        if len(fields) == 3 and fields[0].isdigit() and len(fields[1]) == 64:
            return receipts.Receipt(0, int(fields[0]), fields[1], restored)
    return None


def quick_problems(connection: Connection, receipts_file: Path | None) -> list[AuditProblem]:
    """What the head and the newest receipt disagree on (empty: they agree)."""
    if receipts_file is None or not receipts_file.exists():
        return []
    last = _last_receipt(receipts_file)
    head = audit_head(connection)
    if last is None:
        return []
    head_id, head_hash = head if head is not None else (0, "0" * 64)
    if last.entry_id > head_id:
        return [AuditProblem("entry", last.entry_id, f"it is missing, but the newest receipt "
                             f"shows it was written (the chain ends at entry {head_id}: it was "
                             "cut short or rolled back)")]
    if last.entry_id == head_id and last.entry_hash != head_hash:
        return [AuditProblem("entry", head_id, "its hash differs from its receipt: the chain "
                             "was rewritten")]
    if last.restored:
        action = connection.execute(text("SELECT action FROM audit_log WHERE id = :id"),
                                    {"id": last.entry_id + 1}).scalar()
        if action != RESTORE_ACTION:
            return [AuditProblem("receipt", 0, "the newest receipt records a restore that no "
                                 "audit entry records: the database file was replaced outside "
                                 "Waypoint")]
    if head_id > last.entry_id:
        return [AuditProblem("entry", last.entry_id + 1, f"entries {last.entry_id + 1}.."
                             f"{head_id} have no receipt: added outside Waypoint (or Waypoint "
                             "stopped before it could record the receipt)")]
    return []
