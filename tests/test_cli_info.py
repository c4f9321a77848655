"""`waypoint info`: data folder, database, schema revision, rule pack; it creates nothing."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from db.migrate import head_revision
from desktop.cli import main
from desktop.paths import resolve_paths
from desktop.services.startup import close_storage, open_storage
from tests.sqlite_files import connect_file


def info(capsys: pytest.CaptureFixture[str], data_dir: Path) -> dict[str, str]:
    assert main(["--data-dir", str(data_dir), "info"]) == 0
    lines = capsys.readouterr().out.splitlines()
    return {line.split(":", 1)[0]: line.split(":", 1)[1].strip() for line in lines}


@pytest.fixture(autouse=True)
def no_database_url_from_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)


def test_info_before_first_start_creates_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data_dir = tmp_path / "fresh"
    shown = info(capsys, data_dir)
    assert shown["Data folder"] == str(data_dir.resolve())
    assert shown["Database"] == f"sqlite:///{data_dir.resolve() / 'waypoint.sqlite3'}"
    assert shown["Schema revision"].startswith("none yet")
    assert "Rule pack" in shown
    assert not data_dir.exists()


def test_info_shows_the_current_revision(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    paths = resolve_paths(tmp_path / "data")
    close_storage(open_storage(paths, f"sqlite:///{paths.database_file}"))
    shown = info(capsys, tmp_path / "data")
    assert shown["Schema revision"] == f"{head_revision()} (current)"
    assert shown["Waypoint"]


def test_info_names_a_newer_schema(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    close_storage(open_storage(paths, f"sqlite:///{paths.database_file}"))
    with closing(connect_file(paths.database_file)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz_newer'")
        connection.commit()
    shown = info(capsys, tmp_path / "data")
    assert shown["Schema revision"].startswith("zz_newer (newer than this version")
