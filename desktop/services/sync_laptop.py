"""The laptop's side of field sync: receive a checkout transfer into the encrypted store, and
write a return transfer of everything changed or made here since.

Receiving never overwrites a change made here that the office does not hold yet: such a case
is refused (bring it back first). A return carries, per case, the base the laptop started
from and one change event per field that differs from it (cumulative, so a lost transfer is
made good by the next), with a sequence number the office uses to skip older transfers.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from db import case_store, field_store
from db.audit import AuditEvent, append, as_utc
from db.errors import CaseNotFoundError, DatabaseError
from db.signing_registry import read_snapshot
from desktop.services.signer_identity import identify
from desktop.services.sync_format import (
    FIELD_FORMAT,
    TransferError,
    TransferSigner,
    check_signature,
    event_id,
    sign,
    write_transfer,
)
from desktop.services.sync_paths import changed_paths

if TYPE_CHECKING:
    from db.database import Database


@dataclass
class ReceiveSummary:
    """What receiving a checkout did."""

    transfer_id: str
    already: bool = False
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        if self.already:
            return [f"Transfer {self.transfer_id[:12]} was received before: nothing changed."]
        return [f"Received: {len(self.added)} case(s) new here, {len(self.updated)} updated; "
                f"{len(self.refused)} refused.",
                *(f"  refused {case_id}: {why}" for case_id, why in self.refused)]


def _adopt_device(database: Database, document: dict[str, Any], actor: str | None,
                  now: datetime) -> str:
    device = str(document["device"]["id"])
    with database.write() as connection:
        own = field_store.own_device(connection)
        if own is None:
            field_store.set_own_device(connection, device)
            field_store.register_device(connection, device,
                                        str(document["device"].get("name") or "this laptop"),
                                        actor, now)
            append(connection, now, actor, [AuditEvent("field.device_adopted", details={
                "device": device})])
        elif own != device:
            raise TransferError(f"this transfer is for device {device[:12]}, and this laptop "
                                f"is {own[:12]}; nothing was received")
    return device


def _check_sender(database: Database, document: dict[str, Any], now: datetime) -> str:
    """The signer's fingerprint: the signature must check out; when this laptop's registry
    trusts an authority, the signer must be a person it names."""
    signed = check_signature(document)
    with database.read() as connection:
        registry = read_snapshot(connection)
    if registry.authorities:
        identity = identify(signed.certificate_der, signed.fingerprint, now, registry)
        if identity.state != "established":
            raise TransferError(f"the transfer's signer is not established here "
                                f"({identity.words}); nothing was received")
    return signed.fingerprint


def receive(database: Database, document: dict[str, Any], *, actor: str | None,
            now: datetime) -> ReceiveSummary:
    """Take a checkout transfer's cases into this store, each in its own transaction."""
    if document["kind"] != "checkout":
        raise TransferError("this is a return transfer: check it in at the office; nothing "
                            "was received")
    signer = _check_sender(database, document, now)
    summary = ReceiveSummary(document["transfer_id"])
    with database.read() as connection:
        if field_store.transfer_seen(connection, summary.transfer_id):
            summary.already = True
            return summary
    device = _adopt_device(database, document, actor, now)
    for section in document["cases"]:
        try:
            with database.write() as connection:
                _receive_case(connection, section, device, document, actor, now, summary)
        except (TransferError, DatabaseError) as problem:
            text = problem.message if isinstance(problem, DatabaseError) else str(problem)
            summary.refused.append((section["case_id"], text))
    with database.write() as connection:
        if not field_store.transfer_seen(connection, summary.transfer_id):
            field_store.record_transfer(
                connection, transfer_id=summary.transfer_id, kind="checkout", direction="in",
                device_id=device, person=document.get("created_by"), signer=signer, at=now,
                summary={"added": len(summary.added), "updated": len(summary.updated),
                         "refused": len(summary.refused)})
    return summary


def _receive_case(connection: Any, section: dict[str, Any], device: str,
                  document: dict[str, Any], actor: str | None, now: datetime,
                  summary: ReceiveSummary) -> None:
    case_id, base = section["case_id"], section["base"]
    details = {"origin": "office", "device": device, "transfer": document["transfer_id"],
               "version": section["base_version"]}
    try:
        row = case_store.find_row(connection, case_id, for_update=True)
    except CaseNotFoundError:
        row = None
    held = field_store.checkout(connection, device, case_id)
    if row is None:
        case_store.insert_cases(connection, [case_store.prepare(base, case_id=case_id)], now)
        append(connection, now, actor, [AuditEvent("case.imported", case_id, details={
            "key": case_id, **details})])
        summary.added.append(case_id)
    else:
        current = json.loads(row.data_json)
        unsent = held is None or current not in (json.loads(held.base_json),
                                                 section.get("applied"))
        if current != base and unsent:
            raise TransferError("changed here since it was taken out, and the office does "
                                "not hold those changes yet: bring the case back first")
        if current != base:
            case_store.update_case(connection, row.id, base, "draft", now)
            append(connection, now, actor, [AuditEvent("case.saved", case_id, details=details)])
        summary.updated.append(case_id)
    field_store.put_checkout(connection, device, case_id, section["base_version"], base,
                             document.get("created_by") or "office", now)
    append(connection, now, actor, [AuditEvent("field.received", case_id, details=details)])


