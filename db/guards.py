"""Database triggers that keep a finalized case, its determinations and memos as they were.

They hold whatever the connection's settings (SQLite's foreign_keys pragma included): a
finalized case cannot leave that state except by an amendment the audit log records in the
same transaction (its newest entry), its facts cannot change, and neither it nor its memos
and determinations can be deleted. Determinations are never updated.

FINAL_CASE_STATUSES names the final state(s) in this one place. A migration that adds one
changes the tuple and calls `install` again (it drops and recreates every guard).
"""

from __future__ import annotations

from collections.abc import Callable

FINAL_CASE_STATUSES: tuple[str, ...] = ("finalized",)
AMENDMENT_ACTION = "case.amendment_started"
# Columns of a finalized case row that may still change: its state (by an amendment) and
# the time of that change. search_text is derived from data_json, so it may be recomputed.
MUTABLE_WHEN_FINAL = ("status", "updated_at", "search_text")
CASE_COLUMNS = ("id", "case_id", "case_ref", "import_key", "data_json", "display_name",
                "family_name", "given_names", "a_number", "nationality", "entry_date",
                "created_at")

LEAVE_REFUSAL = "a finalized case stays finalized unless an amendment is recorded"
MEMO_REFUSAL = "a final memo cannot be deleted, nor any memo of a finalized case"

SQLITE_NAMES = ("cases_final_no_leave", "cases_final_facts_locked", "cases_final_no_delete",
                "determinations_no_update", "determinations_final_no_delete",
                "memos_of_final_case_no_delete")
POSTGRES_NAMES = (("cases_final_guard", "cases"), ("cases_no_truncate", "cases"),
                  ("determinations_guard", "determinations"),
                  ("determinations_no_truncate", "determinations"),
                  ("memos_of_final_case_guard", "memos"))


def _states(statuses: tuple[str, ...]) -> str:
    return "(" + ", ".join(f"'{status}'" for status in statuses) + ")"


def _changed(columns: tuple[str, ...], different: Callable[[str], str]) -> str:
    return " OR ".join(different(column) for column in columns)


def sqlite_triggers(final: tuple[str, ...] = FINAL_CASE_STATUSES) -> list[str]:
    states = _states(final)
    amended = (f"EXISTS (SELECT 1 FROM audit_log WHERE id = (SELECT max(id) FROM audit_log) "
               f"AND action = '{AMENDMENT_ACTION}' AND case_id = OLD.case_id)")
    case_final = f"(SELECT status FROM cases WHERE id = OLD.case_pk) IN {states}"
    facts_changed = _changed(CASE_COLUMNS, lambda c: f"NEW.{c} IS NOT OLD.{c}")
    return [
        f"""CREATE TRIGGER cases_final_no_leave BEFORE UPDATE OF status ON cases
            WHEN OLD.status IN {states} AND NEW.status NOT IN {states} AND NOT {amended}
            BEGIN SELECT RAISE(ABORT, '{LEAVE_REFUSAL}'); END""",
        f"""CREATE TRIGGER cases_final_facts_locked BEFORE UPDATE ON cases
            WHEN OLD.status IN {states} AND ({facts_changed})
            BEGIN SELECT RAISE(ABORT, 'a finalized case is locked; start an amendment'); END""",
        f"""CREATE TRIGGER cases_final_no_delete BEFORE DELETE ON cases
            WHEN OLD.status IN {states}
            BEGIN SELECT RAISE(ABORT, 'a finalized case cannot be deleted'); END""",
        """CREATE TRIGGER determinations_no_update BEFORE UPDATE ON determinations
           BEGIN SELECT RAISE(ABORT, 'a determination cannot be changed'); END""",
        f"""CREATE TRIGGER determinations_final_no_delete BEFORE DELETE ON determinations
            WHEN {case_final}
            BEGIN SELECT RAISE(ABORT, 'a finalized case''s determination cannot be deleted');
            END""",
        f"""CREATE TRIGGER memos_of_final_case_no_delete BEFORE DELETE ON memos
            WHEN {case_final}
            BEGIN SELECT RAISE(ABORT, '{MEMO_REFUSAL}'); END""",
    ]


