"""Office hardening: the database alone decides who acts, on what, as whom.

Every check names the person by `session_user` (SET ROLE and SECURITY DEFINER functions do
not change it) and resolves names through pg_catalog and its own schema only. A person (a
login in waypoint_caseworker, not a superuser, not inside one of our own functions) cannot:
rewrite who submitted, reviewed, finalized or commented; move a review to another case;
approve a version other than the one submitted; change a submitted case's facts; delete
cases, reviews, memos or comments; update a memo; withdraw an approval without being a
supervisor whose withdrawal is already the newest audit entry; lock the audit table except
through waypoint_lock_audit(); see a case (or its parts) that is not theirs, unless the office
opens all cases (row-level security). PUBLIC loses TEMPORARY and CREATE on the database and
schema.

Revision ID: 0008_office
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from db.guards import PIN_SEARCH_PATH

revision = "0008_office"
down_revision = "0007"
branch_labels = None
depends_on = None

REFUSE = "USING ERRCODE = 'insufficient_privilege'"

FUNCTIONS = (
    """CREATE OR REPLACE FUNCTION waypoint_is_superuser(role_name name) RETURNS boolean
       LANGUAGE sql STABLE AS $$
       SELECT COALESCE((SELECT r.rolsuper FROM pg_catalog.pg_roles r
                        WHERE r.rolname = role_name), false) $$""",
    """CREATE OR REPLACE FUNCTION waypoint_in_group(role_name name, group_name text)
       RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles g WHERE g.rolname = group_name)
              AND pg_catalog.pg_has_role(role_name, group_name::name, 'MEMBER') $$""",
    """CREATE OR REPLACE FUNCTION waypoint_has_group(group_name text) RETURNS boolean
       LANGUAGE sql STABLE AS $$ SELECT waypoint_in_group(session_user, group_name) $$""",
    # The person acting: their login, or NULL for the administrator (a superuser or the
    # database's owner) and for our own SECURITY DEFINER functions (current_user = owner).
    """CREATE OR REPLACE FUNCTION waypoint_person() RETURNS text LANGUAGE sql STABLE AS $$
       SELECT CASE WHEN NOT waypoint_is_superuser(session_user)
                    AND NOT waypoint_is_superuser(current_user)
                    AND waypoint_in_group(session_user, 'waypoint_caseworker')
                    AND waypoint_in_group(current_user, 'waypoint_caseworker')
              THEN session_user::text END $$""",
    """CREATE OR REPLACE FUNCTION waypoint_is_person() RETURNS boolean LANGUAGE sql STABLE AS $$
       SELECT waypoint_person() IS NOT NULL $$""",
    """CREATE OR REPLACE FUNCTION waypoint_is_supervisor() RETURNS boolean
       LANGUAGE sql STABLE AS $$
       SELECT waypoint_is_superuser(session_user)
              OR waypoint_in_group(session_user, 'waypoint_supervisor') $$""",
    # Serialises the audit chain's writers without giving anyone LOCK on the table itself.
    """CREATE OR REPLACE FUNCTION waypoint_lock_audit() RETURNS void LANGUAGE plpgsql
       SECURITY DEFINER AS $$
       BEGIN
         LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE;
       END $$""",
    """CREATE OR REPLACE FUNCTION waypoint_audit_names_person() RETURNS trigger
       LANGUAGE plpgsql AS $$
       DECLARE me text := waypoint_person();
       BEGIN
         IF me IS NOT NULL AND NEW.actor IS DISTINCT FROM me THEN
           RAISE EXCEPTION 'an audit entry by % must name % as its actor', me, me """ + REFUSE + """;
         END IF;
         RETURN NEW;
       END $$""",
    """CREATE OR REPLACE FUNCTION waypoint_newest_audit_is(wanted text, case_ref text,
                                                           who text) RETURNS boolean
       LANGUAGE sql STABLE AS $$
       SELECT EXISTS (SELECT 1 FROM audit_log a WHERE a.id = (SELECT max(id) FROM audit_log)
                      AND a.action = wanted AND a.case_id = case_ref AND a.actor = who) $$""",
)

# The review's state machine; for a person every name comes from session_user.
REVIEW_GUARD = """CREATE OR REPLACE FUNCTION waypoint_review_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  me text := waypoint_person();
  case_row record;
