"""Conflicts and amendment proposals from the field: list them, and resolve one explicitly
(keep the office's value, take the field's, or write another), every resolution audited."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from db import case_store, field_store
from db.audit import AuditEvent, append
from db.errors import DatabaseError, NotReadyError
from desktop.services.sync_format import TransferError, TransferSigner
from desktop.services.sync_paths import Leaf, apply_changes

if TYPE_CHECKING:
    from db.database import Database

Choice = Literal["office", "field", "value"]


@dataclass(frozen=True)
class OpenConflict:
    """One conflict (or amendment proposal) as a person sees it: both values, who, when."""

    conflict_id: int
    case_id: str
    kind: str
    path: str
    base: Leaf
    office: Leaf
    office_by: str | None
    office_at: str | None
    field: Leaf
    field_by: str
    field_device: str
    field_at: str
    state: str
    resolution: str | None
    resolved_by: str | None


def _conflict(row: Any) -> OpenConflict:
    return OpenConflict(
        row.id, row.case_id, row.kind, row.path, json.loads(row.base_json),
        json.loads(row.office_json), row.office_by, row.office_at, json.loads(row.field_json),
        row.field_by, row.field_device, row.field_at, row.state, row.resolution,
        row.resolved_by)


def list_conflicts(database: Database, *, case_id: str | None = None,
                   open_only: bool = True) -> list[OpenConflict]:
    with database.read() as connection:
        return [_conflict(row) for row in field_store.conflicts(
            connection, case_id=case_id, open_only=open_only)]


def resolve(database: Database, conflict_id: int, choice: Choice, *, value: Leaf | None = None,
            actor: str | None, now: datetime) -> OpenConflict:
    """Resolve one conflict; the case changes (a versioned save) unless the office's value
    is kept. An amendment proposal is taken only once an amendment of the case started.
    TransferError (one line, nothing changed) when it cannot be."""
    try:
        return _resolve(database, conflict_id, choice, value, actor, now)
    except DatabaseError as problem:
        raise TransferError(problem.message) from None


def _resolve(database: Database, conflict_id: int, choice: Choice, value: Leaf | None,
             actor: str | None, now: datetime) -> OpenConflict:
    with database.write() as connection:
        row = field_store.conflict(connection, conflict_id)
        if row is None:
            raise TransferError(f"there is no conflict {conflict_id}")
        if row.state != "open":
            raise TransferError(f"conflict {conflict_id} was resolved already "
                                f"({row.resolution}, by {row.resolved_by})")
        chosen: Leaf = (json.loads(row.field_json) if choice == "field" else
                        json.loads(row.office_json) if choice == "office" else list(value or []))
        case = case_store.find_row(connection, row.case_id, for_update=True)
        if choice != "office":
            _write(connection, case, row, chosen, actor, now)
        field_store.mark_resolved(connection, conflict_id, choice, actor, now)
        append(connection, now, actor, [AuditEvent("field.conflict_resolved", row.case_id,
                                                   details={
            "conflict": conflict_id, "kind": row.kind, "path": row.path, "resolution": choice,
            "field_device": row.field_device, "origin_person": row.field_by})])
        return _conflict(field_store.conflict(connection, conflict_id))


def _write(connection: Any, case: Any, row: Any, chosen: Leaf, actor: str | None,
           now: datetime) -> None:
    if case.status == "finalized":
        raise NotReadyError(f"case {case.case_id} is finalized: start an amendment of it "
                            "first, then take the proposed value")
    current = json.loads(case.data_json)
    merged = apply_changes(current, {row.path: chosen})
    if merged != current:
        case_store.update_case(connection, case.id, merged, "draft", now)
        append(connection, now, actor, [AuditEvent("case.saved", case.case_id, details={
            "origin": "field conflict", "conflict": row.id})])


def signer_from_key(data_dir: Path, officer: str, passphrase: str) -> TransferSigner:
    """The officer's installed signing key (signing-keys/ in the data folder)."""
    from cryptography.hazmat.primitives.serialization import Encoding

    from desktop.services.signing import SigningError, key_path, open_pkcs12

    try:
        data = key_path(data_dir, officer).read_bytes()
    except FileNotFoundError:
        raise TransferError(f"{officer.strip()} has no signing key here (waypoint admin "
                            "issue-key, or memo key import)") from None
    try:
        key, certificate, others = open_pkcs12(data, passphrase,
                                               f"{officer.strip()}'s signing key")
    except SigningError as problem:
        raise TransferError(str(problem)) from None
    return TransferSigner(key, certificate.public_bytes(Encoding.DER),
                          tuple(one.public_bytes(Encoding.DER) for one in others))
