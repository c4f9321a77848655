"""Applying one case section of a laptop's return transfer at the office, in the caller's
transaction (all of the case or none of it): create a case made in the field, merge the
laptop's changes field by field against the common base, record conflicts and amendment
proposals, store each event once, audit every event with its origin device and person."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from db import case_store, field_store
from db.audit import AuditEvent, append, as_utc, audit_table
from db.errors import CaseNotFoundError, DatabaseError
from db.models import CaseReview
from desktop.services.sync_format import TransferError, event_id
from desktop.services.sync_merge import FieldConflict, merge_case
from desktop.services.sync_paths import Leaf, apply_changes, changed_paths, flatten, leaf

reviews_table = CaseReview.__table__  # type: ignore[attr-defined]  # set by SQLModel
HELD_REVIEW_STATES = ("submitted", "approved")


@dataclass(frozen=True)
class Context:
    """Who applies which transfer, from which device, when."""

    transfer_id: str
    device: str
    seq: int
    actor: str | None
    signer: str | None
    now: datetime


@dataclass
class CaseOutcome:
    """What one case section did."""

    case_id: str
    state: str  # created | merged | unchanged | held | stale
    applied: list[str] = field(default_factory=list)
    conflicts: int = 0
    proposals: int = 0


def _theirs(section: dict[str, Any]) -> dict[str, Any]:
    """The laptop's state: its base with its events; an event whose old value is not the
    base's (a file that contradicts itself) refuses the case."""
    base_leaves = flatten(section["base"])
    changes: dict[str, Leaf] = {}
    for event in section["events"]:
        if event["device"] != section["device"] or event["base_version"] != section[
                "base_version"]:
            raise TransferError(f"case {section['case_id']}: an event names another device "
                                "or base; the case was not applied")
        if leaf(base_leaves, event["path"]) != event["old"]:
            raise TransferError(f"case {section['case_id']}: the event on {event['path']} does "
                                "not start from the case's base; the case was not applied")
        changes[event["path"]] = event["new"]
    return apply_changes(section["base"], changes)


def _events_by_path(section: dict[str, Any], paths: list[str], theirs: dict[str, Any],
                    context: Context, person: str) -> dict[str, dict[str, Any]]:
    """The event behind each path the laptop's state differs on (a path reverted to the base
    after the office applied it gets an event of its own, by the transfer's person)."""
    events = {event["path"]: event for event in section["events"]}
    theirs_leaves, base_leaves = flatten(theirs), flatten(section["base"])
    for path in paths:
        if path not in events:
            new = leaf(theirs_leaves, path)
            events[path] = {
                "event_id": event_id(context.device, section["case_id"],
                                     section["base_version"], path, new),
                "case_id": section["case_id"], "device": context.device, "person": person,
                "at": context.now.isoformat(), "path": path, "old": leaf(base_leaves, path),
                "new": new, "base_version": section["base_version"]}
    return events


def _last_office_change(connection: Connection, case_id: str) -> tuple[str | None, str | None]:
    row = connection.execute(select(audit_table.c.actor, audit_table.c.at).where(
        audit_table.c.case_id == case_id,
        audit_table.c.action.in_(("case.saved", "case.created", "case.imported")))
        .order_by(audit_table.c.id.desc()).limit(1)).first()
    return (None, None) if row is None else (row.actor, as_utc(row.at).isoformat())


def _held(connection: Connection, row: Any) -> bool:
    if row.status == "finalized":
        return True
    state = connection.execute(select(reviews_table.c.state).where(
        reviews_table.c.case_pk == row.id)).scalar()
    return state in HELD_REVIEW_STATES


def _create(connection: Connection, section: dict[str, Any], context: Context,
            person: str) -> Any:
    """A case made in the field: inserted from its base, and checked out to its device."""
    case_id = section["case_id"]
    item = case_store.prepare(section["base"], case_id=case_id)
    case_store.insert_cases(connection, [item], context.now)
    append(connection, context.now, context.actor, [AuditEvent(
        "case.created", case_id, details={
            "origin": "field", "device": context.device, "origin_person": person,
            "transfer": context.transfer_id})])
    field_store.put_checkout(connection, context.device, case_id, section["base_version"],
                             section["base"], None, context.now)
    return case_store.find_row(connection, case_id, for_update=True)


def _find(connection: Connection, section: dict[str, Any], context: Context,
          person: str) -> tuple[Any, Any, bool]:
    """The office's case row and the device's checkout of it (creating a field case)."""
    case_id = section["case_id"]
    try:
        row = case_store.find_row(connection, case_id, for_update=True)
    except CaseNotFoundError:
        row = None
    checkout = field_store.checkout(connection, context.device, case_id)
    if row is None:
        if section.get("origin") != "field" or checkout is not None:
            raise TransferError(f"case {case_id} is not one you can see at the office; it was "
                                "not applied")
        row = _create(connection, section, context, person)
        return row, field_store.checkout(connection, context.device, case_id), True
    if checkout is None:
        raise TransferError(f"case {case_id} was not checked out to this device; it was not "
                            "applied")
    return row, checkout, False


