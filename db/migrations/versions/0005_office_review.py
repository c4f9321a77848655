"""Office use: case versions, assignment, people, review states and comments, role checks.

On PostgreSQL the database itself refuses what a person's role does not allow: only a member
of waypoint_supervisor approves or returns a case, an office that requires review finalizes
only approved cases, and an audit entry written by a person names that person.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)

POSTGRES_FUNCTIONS = (
    # Superusers (the administrator, the test fixtures) count as supervisors; group roles may
    # not exist yet before `waypoint admin init-server` makes them.
    """CREATE FUNCTION waypoint_has_group(group_name text) RETURNS boolean
       LANGUAGE plpgsql STABLE AS $$
       BEGIN
         IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = group_name) THEN
           RETURN false;
         END IF;
         RETURN pg_has_role(current_user, group_name, 'MEMBER');
       END $$""",
    """CREATE FUNCTION waypoint_is_person() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
       BEGIN
         RETURN NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                AND (waypoint_has_group('waypoint_caseworker')
                     OR waypoint_has_group('waypoint_supervisor'));
       END $$""",
    """CREATE FUNCTION waypoint_is_supervisor() RETURNS boolean LANGUAGE plpgsql STABLE AS $$
       BEGIN
         RETURN (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
                OR waypoint_has_group('waypoint_supervisor');
       END $$""",
    """CREATE FUNCTION waypoint_review_required() RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT COALESCE((SELECT value = 'required' FROM office_settings WHERE key = 'review'),
                       false) $$""",
    """CREATE FUNCTION waypoint_review_guard() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF NEW.state IN ('approved', 'returned')
            AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state) THEN
           IF NOT waypoint_is_supervisor() THEN
             RAISE EXCEPTION 'only a supervisor can approve or return a case; % is not one',
               current_user USING ERRCODE = 'insufficient_privilege';
           END IF;
           IF TG_OP = 'INSERT' OR OLD.state <> 'submitted' THEN
             RAISE EXCEPTION 'only a case submitted for review can be approved or returned'
               USING ERRCODE = 'integrity_constraint_violation';
           END IF;
           IF waypoint_is_person() THEN
             IF NEW.submitted_by = current_user THEN
               RAISE EXCEPTION 'a supervisor cannot review a case they submitted'
                 USING ERRCODE = 'insufficient_privilege';
             END IF;
             NEW.reviewed_by := current_user;
           END IF;
         ELSIF NEW.state = 'submitted' AND waypoint_is_person() THEN
           NEW.submitted_by := current_user;
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE FUNCTION waypoint_final_needs_approval() RETURNS trigger LANGUAGE plpgsql AS $$
       DECLARE
         case_row integer := (to_jsonb(NEW) ->> TG_ARGV[0])::integer;  -- the case's id column
       BEGIN
         IF waypoint_review_required() AND NOT EXISTS (
             SELECT 1 FROM case_reviews WHERE case_pk = case_row AND state = 'approved') THEN
           RAISE EXCEPTION 'this office requires a supervisor''s approval before a case is '
             'finalized' USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
    # An amendment reopens a finalized case: its approval no longer covers it. SECURITY
    # DEFINER, so caseworkers need no DELETE on case_reviews.
    """CREATE FUNCTION waypoint_amendment_reopens_review() RETURNS trigger LANGUAGE plpgsql
       SECURITY DEFINER SET search_path = public AS $$
       BEGIN
         DELETE FROM case_reviews WHERE case_pk = NEW.id;
         RETURN NEW;
       END $$""",
    """CREATE FUNCTION waypoint_audit_names_person() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         IF waypoint_is_person() AND NEW.actor IS DISTINCT FROM current_user::text THEN
           RAISE EXCEPTION 'an audit entry by % must name % as its actor', current_user,
             current_user USING ERRCODE = 'insufficient_privilege';
         END IF;
         RETURN NEW;
       END $$""",
)

POSTGRES_TRIGGERS = (
    """CREATE TRIGGER case_reviews_guard BEFORE INSERT OR UPDATE ON case_reviews
       FOR EACH ROW EXECUTE FUNCTION waypoint_review_guard()""",
    """CREATE TRIGGER cases_final_needs_approval BEFORE UPDATE OF status ON cases FOR EACH ROW
       WHEN (NEW.status = 'finalized' AND OLD.status IS DISTINCT FROM 'finalized')
       EXECUTE FUNCTION waypoint_final_needs_approval('id')""",
    """CREATE TRIGGER memos_final_needs_approval BEFORE INSERT ON memos FOR EACH ROW
       WHEN (NEW.status = 'final') EXECUTE FUNCTION waypoint_final_needs_approval('case_pk')""",
    """CREATE TRIGGER cases_amendment_reopens_review AFTER UPDATE OF status ON cases
       FOR EACH ROW WHEN (OLD.status = 'finalized' AND NEW.status <> 'finalized')
       EXECUTE FUNCTION waypoint_amendment_reopens_review()""",
    """CREATE TRIGGER audit_log_names_person BEFORE INSERT ON audit_log FOR EACH ROW
       EXECUTE FUNCTION waypoint_audit_names_person()""",
)

