"""Migrations: from an empty database and from every earlier revision; models agree with them."""

from __future__ import annotations

import hashlib
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
from tests.sqlite_files import engine_for

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
                  "search_text": derive_columns(case).search_text}  # as 0002+ writes it
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
    engine = engine_for(database_url)
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
    engine = engine_for(database_url)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "9999_future"
    engine.dispose()


def test_unreachable_server_gives_a_clear_message() -> None:
    with pytest.raises(db.DatabaseUnavailableError, match="Cannot reach the database server"):
        db.open_database("postgresql+psycopg://postgres@127.0.0.1:9/waypoint")


def test_upgrade_covers_older_rows_in_the_chain_and_anchors_it(
        database_url: str, backup_dir: Path) -> None:
    """Rows audited before entries carried digests get them from migration 0003's entry."""
    from db.audit import AuditEvent, append

    engine = build_engine(database_url)
    migrate.upgrade(engine, "0002")
    now = datetime(2024, 1, 1, tzinfo=UTC)
    case = make_case("Núñez", "José")
    with engine.begin() as connection:
        tables = MetaData()
        cases, determinations, memos = (Table(name, tables, autoload_with=connection)
                                        for name in ("cases", "determinations", "memos"))
        connection.execute(insert(cases).values(
            id=1, case_id="old1", data_json=json.dumps(case), display_name="Núñez, José",
            family_name="Núñez", given_names="José", status="finalized", created_at=now,
            updated_at=now, search_text=derive_columns(case).search_text))
        connection.execute(insert(determinations).values(
            id=1, case_pk=1, findings_json='{"summary":"applies"}', facts_digest="f" * 64,
            created_at=now))
        connection.execute(insert(memos).values(
            id=1, case_pk=1, determination_id=1, status="final", pdf=b"%PDF old",
            sha256=hashlib.sha256(b"%PDF old").hexdigest(), created_at=now,
            finalized_by="K. Lee", finalized_at=now))
        append(connection, now, "t", [  # the details entries carried before 0003
            AuditEvent("case.created", "old1"),
            AuditEvent("determination.recorded", "old1", details={"determination_id": 1}),
            AuditEvent("memo.finalized", "old1", 1, {"sha256": hashlib.sha256(
                b"%PDF old").hexdigest(), "determination_id": 1})])
    engine.dispose()

    receipts = backup_dir.parent / "receipts.log"
    database = db.open_database(database_url, backup_dir=backup_dir, receipts_file=receipts)
    try:
        report = database.verify_audit()
        assert report.ok, report.problems
        assert report.entries_checked == 4  # the three, and the one that covers their rows
        assert receipts.read_text("ascii").split()[0] == "4"
        with database.write() as connection:
            if database.dialect == "sqlite":
                connection.execute(text("DROP TRIGGER determinations_no_update"))
            else:
                connection.execute(text("ALTER TABLE determinations DISABLE TRIGGER USER"))
            connection.execute(text("UPDATE determinations SET findings_json = '{}'"))
        problems = database.verify_audit().problems
        assert [(p.kind, p.ident) for p in problems] == [("determination", 1)]
        assert "audit entry 4" in problems[0].message
    finally:
        database.close()


def _set_version(database_url: str, revision: str) -> None:
    engine = engine_for(database_url)
    with engine.begin() as connection:
        connection.execute(text(f"UPDATE alembic_version SET version_num = '{revision}'"))
    engine.dispose()


def test_a_schema_version_set_back_is_refused_and_takes_no_backup(
        database_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Before: every open backed the file up, then crashed in a migration, rotating good
    backups out. Now: a clean refusal, nothing written, nothing copied, however often."""
    from db.schema_marks import MARKS, SchemaMismatchError

    newest_mark = list(MARKS)[-1]  # the newest revision that leaves a table or column to see

    db.open_database(database_url, backup_dir=None).close()
    _set_version(database_url, "0003")
    backups = tmp_path / "data" / "backups"
    sqlite_file = tmp_path / "data" / "waypoint.sqlite3"
    before = sqlite_file.read_bytes() if database_url.startswith("sqlite") else b""
    for _attempt in range(3):
        with pytest.raises(SchemaMismatchError) as refused:
            db.open_database(database_url, backup_dir=backups)
        assert "says its schema is revision 0003, but it holds tables that revision " \
            f"{newest_mark} created" in str(refused.value)
        assert "no backup was taken" in str(refused.value)
    assert not backups.exists() or list(backups.iterdir()) == []
    if database_url.startswith("sqlite"):
        assert sqlite_file.read_bytes() == before
        from desktop.cli import main

        capsys.readouterr()
        assert main(["--data-dir", str(tmp_path / "data"), "list"]) == 2
        err = capsys.readouterr().err
        assert "its schema version was changed outside Waypoint" in err
        assert "Traceback" not in err
        assert not backups.exists() or list(backups.iterdir()) == []


def test_a_schema_version_set_ahead_of_its_tables_is_refused(
        database_url: str, tmp_path: Path) -> None:
    from db.schema_marks import SchemaMismatchError

    engine = engine_for(database_url)
    migrate.upgrade(engine, "0004")
    engine.dispose()
    _set_version(database_url, "0005")
    with pytest.raises(SchemaMismatchError, match="none of the tables or columns revision "
                                                  "0005 creates"):
        db.open_database(database_url, backup_dir=tmp_path / "backups")
    assert not (tmp_path / "backups").exists()