def _field_cases(connection: Any, device: str, actor: str | None, now: datetime
                 ) -> list[Any]:
    """Every checkout of this laptop, cases made here since it became a device included
    (given a checkout of their own at version 1, marked by no office person)."""
    registered = connection.execute(select(field_store.devices_table.c.registered_at).where(
        field_store.devices_table.c.device_id == device)).scalar_one()
    held = {row.case_id for row in field_store.device_checkouts(connection, device)}
    table = case_store.cases_table
    for row in connection.execute(select(table.c.case_id, table.c.data_json).where(
            table.c.created_at >= registered).order_by(table.c.id)):
        if row.case_id not in held:
            field_store.put_checkout(connection, device, row.case_id, 1,
                                     json.loads(row.data_json), None, now)
    return field_store.device_checkouts(connection, device)


def _section(connection: Any, checkout: Any, device: str, actor: str | None
             ) -> dict[str, Any]:
    row = case_store.find_row(connection, checkout.case_id)
    base, current = json.loads(checkout.base_json), json.loads(row.data_json)
    events = []
    for path, (old, new) in changed_paths(base, current).items():
        events.append({"event_id": event_id(device, row.case_id, checkout.base_version, path,
                                            new),
                       "case_id": row.case_id, "device": device, "person": actor or "unknown",
                       "at": as_utc(row.updated_at).isoformat(), "path": path,
                       "old": old, "new": new, "base_version": checkout.base_version})
    section = {"case_id": row.case_id, "base_version": checkout.base_version, "base": base,
               "events": events}
    if checkout.checked_out_by is None:
        section["origin"] = "field"
    return section


def _keep_first_sending(connection: Any, events: list[dict[str, Any]]) -> None:
    """An event sent before keeps who and when it first said (its id is the same)."""
    table = field_store.events_table
    ids = [event["event_id"] for event in events]
    if not ids:
        return
    known = {row.event_id: row for row in connection.execute(select(
        table.c.event_id, table.c.person, table.c.at).where(table.c.event_id.in_(ids)))}
    for event in events:
        if event["event_id"] in known:
            event["person"], event["at"] = known[event["event_id"]][1:]


def send(database: Database, target: Path, passphrase: str, signer: TransferSigner, *,
         actor: str | None, now: datetime) -> dict[str, int]:
    """Write a return transfer of every field case; the sending is recorded only if the file
    was written. Returns the counts (cases, events)."""
    transfer = uuid.uuid4().hex
    with database.write(durable=True) as connection:
        device = field_store.own_device(connection)
        if device is None:
            raise TransferError("this laptop holds no cases from an office yet (receive a "
                                "checkout first)")
        seq = field_store.sent_count(connection) + 1
        sections = [_section(connection, one, device, actor)
                    for one in _field_cases(connection, device, actor, now)]
        events = [event for section in sections for event in section["events"]]
        _keep_first_sending(connection, events)
        _record_sent(connection, transfer, device, events, sections, now, actor)
        document = {"format": FIELD_FORMAT, "kind": "return", "transfer_id": transfer,
                    "seq": seq, "created_at": now.isoformat(), "created_by": actor,
                    "device": {"id": device, "name": field_store.device_name(connection,
                                                                             device)},
                    "cases": sections}
        write_transfer(sign(document, signer), target, passphrase)
    return {"cases": len(sections), "events": len(events), "seq": seq}


def _record_sent(connection: Any, transfer: str, device: str, events: list[dict[str, Any]],
                 sections: list[dict[str, Any]], now: datetime, actor: str | None) -> None:
    known = field_store.known_events(connection, [event["event_id"] for event in events])
    field_store.insert_events(connection, [{
        "event_id": one["event_id"], "transfer_id": transfer, "device_id": device,
        "case_id": one["case_id"], "person": one["person"][:200], "at": one["at"][:40],
        "path": one["path"], "base_version": one["base_version"], "outcome": "sent",
        "recorded_at": now} for one in events if one["event_id"] not in known])
    append(connection, now, actor, [AuditEvent("field.sent", section["case_id"], details={
        "transfer": transfer, "events": len(section["events"])}) for section in sections])
    field_store.record_transfer(
        connection, transfer_id=transfer, kind="return", direction="out", device_id=device,
        person=actor, signer=None, at=now,
        summary={"cases": len(sections), "events": len(events)})
