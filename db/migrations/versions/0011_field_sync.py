"""Field sync: devices, checkouts (the common base), change events, conflicts, transfers.

A laptop takes cases out of the office (a checkout keeps the version and facts it took: the
common base of a later three-way merge) and brings back signed change events; an event id is
stored once, so the same transfer applied twice adds nothing. A field changed on both sides
since the base is a conflict row, kept until a person resolves it. On PostgreSQL the rows of
a case are seen with the case (row-level security, as 0008_office), and a caseworker may
insert events, checkouts and conflicts and update checkouts and conflicts, never delete.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

CASE_TABLES = ("field_checkouts", "field_events", "field_conflicts")


def _utc() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def _tables() -> None:
    op.create_table(
        "field_devices",
        sa.Column("device_id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("registered_by", sa.String(200)),
        sa.Column("registered_at", _utc(), nullable=False))
    op.create_table(
        "field_checkouts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("base_json", sa.Text, nullable=False),
        sa.Column("checked_out_by", sa.String(200)),
        sa.Column("checked_out_at", _utc(), nullable=False),
        sa.Column("applied_base", sa.Integer),
        sa.Column("applied_json", sa.Text),
        sa.Column("applied_seq", sa.Integer),
        sa.UniqueConstraint("device_id", "case_id", name="uq_field_checkouts_device_case"))
    op.create_table(
        "field_events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("transfer_id", sa.String(64), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("person", sa.String(200), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("base_version", sa.Integer, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("recorded_at", _utc(), nullable=False))
    op.create_index("ix_field_events_case", "field_events", ["case_id"])
    op.create_table(
        "field_conflicts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("case_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("path", sa.Text, nullable=False),
        sa.Column("event_id", sa.String(64), nullable=False, unique=True),
        sa.Column("base_json", sa.Text, nullable=False),
        sa.Column("office_json", sa.Text, nullable=False),
        sa.Column("office_by", sa.String(200)),
        sa.Column("office_at", sa.String(40)),
        sa.Column("field_json", sa.Text, nullable=False),
        sa.Column("field_by", sa.String(200), nullable=False),
        sa.Column("field_device", sa.String(64), nullable=False),
        sa.Column("field_at", sa.String(40), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("resolution", sa.String(16)),
        sa.Column("resolved_by", sa.String(200)),
        sa.Column("resolved_at", _utc()),
        sa.CheckConstraint("kind IN ('conflict', 'amendment')", name="ck_field_conflicts_kind"),
        sa.CheckConstraint("state IN ('open', 'resolved')", name="ck_field_conflicts_state"))
    op.create_index("ix_field_conflicts_case", "field_conflicts", ["case_id", "state"])
    op.create_table(
        "field_transfers",
        sa.Column("transfer_id", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("direction", sa.String(8), nullable=False),
        sa.Column("device_id", sa.String(64), nullable=False),
        sa.Column("person", sa.String(200)),
        sa.Column("signer", sa.String(64)),
        sa.Column("at", _utc(), nullable=False),
        sa.Column("summary_json", sa.Text, nullable=False))


POSTGRES = (
    *(part for table in CASE_TABLES for part in (
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY {table}_of_visible_cases ON {table} USING (
             EXISTS (SELECT 1 FROM cases c WHERE c.case_id = {table}.case_id))""")),
    """DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'waypoint_caseworker') THEN
    GRANT SELECT, INSERT ON field_devices, field_events, field_transfers TO waypoint_caseworker;
    GRANT SELECT, INSERT ON field_checkouts, field_conflicts TO waypoint_caseworker;
    GRANT UPDATE (base_version, base_json, checked_out_by, checked_out_at, applied_base,
                  applied_json, applied_seq)
      ON field_checkouts TO waypoint_caseworker;
    GRANT UPDATE (state, resolution, resolved_by, resolved_at)
      ON field_conflicts TO waypoint_caseworker;
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO waypoint_caseworker;
  END IF;
END $$""",
)


def upgrade() -> None:
    _tables()
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES:
            op.execute(statement)


def downgrade() -> None:
    for table in ("field_transfers", "field_conflicts", "field_events", "field_checkouts",
                  "field_devices"):
        op.drop_table(table)
