"""`audit verify`: the chain's links, its receipts, and every row the chain vouches for.

Each problem names the audit entry (or memo, determination, case, receipt line) it
concerns, in words. What is checked:
- every entry's hash and link to the one before (changed, removed, reordered entries);
- the receipts file beside the database (a chain cut short, recomputed, or extended outside
  Waypoint);
- every determination, memo and finalized case against the digests the entries recorded
  (changed findings, signer, PDF or facts; rows deleted; a case that left the finalized state
  without an amendment, or claims it without a finalize entry).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, select

from db import receipts
from db.audit import (
    COVERAGE_ACTION,
    GENESIS_HASH,
    audit_table,
    determination_digest,
    entry_hash,
    memo_digest,
    sha256_text,
)
from db.audit_story import (
    StoreStory,
    case_problems,
    restore_problems,
    restored_receipt_problem,
)
from db.guards import AMENDMENT_ACTION, FINAL_CASE_STATUSES
from db.models import Case, Determination, Memo
from db.records import AuditProblem, AuditReport

cases_table = Case.__table__  # type: ignore[attr-defined]
determinations_table = Determination.__table__  # type: ignore[attr-defined]
memos_table = Memo.__table__  # type: ignore[attr-defined]
FINALIZING_ACTIONS = ("memo.finalized", "memo.amended")
# The chain head render_memo(audit_anchor=...) writes into a memo's PDF keywords.
ANCHOR = re.compile(rb"audit chain head (\d+):([0-9a-f]{64})")


def _details(details_json: str) -> dict[str, Any]:
    """An entry's details; anything unreadable counts as none (its hash check names it)."""
    try:
        details = json.loads(details_json)
    except ValueError:
        return {}
    return details if isinstance(details, dict) else {}


@dataclass
class ChainFacts:
    """What the entries recorded, by the row they concern: (entry id, digest or None)."""

    count: int = 0
    hashes: dict[int, str] = field(default_factory=dict)
    determinations: dict[int, tuple[int, str | None]] = field(default_factory=dict)
    memos: dict[int, tuple[int, str | None, str | None]] = field(default_factory=dict)
    # case id -> (entry id, action, facts SHA-256) of the newest finalize or amendment entry
    case_state: dict[str, tuple[int, str, str | None]] = field(default_factory=dict)
    case_last_entry: dict[str, int] = field(default_factory=dict)
    story: StoreStory = field(default_factory=StoreStory)

    def note(self, row: Any) -> None:
        details = _details(row.details_json)
        self.story.note(row.id, row.action, row.case_id, details)
        if row.case_id is not None:
            self.case_last_entry[row.case_id] = row.id
            if row.action in FINALIZING_ACTIONS or row.action == AMENDMENT_ACTION:
                self.case_state[row.case_id] = (row.id, row.action, details.get("case_sha256"))
        if row.action == "determination.recorded" and isinstance(
                details.get("determination_id"), int):
            self.determinations[details["determination_id"]] = (
                row.id, details.get("determination_sha256"))
        if row.memo_id is not None:
            self.memos[row.memo_id] = (row.id, details.get("sha256"),
                                       details.get("memo_record_sha256"))
        if row.action == COVERAGE_ACTION:
            try:
                self._note_coverage(row.id, details)
            except (AttributeError, TypeError, ValueError):
                pass  # not what migration 0003 writes: its hash (or receipt) check names it

    def _note_coverage(self, entry_id: int, details: dict[str, Any]) -> None:
        """Digests of rows older entries recorded without them (written by migration 0003)."""
        for key, digest in details.get("determinations", {}).items():
            self.determinations[int(key)] = (entry_id, digest)
        for key, digest in details.get("memos", {}).items():
            earlier = self.memos.get(int(key))
            self.memos[int(key)] = (entry_id, earlier[1] if earlier else None, digest)
        for case_id, digest in details.get("finalized_cases", {}).items():
            earlier_state = self.case_state.get(case_id)
            action = earlier_state[1] if earlier_state else FINALIZING_ACTIONS[0]
            self.case_state[case_id] = (entry_id, action, digest)
            self.story.finalized_by_coverage(case_id)