def apply_section(connection: Connection, section: dict[str, Any], context: Context,
                  person: str) -> CaseOutcome:
    """Apply one case of a return transfer (see the module's docstring)."""
    row, checkout, created = _find(connection, section, context, person)
    case_id = row.case_id
    if checkout.applied_seq is not None and context.seq <= checkout.applied_seq:
        return CaseOutcome(case_id, "stale")  # a later transfer of this device is in already
    theirs = _theirs(section)
    same_base = (checkout.applied_base == section["base_version"]
                 and checkout.applied_json is not None)
    merge_base = json.loads(checkout.applied_json) if same_base else section["base"]
    changes = {path: new for path, (_old, new) in changed_paths(merge_base, theirs).items()}
    ours = json.loads(row.data_json)
    events = _events_by_path(section, list(changes), theirs, context, person)
    if _held(connection, row):
        outcome = _propose(connection, row, merge_base, ours, changes, events, context)
    else:
        outcome = _merge(connection, row, merge_base, ours, changes, events, context)
    if created:
        outcome.state = "created"
    _store_events(connection, section, events, outcome, context)
    field_store.set_applied(connection, checkout.id, section["base_version"], theirs,
                            context.seq)
    return outcome


def _conflict_row(row: Any, kind: str, conflict: FieldConflict, event: dict[str, Any],
                  office: tuple[str | None, str | None]) -> dict[str, Any]:
    return {"case_id": row.case_id, "kind": kind, "path": conflict.path,
            "event_id": event["event_id"], "base_json": field_store.dump(conflict.base),
            "office_json": field_store.dump(conflict.ours), "office_by": office[0],
            "office_at": office[1], "field_json": field_store.dump(conflict.theirs),
            "field_by": event["person"][:200], "field_device": event["device"],
            "field_at": event["at"][:40], "state": "open"}


def _event_details(event: dict[str, Any], context: Context) -> dict[str, Any]:
    return {"event_id": event["event_id"], "device": event["device"],
            "origin_person": event["person"], "origin_at": event["at"], "path": event["path"],
            "base_version": event["base_version"], "transfer": context.transfer_id,
            "signer": context.signer}


def _new_conflicts(connection: Connection, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Conflict rows not recorded before (an event's conflict is recorded once)."""
    known = set(connection.execute(select(field_store.conflicts_table.c.event_id).where(
        field_store.conflicts_table.c.event_id.in_([r["event_id"] for r in rows]))).scalars()
    ) if rows else set()
    return [one for one in rows if one["event_id"] not in known]


def _merge(connection: Connection, row: Any, merge_base: dict[str, Any], ours: dict[str, Any],
           changes: dict[str, Leaf], events: dict[str, dict[str, Any]], context: Context
           ) -> CaseOutcome:
    result = merge_case(merge_base, ours, changes)
    outcome = CaseOutcome(row.case_id, "merged" if result.changed else "unchanged",
                          list(result.applied))
    audit: list[AuditEvent] = []
    if result.changed:
        case_store.update_case(connection, row.id, result.merged, "draft", context.now)
        audit.append(AuditEvent("case.saved", row.case_id, details={
            "origin": "field", "device": context.device, "transfer": context.transfer_id,
            "fields": len(result.applied)}))
    audit += [AuditEvent("field.change_applied", row.case_id,
                         details=_event_details(events[path], context))
              for path in result.applied]
    office = _last_office_change(connection, row.case_id)
    rows = _new_conflicts(connection, [_conflict_row(row, "conflict", conflict,
                                                     events[conflict.path], office)
                                       for conflict in result.conflicts])
    field_store.insert_conflicts(connection, rows)
    audit += [AuditEvent("field.conflict_recorded", row.case_id, details=_event_details(
        events[one["path"]], context)) for one in rows]
    outcome.conflicts = len(rows)
    append(connection, context.now, context.actor, audit)
    return outcome


def _propose(connection: Connection, row: Any, merge_base: dict[str, Any],
             ours: dict[str, Any], changes: dict[str, Leaf], events: dict[str, dict[str, Any]],
             context: Context) -> CaseOutcome:
    """A finalized case (or one awaiting or holding approval) is never merged: each change
    that differs from the office's value is kept as an amendment proposal."""
    our_leaves, base_leaves = flatten(ours), flatten(merge_base)
    proposals = [FieldConflict(path, leaf(base_leaves, path), leaf(our_leaves, path), new)
                 for path, new in changes.items() if leaf(our_leaves, path) != new]
    office = _last_office_change(connection, row.case_id)
    rows = _new_conflicts(connection, [_conflict_row(row, "amendment", one, events[one.path],
                                                     office) for one in proposals])
    field_store.insert_conflicts(connection, rows)
    append(connection, context.now, context.actor, [AuditEvent(
        "field.amendment_proposed", row.case_id,
        details={**_event_details(events[one["path"]], context), "status": row.status})
        for one in rows])
    return CaseOutcome(row.case_id, "held", proposals=len(rows))


def _store_events(connection: Connection, section: dict[str, Any],
                  events: dict[str, dict[str, Any]], outcome: CaseOutcome,
                  context: Context) -> None:
    every = {event["event_id"]: event for event in [*section["events"], *events.values()]}
    known = field_store.known_events(connection, list(every))
    field_store.insert_events(connection, [{
        "event_id": one["event_id"], "transfer_id": context.transfer_id,
        "device_id": one["device"], "case_id": one["case_id"], "person": one["person"][:200],
        "at": one["at"][:40], "path": one["path"], "base_version": one["base_version"],
        "outcome": outcome.state, "recorded_at": context.now}
        for key, one in every.items() if key not in known])


__all__ = ["CaseOutcome", "Context", "DatabaseError", "apply_section"]