BEGIN
  IF me IS NOT NULL AND TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a review cannot be deleted' """ + REFUSE + """;
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  SELECT c.case_id, c.version INTO case_row FROM cases c WHERE c.id = NEW.case_pk;
  IF TG_OP = 'UPDATE' AND NEW.case_pk IS DISTINCT FROM OLD.case_pk THEN
    RAISE EXCEPTION 'a review belongs to one case; it cannot be moved to another' """ + REFUSE + """;
  END IF;
  IF me IS NOT NULL AND TG_OP = 'UPDATE' AND OLD.state = 'approved' THEN
    -- Withdrawing an approval: a supervisor's act, recorded first.
    IF NOT waypoint_is_supervisor() THEN
      RAISE EXCEPTION 'only a supervisor can withdraw an approval' """ + REFUSE + """;
    END IF;
    IF NOT waypoint_newest_audit_is('review.approval_withdrawn', case_row.case_id, me) THEN
      RAISE EXCEPTION 'withdrawing an approval must be recorded in the audit log first'
        """ + REFUSE + """;
    END IF;
    IF NEW.state = 'approved' OR NEW.submitted_by IS DISTINCT FROM OLD.submitted_by
       OR NEW.case_version IS DISTINCT FROM OLD.case_version THEN
      RAISE EXCEPTION 'an approval is withdrawn by changing its state only' """ + REFUSE + """;
    END IF;
    NEW.reviewed_by := me;
    RETURN NEW;
  END IF;
  IF NEW.state IN ('approved', 'returned')
     AND (TG_OP = 'INSERT' OR OLD.state IS DISTINCT FROM NEW.state) THEN
    IF NOT waypoint_is_supervisor() THEN
      RAISE EXCEPTION 'only a supervisor can approve or return a case; % is not one',
        COALESCE(me, session_user::text) """ + REFUSE + """;
    END IF;
    IF TG_OP = 'INSERT' OR OLD.state <> 'submitted' THEN
      RAISE EXCEPTION 'only a case submitted for review can be approved or returned'
        USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF me IS NOT NULL THEN
      IF NEW.submitted_by IS DISTINCT FROM OLD.submitted_by THEN
        RAISE EXCEPTION 'who submitted a case cannot be changed' """ + REFUSE + """;
      END IF;
      IF OLD.submitted_by = me THEN
        RAISE EXCEPTION 'a supervisor cannot review a case they submitted' """ + REFUSE + """;
      END IF;
      IF NEW.reviewed_by IS NOT NULL AND NEW.reviewed_by <> me THEN
        RAISE EXCEPTION 'a review by % must name % as its reviewer', me, me """ + REFUSE + """;
      END IF;
      IF NEW.case_version IS DISTINCT FROM OLD.case_version
         OR OLD.case_version IS DISTINCT FROM case_row.version THEN
        RAISE EXCEPTION 'the case changed after it was submitted; only the submitted version '
          'can be reviewed' """ + REFUSE + """;
      END IF;
      NEW.reviewed_by := me;
    END IF;
    RETURN NEW;
  END IF;
  IF me IS NULL THEN
    IF NEW.state = 'submitted' THEN NEW.case_version := case_row.version; END IF;
    RETURN NEW;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.state = OLD.state THEN
    IF NEW IS DISTINCT FROM OLD THEN
      RAISE EXCEPTION 'a review''s record cannot be rewritten' """ + REFUSE + """;
    END IF;
    RETURN NEW;
  END IF;
  -- A (re)submission: by the person connected, of the case's current version.
  IF NEW.submitted_by IS DISTINCT FROM me THEN
    RAISE EXCEPTION 'a submission by % must name % as its submitter', me, me """ + REFUSE + """;
  END IF;
  NEW.reviewed_by := NULL;
  NEW.reviewed_at := NULL;
  NEW.case_version := case_row.version;
  RETURN NEW;
