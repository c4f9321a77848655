"""Migrations: from an empty database and from every earlier revision; models agree with them."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import MetaData, Table, insert, text

import db
from db import migrate
from db.engine import build_engine
from db.normalise import derive_columns
from tests.db.conftest import make_case

EARLIER = migrate.all_revisions()[:-1]


def test_there_are_at_least_two_revisions() -> None:
    assert len(migrate.all_revisions()) >= 2
    assert migrate.all_revisions()[-1] == migrate.head_revision()


def test_empty_database_migrates_to_head_and_matches_models(database_url: str,
                                                             backup_dir: Path) -> None:
    database = db.open_database(database_url, backup_dir=backup_dir)
    try:
        assert database.schema_revision() == migrate.head_revision()
        assert migrate.schema_differences(database.engine) == []
    finally:
        database.close()


@pytest.mark.parametrize("start", EARLIER)
def test_upgrade_from_earlier_revision_keeps_and_indexes_data(
        start: str, database_url: str, backup_dir: Path) -> None:
    engine = build_engine(database_url)
    migrate.upgrade(engine, start)
    case = make_case("Núñez", "José")
    with engine.begin() as connection:
        cases = Table("cases", MetaData(), autoload_with=connection)
        now = datetime(2024, 1, 1, tzinfo=UTC)
        values = {"case_id": "old1", "data_json": json.dumps(case), "display_name": "Núñez, José",
                  "family_name": "Núñez", "given_names": "José", "a_number": "212345678",
                  "nationality": "HN", "entry_date": "2019-10-03", "status": "draft",
                  "created_at": now, "updated_at": now,
                  # From 0002 on the application writes the folded search text itself.
                  "search_text": derive_columns(case).search_text}
        connection.execute(insert(cases).values(
            {k: v for k, v in values.items() if k in cases.c}))
    engine.dispose()

    database = db.open_database(database_url, backup_dir=backup_dir)
    try:
        assert database.schema_revision() == migrate.head_revision()
        assert migrate.schema_differences(database.engine) == []
        assert [s.case_id for s in database.cases.summaries(search="nunez")] == ["old1"]
        assert [s.case_id for s in database.cases.summaries(search="A-212-345-678")] == ["old1"]
        assert database.cases.get("old1").case_data == case
    finally:
        database.close()
    if database_url.startswith("sqlite"):
        names = [p.name for p in backup_dir.iterdir()]
        assert any("before-migration" in name for name in names), names


def test_downgrade_to_base_and_up_again(database_url: str, backup_dir: Path) -> None:
    database = db.open_database(database_url, backup_dir=backup_dir)
    database.close()
    engine = build_engine(database_url)
    migrate.downgrade(engine, "base")
    migrate.upgrade(engine, "head")
    assert migrate.schema_differences(engine) == []
    engine.dispose()


def test_newer_schema_is_refused_and_left_untouched(database_url: str, tmp_path: Path) -> None:
    database = db.open_database(database_url, backup_dir=None)
    with database.write() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.close()
    sqlite_file = tmp_path / "data" / "waypoint.sqlite3"
    before = sqlite_file.read_bytes() if database_url.startswith("sqlite") else b""

    with pytest.raises(db.NewerSchemaError) as refused:
        db.open_database(database_url, backup_dir=tmp_path / "backups")
    assert "newer version of Waypoint" in str(refused.value)
    assert refused.value.found_revision == "9999_future"
    if database_url.startswith("sqlite"):
        assert sqlite_file.read_bytes() == before
        assert not (tmp_path / "backups").exists()
    engine = build_engine(database_url)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "9999_future"
    engine.dispose()


def test_unreachable_server_gives_a_clear_message() -> None:
    with pytest.raises(db.DatabaseUnavailableError, match="Cannot reach the database server"):
        db.open_database("postgresql+psycopg://postgres@127.0.0.1:9/waypoint")
