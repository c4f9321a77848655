"""An attacker's tour of the office server: every way past one's role, refused by PostgreSQL.

The server takes SCRAM password logins over TLS only (tests/office/scram_server.py). Ana (a
caseworker) and Sam (a supervisor, on a case he submitted himself) connect with nothing but
their own login and try, in plain SQL through psycopg, to act beyond their role. Each attempt
runs in its own transaction and must end in an error from the database, and afterwards every
row of every office table must be exactly as before; then the audit chain verifies.
"""

from __future__ import annotations

import hashlib
from typing import Any

import psycopg
import pytest

import db
from db.audit import AuditEvent, append
from desktop.services.memos import MemoService
from desktop.services.review import NotAllowedError, ReviewService
from tests.db.conftest import StepClock, make_case
from tests.evaluated import evaluated
from tests.office.conftest import PACK, evaluated_case, submit_decided

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

TABLES = ("cases", "case_reviews", "memos", "review_comments", "audit_log", "determinations",
          "office_people", "office_settings", "journey_stops", "alembic_version")
DRAFT_PDF = "'\\x25504446'::bytea"


def raw(url: str) -> psycopg.Connection[Any]:
    """A plain psycopg connection: nothing of Waypoint between the person and the server."""
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))


def snapshot(admin_url: str) -> dict[str, str]:
    """A digest of every row of every office table (seen by the administrator)."""
    digests = {}
    with raw(admin_url) as connection:
        for table in TABLES:
            rows = connection.execute(
                f"SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') FROM {table} t"
                .encode()).fetchone()
            assert rows is not None
            digests[table] = hashlib.sha256(str(rows[0]).encode()).hexdigest()
    return digests


def _open(url: str) -> Any:
    return db.open_database(url)


@pytest.fixture
def scene(scram_office: dict[str, str]) -> dict[str, Any]:
    """ana's case A submitted; ben's case B never submitted; sam's own case S submitted;
    ana's case F approved and finalized by sam; a draft memo on A (stored before submitting)."""
    clock = StepClock()
    ids: dict[str, Any] = {}
    for person, names in (("ana", ("A", "F")), ("ben", ("B",)), ("sam", ("S",))):
        database = _open(scram_office[person])
        try:
            for name in names:
                ids[name] = evaluated_case(database, clock, person)
                if name == "A":
                    ids["draft_memo"] = MemoService(database, clock).store_draft_memo(
                        ids[name], evaluated(make_case()), b"%PDF-1.4 draft")
                if name != "B":
                    submit_decided(ReviewService(database, clock, pack=PACK), ids[name])
        finally:
            database.close()
    database = _open(scram_office["sam"])
    try:
        ReviewService(database, clock, pack=PACK).approve(ids["F"])
    finally:
        database.close()
    with raw(scram_office["admin"]) as connection:
        for name in ("A", "B", "F", "S"):
            case_id = ids[name]
            found = connection.execute("SELECT id FROM cases WHERE case_id = %s",
                                       (case_id,)).fetchone()
            assert found is not None
            ids[f"{name}_pk"] = found[0]
    return ids


FINAL_MEMO = ("INSERT INTO memos (case_pk, status, pdf, sha256, created_at, finalized_by, "
              f"finalized_at) VALUES ({{pk}}, 'final', {DRAFT_PDF}, 'x', now(), '{{by}}', now())")
AUDIT_AS = ("INSERT INTO audit_log (id, at, actor, action, case_id, details_json, prev_hash, "
            "entry_hash) SELECT max(id) + 1, now(), '{who}', 'review.approved', '{case}', 'null',"
            " 'x', 'y' FROM audit_log")
TEMP_ROLES = "CREATE TEMP TABLE pg_roles AS SELECT 'ana'::name AS rolname, true AS rolsuper"

