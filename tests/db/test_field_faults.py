"""Faults a field laptop meets: empty files, full disks, killed backups, old and new backups,
two imports at once. Real files; the full disk is a small tmpfs mounted for the test."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

import db
from db.backup import STALE_PART_SECONDS, automatic_backups
from desktop.cli import main
from desktop.paths import resolve_paths, sqlite_url
from desktop.services.cases import CaseService
from desktop.services.memos import MemoService
from desktop.services.startup import close_storage, open_storage
from tests.children import child_pythonpath
from tests.db.conftest import StepClock, make_case
from tests.db.test_memos_audit import DETERMINATION
from tests.sqlite_files import connect_file
from tests.tiny_disk import fill, tiny_disk


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def _case_files(folder: Path, count: int, prefix: str = "C") -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"{prefix}{i}.case.json"
        path.write_text(json.dumps(make_case(f"Family{i}", case_id=f"{prefix}-{i}")), "utf-8")
        files.append(str(path))
    return files


def _count(database_file: Path) -> int:
    with closing(connect_file(database_file)) as connection:
        return int(connection.execute("SELECT count(*) FROM cases").fetchone()[0])


def test_zero_byte_database_is_reported_as_damaged_and_left_alone(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir.mkdir()
    database_file = data_dir / "waypoint.sqlite3"
    database_file.write_bytes(b"")
    with pytest.raises(db.CorruptDatabaseError, match=r"empty \(0 bytes\)"):
        db.open_database(sqlite_url(database_file), backup_dir=data_dir / "backups")
    assert _run(data_dir, "import", *_case_files(data_dir.parent / "in", 1)) == 2
    assert "is damaged (the file is empty (0 bytes))" in capsys.readouterr().err
    assert database_file.stat().st_size == 0  # not silently made into a new database
    assert sorted(p.name for p in data_dir.iterdir()) == ["waypoint.sqlite3"]


def test_restoring_the_latest_backup_after_an_import_keeps_the_imported_cases(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "list") == 0  # the database exists before the import
    assert _run(data_dir, "import", *_case_files(data_dir.parent / "in", 100)) == 0
    latest = db.backup.latest_backup(data_dir / "backups")
    assert latest is not None and latest.name.endswith("-import.sqlite3")
    assert _run(data_dir, "restore", str(latest)) == 0
    assert "Restored" in capsys.readouterr().out
    assert _count(data_dir / "waypoint.sqlite3") == 100


def test_finalize_and_a_clean_exit_take_a_backup(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    storage = open_storage(paths, sqlite_url(paths.database_file), clock=StepClock())
    case_id = storage.demo_case_id
    assert case_id is not None
    memos = MemoService(storage.database, StepClock())
    memos.record_determination(case_id, DETERMINATION)
    memos.finalize(case_id, "Officer K. Lee", b"%PDF final")
    assert [p.name.rsplit("-", 1)[-1] for p in automatic_backups(paths.backup_dir)] == [
        "finalize.sqlite3"]
    CaseService(storage.database, StepClock()).create_case(make_case("After", "Finalize"))
    close_storage(storage)
    backups = automatic_backups(paths.backup_dir)
    assert backups[-1].name.endswith("-exit.sqlite3")
    assert _count(backups[-1]) == 2


def test_unfinished_backups_left_by_a_killed_backup_are_removed(data_dir: Path) -> None:
    assert _run(data_dir, "list") == 0
    backups = data_dir / "backups"
    backups.mkdir(exist_ok=True)
    stale = backups / "waypoint-20240101T000000000000Z-start.sqlite3.part"
    live = backups / "waypoint-20990101T000000000000Z-start.sqlite3.part"
    for part in (stale, live):
        part.write_bytes(b"SQLite format 3\x00 half a copy")
    old = time.time() - STALE_PART_SECONDS - 60
    os.utime(stale, (old, old))
    assert _run(data_dir, "import", *_case_files(data_dir.parent / "in", 1)) == 0
    assert not stale.exists()
    assert live.exists()  # may be another process's backup in progress


def test_restore_refuses_a_backup_from_a_newer_schema_before_replacing(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "import", *_case_files(tmp_path / "in", 2)) == 0
    newer = tmp_path / "newer.sqlite3"
    assert _run(data_dir, "backup", "-o", str(newer)) == 0
    with closing(connect_file(newer)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
        connection.commit()
    database_file = data_dir / "waypoint.sqlite3"
    before = sorted(p.name for p in data_dir.iterdir())
    capsys.readouterr()
    assert _run(data_dir, "restore", str(newer)) == 2
    err = capsys.readouterr().err
    assert "newer version of Waypoint" in err and "nothing was replaced" in err
    assert sorted(p.name for p in data_dir.iterdir()) == before
    assert _count(database_file) == 2


def test_replaced_and_damaged_copies_rotate_and_the_message_says_where(
        data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "import", *_case_files(tmp_path / "in", 1)) == 0
    backup = tmp_path / "one.sqlite3"
    assert _run(data_dir, "backup", "-o", str(backup)) == 0
    for _ in range(7):
        capsys.readouterr()
        assert _run(data_dir, "restore", str(backup)) == 0
        out = capsys.readouterr().out
        assert f"kept as {data_dir / 'waypoint.sqlite3.replaced-'}" in out
    replaced = [p for p in data_dir.iterdir() if ".replaced-" in p.name]
    assert len([p for p in replaced if not p.name.endswith(("-wal", "-shm"))]) == 5
    database_file = data_dir / "waypoint.sqlite3"
    database_file.write_bytes(b"garbage " * 1000)
    with pytest.raises(db.CorruptDatabaseError) as damaged:
        db.open_database(sqlite_url(database_file), backup_dir=data_dir / "backups")
    assert f"kept in {data_dir}" in damaged.value.message


def test_two_imports_at_once_report_their_own_counts(data_dir: Path, tmp_path: Path) -> None:
    assert _run(data_dir, "list") == 0
    files = _case_files(tmp_path / "in", 300)
    command = [sys.executable, "-m", "desktop.cli", "--data-dir", str(data_dir), "import", *files]
    env = {**os.environ, "PYTHONPATH": child_pythonpath(Path(__file__).resolve().parents[2])}
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env) for _ in range(2)]
    outputs = [run.communicate(timeout=300) for run in runs]
    added = []
    for (out, err), run in zip(outputs, runs, strict=True):
        assert run.returncode == 0, err
        first = out.splitlines()[0]
        new, already = (int(word) for word in first.replace(";", "").split() if word.isdigit())
        assert new + already == 300 and new >= 0 and already >= 0, first
        added.append(new)
    assert sum(added) == 300
    assert _count(data_dir / "waypoint.sqlite3") == 300


# ---- a full disk: a small tmpfs mounted for the test (needs root or CAP_SYS_ADMIN) ----

@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk(tmp_path / "disk") as mounted:
        yield mounted


def test_full_disk_at_start_says_disk_full_offers_no_restore_and_writes_nothing(
        disk: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    data_dir = disk / "data"
    assert _run(data_dir, "import", *_case_files(disk / "in", 10)) == 0
    assert _run(data_dir, "list") == 0  # a start backup exists: a restore could be offered
    database_file = data_dir / "waypoint.sqlite3"
    before = database_file.read_bytes()
    fill(disk)
    capsys.readouterr()
    assert _run(data_dir, "list") == 2
    err = capsys.readouterr().err
    assert "disk full" in err and "damaged" not in err and "restore" not in err.lower()
    with pytest.raises(db.DiskFullError, match="disk full"):
        db.open_database(sqlite_url(database_file), backup_dir=data_dir / "backups")
    latest = db.backup.latest_backup(data_dir / "backups")
    assert latest is not None
    with pytest.raises(db.DiskFullError):
        db.restore_backup(database_file, latest)
    assert database_file.read_bytes() == before
    leftovers = [p.name for p in disk.rglob("*")
                 if p.name.endswith((".part", ".restoring")) or ".replaced-" in p.name]
    assert leftovers == []


def test_full_disk_on_first_start_leaves_no_database_behind(
        disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = disk / "data"
    data_dir.mkdir()
    fill(disk)
    assert _run(data_dir, "list") == 2
    assert "disk" in capsys.readouterr().err
    assert list(data_dir.iterdir()) == []
