"""Audit anchors name the person, and no person can LOCK a whole office table.

The anchor table's stamp took `current_user`, which after `SET ROLE waypoint_caseworker` is
the group, not the person: it now takes `session_user` (as every check of 0008_office does).
A person's table-level UPDATE and DELETE (which let `LOCK TABLE cases IN ACCESS EXCLUSIVE
MODE` through and stall every save) become UPDATE on each column and no DELETE; the journey
rows a save replaces are cleared by waypoint_clear_stops(), which checks that the case is one
the person sees (db.guards.NARROW_WRITES). SQLite stores have none of this.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

from alembic import op

from db.guards import NARROW_WRITES, PIN_SEARCH_PATH

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

ANCHOR_STAMP = """CREATE OR REPLACE FUNCTION waypoint_anchor_stamp() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'audit anchors are append-only'
      USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  NEW.anchored_at := pg_catalog.now();
  NEW.anchored_by := session_user;
  RETURN NEW;
END $$"""

# The administrator (owner or superuser) clears any case's rows; a person only those of a case
# row-level security shows them (the rule of 0008_office's cases_visible, by session_user).
CLEAR_STOPS = """CREATE OR REPLACE FUNCTION waypoint_clear_stops(target integer) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER AS $$
DECLARE caller text := session_user;
BEGIN
  IF waypoint_in_group(session_user, 'waypoint_caseworker')
     AND NOT waypoint_is_superuser(session_user)
     AND NOT waypoint_in_group(session_user, 'waypoint_supervisor')
     AND NOT COALESCE((SELECT s.value = 'all' FROM office_settings s
                       WHERE s.key = 'visibility'), false)
     AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.id = target
                     AND (c.created_by = caller OR c.assigned_to = caller)) THEN
    RAISE EXCEPTION 'case % is not one that % may change', target, caller
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  DELETE FROM journey_stops WHERE case_pk = target;
END $$"""


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("ALTER TABLE audit_anchors ALTER COLUMN anchored_by SET DEFAULT session_user")
    for statement in (ANCHOR_STAMP, CLEAR_STOPS, PIN_SEARCH_PATH, NARROW_WRITES):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP FUNCTION IF EXISTS waypoint_clear_stops(integer)")
    op.execute("ALTER TABLE audit_anchors ALTER COLUMN anchored_by SET DEFAULT current_user")
    op.execute(ANCHOR_STAMP.replace("session_user", "current_user"))