# Each attempt: one transaction of statements, formatted with the scene's ids.
CASEWORKER_ATTEMPTS: list[tuple[str, ...]] = [
    (TEMP_ROLES,),
    (TEMP_ROLES, "SET search_path = pg_temp, public, pg_catalog",
     "UPDATE case_reviews SET state = 'approved', reviewed_by = 'sam' WHERE case_pk = {A_pk}"),
    ("CREATE TEMP VIEW pg_roles AS SELECT 'ana'::name AS rolname, true AS rolsuper",),
    ("CREATE FUNCTION pg_temp.pg_has_role(name, name, text) RETURNS boolean "
     "LANGUAGE sql AS 'SELECT true'",),
    ("UPDATE case_reviews SET state = 'approved', reviewed_by = 'sam' WHERE case_pk = {A_pk}",),
    ("UPDATE case_reviews SET state = 'approved' WHERE case_pk = {A_pk}",),
    ("UPDATE case_reviews SET state = 'returned', reviewed_by = 'sam' WHERE case_pk = {A_pk}",),
    ("UPDATE case_reviews SET submitted_by = 'ben' WHERE case_pk = {A_pk}",),
    ("UPDATE case_reviews SET case_version = case_version + 1 WHERE case_pk = {A_pk}",),
    ("INSERT INTO case_reviews (case_pk, state, submitted_by, submitted_at, reviewed_by, "
     "reviewed_at) VALUES ({B_pk}, 'approved', 'ben', now(), 'sam', now())",),
    ("INSERT INTO case_reviews (case_pk, state, submitted_by, submitted_at) "
     "VALUES ({B_pk}, 'submitted', 'ben', now())",),
    ("UPDATE case_reviews SET case_pk = {B_pk} WHERE case_pk = {F_pk}",),
    ("UPDATE case_reviews SET case_pk = {B_pk} WHERE case_pk = {F_pk}",
     "UPDATE cases SET status = 'finalized' WHERE id = {B_pk}"),
    ("UPDATE cases SET status = 'finalized' WHERE id = {A_pk}",),
    ("UPDATE cases SET status = 'finalized' WHERE id = {B_pk}",),
    (FINAL_MEMO.format(pk="{A_pk}", by="sam"),),
    (FINAL_MEMO.format(pk="{A_pk}", by="ana"),),
    (FINAL_MEMO.format(pk="{B_pk}", by="ana"),),
    ("UPDATE memos SET status = 'final', finalized_by = 'sam', finalized_at = now() "
     "WHERE id = {draft_memo}",),
    ("UPDATE memos SET status = 'final', finalized_by = 'ana', finalized_at = now() "
     "WHERE id = {draft_memo}",),
    ("UPDATE memos SET finalized_by = 'sam' WHERE id = {draft_memo}",),
    ("DELETE FROM memos WHERE id = {draft_memo}",),
    ("INSERT INTO review_comments (case_pk, step, body, author, at) "
     "VALUES ({A_pk}, 'facts', 'fine', 'sam', now())",),
    ("INSERT INTO review_comments (case_pk, step, body, author, at) "
     "VALUES ({A_pk}, 'facts', 'fine', 'ana', now())",),
    ("UPDATE review_comments SET author = 'ana'",),
    ("DELETE FROM review_comments",),
    ("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE",),
    ("LOCK TABLE audit_log IN SHARE ROW EXCLUSIVE MODE",),
    ("SELECT * FROM audit_log FOR UPDATE",),
    (AUDIT_AS.format(who="sam", case="{A}"),),
    ("UPDATE audit_log SET actor = 'ana'",),
    ("DELETE FROM audit_log",),
    ("TRUNCATE audit_log",),
    ("UPDATE cases SET data_json = replace(data_json, 'Ana', 'Eve') WHERE id = {A_pk}",),
    ("UPDATE cases SET display_name = 'Someone else', version = version + 1 "
     "WHERE id = {A_pk}",),
    ("UPDATE cases SET created_by = 'ana' WHERE id = {B_pk}",),
    ("UPDATE cases SET assigned_to = 'ben' WHERE id = {A_pk}",),
    ("UPDATE cases SET assigned_to = 'ana' WHERE id = {B_pk}",
     "UPDATE cases SET assigned_to = 'ben' WHERE id = {B_pk}"),
    ("UPDATE cases SET version = version - 1 WHERE id = {B_pk}",),
    ("UPDATE cases SET data_json = data_json || ' ' WHERE id = {B_pk}",),
    ("INSERT INTO cases (case_id, data_json, display_name, family_name, given_names, status, "
     "created_at, updated_at, created_by) VALUES ('X-1', '{{}}', 'x', 'x', 'x', 'draft', now(), "
     "now(), 'ben')",),
    ("DELETE FROM cases WHERE id = {B_pk}",),
    ("TRUNCATE cases CASCADE",),
    ("DELETE FROM case_reviews WHERE case_pk = {F_pk}",),
    ("UPDATE case_reviews SET state = 'submitted', reviewed_by = NULL WHERE case_pk = {F_pk}",),
    ("UPDATE case_reviews SET state = 'returned' WHERE case_pk = {F_pk}",),
    ("UPDATE determinations SET findings_json = '[]'",),
    ("DELETE FROM determinations",),
    ("INSERT INTO office_people VALUES ('ana', 'Ana Ruiz', 'supervisor')",),
    ("UPDATE office_people SET role = 'supervisor' WHERE login = 'ana'",),
    ("UPDATE office_settings SET value = 'none'",),
    ("DELETE FROM office_settings",),
    ("UPDATE alembic_version SET version_num = '0001'",),
    ("SET ROLE waypoint_supervisor",),
    ("SET ROLE sam",),
    ("SET SESSION AUTHORIZATION sam",),
    ("SET ROLE waypoint_caseworker",
     "UPDATE case_reviews SET state = 'approved', reviewed_by = 'sam' WHERE case_pk = {A_pk}"),
    ("SET ROLE waypoint_caseworker", AUDIT_AS.format(who="waypoint_caseworker", case="{A}")),
    ("GRANT waypoint_supervisor TO ana",),
    ("ALTER ROLE ana SUPERUSER",),
    ("ALTER ROLE ana CREATEROLE",),
    ("CREATE ROLE mallory LOGIN SUPERUSER",),
    ("CREATE TABLE public.pg_roles (rolname name, rolsuper boolean)",),
    ("CREATE OR REPLACE FUNCTION waypoint_is_supervisor() RETURNS boolean "
     "LANGUAGE sql AS 'SELECT true'",),
    ("CREATE SCHEMA mine",),
    ("ALTER TABLE case_reviews DISABLE TRIGGER ALL",),
    ("DROP TRIGGER case_reviews_guard ON case_reviews",),
    ("ALTER FUNCTION waypoint_review_guard() RESET search_path",),
    ("SET session_replication_role = replica",),
    ("DO $$ BEGIN PERFORM set_config('session_replication_role', 'replica', false); END $$",),
    ("COPY audit_log FROM PROGRAM 'true'",),
    # Table locks that would stall everyone's saves (0010: no table-level UPDATE or DELETE).
    *((f"LOCK TABLE {table} IN {mode} MODE",) for table, mode in (
        ("cases", "ACCESS EXCLUSIVE"), ("cases", "SHARE"), ("cases", "EXCLUSIVE"),
        ("case_reviews", "ACCESS EXCLUSIVE"), ("determinations", "SHARE ROW EXCLUSIVE"),
        ("journey_stops", "ACCESS EXCLUSIVE"), ("protection_claims", "SHARE"),
        ("memos", "SHARE"), ("review_comments", "ACCESS EXCLUSIVE"),
        ("audit_anchors", "ACCESS EXCLUSIVE"), ("office_settings", "SHARE"))),
    ("DELETE FROM journey_stops WHERE case_pk = {A_pk}",),
    ("DELETE FROM protection_claims",),
    ("UPDATE journey_stops SET country = 'XX' WHERE case_pk = {A_pk}",),
    ("TRUNCATE journey_stops CASCADE",),
]