# SQLite (one laptop): no database roles, but an office that requires review still cannot
# finalize a case without an approval, which the service writes only for a supervisor profile.
SQLITE_APPROVAL_NEEDED = (
    "(SELECT value FROM office_settings WHERE key = 'review') = 'required' AND NOT EXISTS "
    "(SELECT 1 FROM case_reviews WHERE case_pk = {case} AND state = 'approved')")
SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER cases_final_needs_approval BEFORE UPDATE OF status ON cases
       WHEN NEW.status = 'finalized' AND OLD.status IS NOT 'finalized'
            AND {SQLITE_APPROVAL_NEEDED.format(case="NEW.id")}
       BEGIN SELECT RAISE(ABORT, 'this office requires a supervisor''s approval before a case
       is finalized'); END""",
    """CREATE TRIGGER cases_amendment_reopens_review AFTER UPDATE OF status ON cases
       WHEN OLD.status = 'finalized' AND NEW.status IS NOT 'finalized'
       BEGIN DELETE FROM case_reviews WHERE case_pk = NEW.id; END""",
    f"""CREATE TRIGGER memos_final_needs_approval BEFORE INSERT ON memos
       WHEN NEW.status = 'final' AND {SQLITE_APPROVAL_NEEDED.format(case="NEW.case_pk")}
       BEGIN SELECT RAISE(ABORT, 'this office requires a supervisor''s approval before a case
       is finalized'); END""",
)

POSTGRES_DROPS = (
    "DROP TRIGGER IF EXISTS audit_log_names_person ON audit_log",
    "DROP TRIGGER IF EXISTS cases_amendment_reopens_review ON cases",
    "DROP FUNCTION IF EXISTS waypoint_amendment_reopens_review()",
    "DROP TRIGGER IF EXISTS memos_final_needs_approval ON memos",
    "DROP TRIGGER IF EXISTS cases_final_needs_approval ON cases",
    "DROP TRIGGER IF EXISTS case_reviews_guard ON case_reviews",
    "DROP FUNCTION IF EXISTS waypoint_audit_names_person()",
    "DROP FUNCTION IF EXISTS waypoint_final_needs_approval()",
    "DROP FUNCTION IF EXISTS waypoint_review_guard()",
    "DROP FUNCTION IF EXISTS waypoint_review_required()",
    "DROP FUNCTION IF EXISTS waypoint_is_supervisor()",
    "DROP FUNCTION IF EXISTS waypoint_is_person()",
    "DROP FUNCTION IF EXISTS waypoint_has_group(text)",
)


def upgrade() -> None:
    op.add_column("cases", sa.Column("version", sa.Integer(), nullable=False,
                                     server_default="1"))
    op.add_column("cases", sa.Column("assigned_to", sa.String(200)))
    op.create_table(
        "office_people",
        sa.Column("login", sa.String(63), primary_key=True),
        sa.Column("display_name", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.CheckConstraint("role IN ('caseworker', 'supervisor')", name="ck_office_people_role"),
    )
    op.create_table(
        "office_settings",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.String(200), nullable=False),
    )
    op.create_table(
        "case_reviews",
        sa.Column("case_pk", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  primary_key=True, autoincrement=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("submitted_by", sa.String(200), nullable=False),
        sa.Column("submitted_at", UTC_DATETIME, nullable=False),
        sa.Column("reviewed_by", sa.String(200)),
        sa.Column("reviewed_at", UTC_DATETIME),
        sa.CheckConstraint("state IN ('submitted', 'returned', 'approved')",
                           name="ck_case_reviews_state"),
    )
    op.create_index("ix_case_reviews_state", "case_reviews", ["state"])
    op.create_table(
        "review_comments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_pk", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("step", sa.String(64), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("author", sa.String(200), nullable=False),
        sa.Column("at", UTC_DATETIME, nullable=False),
    )
    op.create_index("ix_review_comments_case", "review_comments", ["case_pk", "id"])
    if op.get_bind().dialect.name == "postgresql":
        for statement in (*POSTGRES_FUNCTIONS, *POSTGRES_TRIGGERS):
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DROPS:
            op.execute(statement)
    else:
        op.execute("DROP TRIGGER IF EXISTS memos_final_needs_approval")
        op.execute("DROP TRIGGER IF EXISTS cases_final_needs_approval")
        op.execute("DROP TRIGGER IF EXISTS cases_amendment_reopens_review")
    op.drop_table("review_comments")
    op.drop_table("case_reviews")
    op.drop_table("office_settings")
    op.drop_table("office_people")
    op.drop_column("cases", "assigned_to")
    op.drop_column("cases", "version")
