"""The clean-exit marker: a cheap open after a clean close, the full check in the background,
and damage still found (at the open when the file changed, later when it rotted in place)."""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

import db
from db.integrity import clean_marker_of, closed_cleanly
from db.repositories import ImportItem
from tests.db.conftest import make_case
from tests.owner_only import assert_mode

NOW = datetime(2024, 5, 1, tzinfo=UTC)


def _file_of(url: str) -> Path:
    return Path(url.removeprefix("sqlite:///"))


def _stored(url: str, backup_dir: Path, count: int = 60) -> Path:
    database = db.open_database(url, backup_dir=backup_dir)
    items = [ImportItem(make_case(f"Family{i}", case_id=f"C-{i}"), f"C-{i}", f"c{i}.json")
             for i in range(count)]
    database.cases.import_cases(items, now=NOW, actor="test")
    database.checkpoint()  # as close_storage does at exit
    assert database.backup_after("exit") is not None
    database.close()
    return _file_of(url)


def _rot_last_page(path: Path) -> None:
    """Flip bytes of the last page without the file's size or times changing (bit rot)."""
    info = path.stat()
    size = info.st_size
    with path.open("r+b") as handle:
        handle.seek(size - 2048)
        chunk = handle.read(512)
        handle.seek(size - 2048)
        handle.write(bytes(b ^ 0x5A for b in chunk))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


def test_a_clean_close_leaves_a_marker_and_the_next_open_defers_the_full_check(
        sqlite_url: str, backup_dir: Path) -> None:
    path = _stored(sqlite_url, backup_dir)
    assert closed_cleanly(path)
    assert_mode(clean_marker_of(path), 0o600)
    database = db.open_database(sqlite_url, backup_dir=backup_dir, defer_check=True)
    assert not database.checked  # only the schema was read
    database.check_deferred()
    assert database.checked and database.cases.count() == 60
    database.close()
    assert closed_cleanly(path)


def test_a_write_after_the_close_makes_the_open_run_the_full_check(
        sqlite_url: str, backup_dir: Path) -> None:
    path = _stored(sqlite_url, backup_dir)
    with path.open("r+b") as handle:  # damage the way a copy or a crash would: a write
        handle.seek(path.stat().st_size - 2048)
        handle.write(b"\x00" * 512)
    assert not closed_cleanly(path)
    with pytest.raises(db.CorruptDatabaseError, match="is damaged"):
        db.open_database(sqlite_url, backup_dir=backup_dir)


def test_rot_in_place_is_found_by_the_background_check_and_nothing_is_written(
        sqlite_url: str, backup_dir: Path) -> None:
    path = _stored(sqlite_url, backup_dir)
    _rot_last_page(path)
    assert closed_cleanly(path)  # the marker cannot see rot: the background check does
    rotted = path.read_bytes()
    backups_before = sorted(p.name for p in backup_dir.iterdir())
    database = db.open_database(sqlite_url, backup_dir=backup_dir, defer_check=True)
    with pytest.raises(db.CorruptDatabaseError, match="is damaged") as found:
        database.check_deferred()
    assert found.value.latest_backup is not None
    with pytest.raises(db.CorruptDatabaseError):
        database.cases.create(make_case("Later"), now=NOW, actor="test")
    assert database.backup_after("exit") is None
    database.close()
    assert path.read_bytes() == rotted
    assert sorted(p.name for p in backup_dir.iterdir()) == backups_before
    assert not clean_marker_of(path).exists()
    with pytest.raises(db.CorruptDatabaseError, match="is damaged"):
        db.open_database(sqlite_url, backup_dir=backup_dir)


def test_an_open_that_did_not_defer_runs_the_full_check_and_so_does_a_first_write(
        sqlite_url: str, backup_dir: Path) -> None:
    """Issue 21, finding 4: the CLI's opens never skip the check; a deferred open checks
    before its first write, even when the background check has not run yet."""
    path = _stored(sqlite_url, backup_dir)
    _rot_last_page(path)
    with pytest.raises(db.CorruptDatabaseError, match="is damaged"):
        db.open_database(sqlite_url, backup_dir=backup_dir)
    database = db.open_database(sqlite_url, backup_dir=backup_dir, defer_check=True)
    assert not database.checked
    with pytest.raises(db.CorruptDatabaseError, match="is damaged"):
        database.cases.create(make_case("Later"), now=NOW, actor="test")
    database.close()


def test_a_clean_exit_backs_up_once_and_the_next_start_copies_nothing(
        sqlite_url: str, backup_dir: Path) -> None:
    _stored(sqlite_url, backup_dir)
    before = sorted(backup_dir.iterdir())
    db.open_database(sqlite_url, backup_dir=backup_dir).close()
    assert sorted(backup_dir.iterdir()) == before


def test_a_file_changed_since_its_backup_is_checked_before_it_is_copied(
        sqlite_url: str, backup_dir: Path) -> None:
    path = _stored(sqlite_url, backup_dir)
    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    database.check_deferred()
    database.cases.create(make_case("Later"), now=NOW, actor="test")
    database.close()  # no exit backup: the file is newer than the latest backup
    _rot_last_page(path)
    with pytest.raises(db.CorruptDatabaseError, match="is damaged"):
        db.open_database(sqlite_url, backup_dir=backup_dir)


def test_a_left_over_wal_makes_the_open_run_the_full_check(
        sqlite_url: str, backup_dir: Path) -> None:
    path = _stored(sqlite_url, backup_dir)
    path.with_name(path.name + "-wal").write_bytes(b"x" * 100)
    assert not closed_cleanly(path)
