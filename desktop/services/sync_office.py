"""The office's side of field sync: take cases to the field (a signed checkout transfer for a
device) and bring them back (apply a laptop's signed return transfer, case by case).

Before anything is written, a return is refused whole, with one line, when its signature does
not check out (changed after signing), its signer is not a person the office's registry
names (issued by a trusted authority, in force, not revoked), or its device is not one the
office handed cases to. Then each case is applied in its own transaction (db.write): a
transfer cut off midway has applied whole cases only, and applying it again skips them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db import case_store, field_store
from db.audit import AuditEvent, append
from db.errors import DatabaseError
from db.signing_registry import read_snapshot
from desktop.services.signer_identity import identify
from desktop.services.sync_apply import CaseOutcome, Context, apply_section
from desktop.services.sync_format import (
    FIELD_FORMAT,
    TransferError,
    TransferSigner,
    check_signature,
    sign,
    write_transfer,
)

if TYPE_CHECKING:
    from db.database import Database


@dataclass
class CheckinSummary:
    """What a check-in did: cases per outcome, conflicts and proposals recorded, refusals."""

    transfer_id: str
    already: bool = False
    outcomes: list[CaseOutcome] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)

    def count(self, state: str) -> int:
        return sum(1 for one in self.outcomes if one.state == state)

    @property
    def conflicts(self) -> int:
        return sum(one.conflicts for one in self.outcomes)

    @property
    def proposals(self) -> int:
        return sum(one.proposals for one in self.outcomes)

    def lines(self) -> list[str]:
        if self.already:
            return [f"Transfer {self.transfer_id[:12]} was applied before: nothing changed."]
        lines = [f"Applied: {self.count('merged')} case(s) changed, {self.count('created')} "
                 f"new, {self.count('unchanged') + self.count('stale')} unchanged; "
                 f"{self.conflicts} conflict(s), {self.proposals} amendment proposal(s); "
                 f"{len(self.refused)} refused."]
        lines += [f"  refused {case_id}: {why}" for case_id, why in self.refused]
        if self.conflicts or self.proposals:
            lines.append("  Resolve them: waypoint field conflicts, waypoint field resolve ID")
        return lines


def _new_device(connection: Any, name: str, actor: str | None, now: datetime) -> str:
    device = uuid.uuid4().hex
    field_store.register_device(connection, device, name or "laptop", actor, now)
    append(connection, now, actor, [AuditEvent("field.device_registered", details={
        "device": device})])
    return device


def checkout(database: Database, case_ids: list[str], target: Path, passphrase: str,
             signer: TransferSigner, *, device: str | None, device_name: str,
             actor: str | None, now: datetime) -> str:
    """Write a checkout transfer of the cases for a device (a new one when device is None);
    the checkouts are recorded only if the file was written. Returns the device id."""
    transfer = uuid.uuid4().hex
    with database.write(durable=True) as connection:
        if device is None:
            device = _new_device(connection, device_name, actor, now)
        elif field_store.device_name(connection, device) is None:
            raise TransferError(f"device {device} is not one this office handed cases to")
        sections = [_checkout_section(connection, case_id, device, actor, now)
                    for case_id in dict.fromkeys(case_ids)]
        append(connection, now, actor, [AuditEvent("field.checked_out", one["case_id"], details={
            "device": device, "version": one["base_version"], "transfer": transfer})
            for one in sections])
        field_store.record_transfer(
            connection, transfer_id=transfer, kind="checkout", direction="out",
            device_id=device, person=actor, signer=signer.fingerprint, at=now,
            summary={"cases": len(sections)})
        document = {"format": FIELD_FORMAT, "kind": "checkout", "transfer_id": transfer,
                    "seq": 0, "created_at": now.isoformat(), "created_by": actor,
                    "device": {"id": device, "name": field_store.device_name(connection,
                                                                             device)},
                    "cases": sections}
        write_transfer(sign(document, signer), target, passphrase)
    return device


def _checkout_section(connection: Any, case_id: str, device: str, actor: str | None,
                      now: datetime) -> dict[str, Any]:
    import json

    row = case_store.find_row(connection, case_id, for_update=True)
    data = json.loads(row.data_json)
    previous = field_store.checkout(connection, device, row.case_id)
    applied = (json.loads(previous.applied_json)
               if previous is not None and previous.applied_json else None)
    field_store.put_checkout(connection, device, row.case_id, int(row.version), data, actor, now)
    return {"case_id": row.case_id, "base_version": int(row.version), "base": data,
            "status": row.status, "applied": applied, "events": []}


def _signer_person(database: Database, document: dict[str, Any], now: datetime) -> str:
    """The registered person who signed (TransferError, nothing written, if none)."""
    signed = check_signature(document)
    with database.read() as connection:
        registry = read_snapshot(connection)
        device_known = field_store.device_name(connection, document["device"]["id"])
    identity = identify(signed.certificate_der, signed.fingerprint, now, registry)
    if identity.state != "established" or identity.person is None:
        raise TransferError(f"the transfer's signer is not a registered person of this office "
                            f"({identity.words}); nothing was applied")
    if device_known is None:
        raise TransferError(f"the transfer comes from device {document['device']['id'][:12]}, "
                            "which this office never handed cases to; nothing was applied")
    return identity.person


def checkin(database: Database, document: dict[str, Any], *, actor: str | None,
            now: datetime) -> CheckinSummary:
    """Apply a laptop's return transfer (see the module's docstring)."""
    if document["kind"] != "return":
        raise TransferError("this is a checkout transfer: check it in on the laptop it was "
                            "made for; nothing was applied")
    signer = _signer_person(database, document, now)
    summary = CheckinSummary(document["transfer_id"])
    with database.read() as connection:
        if field_store.transfer_seen(connection, summary.transfer_id):
            summary.already = True
            return summary
    device = document["device"]["id"]
    context = Context(summary.transfer_id, device, document["seq"], actor, signer, now)
    for section in document["cases"]:
        try:
            with database.write() as connection:
                summary.outcomes.append(apply_section(
                    connection, {**section, "device": device}, context,
                    str(document.get("created_by") or signer)))
        except (TransferError, DatabaseError) as problem:
            summary.refused.append((section["case_id"], _one_line(problem)))
    _record(database, document, summary, context)
    return summary


def _one_line(problem: Exception) -> str:
    text = problem.message if isinstance(problem, DatabaseError) else str(problem)
    return " ".join(text.split())[:300]


def _record(database: Database, document: dict[str, Any], summary: CheckinSummary,
            context: Context) -> None:
    counts = {"merged": summary.count("merged"), "created": summary.count("created"),
              "unchanged": summary.count("unchanged") + summary.count("stale"),
              "held": summary.count("held"), "conflicts": summary.conflicts,
              "proposals": summary.proposals, "refused": len(summary.refused)}
    with database.write(durable=True) as connection:
        if summary.refused or field_store.transfer_seen(connection, summary.transfer_id):
            # a refused case may be applied by a later retry: the transfer stays open
            append(connection, context.now, context.actor, [AuditEvent(
                "field.transfer_partial", details={"transfer": summary.transfer_id,
                                                   "device": context.device, **counts})])
            return
        field_store.record_transfer(
            connection, transfer_id=summary.transfer_id, kind="return", direction="in",
            device_id=context.device, person=context.signer, signer=context.signer,
            at=context.now, summary=counts)
        append(connection, context.now, context.actor, [AuditEvent(
            "field.transfer_applied", details={"transfer": summary.transfer_id,
                                               "device": context.device,
                                               "signer": context.signer, **counts})])