def postgres_triggers(final: tuple[str, ...] = FINAL_CASE_STATUSES) -> list[str]:
    states = _states(final)
    facts_changed = _changed(CASE_COLUMNS, lambda c: f"NEW.{c} IS DISTINCT FROM OLD.{c}")
    refuse = "RAISE EXCEPTION '%', {} USING ERRCODE = 'integrity_constraint_violation'"
    return [
        f"""CREATE OR REPLACE FUNCTION waypoint_guard_case() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              IF OLD.status NOT IN {states} THEN
                RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
              END IF;
              IF TG_OP = 'DELETE' THEN
                {refuse.format("'a finalized case cannot be deleted'")};
              END IF;
              IF {facts_changed} THEN
                {refuse.format("'a finalized case is locked; start an amendment'")};
              END IF;
              IF NEW.status NOT IN {states} AND NOT EXISTS (
                  SELECT 1 FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)
                  AND action = '{AMENDMENT_ACTION}' AND case_id = OLD.case_id) THEN
                {refuse.format(f"'{LEAVE_REFUSAL}'")};
              END IF;
              RETURN NEW;
            END $$""",
        f"""CREATE OR REPLACE FUNCTION waypoint_guard_case_part() RETURNS trigger
            LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_TABLE_NAME = 'determinations' AND TG_OP = 'UPDATE' THEN
                {refuse.format("'a determination cannot be changed'")};
              END IF;
              IF TG_OP = 'DELETE' AND EXISTS (
                  SELECT 1 FROM cases WHERE id = OLD.case_pk AND status IN {states}) THEN
                {refuse.format("'a finalized case''s ' || TG_TABLE_NAME || ' cannot be deleted'")};
              END IF;
              RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
            END $$""",
        """CREATE TRIGGER cases_final_guard BEFORE UPDATE OR DELETE ON cases FOR EACH ROW
           EXECUTE FUNCTION waypoint_guard_case()""",
        """CREATE TRIGGER cases_no_truncate BEFORE TRUNCATE ON cases FOR EACH STATEMENT
           EXECUTE FUNCTION waypoint_refuse('cases cannot be truncated')""",
        """CREATE TRIGGER determinations_guard BEFORE UPDATE OR DELETE ON determinations
           FOR EACH ROW EXECUTE FUNCTION waypoint_guard_case_part()""",
        """CREATE TRIGGER determinations_no_truncate BEFORE TRUNCATE ON determinations
           FOR EACH STATEMENT
           EXECUTE FUNCTION waypoint_refuse('determinations cannot be truncated')""",
        """CREATE TRIGGER memos_of_final_case_guard BEFORE DELETE ON memos FOR EACH ROW
           EXECUTE FUNCTION waypoint_guard_case_part()""",
    ]


def drop_statements(dialect: str) -> list[str]:
    if dialect == "postgresql":
        return [f"DROP TRIGGER IF EXISTS {name} ON {table}" for name, table in POSTGRES_NAMES] + [
            "DROP FUNCTION IF EXISTS waypoint_guard_case()",
            "DROP FUNCTION IF EXISTS waypoint_guard_case_part()",
        ]
    return [f"DROP TRIGGER IF EXISTS {name}" for name in SQLITE_NAMES]


def install(execute: Callable[[str], object], dialect: str,
            final: tuple[str, ...] = FINAL_CASE_STATUSES) -> None:
    """(Re)create every guard with execute (a migration's op.execute)."""
    for statement in drop_statements(dialect):
        execute(statement)
    for statement in postgres_triggers(final) if dialect == "postgresql" else sqlite_triggers(
            final):
        execute(statement)
    if dialect == "postgresql":
        execute(PIN_SEARCH_PATH)


# Every waypoint_* function resolves names through the catalog and its own schema only, never
# through the caller's path (a caller's temporary table named pg_roles or cases would
# otherwise shadow the real one). Run after (re)creating functions: CREATE OR REPLACE drops it.
PIN_SEARCH_PATH = """DO $$
DECLARE fn regprocedure;
BEGIN
  FOR fn IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = pg_catalog.current_schema()::regnamespace
              AND p.proname LIKE 'waypoint\\_%' LOOP
    EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = pg_catalog, %I, pg_temp',
                              fn, pg_catalog.current_schema());
  END LOOP;
END $$"""


# A person may LOCK a table in any mode when they hold table-level UPDATE, DELETE or TRUNCATE on
# it (PostgreSQL 15's rule), and `LOCK TABLE cases IN ACCESS EXCLUSIVE MODE` left open stalls
# the office. So a person holds UPDATE only column by column (enough for UPDATE and row locks,
# not for LOCK, which checks table-level privileges), INSERT (ROW EXCLUSIVE at most, which no
# other person's work waits for), and no DELETE: a case's journey rows are cleared through
# waypoint_clear_stops(). Run after every GRANT (init-server) and after a migration adds columns.
NARROW_WRITES = """DO $$
DECLARE
  target record;
  columns text;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'waypoint_caseworker') THEN
    RETURN;
  END IF;
  REVOKE UPDATE, DELETE, TRUNCATE ON journey_stops, protection_claims FROM waypoint_caseworker;
  REVOKE ALL ON FUNCTION waypoint_clear_stops(integer) FROM PUBLIC;
  GRANT EXECUTE ON FUNCTION waypoint_clear_stops(integer) TO waypoint_caseworker;
  FOR target IN SELECT c.oid, c.relname FROM pg_catalog.pg_class c
                WHERE c.relnamespace = pg_catalog.current_schema()::regnamespace
                  AND c.relkind IN ('r', 'p') AND EXISTS (
                    SELECT 1 FROM pg_catalog.aclexplode(c.relacl) a
                    WHERE a.grantee = 'waypoint_caseworker'::regrole
                      AND a.privilege_type IN ('UPDATE', 'DELETE', 'TRUNCATE')) LOOP
    SELECT pg_catalog.string_agg(pg_catalog.quote_ident(a.attname), ', ' ORDER BY a.attnum)
      INTO columns FROM pg_catalog.pg_attribute a
      WHERE a.attrelid = target.oid AND a.attnum > 0 AND NOT a.attisdropped;
    EXECUTE pg_catalog.format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM waypoint_caseworker',
                              target.relname);
    EXECUTE pg_catalog.format('GRANT UPDATE (%s) ON %I TO waypoint_caseworker', columns,
                              target.relname);
  END LOOP;
END $$"""
