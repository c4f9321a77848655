"""What the audit entries say happened to each case and to the store, checked against the rows.

A chain can be consistent in itself (every hash recomputed, the receipts rewritten to match)
and still tell a story the rows contradict. Replayed here, entry by entry:
- a case's state: created or imported as a draft, determined by a determination, finalized by
  a final memo, back to determined only by an amendment, to draft by a save. A case whose
  state differs from what its entries leave it in, or an entry that could not have been
  written in the state the case was in (a save of a finalized case, an amendment of a case
  that was not finalized), was changed outside Waypoint;
- a case's version (raised by every save): more saves in the row than in the chain means
  entries were removed;
- every restore: Waypoint records one as an entry (`store.restored`) right after the
  `restored` receipt, naming the backup and the chain it replaced. A `restored` receipt with no
  such entry is a file copied over the database by hand; a restore that dropped final memos
  is reported, whoever did it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, select

from db.guards import AMENDMENT_ACTION, FINAL_CASE_STATUSES
from db.models import Case
from db.records import AuditProblem

RESTORE_ACTION = "store.restored"
cases_table = Case.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time
CREATING = ("case.created", "case.imported")
FINALIZING = ("memo.finalized", "memo.amended")


@dataclass
class CaseReplay:
    """One case as its entries leave it."""

    state: str = "draft"
    created: bool = False
    saves: int = 0
    last_entry: int = 0
    impossible: list[AuditProblem] = field(default_factory=list)


@dataclass(frozen=True)
class Restore:
    """A restore as its entry recorded it."""

    entry_id: int
    details: dict[str, Any]


@dataclass
class StoreStory:
    """Per case replays and the restores, collected while the chain is read."""

    cases: dict[str, CaseReplay] = field(default_factory=dict)
    restores: list[Restore] = field(default_factory=list)
    actions: dict[int, str] = field(default_factory=dict)

    def note(self, entry_id: int, action: str, case_id: str | None,
             details: dict[str, Any]) -> None:
        self.actions[entry_id] = action
        if action == RESTORE_ACTION:
            self.restores.append(Restore(entry_id, details))
        if case_id is not None:
            self._replay(self.cases.setdefault(case_id, CaseReplay()), entry_id, action,
                         case_id)

    def _replay(self, case: CaseReplay, entry_id: int, action: str, case_id: str) -> None:
        final = case.state in FINAL_CASE_STATUSES
        case.last_entry = entry_id
        if action in CREATING:
            case.created, case.state = True, "draft"
        elif action == "case.saved":
            case.saves += 1
            if final:
                case.impossible.append(AuditProblem(
                    "entry", entry_id, f"it records a save of case {case_id} while that case "
                    "was finalized, which Waypoint refuses: the entry was forged"))
            case.state = "draft"
        elif action == "determination.recorded" and case.state == "draft":
            case.state = "determined"
        elif action in FINALIZING:
            case.state = FINAL_CASE_STATUSES[0]
        elif action == AMENDMENT_ACTION:
            if not final:
                case.impossible.append(AuditProblem(
                    "entry", entry_id, f"it starts an amendment of case {case_id}, which was "
                    "not finalized then: the entry was forged"))
            case.state = "determined"

    def finalized_by_coverage(self, case_id: str) -> None:
        """Migration 0003's coverage entry vouches for a case finalized before it."""
        self.cases.setdefault(case_id, CaseReplay(created=True)).state = FINAL_CASE_STATUSES[0]


def case_problems(connection: Connection, story: StoreStory) -> list[AuditProblem]:
    """Each case row against what its entries leave it as."""
    problems: list[AuditProblem] = []
    has_version = "version" in cases_table.c
    columns = [cases_table.c.case_id, cases_table.c.status]
    if has_version:
        columns.append(cases_table.c.version)
    for row in connection.execute(select(*columns).execution_options(yield_per=500)):
        replay = story.cases.get(row.case_id)
        if replay is None:
            problems.append(AuditProblem(
                "case", row.case_id, f"case {row.case_id} is stored, but no audit entry "
                "created or imported it: its entries were removed, or the row was added "
                "outside Waypoint"))
            continue
        problems += replay.impossible
        if not replay.created:
            problems.append(AuditProblem(
                "case", row.case_id, f"case {row.case_id} has no entry that created or "
                "imported it: the start of its history was removed"))
        version = int(row.version) if has_version and row.version is not None else 1
        if version > replay.saves + 1:
            problems.append(AuditProblem(
                "case", row.case_id, f"case {row.case_id} was saved {version - 1} time(s) "
                f"(its version is {version}), but the chain records {replay.saves} save(s): "
                "entries were removed"))
        final_row = row.status in FINAL_CASE_STATUSES
        final_replay = replay.state in FINAL_CASE_STATUSES
        if not final_row and not final_replay and row.status != replay.state:
            problems.append(AuditProblem(
                "case", row.case_id, f"case {row.case_id} is {row.status}, but its audit "
                f"entries (the last is entry {replay.last_entry}) leave it {replay.state}: its "
                "state was changed outside Waypoint"))
    return problems


def _details(details_json: str) -> dict[str, Any]:
    try:
        found = json.loads(details_json)
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


def restore_problems(story: StoreStory) -> tuple[list[AuditProblem], list[str]]:
    """Restores that dropped final memos (problems) and every restore in words (notes)."""
    problems: list[AuditProblem] = []
    notes: list[str] = []
    for restore in story.restores:
        details = restore.details
        back_to = _head_id(details.get("restored_head"))
        replaced = _head_id(details.get("replaced_head"))
        lost = details.get("final_memos_lost")
        span = (f"from entry {replaced} back to entry {back_to}" if replaced is not None
                else f"back to entry {back_to}")
        words = (f"entry {restore.entry_id}: a restore from {details.get('backup', '?')} "
                 f"rolled the store {span}")
        if replaced is not None and back_to is not None and replaced > back_to:
            words += f" (what the replaced file recorded as entries {back_to + 1}..{replaced} "
            words += "is not in this store"
            kept = details.get("replaced_kept_as")
            words += f"; the replaced file was kept as {kept})" if kept else ")"
        notes.append(words)
        if isinstance(lost, int) and lost > 0:
            problems.append(AuditProblem(
                "entry", restore.entry_id, f"a restore from {details.get('backup', '?')} "
                f"dropped {lost} final memo(s) made before it: they are not in this store"))
    return problems, notes


def _head_id(head: Any) -> int | None:
    if isinstance(head, list) and head and isinstance(head[0], int):
        return int(head[0])
    return None


def restored_receipt_problem(line: int, entry_id: int, story: StoreStory) -> AuditProblem | None:
    """A `restored` receipt must be followed by the restore's own entry."""
    if story.actions.get(entry_id + 1) == RESTORE_ACTION:
        return None
    return AuditProblem(
        "receipt", line, f"line {line} records a restore back to entry {entry_id}, but no "
        f"audit entry {entry_id + 1} records that restore: the database file was replaced "
        "outside Waypoint (rolled back), or restored by a Waypoint older than this one")