END $$"""

# Finalizing (a case's status, a final memo) in an office that requires review needs the
# approval of this case at its current version; a person finalizes only what they approved.
FINAL_NEEDS_APPROVAL = """CREATE OR REPLACE FUNCTION waypoint_final_needs_approval()
RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  case_row integer := (pg_catalog.to_jsonb(NEW) ->> TG_ARGV[0])::integer;
  me text := waypoint_person();
  review record;
BEGIN
  IF NOT waypoint_review_required() THEN RETURN NEW; END IF;
  SELECT r.state, r.reviewed_by, r.case_version, c.version AS current_version INTO review
    FROM case_reviews r JOIN cases c ON c.id = r.case_pk WHERE r.case_pk = case_row;
  IF NOT FOUND OR review.state <> 'approved' THEN
    RAISE EXCEPTION 'this office requires a supervisor''s approval before a case is '
      'finalized' """ + REFUSE + """;
  END IF;
  IF review.case_version IS DISTINCT FROM review.current_version THEN
    RAISE EXCEPTION 'the approval was given to another version of this case' """ + REFUSE + """;
  END IF;
  IF me IS NOT NULL AND review.reviewed_by IS DISTINCT FROM me THEN
    RAISE EXCEPTION 'only the supervisor who approved a case finalizes it' """ + REFUSE + """;
  END IF;
  RETURN NEW;
END $$"""

CASE_FACTS = ("case_id", "case_ref", "import_key", "data_json", "display_name", "family_name",
              "given_names", "a_number", "nationality", "entry_date", "created_at")
_FACTS_CHANGED = " OR ".join(f"NEW.{c} IS DISTINCT FROM OLD.{c}" for c in CASE_FACTS)

CASE_GUARD = """CREATE OR REPLACE FUNCTION waypoint_case_person_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  me text := waypoint_person();
  review_state text;
BEGIN
  IF me IS NULL THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'a case cannot be deleted by %', me """ + REFUSE + """;
  END IF;
  IF TG_OP = 'INSERT' THEN
    IF NEW.created_by IS NOT NULL AND NEW.created_by <> me THEN
      RAISE EXCEPTION 'a case created by % must name % as its creator', me, me """ + REFUSE + """;
    END IF;
    NEW.created_by := me;
    RETURN NEW;
  END IF;
  IF NEW.created_by IS DISTINCT FROM OLD.created_by THEN
    RAISE EXCEPTION 'who created a case cannot be changed' """ + REFUSE + """;
  END IF;
  IF NEW.version < OLD.version OR ((""" + _FACTS_CHANGED + """)
                                   AND NEW.version <= OLD.version) THEN
    RAISE EXCEPTION 'a case''s version only goes up, with every change of its facts'
      """ + REFUSE + """;
  END IF;
  SELECT r.state INTO review_state FROM case_reviews r WHERE r.case_pk = OLD.id;
  IF review_state IN ('submitted', 'approved') AND (""" + _FACTS_CHANGED + """) THEN
    RAISE EXCEPTION 'a case awaiting or holding a supervisor''s approval cannot change its '
      'facts' """ + REFUSE + """;
  END IF;
  IF NEW.assigned_to IS DISTINCT FROM OLD.assigned_to AND NOT waypoint_is_supervisor()
     AND NOT (COALESCE(OLD.assigned_to, me) = me AND COALESCE(NEW.assigned_to, me) = me) THEN
    RAISE EXCEPTION 'only a supervisor assigns a case to someone else' """ + REFUSE + """;
  END IF;
  RETURN NEW;
