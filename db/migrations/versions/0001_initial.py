"""Initial schema: cases, journey, determinations, memos, audit log and their guard triggers.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)

SQLITE_TRIGGERS = (
    """CREATE TRIGGER memos_final_no_update BEFORE UPDATE ON memos WHEN OLD.status = 'final'
       BEGIN SELECT RAISE(ABORT, 'a final memo cannot be changed; amend it with a new memo'); END""",
    """CREATE TRIGGER memos_final_no_delete BEFORE DELETE ON memos WHEN OLD.status = 'final'
       BEGIN SELECT RAISE(ABORT, 'a final memo cannot be deleted'); END""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
       BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER cases_finalized_locked BEFORE UPDATE OF data_json ON cases
       WHEN OLD.status = 'finalized' AND NEW.status = 'finalized'
            AND NEW.data_json IS NOT OLD.data_json
       BEGIN SELECT RAISE(ABORT, 'a finalized case is locked; start an amendment'); END""",
)

POSTGRES_TRIGGERS = (
    """CREATE FUNCTION waypoint_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'integrity_constraint_violation';
       END $$""",
    """CREATE TRIGGER memos_final_no_update BEFORE UPDATE ON memos FOR EACH ROW
       WHEN (OLD.status = 'final')
       EXECUTE FUNCTION waypoint_refuse('a final memo cannot be changed; amend it with a new memo')""",
    """CREATE TRIGGER memos_final_no_delete BEFORE DELETE ON memos FOR EACH ROW
       WHEN (OLD.status = 'final')
       EXECUTE FUNCTION waypoint_refuse('a final memo cannot be deleted')""",
    """CREATE TRIGGER memos_no_truncate BEFORE TRUNCATE ON memos FOR EACH STATEMENT
       EXECUTE FUNCTION waypoint_refuse('memos cannot be truncated')""",
    """CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log FOR EACH ROW
       EXECUTE FUNCTION waypoint_refuse('the audit log is append-only')""",
    """CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log FOR EACH ROW
       EXECUTE FUNCTION waypoint_refuse('the audit log is append-only')""",
    """CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT
       EXECUTE FUNCTION waypoint_refuse('the audit log is append-only')""",
    """CREATE TRIGGER cases_finalized_locked BEFORE UPDATE OF data_json ON cases FOR EACH ROW
       WHEN (OLD.status = 'finalized' AND NEW.status = 'finalized'
             AND NEW.data_json IS DISTINCT FROM OLD.data_json)
       EXECUTE FUNCTION waypoint_refuse('a finalized case is locked; start an amendment')""",
)


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.String(40), nullable=False, unique=True),
        sa.Column("case_ref", sa.String(200)),
        sa.Column("import_key", sa.String(200), unique=True),
        sa.Column("data_json", sa.Text(), nullable=False),
        sa.Column("display_name", sa.String(400), nullable=False),
        sa.Column("family_name", sa.String(200), nullable=False),
        sa.Column("given_names", sa.String(200), nullable=False),
        sa.Column("a_number", sa.String(9)),
        sa.Column("nationality", sa.String(64)),
        sa.Column("entry_date", sa.String(64)),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("updated_at", UTC_DATETIME, nullable=False),
        sa.CheckConstraint(
            "status IN ('draft', 'determined', 'finalized')", name="ck_cases_status"
        ),
    )
    op.create_index("ix_cases_updated_at", "cases", ["updated_at"])
    op.create_index("ix_cases_a_number", "cases", ["a_number"])
    op.create_index("ix_cases_case_ref", "cases", ["case_ref"])

    op.create_table(
        "journey_stops",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "case_pk", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("country", sa.String(64)),
        sa.Column("arrived", sa.String(64)),
        sa.Column("departed", sa.String(64)),
        sa.Column("status_held", sa.String(64)),
    )
    op.create_index("ix_journey_stops_case", "journey_stops", ["case_pk", "position"])
    op.create_index("ix_journey_stops_country", "journey_stops", ["country"])

    op.create_table(
        "protection_claims",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "stop_id",
            sa.Integer(),
            sa.ForeignKey("journey_stops.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("kind", sa.String(64)),
        sa.Column("filed", sa.String(64)),
        sa.Column("outcome", sa.String(64)),
    )
    op.create_index("ix_protection_claims_stop", "protection_claims", ["stop_id"])

    op.create_table(
        "determinations",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "case_pk", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False
        ),
        sa.Column("findings_json", sa.Text(), nullable=False),
        sa.Column("decision_date", sa.String(32)),
        sa.Column("rules_version", sa.String(200)),
        sa.Column("rules_hash", sa.String(128)),
        sa.Column("engine_version", sa.String(64)),
        sa.Column("facts_digest", sa.String(64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
    )
    op.create_index("ix_determinations_case", "determinations", ["case_pk", "id"])

    op.create_table(
        "memos",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "case_pk", sa.Integer(), sa.ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False
        ),
        sa.Column("determination_id", sa.Integer(), sa.ForeignKey("determinations.id")),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("pdf", sa.LargeBinary(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created_at", UTC_DATETIME, nullable=False),
        sa.Column("finalized_by", sa.String(200)),
        sa.Column("finalized_at", UTC_DATETIME),
        sa.Column("supersedes_id", sa.Integer(), sa.ForeignKey("memos.id")),
        sa.CheckConstraint("status IN ('draft', 'final')", name="ck_memos_status"),
        sa.CheckConstraint(
            "status = 'draft' OR (finalized_by IS NOT NULL AND finalized_at IS NOT NULL)",
            name="ck_memos_final_signed",
        ),
    )
    op.create_index("ix_memos_case", "memos", ["case_pk", "id"])

    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
        sa.Column("actor", sa.String(200)),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("case_id", sa.String(40)),
        sa.Column("memo_id", sa.Integer()),
        sa.Column("details_json", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("entry_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_case_id", "audit_log", ["case_id"])

    triggers = POSTGRES_TRIGGERS if op.get_bind().dialect.name == "postgresql" else SQLITE_TRIGGERS
    for statement in triggers:
        op.execute(statement)


def downgrade() -> None:
    for table in ("audit_log", "memos", "determinations", "protection_claims",
                  "journey_stops", "cases"):
        op.drop_table(table)
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS waypoint_refuse()")
