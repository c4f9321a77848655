"""The office commands end to end through desktop.cli.main: profiles, review, init-server."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.memo.helpers import agree_with_every_finding
from tests.office.conftest import make_case


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def test_profiles_submit_return_approve_queue(data_dir: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case("Núñez", "José", case_id="HQ-1")), "utf-8")
    assert _run(data_dir, "import", str(case_file)) == 0
    assert _run(data_dir, "admin", "add-profile", "ana", "--name", "Ana Ruiz",
                "--role", "caseworker") == 0
    assert _run(data_dir, "admin", "add-profile", "dana", "--name", "Dana Cole",
                "--role", "supervisor") == 0
    assert _run(data_dir, "admin", "review-setting", "required") == 0
    assert _run(data_dir, "review", "--as", "ana", "submit", "HQ-1",
                *agree_with_every_finding()) == 0
    capsys.readouterr()
    assert _run(data_dir, "review", "--as", "ana", "approve", "HQ-1") == 2
    assert "Only a supervisor" in capsys.readouterr().err
    assert _run(data_dir, "review", "--as", "dana", "return", "HQ-1", "--step", "journey",
                "--comment", "Dates in Mexico?") == 0
    assert _run(data_dir, "review", "--as", "ana", "queue", "--view", "returned_to_me") == 0
    out = capsys.readouterr().out
    assert "returned" in out and "1 comment(s)" in out and "Núñez, José" in out
    assert _run(data_dir, "review", "--as", "ana", "submit", "HQ-1",
                *agree_with_every_finding()) == 0
    assert _run(data_dir, "review", "--as", "dana", "approve", "HQ-1") == 0
    assert "Approved; final memo" in capsys.readouterr().out
    assert _run(data_dir, "audit", "verify") == 0


def test_init_server_refuses_sqlite(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "admin", "init-server", "sqlite:///x.sqlite3") == 2
    assert "PostgreSQL" in capsys.readouterr().err


@pytest.mark.postgres
def test_init_server_and_add_person_on_postgres(pg_url: str, data_dir: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "admin", "init-server", pg_url) == 0
    assert "waypoint_caseworker and waypoint_supervisor are ready" in capsys.readouterr().out
    assert _run(data_dir, "admin", "add-person", pg_url, "cw_cli", "--name", "Cli Worker",
                "--role", "caseworker") == 0
    assert "cw_cli@" in capsys.readouterr().out
    assert _run(data_dir, "admin", "add-person", pg_url, "Bad Name", "--name", "X",
                "--role", "caseworker") == 2
    assert "lower-case" in capsys.readouterr().err


@pytest.mark.postgres
@pytest.mark.slow
def test_a_login_without_the_right_to_add_people_is_told_so(
        scram_office: dict[str, str], data_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A caseworker's URL given to add-person: the server refuses; no 'damaged' file talk."""
    code = _run(data_dir, "admin", "add-person", scram_office["ana"], "mallory", "--name",
                "Mallory", "--role", "supervisor")
    error = capsys.readouterr().err
    assert code != 0 and "The database server refused this" in error
    assert "damaged" not in error and "battery" not in error  # nor ana's password
