"""SQLite done right and its failures: pragmas, killed writers, damaged files, full/read-only."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

import db
from desktop.services.cases import CaseService
from tests.db.conftest import StepClock, make_case
from tests.hard_kill import KILLED_BY_POPEN

REPO = Path(__file__).resolve().parents[2]


def _open(sqlite_url: str, backup_dir: Path | None) -> Any:
    return db.open_database(sqlite_url, backup_dir=backup_dir)


def test_connections_use_wal_foreign_keys_and_busy_timeout(sqlite_url: str,
                                                           backup_dir: Path) -> None:
    database = _open(sqlite_url, backup_dir)
    try:
        with database.read() as connection:
            pragma = {name: connection.exec_driver_sql(f"PRAGMA {name}").scalar()
                      for name in ("journal_mode", "foreign_keys", "busy_timeout")}
        assert pragma == {"journal_mode": "wal", "foreign_keys": 1, "busy_timeout": 30000}
    finally:
        database.close()


def test_saves_that_returned_survive_sigkill(sqlite_url: str, tmp_path: Path) -> None:
    child = textwrap.dedent(f"""
        import sys
        import db
        from desktop.services.cases import CaseService
        service = CaseService(db.open_database({sqlite_url!r}), actor="child")
        i = 0
        while True:
            case_id = service.create_case({{"applicant": {{"family_name": f"K{{i}}"}},
                                            "notes": "x" * 3000}})
            print(case_id, flush=True)
            i += 1
    """)
    process = subprocess.Popen([sys.executable, "-c", child], cwd=REPO, text=True,
                               stdout=subprocess.PIPE)
    assert process.stdout is not None
    returned = []
    try:
        for line in process.stdout:
            returned.append(line.strip())
            if len(returned) == 40:
                process.kill()  # SIGKILL on POSIX, TerminateProcess on Windows
                break
    finally:
        process.kill()
        process.wait()
        process.stdout.close()
    assert process.returncode == KILLED_BY_POPEN
    database = _open(sqlite_url, None)
    try:
        stored = {s.case_id for s in CaseService(database).list_cases(limit=10_000)}
        assert set(returned) <= stored
        assert database.integrity_check() == ["ok"]
        # A kill between a commit and its receipt line leaves the newest entry without a
        # receipt; verify says so, naming that cause. Nothing else may be reported.
        problems = database.verify_audit().problems
        assert all("stopped before it could record the receipt" in p.message
                   for p in problems), [str(p) for p in problems]
    finally:
        database.close()


def _database_with_cases(sqlite_url: str, backup_dir: Path, count: int) -> list[str]:
    database = _open(sqlite_url, backup_dir)
    service = CaseService(database, StepClock(), actor="t")
    ids = [service.create_case(make_case(f"Family{i}", notes="n" * 2000)) for i in range(count)]
    database.close()
    # A second start takes the automatic backup of what the first one saved.
    _open(sqlite_url, backup_dir).close()
    return ids


def test_truncated_file_is_reported_kept_and_recovered_from_backup(
        sqlite_url: str, backup_dir: Path) -> None:
    ids = _database_with_cases(sqlite_url, backup_dir, 30)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    damaged = path.read_bytes()[: path.stat().st_size // 2]
    path.write_bytes(damaged)

    with pytest.raises(db.CorruptDatabaseError) as refused:
        _open(sqlite_url, backup_dir)
    error = refused.value
    assert "is damaged" in error.message and "truncated" in error.message
    assert error.backup_available and error.latest_backup is not None
    assert error.latest_backup.name in error.message
    assert error.damaged_path == path
    assert path.read_bytes() == damaged  # nothing was overwritten

    kept = db.restore_backup(path, error.latest_backup)
    assert kept is not None and kept.read_bytes() == damaged
    database = _open(sqlite_url, backup_dir)
    try:
        assert {s.case_id for s in database.cases.summaries(limit=100)} == set(ids)
    finally:
        database.close()


def test_file_that_is_not_a_database_is_refused(sqlite_url: str, backup_dir: Path) -> None:
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    path.write_bytes(b"these are somebody's notes, not a database" * 100)
    with pytest.raises(db.CorruptDatabaseError, match="not a database") as refused:
        _open(sqlite_url, backup_dir)
    assert not refused.value.backup_available
    assert "No backup was found" in refused.value.message
    assert path.read_bytes().startswith(b"these are")


def test_empty_file_with_backups_is_treated_as_damage(sqlite_url: str,
                                                      backup_dir: Path) -> None:
    _database_with_cases(sqlite_url, backup_dir, 2)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    path.write_bytes(b"")
    with pytest.raises(db.CorruptDatabaseError, match="empty"):
        _open(sqlite_url, backup_dir)


def test_disk_full_gives_a_clear_message_and_loses_nothing(sqlite_url: str,
                                                           backup_dir: Path) -> None:
    database = _open(sqlite_url, backup_dir)
    service = CaseService(database, StepClock(), actor="t")
    saved = [service.create_case(make_case(f"Saved{i}")) for i in range(5)]
    with database.read() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(database.engine, "connect")
    def _cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages + 2}")

    database.engine.dispose()  # new connections get the cap: the "disk" is now full
    with pytest.raises(db.DiskFullError, match="disk is full") as refused:
        service.create_case(make_case("TooBig", notes="z" * 200_000))
    assert "Nothing already saved was lost" in refused.value.message
    with pytest.raises(db.DiskFullError):
        service.save_draft(saved[0], make_case("Saved0", notes="y" * 200_000))
    event.remove(database.engine, "connect", _cap)
    database.engine.dispose()
    assert {s.case_id for s in service.list_cases()} == set(saved)
    assert service.get_case(saved[0]).case_data == make_case("Saved0")
    assert database.integrity_check() == ["ok"]
    assert database.verify_audit().ok
    database.close()


def test_read_only_database_gives_a_clear_message_and_loses_nothing(
        sqlite_url: str, backup_dir: Path) -> None:
    ids = _database_with_cases(sqlite_url, backup_dir, 3)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    read_only = _open(f"sqlite:///file:{path}?mode=ro&uri=true", None)
    try:
        service = CaseService(read_only, StepClock(), actor="t")
        with pytest.raises(db.ReadOnlyDataError, match="read-only") as refused:
            service.create_case(make_case("New"))
        assert "Nothing already saved was lost" in refused.value.message
        with pytest.raises(db.ReadOnlyDataError):
            service.save_draft(ids[0], make_case("Changed"))
        assert {s.case_id for s in service.list_cases()} == set(ids)
    finally:
        read_only.close()


def test_backups_rotate_keeping_five(sqlite_url: str, backup_dir: Path) -> None:
    database = _open(sqlite_url, backup_dir)
    service = CaseService(database, StepClock(), actor="t")
    database.close()
    for i in range(7):
        database = _open(sqlite_url, backup_dir)
        service = CaseService(database, StepClock(), actor="t")
        service.create_case(make_case(f"Round{i}"))
        database.close()
    automatic = sorted(p.name for p in backup_dir.glob("*.sqlite3"))  # each has its .keys
    assert len(automatic) == 5
    # Reopening without changes does not push a useful backup out with an identical one.
    _open(sqlite_url, backup_dir).close()
    _open(sqlite_url, backup_dir).close()
    assert len(list(backup_dir.glob("*.sqlite3"))) == 5
    newest = db.restore_backup(Path(sqlite_url.removeprefix("sqlite:///")),
                               backup_dir / automatic[-1])
    assert newest is not None and newest.exists()


def test_restore_refuses_a_file_that_is_not_a_waypoint_database(
        sqlite_url: str, backup_dir: Path, tmp_path: Path) -> None:
    _database_with_cases(sqlite_url, backup_dir, 1)
    path = Path(sqlite_url.removeprefix("sqlite:///"))
    before = path.read_bytes()
    stranger = tmp_path / "other.sqlite3"
    sqlite3.connect(stranger).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(db.RestoreError, match="not a Waypoint database"):
        db.restore_backup(path, stranger)
    with pytest.raises(db.RestoreError, match="does not exist"):
        db.restore_backup(path, tmp_path / "missing.sqlite3")
    assert path.read_bytes() == before
