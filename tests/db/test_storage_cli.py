"""The storage commands end to end through desktop.cli.main on a real SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text

import db
from desktop.cli import main
from tests.db.conftest import make_case
from tests.owner_only import assert_mode


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def test_import_list_export_backup_restore_verify(data_dir: Path, tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    case_file = tmp_path / "nunez.case.json"
    case_file.write_text(json.dumps(make_case("Núñez", "José", case_id="HQ-9")), "utf-8")
    assert _run(data_dir, "import", str(case_file)) == 0
    assert _run(data_dir, "import", str(case_file)) == 0
    out = capsys.readouterr().out
    assert "Imported 1 new case(s)" in out and "Imported 0 new case(s); 1 already" in out

    assert _run(data_dir, "list", "--search", "A212 345 678") == 0
    assert "Núñez, José" in capsys.readouterr().out

    exported = tmp_path / "out.json"
    assert _run(data_dir, "export", "HQ-9", "-o", str(exported)) == 0
    assert json.loads(exported.read_text("utf-8"))["applicant"]["family_name"] == "Núñez"

    backup = tmp_path / "manual.sqlite3"
    assert _run(data_dir, "backup", "-o", str(backup)) == 0
    other = tmp_path / "other.case.json"
    other.write_text(json.dumps(make_case("Later")), "utf-8")
    assert _run(data_dir, "import", str(other)) == 0
    capsys.readouterr()

    assert _run(data_dir, "restore", str(backup)) == 0
    out = capsys.readouterr().out
    assert "kept as" in out and "1 case(s)" in out
    assert list(data_dir.glob("waypoint.sqlite3.replaced-*"))

    assert _run(data_dir, "audit", "verify") == 0
    assert "OK" in capsys.readouterr().out


def test_errors_are_one_line_messages(data_dir: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2", "utf-8")
    assert _run(data_dir, "import", str(bad)) == 2
    err = capsys.readouterr().err
    assert err.startswith("waypoint: ") and "bad.json" in err and err.count("\n") == 1
    assert _run(data_dir, "export", "nope", "-o", str(tmp_path / "x.json")) == 2
    assert "no case with id nope" in capsys.readouterr().err
    assert _run(data_dir, "restore", str(bad)) == 2
    assert "not a Waypoint database" in capsys.readouterr().err


def test_audit_verify_exit_code_names_the_entry(data_dir: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    case_file = tmp_path / "a.case.json"
    case_file.write_text(json.dumps(make_case("Núñez")), "utf-8")
    assert _run(data_dir, "import", str(case_file)) == 0
    database = db.open_database(f"sqlite:///{data_dir / 'waypoint.sqlite3'}")
    with database.write() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("UPDATE audit_log SET action = 'case.deleted' WHERE id = 1"))
    database.close()
    capsys.readouterr()
    assert _run(data_dir, "audit", "verify") == 1
    assert "audit entry 1:" in capsys.readouterr().out


def test_damaged_database_points_at_restore(data_dir: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / "waypoint.sqlite3").write_bytes(b"garbage" * 200)
    assert _run(data_dir, "list") == 2
    assert "not a database" in capsys.readouterr().err


@pytest.mark.postgres
def test_a_server_database_keeps_this_machines_receipts_in_the_data_folder(
        pg_url: str, data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from sqlalchemy import create_engine

    case_file = tmp_path / "a.case.json"
    case_file.write_text(json.dumps(make_case("Server", "Case")), "utf-8")
    assert _run(data_dir, "--database-url", pg_url, "import", str(case_file)) == 0
    assert _run(data_dir, "--database-url", pg_url, "audit", "verify") == 0
    out = capsys.readouterr().out
    receipts = next(data_dir.glob("audit-receipts-*.log"))
    assert f"Receipts: {receipts}" in out
    assert_mode(receipts, 0o600)
    engine = create_engine(pg_url)
    with engine.begin() as connection:
        connection.execute(text("ALTER TABLE audit_log DISABLE TRIGGER USER"))
        connection.execute(text("DELETE FROM audit_log"))
    engine.dispose()
    assert _run(data_dir, "--database-url", pg_url, "audit", "verify") == 1
    assert "audit entry 1: it is missing, but a receipt" in capsys.readouterr().out
