"""Start-up storage: the database is created and migrated in the data folder, the demo case once."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

import pytest

from db import NewerSchemaError
from db.migrate import head_revision
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.evaluation import validate_case_data
from desktop.services.startup import close_storage, load_demo_case, open_storage
from tests.sqlite_files import connect_file


def test_demo_case_is_a_complete_case_file() -> None:
    data = load_demo_case()
    assert data["format"] == "waypoint-case/1"
    assert data["applicant"]["family_name"] == "Ramírez Cruz"
    assert data["entry"]["date"] == "2019-10-03"
    assert [stop["country"] for stop in data["journey"]] == ["HN", "GT", "MX"]
    validate_case_data(data)


def test_first_open_creates_and_migrates_the_database_and_seeds_the_demo(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    storage = open_storage(paths, f"sqlite:///{paths.database_file}")
    try:
        assert storage.created
        assert storage.demo_case_id is not None
        assert paths.database_file.is_file()
        assert storage.database.schema_revision() == head_revision()
        cases = storage.cases.list_cases()
        assert [c.display_name for c in cases] == ["Ramírez Cruz, Ana Lucía"]
        stored = storage.cases.get_case(storage.demo_case_id)
        assert stored.case_data["journey"] == load_demo_case()["journey"]
    finally:
        close_storage(storage)


def test_second_open_does_not_duplicate_the_demo(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    url = resolve_database_url(paths, f"sqlite:///{paths.database_file}")
    close_storage(open_storage(paths, url))
    again = open_storage(paths, url)
    try:
        assert not again.created
        assert again.demo_case_id is None
        assert again.cases.count_cases() == 1
    finally:
        close_storage(again)


def test_a_newer_schema_is_refused_and_not_changed(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    url = f"sqlite:///{paths.database_file}"
    close_storage(open_storage(paths, url))
    with closing(connect_file(paths.database_file)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'zz_newer'")
        connection.commit()
    with pytest.raises(NewerSchemaError, match="newer version of Waypoint"):
        open_storage(paths, url)
    with closing(connect_file(paths.database_file)) as connection:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchone() == (
            "zz_newer",
        )
