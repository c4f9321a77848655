"""Fixtures for the office tests: the storage fixtures, people, an evaluated case."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.services.rules import bundled_rule_pack
from tests.db.conftest import (  # noqa: F401 (fixtures)
    backup_dir,
    clock,
    database,
    database_url,
    make_case,
    pg_url,
    sqlite_url,
)
from tests.gui.test_case_flow_support import services_fixture  # noqa: F401 (fixture)
from tests.office.scram_server import ScramServer, pg_bin
from tests.office.scram_server import start as scram_start
from tests.office.scram_server import stop as scram_stop

PACK = bundled_rule_pack()  # the pack the office tests' services evaluate with


def evaluated_case(opened: Any, step_clock: Any, actor: str) -> str:
    """A new case with a determination of its current facts, ready to submit."""
    from desktop.services.cases import CaseService
    from desktop.services.memos import MemoService
    from tests.evaluated import evaluated

    data = make_case()
    case_id = CaseService(opened, step_clock, actor=actor).create_case(data)
    MemoService(opened, step_clock, actor=actor).record_determination(case_id, evaluated(data))
    return case_id


def submit_decided(service: Any, case_id: str, signing: Any = None) -> None:
    """Submit with the caseworker's determination: she agrees with every finding and decides
    without every open question (with why), on the date the submission pins."""
    from desktop.services.decision import FinalInput
    from desktop.services.officer_record import DecidedWithout, RuleConclusion, open_questions

    determination, _decision = service.to_decide(case_id)
    service.submit(case_id, signing, FinalInput(
        service.display_name(service.actor),
        tuple(RuleConclusion(str(f["rule"]), "agree") for f in determination["findings"]),
        tuple(DecidedWithout(q.field, q.question, "Not asked: decided on the facts recorded.")
              for q in open_questions(determination))))


@pytest.fixture(scope="session")
def scram_server() -> Iterator[ScramServer]:
    """One PostgreSQL server with SCRAM password logins over TLS (its own CA) per session."""
    if not os.environ.get("WAYPOINT_TEST_PG_URL") and os.environ.get("WAYPOINT_REQUIRE_PG") != "1":
        pytest.skip("PostgreSQL tests run when WAYPOINT_TEST_PG_URL is set (.ci/postgres.sh)")
    binaries = pg_bin()
    if binaries is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        if os.environ.get("WAYPOINT_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL server binaries are needed for the SCRAM office tests")
        pytest.skip("PostgreSQL server binaries not found")
    server = scram_start(binaries)
    try:
        yield server
    finally:
        scram_stop(server, binaries)


@pytest.fixture
def scram_office(scram_server: ScramServer) -> Iterator[dict[str, str]]:
    """A fresh office database on the SCRAM server: sam supervises, ana and ben casework.

    Returns each person's URL (with their own password) and the administrator's.
    """
    from sqlalchemy import create_engine, text

    from desktop.services.office_setup import add_person, init_server

    name = f"wp_office_{uuid.uuid4().hex[:10]}"
    admin = create_engine(scram_server.admin_url(), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin_url = scram_server.admin_url(name)
    init_server(admin_url)
    urls = {"admin": admin_url}
    for login, display, role in (("sam", "Sam Okafor", "supervisor"),
                                 ("ana", "Ana Ruiz", "caseworker"),
                                 ("ben", "Ben Adler", "caseworker")):
        password = PASSWORDS[login]
        add_person(admin_url, login, display, role, password)  # type: ignore[arg-type]
        urls[login] = scram_server.url(login, password, name)
    try:
        yield urls
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


PASSWORDS = {"sam": "Okafor's long office passphrase", "ana": "correct horse battery staple",
             "ben": "Adler-has-a-Long-pass-2026"}
