"""Who sees what on the office server: row-level security, tested as each role over SCRAM.

A caseworker sees the cases she created or is assigned (and their memos, determinations,
reviews, comments, journeys); a supervisor sees the office's; the office setting
`visibility = all` opens every case to every caseworker. The list, search, export (the
stored case) and the CLI all read through the same database rules.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import psycopg
import pytest

import db
from db.errors import CaseNotFoundError
from desktop.cli import main
from desktop.services.cases import CaseService
from desktop.services.review import ReviewService
from tests.db.conftest import StepClock
from tests.office.conftest import evaluated_case

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _as(url: str) -> Any:
    return db.open_database(url)


@pytest.fixture
def two_cases(scram_office: dict[str, str]) -> dict[str, str]:
    clock = StepClock()
    made = {}
    for person in ("ana", "ben"):
        database = _as(scram_office[person])
        try:
            made[person] = evaluated_case(database, clock, person)
        finally:
            database.close()
    return made


def _listed(url: str) -> set[str]:
    database = _as(url)
    try:
        service = CaseService(database, StepClock())
        found = {summary.case_id for summary in service.list_cases()}
        assert service.count_cases() == len(found)
        rows = ReviewService(database, StepClock()).office_rows("all")
        assert {row.summary.case_id for row in rows} == found
        return found
    finally:
        database.close()


def _parts_seen(url: str, case_id: str) -> tuple[int, ...]:
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as connection:
        row = connection.execute(
            "SELECT (SELECT count(*) FROM cases WHERE case_id = %(c)s),"
            " (SELECT count(*) FROM determinations d JOIN cases c ON c.id = d.case_pk"
            "  WHERE c.case_id = %(c)s),"
            " (SELECT count(*) FROM determinations),"
            " (SELECT count(*) FROM journey_stops)", {"c": case_id}).fetchone()
    assert row is not None
    return tuple(row)


def test_a_caseworker_sees_only_her_cases_a_supervisor_all(
        scram_office: dict[str, str], two_cases: dict[str, str]) -> None:
    assert _listed(scram_office["ana"]) == {two_cases["ana"]}
    assert _listed(scram_office["ben"]) == {two_cases["ben"]}
    assert _listed(scram_office["sam"]) == set(two_cases.values())
    # Nothing of ben's case reaches ana: not the row, its determinations or its journey.
    seen_by_ana = _parts_seen(scram_office["ana"], two_cases["ben"])
    seen_by_admin = _parts_seen(scram_office["admin"], two_cases["ben"])
    assert seen_by_ana[:2] == (0, 0) and seen_by_admin[:2] == (1, 1)
    assert seen_by_ana[2:] == (seen_by_admin[2] // 2, seen_by_admin[3] // 2)
    database = _as(scram_office["ana"])
    try:
        with pytest.raises(CaseNotFoundError):
            CaseService(database, StepClock()).get_case(two_cases["ben"])
        assert CaseService(database, StepClock()).list_cases(search="Ramírez") != []
    finally:
        database.close()


def test_an_assigned_case_becomes_visible_and_the_office_setting_opens_all(
        scram_office: dict[str, str], two_cases: dict[str, str]) -> None:
    database = _as(scram_office["sam"])
    try:
        ReviewService(database, StepClock()).assign(two_cases["ben"], "ana")
    finally:
        database.close()
    assert _listed(scram_office["ana"]) == set(two_cases.values())
    assert _listed(scram_office["ben"]) == {two_cases["ben"]}
    database = _as(scram_office["admin"])
    try:
        ReviewService(database, StepClock()).set_visibility("all")
        assert ReviewService(database, StepClock()).visibility() == "all"
    finally:
        database.close()
    assert _listed(scram_office["ben"]) == set(two_cases.values())


def test_a_caseworker_cannot_change_the_visibility_setting(
        scram_office: dict[str, str], two_cases: dict[str, str]) -> None:
    database = _as(scram_office["ana"])
    try:
        with pytest.raises(db.DatabaseError):
            ReviewService(database, StepClock()).set_visibility("all")
    finally:
        database.close()
    assert _listed(scram_office["ana"]) == {two_cases["ana"]}


def test_the_cli_lists_through_the_same_rules(
        scram_office: dict[str, str], two_cases: dict[str, str], tmp_path: Path,
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    assert main(["--data-dir", str(tmp_path / "data"), "--database-url", scram_office["ben"],
                 "list"]) == 0
    out = capsys.readouterr().out
    assert two_cases["ben"] in out and two_cases["ana"] not in out
