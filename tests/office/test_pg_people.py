"""`waypoint admin add-person | reset-password | remove-person` on a SCRAM server.

Password policy, no password ever printed (the administrator's included), every change
audited, a removed person's login refused and their open session ended.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import psycopg
import pytest

import db
from desktop.cli import main
from desktop.services.office_people import password_problem
from desktop.services.office_setup import url_for_person
from tests.office.conftest import PASSWORDS
from tests.office.scram_server import ScramServer


def test_the_password_policy() -> None:
    for weak in ("a", "short pass", "ana-2026-ana-2026", "aaaaaaaaaaaaaaaa", " padded password "):
        assert password_problem(weak, "ana") is not None, weak
    for fine in ("Tr0ub4dor&3xyz", "river lamp quiet orbit", "correct horse battery staple"):
        assert password_problem(fine, "ana") is None, fine


def test_a_person_url_never_carries_the_administrators_password() -> None:
    url = url_for_person("postgresql+psycopg://admin:S3cret-admin@db.example/waypoint", "sam")
    assert "S3cret" not in url and url.startswith("postgresql+psycopg://sam@db.example")


def _cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(["--data-dir", str(tmp_path / "data"), *argv])


def _connects(url: str) -> bool:
    try:
        psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")).close()
    except psycopg.OperationalError:
        return False
    return True


def _audited(admin_url: str) -> list[tuple[str, str]]:
    database = db.open_database(admin_url)
    try:
        report = database.verify_audit()
        assert report.ok, report.problems
    finally:
        database.close()
    with psycopg.connect(admin_url.replace("postgresql+psycopg://", "postgresql://")) as c:
        return [(str(a), str(d)) for a, d in c.execute(
            "SELECT action, details_json FROM audit_log WHERE action LIKE 'office.%' ORDER BY id")]


@pytest.mark.postgres
@pytest.mark.slow
def test_add_reset_remove_through_the_cli(
        scram_server: ScramServer, scram_office: dict[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    admin = scram_office["admin"]
    database = admin.split("?")[0].rsplit("/", 1)[-1]
    assert _cli(tmp_path, monkeypatch, "a\n", "admin", "add-person", admin, "cleo",
                "--name", "Cleo Park", "--role", "caseworker", "--password-stdin") == 2
    assert "12 characters" in capsys.readouterr().err
    assert not _connects(scram_server.url("cleo", "a", database))

    good = "plum orbit lantern meadow"
    assert _cli(tmp_path, monkeypatch, good + "\n", "admin", "add-person", admin, "cleo",
                "--name", "Cleo Park", "--role", "caseworker", "--password-stdin") == 0
    out = capsys.readouterr().out
    assert scram_server.admin_password not in out and good not in out and "cleo@" in out
    assert _connects(scram_server.url("cleo", good, database))
    with psycopg.connect(admin.replace("postgresql+psycopg://", "postgresql://")) as c:
        config = c.execute("SELECT rolconfig FROM pg_roles WHERE rolname = 'cleo'").fetchone()
    assert config is not None and "idle_in_transaction_session_timeout=5min" in config[0]

    new = "Another-long-pass-9"
    assert _cli(tmp_path, monkeypatch, new + "\n", "admin", "reset-password", admin, "cleo",
                "--password-stdin") == 0
    assert not _connects(scram_server.url("cleo", good, database))
    assert _connects(scram_server.url("cleo", new, database))

    session: Any = psycopg.connect(scram_server.url("ana", PASSWORDS["ana"], database)
                                   .replace("postgresql+psycopg://", "postgresql://"))
    assert _cli(tmp_path, monkeypatch, "", "admin", "remove-person", admin, "ana") == 0
    assert "1 open session(s) ended" in capsys.readouterr().out
    with pytest.raises(psycopg.OperationalError):
        session.execute("SELECT 1")
    session.close()
    assert not _connects(scram_office["ana"])
    assert _cli(tmp_path, monkeypatch, "", "admin", "remove-person", admin, "postgres") == 2
    assert "not a person" in capsys.readouterr().err

    actions = _audited(admin)
    assert [a for a, _ in actions][-3:] == ["office.person_added", "office.password_reset",
                                            "office.person_removed"]
    assert all(good not in d and new not in d for _, d in actions)
