"""The office server keeps the audit anchors laptops send it (PostgreSQL only).

A laptop's SQLite store can send its audit chain's head to the office server
(`waypoint audit anchor --to URL`); the server stamps each with its own clock and the sending
login, and nobody (the table's owner included) can change or delete one afterwards. A laptop
user who rewrites their own chain and receipts cannot rewrite these, so
`waypoint audit verify --against URL` finds it. SQLite stores have no such table.

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

POSTGRES_UP = (
    """CREATE TABLE audit_anchors (
         id BIGSERIAL PRIMARY KEY,
         store_id CHAR(64) NOT NULL,
         entry_id BIGINT NOT NULL CHECK (entry_id > 0),
         entry_hash CHAR(64) NOT NULL,
         anchored_at TIMESTAMPTZ NOT NULL DEFAULT now(),
         anchored_by TEXT NOT NULL DEFAULT current_user)""",
    "CREATE INDEX ix_audit_anchors_store ON audit_anchors (store_id, entry_id)",
    """CREATE FUNCTION waypoint_anchor_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF TG_OP <> 'INSERT' THEN
           RAISE EXCEPTION 'audit anchors are append-only'
             USING ERRCODE = 'integrity_constraint_violation';
         END IF;
         NEW.anchored_at := now();
         NEW.anchored_by := current_user;
         RETURN NEW;
       END $$""",
    """CREATE TRIGGER audit_anchors_stamp BEFORE INSERT OR UPDATE OR DELETE ON audit_anchors
       FOR EACH ROW EXECUTE FUNCTION waypoint_anchor_stamp()""",
    """CREATE TRIGGER audit_anchors_no_truncate BEFORE TRUNCATE ON audit_anchors
       FOR EACH STATEMENT EXECUTE FUNCTION waypoint_anchor_stamp()""",
)


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in POSTGRES_UP:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP TABLE audit_anchors")
    op.execute("DROP FUNCTION waypoint_anchor_stamp()")