def _chain_problems(rows: Iterable[Any], facts: ChainFacts) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    expected_id, prev = 1, GENESIS_HASH
    for row in rows:
        facts.count += 1
        facts.hashes[row.id] = row.entry_hash
        if row.id != expected_id:
            gap = (f"entry {expected_id} is missing" if row.id == expected_id + 1
                   else f"entries {expected_id}..{row.id - 1} are missing")
            problems.append(AuditProblem(
                "entry", row.id, f"expected entry {expected_id} here: {gap}"
                if row.id > expected_id else "entry number out of order"))
        if row.prev_hash != prev:
            problems.append(AuditProblem(
                "entry", row.id, "its previous-hash does not match the entry before it"))
        recomputed = entry_hash(row.id, row.at, row.actor, row.action, row.case_id,
                                row.memo_id, row.details_json, row.prev_hash)
        if recomputed != row.entry_hash:
            problems.append(AuditProblem(
                "entry", row.id, "its content was changed after it was written (hash mismatch)"))
        facts.note(row)
        expected_id, prev = row.id + 1, row.entry_hash
    return problems


def receipt_problems(path: Path | None, facts: ChainFacts, *, complete: bool
                     ) -> list[AuditProblem]:
    """Compare the chain with its receipts; complete: every write of it had this file."""
    if path is None:
        return []
    if not path.exists():
        if facts.count == 0 or not complete:
            return []
        return [AuditProblem("receipt", 0, f"the receipts file {path.name} is missing, so a "
                             "chain cut short or recomputed cannot be ruled out")]
    try:
        found, unreadable = receipts.read(path)
    except OSError as error:
        return [AuditProblem("receipt", 0, f"{path} cannot be read ({error.strerror})")]
    problems = [AuditProblem("receipt", line, f"line {line} of {path.name} is not a receipt")
                for line in unreadable]
    last = max(facts.hashes, default=0)
    valid: dict[int, receipts.Receipt] = {}
    for receipt in found:
        if receipt.restored:  # a restore: receipts after its head no longer apply
            valid = {k: v for k, v in valid.items() if k <= receipt.entry_id}
            unrecorded = restored_receipt_problem(receipt.line, receipt.entry_id, facts.story)
            if unrecorded is not None:
                problems.append(unrecorded)
        valid[receipt.entry_id] = receipt
    for entry_id, receipt in sorted(valid.items()):
        if entry_id == 0:
            continue
        where = f"(receipt line {receipt.line})"
        if entry_id not in facts.hashes:
            problems.append(AuditProblem(
                "entry", entry_id, f"it is missing, but a receipt {where} shows it was written"
                f"{' (the chain was cut short)' if entry_id > last else ''}"))
        elif facts.hashes[entry_id] != receipt.entry_hash:
            problems.append(AuditProblem(
                "entry", entry_id, f"its hash differs from its receipt {where}: the chain up to "
                "here was rewritten and recomputed"))
    newest = max(valid, default=0)
    if complete and last > newest:
        problems.append(AuditProblem(
            "entry", newest + 1,
            f"entries {newest + 1}..{last} have no receipt: added outside Waypoint (or Waypoint "
            "stopped before it could record the receipt)"))
    return problems


def _determination_problems(connection: Connection, facts: ChainFacts) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    seen: set[int] = set()
    for row in connection.execute(select(determinations_table).order_by(
            determinations_table.c.id).execution_options(yield_per=500)):
        seen.add(row.id)
        recorded = facts.determinations.get(row.id)
        if recorded is None:
            problems.append(AuditProblem(
                "determination", row.id, "no audit entry records this determination"))
        elif recorded[1] is not None and recorded[1] != determination_digest(row):
            problems.append(AuditProblem(
                "determination", row.id, f"its findings or provenance changed after audit "
                f"entry {recorded[0]} recorded them"))
    for determination_id, (entry_id, _digest) in sorted(facts.determinations.items()):
        if determination_id not in seen:
            problems.append(AuditProblem(
                "entry", entry_id, f"it records determination {determination_id}, which is "
                "missing (deleted)"))
    return problems