END $$"""

MEMO_GUARD = """CREATE OR REPLACE FUNCTION waypoint_memo_person_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE me text := waypoint_person();
BEGIN
  IF me IS NULL THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'a stored memo cannot be changed or deleted by %', me """ + REFUSE + """;
  END IF;
  IF NEW.finalized_by IS NOT NULL AND NEW.finalized_by <> me THEN
    RAISE EXCEPTION 'a memo finalized by % must name % as its officer', me, me """ + REFUSE + """;
  END IF;
  IF NEW.status = 'final' THEN NEW.finalized_by := me; END IF;
  RETURN NEW;
END $$"""

COMMENT_GUARD = """CREATE OR REPLACE FUNCTION waypoint_comment_person_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE me text := waypoint_person();
BEGIN
  IF me IS NULL THEN RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END; END IF;
  IF TG_OP <> 'INSERT' THEN
    RAISE EXCEPTION 'a review comment cannot be changed or deleted' """ + REFUSE + """;
  END IF;
  IF NOT waypoint_is_supervisor() THEN
    RAISE EXCEPTION 'only a supervisor comments on a case under review' """ + REFUSE + """;
  END IF;
  IF NEW.author IS DISTINCT FROM me THEN
    RAISE EXCEPTION 'a comment by % must name % as its author', me, me """ + REFUSE + """;
  END IF;
  RETURN NEW;
END $$"""

TRIGGERS = (
    "DROP TRIGGER IF EXISTS case_reviews_guard ON case_reviews",
    """CREATE TRIGGER case_reviews_guard BEFORE INSERT OR UPDATE OR DELETE ON case_reviews
       FOR EACH ROW EXECUTE FUNCTION waypoint_review_guard()""",
    """CREATE TRIGGER cases_person_guard BEFORE INSERT OR UPDATE OR DELETE ON cases
       FOR EACH ROW EXECUTE FUNCTION waypoint_case_person_guard()""",
    """CREATE TRIGGER memos_person_guard BEFORE INSERT OR UPDATE OR DELETE ON memos
       FOR EACH ROW EXECUTE FUNCTION waypoint_memo_person_guard()""",
    """CREATE TRIGGER memos_final_update_needs_approval BEFORE UPDATE OF status ON memos
       FOR EACH ROW WHEN (NEW.status = 'final' AND OLD.status IS DISTINCT FROM 'final')
       EXECUTE FUNCTION waypoint_final_needs_approval('case_pk')""",
    """CREATE TRIGGER review_comments_person_guard BEFORE INSERT OR UPDATE OR DELETE
       ON review_comments FOR EACH ROW EXECUTE FUNCTION waypoint_comment_person_guard()""",
)

# Who sees what (row-level security; the administrator, as the tables' owner, sees all): a
# caseworker the cases she created or is assigned, a supervisor all the office's, everyone
# all when the office setting `visibility` is `all` (small offices). A case's memos,
# determinations, review, comments and journey are seen with it.
VISIBILITY = (
    """CREATE OR REPLACE FUNCTION waypoint_sees_all_cases() RETURNS boolean
       LANGUAGE sql STABLE AS $$
       SELECT waypoint_person() IS NULL OR waypoint_is_supervisor()
              OR COALESCE((SELECT s.value = 'all' FROM office_settings s
                           WHERE s.key = 'visibility'), false) $$""",
    "ALTER TABLE cases ENABLE ROW LEVEL SECURITY",
    """CREATE POLICY cases_visible ON cases USING (
         (SELECT waypoint_sees_all_cases()) OR created_by = (SELECT waypoint_person())
         OR assigned_to = (SELECT waypoint_person()))""",
    *(part for table in ("memos", "determinations", "case_reviews", "review_comments",
                         "journey_stops") for part in (
        f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY",
        f"""CREATE POLICY {table}_of_visible_cases ON {table} USING (
             EXISTS (SELECT 1 FROM cases c WHERE c.id = {table}.case_pk))""")),
    "ALTER TABLE protection_claims ENABLE ROW LEVEL SECURITY",
    """CREATE POLICY protection_claims_of_visible_cases ON protection_claims USING (
         EXISTS (SELECT 1 FROM journey_stops s WHERE s.id = protection_claims.stop_id))""",
)
RLS_TABLES = ("cases", "memos", "determinations", "case_reviews", "review_comments",
              "journey_stops", "protection_claims")

# PUBLIC (every login) loses temporary tables and CREATE; an existing office's caseworkers
# lose UPDATE on the audit log (it only served LOCK TABLE) and on memos.
PRIVILEGES = """DO $$
BEGIN
  EXECUTE pg_catalog.format('REVOKE TEMPORARY, CREATE ON DATABASE %I FROM PUBLIC',
                            pg_catalog.current_database());
  EXECUTE pg_catalog.format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC',
                            pg_catalog.current_schema());
  REVOKE ALL ON FUNCTION waypoint_lock_audit() FROM PUBLIC;
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'waypoint_caseworker') THEN
    REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, memos FROM waypoint_caseworker;
    REVOKE DELETE, TRUNCATE ON cases, case_reviews, review_comments FROM waypoint_caseworker;
    GRANT EXECUTE ON FUNCTION waypoint_lock_audit() TO waypoint_caseworker;
  END IF;
