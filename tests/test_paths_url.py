"""Data folders whose names hold URL characters: the database goes where the folder is."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.engine import URL, make_url

from db.quick_read import sqlite_file_in
from desktop.cli import main
from desktop.paths import resolve_database_url, resolve_paths, sqlite_url

ODD_NAMES = ["q?mark", "a%2Fb", "100% sure", "hash#tag", "plus+sign", "at@sign", "semi;colon",
             "Núñez & co", "back\\slash"]


@pytest.mark.parametrize("name", ODD_NAMES)
def test_sqlite_url_is_what_sqlalchemy_builds_and_reads_back(name: str, tmp_path: Path) -> None:
    path = tmp_path / name / "waypoint.sqlite3"
    url = sqlite_url(path)
    assert url == URL.create("sqlite", database=str(path)).render_as_string(hide_password=False)
    assert make_url(url).database == str(path)
    assert sqlite_file_in(url) == path


@pytest.mark.parametrize("name", ["q?mark", "a%2Fb", "100% sure"])
def test_commands_write_into_the_named_folder(name: str, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    folder = tmp_path / name
    assert main(["--data-dir", str(folder), "list"]) == 0
    assert (folder / "waypoint.sqlite3").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # nothing written elsewhere
    assert resolve_database_url(resolve_paths(folder)) == sqlite_url(folder / "waypoint.sqlite3")


def test_a_data_folder_that_is_a_file_gets_a_clear_message(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    blocker = tmp_path / "data"
    blocker.write_text("a note, not a folder", "utf-8")
    for folder in (blocker, blocker / "inner"):
        assert main(["--data-dir", str(folder), "list"]) != 0
        err = capsys.readouterr().err
        assert f"The data folder {blocker} is a file, not a folder" in err
        assert "read-only" not in err and "Traceback" not in err
    assert blocker.read_text("utf-8") == "a note, not a folder"
