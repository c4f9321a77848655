"""Backups that survive (issue 21): tiered retention, every backup checked before it counts,
a failed open leaves no backup, orphaned partial files are cleaned."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

import db
from db.backup import (
    AUTO_PREFIX,
    STALE_PART_SECONDS,
    automatic_backups,
    remove_stale_parts,
    retained_backups,
    rotate_backup,
)
from desktop.services.cases import CaseService
from tests.db.conftest import StepClock, make_case


def _named(folder: Path, when: datetime, reason: str = "start") -> Path:
    path = folder / f"{AUTO_PREFIX}{when:%Y%m%dT%H%M%S%f}Z-{reason}.sqlite3"
    path.write_bytes(b"")
    return path


def test_retention_keeps_the_newest_five_one_a_day_for_a_week_and_one_a_week_for_a_month(
        tmp_path: Path) -> None:
    now = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    burst = [_named(tmp_path, now - timedelta(minutes=m)) for m in range(20)]  # 20 today
    daily = [_named(tmp_path, now - timedelta(days=d, hours=1)) for d in range(1, 7)]
    weekly = [_named(tmp_path, now - timedelta(weeks=w, days=3)) for w in range(1, 5)]
    ancient = _named(tmp_path, now - timedelta(days=90))
    kept = retained_backups(automatic_backups(tmp_path), 5, now)
    assert set(burst[:5]) <= kept and not set(burst[5:]) & kept
    assert set(daily) <= kept  # one for each of the six days before today
    assert set(weekly) <= kept  # and one for each earlier week within five weeks
    assert ancient not in kept


def test_a_burst_of_backups_never_rotates_out_yesterdays(sqlite_url: str,
                                                        backup_dir: Path) -> None:
    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    CaseService(database, StepClock(), actor="t").create_case(make_case("First"))
    database.close()
    yesterday = datetime.now(UTC) - timedelta(days=1)
    old = rotate_backup(Path(sqlite_url.removeprefix("sqlite:///")), backup_dir, "exit",
                        key=db.open_database(sqlite_url).key)
    aged = old.with_name(f"{AUTO_PREFIX}{yesterday:%Y%m%dT%H%M%S%f}Z-exit.sqlite3")
    os.replace(old, aged)
    os.replace(old.with_name(old.name + ".keys"), aged.with_name(aged.name + ".keys"))
    for i in range(8):  # eight imports, each followed by a backup (the field report: six)
        database = db.open_database(sqlite_url, backup_dir=backup_dir)
        CaseService(database, StepClock(), actor="t").create_case(make_case(f"Round{i}"))
        database.backup_after("import")
        database.close()
    assert aged in automatic_backups(backup_dir)
    assert aged.with_name(aged.name + ".keys").exists()


def test_a_stale_part_journal_is_cleaned_and_a_live_one_is_kept(tmp_path: Path) -> None:
    stale = [tmp_path / "waypoint-x.sqlite3.part", tmp_path / "waypoint-x.sqlite3.part-journal"]
    live = tmp_path / "waypoint-y.sqlite3.part-journal"
    for path in (*stale, live):
        path.write_bytes(b"partial")
    past = time.time() - STALE_PART_SECONDS - 60
    for path in stale:
        os.utime(path, (past, past))
    assert sorted(remove_stale_parts(tmp_path)) == sorted(stale)
    assert live.exists() and not any(p.exists() for p in stale)


def test_a_failed_open_leaves_no_backup(sqlite_url: str, backup_dir: Path) -> None:
    """A schema set back made every open take a backup and fail, rotating good ones out."""
    from tests.sqlite_files import connect_file

    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    CaseService(database, StepClock(), actor="t").create_case(make_case("Kept"))
    database.close()
    db.open_database(sqlite_url, backup_dir=backup_dir).close()  # a start backup exists
    before = sorted(p.name for p in backup_dir.iterdir())
    assert before
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    with connect_file(path) as connection:  # an older revision: the open migrates (and fails)
        connection.execute("UPDATE alembic_version SET version_num = '0001'")
        connection.commit()
    for _ in range(3):
        with pytest.raises(Exception):  # noqa: B017 - the migration fails, as reported
            db.open_database(sqlite_url, backup_dir=backup_dir)
    after = sorted(p.name for p in backup_dir.iterdir())
    assert after == before