# Sam, supervisor, on case S that he submitted himself (and on ana's approved case F).
SUPERVISOR_ATTEMPTS: list[tuple[str, ...]] = [
    ("UPDATE case_reviews SET state = 'approved' WHERE case_pk = {S_pk}",),
    ("UPDATE case_reviews SET state = 'approved', submitted_by = 'ana' WHERE case_pk = {S_pk}",),
    ("UPDATE case_reviews SET submitted_by = 'ana' WHERE case_pk = {S_pk}",
     "UPDATE case_reviews SET state = 'approved' WHERE case_pk = {S_pk}"),
    ("UPDATE case_reviews SET state = 'returned' WHERE case_pk = {S_pk}",),
    ("DELETE FROM case_reviews WHERE case_pk = {S_pk}",
     "INSERT INTO case_reviews (case_pk, state, submitted_by, submitted_at, reviewed_by, "
     "reviewed_at) VALUES ({S_pk}, 'approved', 'ana', now(), 'sam', now())"),
    ("UPDATE case_reviews SET case_pk = {S_pk} WHERE case_pk = {F_pk}",),
    ("UPDATE cases SET status = 'finalized' WHERE id = {S_pk}",),
    (FINAL_MEMO.format(pk="{S_pk}", by="sam"),),
    ("UPDATE case_reviews SET state = 'returned' WHERE case_pk = {F_pk}",),
    ("UPDATE case_reviews SET reviewed_by = 'ben' WHERE case_pk = {F_pk}",),
    ("INSERT INTO review_comments (case_pk, step, body, author, at) "
     "VALUES ({S_pk}, 'facts', 'fine', 'ana', now())",),
    (AUDIT_AS.format(who="ana", case="{S}"),),
    ("LOCK TABLE audit_log IN ACCESS EXCLUSIVE MODE",),
    ("LOCK TABLE cases IN ACCESS EXCLUSIVE MODE",),
    ("LOCK TABLE case_reviews IN SHARE MODE",),
    ("SET ROLE waypoint_caseworker",
     "UPDATE case_reviews SET state = 'approved' WHERE case_pk = {S_pk}"),
    (TEMP_ROLES,),
    ("UPDATE cases SET data_json = replace(data_json, 'Ana', 'Eve') WHERE id = {S_pk}",),
    ("DELETE FROM memos",),
    ("UPDATE office_people SET role = 'caseworker' WHERE login = 'ana'",),
]


