"""Everything Waypoint writes is readable by its owner only: files 0600, folders 0700.

Each test runs under a umask of 0, where a file made with the defaults would be 0666 and a
folder 0777: the modes must not depend on the umask.
"""

from __future__ import annotations

import logging
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.private_files import (
    make_private_dir,
    make_private_file,
    replace_private_bytes,
    write_private_bytes,
)
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import close_storage, open_storage
from tests.children import child_pythonpath

pytestmark = pytest.mark.posix(reason="POSIX file modes and umask; on Windows the user's profile "
                              "folder keeps others out (test_data_folder_windows.py)")

REPO = Path(__file__).resolve().parents[1]
DEMO = REPO / "resources" / "demo" / "demo.case.json"


@pytest.fixture(autouse=True)
def permissive_umask() -> Iterator[None]:
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def assert_private(*paths: Path) -> None:
    for path in paths:
        expected = 0o700 if path.is_dir() else 0o600
        assert mode(path) == expected, f"{path} is {oct(mode(path))}, not {oct(expected)}"


def waypoint(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    # The child inherits the umask of 0 set above.
    done = subprocess.run([sys.executable, "-m", "desktop", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, cwd=REPO, timeout=120, check=False,
                          env=dict(os.environ, PYTHONPATH=child_pythonpath(REPO)))
    assert done.returncode == 0, done.stderr
    return done


def test_the_database_its_folder_and_its_backups(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "new" / "data")
    url = resolve_database_url(paths)
    close_storage(open_storage(paths, url))
    close_storage(open_storage(paths, url))  # the second start backs the first up
    backups = list(paths.backup_dir.iterdir())
    assert backups
    assert_private(tmp_path / "new", paths.data_dir, paths.database_file, paths.backup_dir,
                   *backups)


def test_sqlite_companion_files_while_the_database_is_open(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    storage = open_storage(paths, resolve_database_url(paths))
    try:
        companions = [p for p in paths.data_dir.iterdir() if p.name.endswith(("-wal", "-shm"))]
        assert companions
        assert_private(*companions)
    finally:
        close_storage(storage)


def test_an_older_database_made_0644_is_made_private_at_the_next_start(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    url = resolve_database_url(paths)
    close_storage(open_storage(paths, url))
    storage = open_storage(paths, url)  # backs up the first start's database
    storage.cases.create_case(storage.cases.get_case(storage.cases.list_cases()[0].case_id)
                              .case_data)
    close_storage(storage)
    paths.database_file.chmod(0o644)
    paths.backup_dir.chmod(0o755)
    close_storage(open_storage(paths, url))  # made private at start, backup or not
    assert_private(paths.database_file, paths.backup_dir)


def test_cli_export_backup_restore_and_memo(tmp_path: Path) -> None:
    data = tmp_path / "data"
    imported = waypoint(data, "import", str(DEMO)).stdout.splitlines()[-1].split()[0]
    out = tmp_path / "out"
    out.mkdir()
    waypoint(data, "export", imported, "-o", str(out / "case.waypoint.json"))
    waypoint(data, "backup", "-o", str(out / "copy.sqlite3"))
    waypoint(data, "backup")
    waypoint(data, "memo", str(DEMO), "-o", str(out / "memo.pdf"))
    (data / "waypoint.sqlite3").chmod(0o644)
    waypoint(data, "restore", str(out / "copy.sqlite3"))
    assert_private(out / "case.waypoint.json", out / "copy.sqlite3", out / "memo.pdf",
                   data / "waypoint.sqlite3", *(data / "backups").iterdir())
    assert mode(out) == 0o777  # a folder the user chose is left as it was


def test_export_and_restore_in_process(tmp_path: Path) -> None:
    from db import restore_backup

    paths = resolve_paths(tmp_path / "data")
    storage = open_storage(paths, resolve_database_url(paths))
    try:
        case_id = storage.cases.list_cases()[0].case_id
        exported = storage.cases.export_case(case_id, tmp_path / "case.waypoint.json")
        copy = storage.database.backup_to(tmp_path / "copy.sqlite3")
    finally:
        close_storage(storage)
    restore_backup(paths.database_file, copy)
    close_storage(open_storage(paths, resolve_database_url(paths)))  # as every restore does
    assert_private(exported, copy, paths.database_file)


def test_every_file_and_folder_in_the_data_folder_after_a_session(tmp_path: Path) -> None:
    """Catches a file added later without the helpers (a receipt, a lock, a rule-pack file)."""
    from desktop.app import open_settings, setup_logging

    paths = resolve_paths(tmp_path / "data")
    handler = setup_logging(paths)
    try:
        open_settings(paths).sync()
        url = resolve_database_url(paths)
        close_storage(open_storage(paths, url))
        storage = open_storage(paths, url)
        try:
            storage.cases.create_case(storage.cases.get_case(
                storage.cases.list_cases()[0].case_id).case_data)
        finally:
            close_storage(storage)
        close_storage(open_storage(paths, url))
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    found = [paths.data_dir, *paths.data_dir.rglob("*")]
    assert len(found) > 5
    assert_private(*found)


def test_the_entry_point_sets_an_owner_only_umask(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.launcher import main

    assert main(["--data-dir", str(tmp_path / "data"), "info"]) == 0
    capsys.readouterr()
    assert os.umask(0) == 0o077  # the autouse fixture puts the test run's umask back


def test_logs(tmp_path: Path) -> None:
    from desktop.app import setup_logging

    paths = resolve_paths(tmp_path / "data")
    handler = setup_logging(paths)
    try:
        logging.getLogger("desktop.test").warning("a line")
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    assert_private(paths.data_dir, paths.log_dir, paths.log_dir / "waypoint.log")


def test_settings(tmp_path: Path) -> None:
    from desktop.app import open_settings

    paths = resolve_paths(tmp_path / "data")
    settings = open_settings(paths)
    settings.setValue("window/geometry", "x")
    settings.sync()
    settings.setValue("window/geometry", "y")  # Qt replaces the file when it saves again
    settings.sync()
    assert paths.settings_file.read_text(encoding="utf-8").count("geometry") == 1
    assert_private(paths.data_dir, paths.settings_file)


def test_the_helpers_tighten_what_they_are_told_to_and_nothing_else(tmp_path: Path) -> None:
    open_folder = tmp_path / "open-folder"
    open_folder.mkdir(mode=0o755)
    make_private_dir(open_folder)
    assert mode(open_folder) == 0o755
    make_private_dir(open_folder, tighten=True)
    assert mode(open_folder) == 0o700
    old = tmp_path / "old.log"
    old.write_text("kept")
    old.chmod(0o644)
    make_private_file(old)
    assert old.read_text() == "kept" and mode(old) == 0o600
    replaced = tmp_path / "memo.pdf"
    replaced.write_bytes(b"old")
    replaced.chmod(0o666)
    write_private_bytes(replaced, b"new")
    assert replaced.read_bytes() == b"new" and mode(replaced) == 0o600
    with pytest.raises(FileExistsError):
        make_private_dir(old / "below")


def test_a_replaced_file_is_private_and_a_failed_replace_keeps_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "state.json"
    replace_private_bytes(target, b"first")
    replace_private_bytes(target, b"second", durable=True)
    assert target.read_bytes() == b"second"
    assert_private(target)
    # The rename fails (a folder stands where the file goes): nothing half-written stays.
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "inside").write_bytes(b"kept")
    with pytest.raises(OSError):
        replace_private_bytes(folder, b"new")
    assert (folder / "inside").read_bytes() == b"kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json", "taken"]  # no .part
