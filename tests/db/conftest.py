"""Fixtures for the storage tests: a fresh database per test on SQLite and on PostgreSQL."""

from __future__ import annotations

import copy
import os
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

PG_ENV = "WAYPOINT_TEST_PG_URL"
REQUIRE_PG_ENV = "WAYPOINT_REQUIRE_PG"

SAMPLE_CASE: dict[str, Any] = {
    "format": "waypoint-case/1",
    "decision_date": "2019-12-02",
    "applicant": {"family_name": "Ramírez Cruz", "given_names": "Ana Lucía",
                  "a_number": "A-212-345-678", "date_of_birth": "1994-03", "sex": "female",
                  "nationalities": ["HN"], "stateless": False, "last_habitual_residence": None,
                  "languages": ["es"]},
    "entry": {"date": "2019-10-03", "border": "southern_land", "at_port_of_entry": False,
              "port": None, "coming_from": "MX", "unaccompanied_child": False,
              "documents": "none", "scheduled_appointment": False, "scheduling_obstacle": None,
              "metered_before_2019_07_16": False, "claimed_within_days": None},
    "journey": [
        {"country": "HN", "arrived": None, "departed": "2019-09-12"},
        {"country": "GT", "arrived": "2019-09-12", "departed": "2019-09-15",
         "status_held": "none", "permanent_status_offered": False, "protection_claims": []},
        {"country": "MX", "arrived": "2019-09-15", "departed": "2019-10-03",
         "status_held": "none", "permanent_status_offered": False,
         "protection_claims": [{"kind": "asylum", "filed": "2019-09-20", "outcome": "pending",
                                "final": False, "decided": None}]},
    ],
    "circumstances": {"trafficking_victim": False, "medical_emergency_at_entry": False,
                      "imminent_threat_at_entry": False, "travelling_with_family": [],
                      "family_in_us": [], "fear_of_receiving_country": {},
                      "public_interest_exception": None},
}


def make_case(family: str = "Ramírez Cruz", given: str = "Ana Lucía",
              a_number: str | None = "A-212-345-678", **extra: Any) -> dict[str, Any]:
    """A valid case file with the given applicant (extra top-level keys merged in)."""
    data = copy.deepcopy(SAMPLE_CASE)
    data["applicant"].update(family_name=family, given_names=given, a_number=a_number)
    data.update(extra)
    return data


class StepClock:
    """A clock that moves one second per reading, so updated_at orders are deterministic."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


def _pg_admin_url() -> str | None:
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"{REQUIRE_PG_ENV}=1 but {PG_ENV} is not set (run .ci/postgres.sh)")
        pytest.skip(f"{PG_ENV} is not set (run .ci/postgres.sh and export it)")
    return url


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A freshly created PostgreSQL database, dropped after the test."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin_url = _pg_admin_url()
    assert admin_url is not None
    name = f"wp_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # the server is down: a failure when CI requires it
        admin.dispose()
        if os.environ.get(REQUIRE_PG_ENV) == "1":
            pytest.fail(f"PostgreSQL at {admin_url} is not reachable: {error}")
        pytest.skip(f"PostgreSQL at {admin_url} is not reachable")
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Every storage test runs on both backends."""
    if request.param == "sqlite":
        (tmp_path / "data").mkdir(exist_ok=True)
        return f"sqlite:///{tmp_path / 'data' / 'waypoint.sqlite3'}"
    url: str = request.getfixturevalue("pg_url")
    return url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    (tmp_path / "data").mkdir(exist_ok=True)
    return f"sqlite:///{tmp_path / 'data' / 'waypoint.sqlite3'}"


@pytest.fixture
def backup_dir(tmp_path: Path) -> Path:
    return tmp_path / "data" / "backups"


@pytest.fixture
def database(database_url: str, backup_dir: Path) -> Iterator[Any]:
    import db

    # A server's receipts live on this machine (the data folder); an SQLite file's beside it.
    receipts = None if database_url.startswith("sqlite") else backup_dir.parent / "pg-receipts.log"
    opened = db.open_database(database_url, backup_dir=backup_dir, receipts_file=receipts)
    yield opened
    opened.close()


@pytest.fixture
def clock() -> StepClock:
    return StepClock()


@pytest.fixture
def case_service(database: Any, clock: Callable[[], datetime]) -> Any:
    from desktop.services.cases import CaseService

    return CaseService(database, clock, actor="tester")


@pytest.fixture
def memo_service(database: Any, clock: Callable[[], datetime]) -> Any:
    from desktop.services.memos import MemoService

    return MemoService(database, clock, actor="tester")
