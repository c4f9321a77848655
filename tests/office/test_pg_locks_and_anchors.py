"""Migration 0010 on a SCRAM/TLS server: anchors name the person, no person locks a table.

An audit anchor sent after `SET ROLE waypoint_caseworker` is stamped with the login (not the
group), whatever the row says. No person's role holds table-level UPDATE, DELETE or TRUNCATE
(which PostgreSQL 15 takes as leave to LOCK a table in any mode), yet saving a case with its
journey still works, and the journey rows of a case she may not see cannot be cleared.
"""

from __future__ import annotations

from typing import Any

import psycopg
import pytest

import db
from desktop.services.cases import CaseService
from tests.db.conftest import StepClock, make_case
from tests.office.test_pg_attacks import raw

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

ANCHOR = ("INSERT INTO audit_anchors (store_id, entry_id, entry_hash, anchored_by, anchored_at) "
          "VALUES (repeat('a', 64), 1, repeat('b', 64), 'sam', '2001-01-01') "
          "RETURNING anchored_by, anchored_at > now() - interval '1 hour'")


@pytest.mark.parametrize("set_role", ["", "SET ROLE waypoint_caseworker"])
def test_an_anchor_names_the_login_even_after_set_role(scram_office: dict[str, str],
                                                       set_role: str) -> None:
    with raw(scram_office["ana"]) as connection:
        if set_role:
            connection.execute(set_role)
            assert connection.execute("SELECT current_user").fetchone() == (
                "waypoint_caseworker",)
        stamped = connection.execute(ANCHOR).fetchone()
    assert stamped == ("ana", True)
    with raw(scram_office["admin"]) as connection:
        assert connection.execute("SELECT anchored_by FROM audit_anchors").fetchall() == [
            ("ana",)]


def test_no_person_role_holds_table_level_update_delete_or_truncate(
        scram_office: dict[str, str]) -> None:
    with raw(scram_office["admin"]) as connection:
        held = connection.execute(
            "SELECT c.relname, a.privilege_type, a.grantee::regrole::text FROM pg_class c, "
            "aclexplode(c.relacl) a WHERE c.relnamespace = 'public'::regnamespace "
            "AND a.grantee <> c.relowner AND a.privilege_type IN ('UPDATE', 'DELETE', "
            "'TRUNCATE')").fetchall()
        by_column = connection.execute(
            "SELECT count(*) FROM information_schema.column_privileges WHERE grantee = "
            "'waypoint_caseworker' AND table_name = 'cases' AND privilege_type = 'UPDATE'"
        ).fetchone()
    assert held == []
    assert by_column is not None and by_column[0] > 10  # every column of cases, one by one


def _save_with_one_more_stop(url: str, case_id: str) -> int:
    database = db.open_database(url)
    try:
        service = CaseService(database, StepClock(), actor="ana")
        stored = service.get_case(case_id)
        data = stored.case_data
        data["journey"].append(dict(data["journey"][-1]))
        service.save_version(case_id, data, stored.version)
        return len(data["journey"])
    finally:
        database.close()


def test_a_caseworker_still_saves_her_journey_and_cannot_clear_anothers(
        scram_office: dict[str, str]) -> None:
    clock = StepClock()
    cases: dict[str, str] = {}
    for person in ("ana", "ben"):
        database = db.open_database(scram_office[person])
        try:
            cases[person] = CaseService(database, clock, actor=person).create_case(make_case())
        finally:
            database.close()
    stops = _save_with_one_more_stop(scram_office["ana"], cases["ana"])
    with raw(scram_office["admin"]) as connection:
        counts: dict[str, Any] = {person: connection.execute(
            "SELECT count(*) FROM journey_stops s JOIN cases c ON c.id = s.case_pk "
            "WHERE c.case_id = %s", (case_id,)).fetchone() for person, case_id in cases.items()}
        bens_pk = connection.execute("SELECT id FROM cases WHERE case_id = %s",
                                     (cases["ben"],)).fetchone()
    assert counts["ana"] == (stops,) and counts["ben"] is not None and counts["ben"][0] > 0
    assert bens_pk is not None
    with raw(scram_office["ana"]) as connection, pytest.raises(
            psycopg.errors.InsufficientPrivilege, match="may change"):
        connection.execute("SELECT waypoint_clear_stops(%s)", (bens_pk[0],))
    with raw(scram_office["admin"]) as connection:
        assert connection.execute("SELECT count(*) FROM journey_stops WHERE case_pk = %s",
                                  (bens_pk[0],)).fetchone() == counts["ben"]
