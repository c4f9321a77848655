"""The field-sync tables (migration 0011): devices, checkouts, change events, conflicts,
transfers. Registered in db.models' metadata (imported at its end)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlmodel import Field, SQLModel


def _utc() -> DateTime:
    return DateTime(timezone=True)


class FieldDevice(SQLModel, table=True):
    """A laptop the office handed cases to (on a laptop: itself)."""

    __tablename__ = "field_devices"

    device_id: str = Field(sa_column=Column(String(64), primary_key=True))
    name: str = Field(sa_column=Column(String(200), nullable=False))
    registered_by: str | None = Field(default=None, sa_column=Column(String(200)))
    registered_at: datetime = Field(sa_column=Column(_utc(), nullable=False))


class FieldCheckout(SQLModel, table=True):
    """A case out on a device: the version and facts it took (the merge's common base)."""

    __tablename__ = "field_checkouts"
    __table_args__ = (
        UniqueConstraint("device_id", "case_id", name="uq_field_checkouts_device_case"),)

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    device_id: str = Field(sa_column=Column(String(64), nullable=False))
    case_id: str = Field(sa_column=Column(String(40), nullable=False))
    base_version: int = Field(sa_column=Column(Integer, nullable=False))
    base_json: str = Field(sa_column=Column(Text, nullable=False))
    checked_out_by: str | None = Field(default=None, sa_column=Column(String(200)))
    checked_out_at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    # What the office last applied from this device for the case: on which base version, the
    # device's state then (the next merge's base) and the transfer's sequence number.
    applied_base: int | None = Field(default=None, sa_column=Column(Integer))
    applied_json: str | None = Field(default=None, sa_column=Column(Text))
    applied_seq: int | None = Field(default=None, sa_column=Column(Integer))


class FieldEventRow(SQLModel, table=True):
    """One change event received (office) or sent (laptop), stored once by its id."""

    __tablename__ = "field_events"
    __table_args__ = (Index("ix_field_events_case", "case_id"),)

    event_id: str = Field(sa_column=Column(String(64), primary_key=True))
    transfer_id: str = Field(sa_column=Column(String(64), nullable=False))
    device_id: str = Field(sa_column=Column(String(64), nullable=False))
    case_id: str = Field(sa_column=Column(String(40), nullable=False))
    person: str = Field(sa_column=Column(String(200), nullable=False))
    at: str = Field(sa_column=Column(String(40), nullable=False))
    path: str = Field(sa_column=Column(Text, nullable=False))
    base_version: int = Field(sa_column=Column(Integer, nullable=False))
    outcome: str = Field(sa_column=Column(String(16), nullable=False))
    recorded_at: datetime = Field(sa_column=Column(_utc(), nullable=False))


class FieldConflict(SQLModel, table=True):
    """A field changed on both sides since the base (or a change to a finalized case: an
    amendment proposal), both values kept until a person resolves it."""

    __tablename__ = "field_conflicts"
    __table_args__ = (
        CheckConstraint("kind IN ('conflict', 'amendment')", name="ck_field_conflicts_kind"),
        CheckConstraint("state IN ('open', 'resolved')", name="ck_field_conflicts_state"),
        Index("ix_field_conflicts_case", "case_id", "state"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_id: str = Field(sa_column=Column(String(40), nullable=False))
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    path: str = Field(sa_column=Column(Text, nullable=False))
    event_id: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    base_json: str = Field(sa_column=Column(Text, nullable=False))
    office_json: str = Field(sa_column=Column(Text, nullable=False))
    office_by: str | None = Field(default=None, sa_column=Column(String(200)))
    office_at: str | None = Field(default=None, sa_column=Column(String(40)))
    field_json: str = Field(sa_column=Column(Text, nullable=False))
    field_by: str = Field(sa_column=Column(String(200), nullable=False))
    field_device: str = Field(sa_column=Column(String(64), nullable=False))
    field_at: str = Field(sa_column=Column(String(40), nullable=False))
    state: str = Field(sa_column=Column(String(16), nullable=False))
    resolution: str | None = Field(default=None, sa_column=Column(String(16)))
    resolved_by: str | None = Field(default=None, sa_column=Column(String(200)))
    resolved_at: datetime | None = Field(default=None, sa_column=Column(_utc()))


class FieldTransfer(SQLModel, table=True):
    """A transfer file written (out) or applied (in), with its summary."""

    __tablename__ = "field_transfers"

    transfer_id: str = Field(sa_column=Column(String(64), primary_key=True))
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    direction: str = Field(sa_column=Column(String(8), nullable=False))
    device_id: str = Field(sa_column=Column(String(64), nullable=False))
    person: str | None = Field(default=None, sa_column=Column(String(200)))
    signer: str | None = Field(default=None, sa_column=Column(String(64)))
    at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    summary_json: str = Field(sa_column=Column(Text, nullable=False))