def _attempt(url: str, statements: tuple[str, ...], ids: dict[str, Any]) -> str:
    """Run the statements in one transaction; returns the database's refusal."""
    with raw(url) as connection:
        try:
            for statement in statements:
                cursor = connection.execute(statement.format(**ids).encode())
        except psycopg.DatabaseError as refusal:
            connection.rollback()
            return str(refusal).splitlines()[0]
        connection.rollback()
    # Row-level security: a row the person may not see is one they cannot change either.
    if statements[-1].startswith(("UPDATE", "DELETE")) and cursor.rowcount == 0:
        return "no such row visible"
    return ""


def _all_refused(office: dict[str, str], who: str, attempts: list[tuple[str, ...]],
                 ids: dict[str, Any]) -> list[str]:
    before = snapshot(office["admin"])
    accepted = [" ; ".join(attempt).format(**ids) for attempt in attempts
                if not _attempt(office[who], attempt, ids)]
    assert snapshot(office["admin"]) == before
    return accepted


def _audit_verifies(office: dict[str, str]) -> None:
    database = _open(office["admin"])
    try:
        report = database.verify_audit()
        assert report.ok, report.problems
    finally:
        database.close()


def _open_all_cases(office: dict[str, str]) -> None:
    """The office setting that shows every case to every caseworker (so attacks reach them)."""
    database = _open(office["admin"])
    try:
        ReviewService(database, StepClock()).set_visibility("all")
    finally:
        database.close()


@pytest.mark.parametrize("visibility", ["own", "all"])
def test_every_caseworker_attempt_is_refused(scram_office: dict[str, str],
                                             scene: dict[str, Any], visibility: str) -> None:
    if visibility == "all":
        _open_all_cases(scram_office)
    assert len(CASEWORKER_ATTEMPTS) >= 60
    assert _all_refused(scram_office, "ana", CASEWORKER_ATTEMPTS, scene) == []
    _audit_verifies(scram_office)