END $$"""

DROPS = (
    *(f"ALTER TABLE {table} DISABLE ROW LEVEL SECURITY" for table in RLS_TABLES),
    "DROP POLICY IF EXISTS cases_visible ON cases",
    *(f"DROP POLICY IF EXISTS {table}_of_visible_cases ON {table}" for table in RLS_TABLES[1:]),
    "DROP FUNCTION IF EXISTS waypoint_sees_all_cases()",
    "DROP TRIGGER IF EXISTS review_comments_person_guard ON review_comments",
    "DROP TRIGGER IF EXISTS memos_final_update_needs_approval ON memos",
    "DROP TRIGGER IF EXISTS memos_person_guard ON memos",
    "DROP TRIGGER IF EXISTS cases_person_guard ON cases",
    "DROP FUNCTION IF EXISTS waypoint_comment_person_guard()",
    "DROP FUNCTION IF EXISTS waypoint_memo_person_guard()",
    "DROP FUNCTION IF EXISTS waypoint_case_person_guard()",
)


def upgrade() -> None:
    op.add_column("cases", sa.Column("created_by", sa.String(200)))
    op.add_column("case_reviews", sa.Column("case_version", sa.Integer()))
    if op.get_bind().dialect.name != "postgresql":
        return
    # Existing cases keep their creator (from the audit log); submitted reviews their version.
    op.execute("""UPDATE cases c SET created_by = a.actor FROM audit_log a
                  WHERE a.case_id = c.case_id AND a.action IN ('case.created', 'case.imported')
                    AND c.created_by IS NULL""")
    op.execute("""UPDATE case_reviews r SET case_version = c.version FROM cases c
                  WHERE c.id = r.case_pk""")
    # An office that already works together keeps seeing all its cases (init-server's
    # --visibility changes it); a new one starts with each caseworker's own.
    op.execute("""INSERT INTO office_settings (key, value)
                  SELECT 'visibility', 'all' WHERE EXISTS (SELECT 1 FROM office_people)
                  ON CONFLICT (key) DO NOTHING""")
    for statement in (*FUNCTIONS, REVIEW_GUARD, FINAL_NEEDS_APPROVAL, CASE_GUARD, MEMO_GUARD,
                      COMMENT_GUARD, *TRIGGERS, *VISIBILITY, PIN_SEARCH_PATH, PRIVILEGES):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DROPS:
            op.execute(statement)
    op.drop_column("case_reviews", "case_version")
    op.drop_column("cases", "created_by")
