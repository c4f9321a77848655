"""Field-sync rows (migration 0011) with SQLAlchemy Core, inside the caller's transaction:
devices, checkouts (the merge base), events stored once by id, conflicts, transfers."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, func, select

from db.audit import as_utc
from db.field_models import (
    FieldCheckout,
    FieldConflict,
    FieldDevice,
    FieldEventRow,
    FieldTransfer,
)
from db.models import OfficeSetting

devices_table = FieldDevice.__table__  # type: ignore[attr-defined]  # set by SQLModel
checkouts_table = FieldCheckout.__table__  # type: ignore[attr-defined]  # set by SQLModel
events_table = FieldEventRow.__table__  # type: ignore[attr-defined]  # set by SQLModel
conflicts_table = FieldConflict.__table__  # type: ignore[attr-defined]  # set by SQLModel
transfers_table = FieldTransfer.__table__  # type: ignore[attr-defined]  # set by SQLModel
settings_table = OfficeSetting.__table__  # type: ignore[attr-defined]  # set by SQLModel
OWN_DEVICE_KEY = "field_device"


def dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def device_name(connection: Connection, device_id: str) -> str | None:
    row = connection.execute(select(devices_table.c.name).where(
        devices_table.c.device_id == device_id)).first()
    return None if row is None else str(row[0])


def register_device(connection: Connection, device_id: str, name: str, by: str | None,
                    at: datetime) -> None:
    connection.execute(devices_table.insert().values(
        device_id=device_id, name=name[:200], registered_by=by, registered_at=as_utc(at)))


def own_device(connection: Connection) -> str | None:
    """On a laptop: the device id the office gave it (None before its first checkout)."""
    row = connection.execute(select(settings_table.c.value).where(
        settings_table.c.key == OWN_DEVICE_KEY)).first()
    return None if row is None else str(row[0])


def set_own_device(connection: Connection, device_id: str) -> None:
    connection.execute(settings_table.insert().values(key=OWN_DEVICE_KEY, value=device_id))


def checkout(connection: Connection, device_id: str, case_id: str) -> Row[Any] | None:
    return connection.execute(select(checkouts_table).where(
        checkouts_table.c.device_id == device_id, checkouts_table.c.case_id == case_id)).first()


def device_checkouts(connection: Connection, device_id: str) -> list[Row[Any]]:
    return list(connection.execute(select(checkouts_table).where(
        checkouts_table.c.device_id == device_id).order_by(checkouts_table.c.id)))


def put_checkout(connection: Connection, device_id: str, case_id: str, base_version: int,
                 base: dict[str, Any], by: str | None, at: datetime) -> None:
    """Record (or move forward) the base a device holds of a case."""
    values = {"base_version": base_version, "base_json": dump(base), "checked_out_by": by,
              "checked_out_at": as_utc(at)}
    existing = checkout(connection, device_id, case_id)
    if existing is None:
        connection.execute(checkouts_table.insert().values(
            device_id=device_id, case_id=case_id, **values))
    else:
        connection.execute(checkouts_table.update().where(
            checkouts_table.c.id == existing.id).values(**values))


def set_applied(connection: Connection, checkout_id: int, base_version: int,
                state: dict[str, Any], seq: int) -> None:
    """What the office now holds from the device for the case (the next merge's base)."""
    connection.execute(checkouts_table.update().where(checkouts_table.c.id == checkout_id)
                       .values(applied_base=base_version, applied_json=dump(state),
                               applied_seq=seq))


def known_events(connection: Connection, ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 500):
        found.update(connection.execute(select(events_table.c.event_id).where(
            events_table.c.event_id.in_(unique[start:start + 500]))).scalars())
    return found


def insert_events(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        connection.execute(events_table.insert(), list(rows))


def insert_conflicts(connection: Connection, rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        connection.execute(conflicts_table.insert(), list(rows))


def conflicts(connection: Connection, *, case_id: str | None = None,
              open_only: bool = True) -> list[Row[Any]]:
    query = select(conflicts_table).order_by(conflicts_table.c.id)
    if case_id is not None:
        query = query.where(conflicts_table.c.case_id == case_id)
    if open_only:
        query = query.where(conflicts_table.c.state == "open")
    return list(connection.execute(query))


def conflict(connection: Connection, conflict_id: int) -> Row[Any] | None:
    query = select(conflicts_table).where(conflicts_table.c.id == conflict_id)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    return connection.execute(query).first()


def mark_resolved(connection: Connection, conflict_id: int, resolution: str, by: str | None,
                  at: datetime) -> None:
    connection.execute(conflicts_table.update().where(conflicts_table.c.id == conflict_id)
                       .values(state="resolved", resolution=resolution, resolved_by=by,
                               resolved_at=as_utc(at)))


def transfer_seen(connection: Connection, transfer_id: str) -> bool:
    return connection.execute(select(transfers_table.c.transfer_id).where(
        transfers_table.c.transfer_id == transfer_id)).first() is not None


def record_transfer(connection: Connection, *, transfer_id: str, kind: str, direction: str,
                    device_id: str, person: str | None, signer: str | None, at: datetime,
                    summary: dict[str, Any]) -> None:
    connection.execute(transfers_table.insert().values(
        transfer_id=transfer_id, kind=kind, direction=direction, device_id=device_id,
        person=person, signer=signer, at=as_utc(at), summary_json=dump(summary)))


def sent_count(connection: Connection) -> int:
    """How many return transfers this laptop wrote (the next one's sequence number - 1)."""
    return int(connection.execute(select(func.count()).select_from(transfers_table).where(
        transfers_table.c.direction == "out", transfers_table.c.kind == "return")).scalar_one())