def test_every_supervisor_attempt_on_their_own_case_is_refused(
        scram_office: dict[str, str], scene: dict[str, Any]) -> None:
    _open_all_cases(scram_office)
    assert _all_refused(scram_office, "sam", SUPERVISOR_ATTEMPTS, scene) == []
    database = _open(scram_office["sam"])
    try:
        with pytest.raises(NotAllowedError, match="submitted"):
            ReviewService(database, StepClock(), pack=PACK).approve(scene["S"])
    finally:
        database.close()
    _audit_verifies(scram_office)


def test_the_temp_table_trick_fails_even_where_temporary_tables_are_allowed(
        scram_office: dict[str, str], scene: dict[str, Any]) -> None:
    """With TEMPORARY granted back, the pinned search_path still reads the real catalog."""
    _open_all_cases(scram_office)
    with raw(scram_office["admin"]) as connection:
        name = connection.execute("SELECT current_database()").fetchone()
        assert name is not None
        connection.execute(f'GRANT TEMPORARY ON DATABASE "{name[0]}" TO ana'.encode())
    statements = (TEMP_ROLES, "CREATE TEMP TABLE case_reviews (LIKE public.case_reviews)",
                  "SET search_path = pg_temp, public, pg_catalog",
                  "UPDATE public.case_reviews SET state = 'approved', reviewed_by = 'sam' "
                  "WHERE case_pk = {A_pk}")
    with raw(scram_office["ana"]) as connection:  # the trick's first step works here
        connection.execute(TEMP_ROLES)
        connection.rollback()
    refusal = _attempt(scram_office["ana"], statements, scene)
    assert "only a supervisor" in refusal


def test_without_tls_or_with_a_wrong_password_nobody_gets_in(
        scram_office: dict[str, str]) -> None:
    for url in (scram_office["ana"].replace("sslmode=verify-full", "sslmode=disable"),
                scram_office["ana"].replace("battery", "batterie")):
        with pytest.raises(psycopg.OperationalError):
            raw(url).close()


def test_a_supervisor_withdraws_an_approval_only_through_the_audit_log(
        scram_office: dict[str, str], scene: dict[str, Any]) -> None:
    update = ("UPDATE case_reviews SET state = 'returned' WHERE case_pk = :pk")
    database = _open(scram_office["sam"])
    try:
        from sqlalchemy import text

        with database.write() as connection:
            append(connection, StepClock()(), "sam",
                   [AuditEvent("review.approval_withdrawn", scene["F"])])
            connection.execute(text(update), {"pk": scene["F_pk"]})
        review = ReviewService(database, StepClock()).review(scene["F"])
        assert review is not None and review.state == "returned" and review.reviewed_by == "sam"
    finally:
        database.close()
    _audit_verifies(scram_office)


def test_the_normal_work_still_goes_through_over_scram(scram_office: dict[str, str],
                                                       scene: dict[str, Any]) -> None:
    clock = StepClock()
    database = _open(scram_office["sam"])
    try:
        ReviewService(database, clock, pack=PACK).approve(scene["A"])
        memo = database.memos.latest(scene["A"])
        assert memo is not None and memo.status == "final"
    finally:
        database.close()
    with raw(scram_office["admin"]) as connection:
        row = connection.execute(
            "SELECT r.submitted_by, r.reviewed_by, r.case_version = c.version, c.created_by "
            "FROM case_reviews r JOIN cases c ON c.id = r.case_pk WHERE c.case_id = %s",
            (scene["A"],)).fetchone()
        finalized_by = connection.execute(
            "SELECT finalized_by FROM memos WHERE status = 'final' AND case_pk = %s",
            (scene["A_pk"],)).fetchone()
    assert row == ("ana", "sam", True, "ana")
    assert finalized_by == ("sam",)
    _audit_verifies(scram_office)