def _anchor_problems(row: Any, facts: ChainFacts) -> list[AuditProblem]:
    """A memo rendered with the chain's head in its metadata must still agree with the chain."""
    found = ANCHOR.search(bytes(row.pdf))
    if found is None:
        return []
    entry_id, entry_hash_then = int(found.group(1)), found.group(2).decode("ascii")
    now = facts.hashes.get(entry_id)
    if now == entry_hash_then:
        return []
    state = "is missing" if now is None else "has another hash now"
    return [AuditProblem("entry", entry_id, f"memo {row.id} was written when this entry was the "
                         f"chain's head, but the entry {state}: the chain was rewritten")]


def _memo_problems(connection: Connection, facts: ChainFacts) -> tuple[int, list[AuditProblem]]:
    problems: list[AuditProblem] = []
    seen: set[int] = set()
    rows = connection.execute(select(memos_table).order_by(memos_table.c.id)
                              .execution_options(yield_per=200))
    for row in rows:
        seen.add(row.id)
        actual = hashlib.sha256(bytes(row.pdf)).hexdigest()
        if actual != row.sha256:
            problems.append(AuditProblem(
                "memo", row.id, "its PDF does not match its stored SHA-256 (the file changed)"))
        recorded = facts.memos.get(row.id)
        if recorded is None:
            problems.append(AuditProblem("memo", row.id, "no audit entry records this memo"))
            continue
        entry_id, sha, record = recorded
        if sha is not None and sha != actual:
            problems.append(AuditProblem(
                "memo", row.id, f"its PDF does not match the SHA-256 audit entry {entry_id} "
                "recorded"))
        problems += _anchor_problems(row, facts)
        if record is not None and record != memo_digest(row):
            problems.append(AuditProblem(
                "memo", row.id, f"its record (status, signer, times or links) changed after "
                f"audit entry {entry_id} recorded it"))
    for memo_id, (entry_id, _sha, _record) in sorted(facts.memos.items()):
        if memo_id not in seen:
            problems.append(AuditProblem(
                "entry", entry_id, f"it records memo {memo_id}, which is missing (deleted)"))
    return len(seen), problems


def _case_problems(connection: Connection, facts: ChainFacts) -> list[AuditProblem]:
    problems: list[AuditProblem] = []
    seen: set[str] = set()
    rows = connection.execute(select(cases_table.c.case_id, cases_table.c.status,
                                     cases_table.c.data_json).execution_options(yield_per=500))
    for case_id, status, data_json in rows:
        seen.add(case_id)
        state = facts.case_state.get(case_id)
        finalized_by_chain = state is not None and state[1] in FINALIZING_ACTIONS
        if status in FINAL_CASE_STATUSES:
            if state is None or not finalized_by_chain:
                problems.append(AuditProblem(
                    "case", case_id, f"case {case_id} is marked {status}, but no audit entry "
                    "finalized it" + (f" (entry {state[0]} started an amendment)"
                                      if state is not None else "")))
            elif state[2] is not None and state[2] != sha256_text(data_json):
                problems.append(AuditProblem(
                    "entry", state[0], f"the facts of case {case_id} differ from those it "
                    "finalized (changed after finalizing)"))
        elif finalized_by_chain and state is not None:
            problems.append(AuditProblem(
                "entry", state[0], f"it finalized case {case_id}, which is now {status} "
                "without an amendment entry"))
    for case_id, entry_id in sorted(facts.case_last_entry.items(), key=lambda item: item[1]):
        if case_id not in seen:
            problems.append(AuditProblem(
                "entry", entry_id, f"case {case_id}, which it concerns, is missing (deleted)"))
    return problems


def verify(connection: Connection, receipts_file: Path | None = None, *,
           complete: bool = True) -> AuditReport:
    """Check the chain, its receipts and every row it vouches for; name what is wrong."""
    facts = ChainFacts()
    entries = connection.execute(
        select(audit_table).order_by(audit_table.c.id).execution_options(yield_per=2000))
    problems = _chain_problems(entries, facts)
    problems += receipt_problems(receipts_file, facts, complete=complete)
    problems += _determination_problems(connection, facts)
    memos_checked, memo_problems = _memo_problems(connection, facts)
    problems += memo_problems
    problems += _case_problems(connection, facts)
    problems += case_problems(connection, facts.story)
    restore_found, notes = restore_problems(facts.story)
    problems += restore_found
    return AuditReport(facts.count, memos_checked, tuple(problems), tuple(notes))
