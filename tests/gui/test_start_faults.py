"""Start-up faults in the window: a data folder that is a file, a full disk, an empty file."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from desktop.app import Launched, setup_logging
from desktop.cli import main
from desktop.paths import resolve_paths
from tests.gui import test_main_window
from tests.tiny_disk import fill, tiny_disk

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

Starter = Callable[..., Launched]
start_app = test_main_window.start_app  # the window on a data folder of the test's own


def _error_text(qtbot, launched: Launched) -> tuple[str, list[str]]:
    qtbot.waitUntil(lambda: launched.opener.error_box is not None, timeout=20_000)
    box = launched.opener.error_box
    assert box is not None
    return box.text(), [b.text() for b in box.buttons()]


def test_a_data_folder_that_is_a_file_is_explained_without_a_traceback(
        qtbot, start_app: Starter, tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder", "utf-8")
    text, buttons = _error_text(qtbot, start_app(blocker))
    assert f"The data folder {blocker} is a file, not a folder" in text
    assert "Traceback" not in text and "log" not in text.lower()
    assert buttons == ["Quit"]
    assert blocker.read_text("utf-8") == "not a folder"


def test_a_zero_byte_database_is_reported_as_damaged(qtbot, start_app: Starter,
                                                     tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "waypoint.sqlite3").write_bytes(b"")
    text, buttons = _error_text(qtbot, start_app(data))
    assert "is damaged (the file is empty (0 bytes))" in text
    assert buttons == ["Quit"]  # no backup to offer
    assert (data / "waypoint.sqlite3").stat().st_size == 0


def test_a_full_disk_says_so_and_offers_nothing_destructive(
        qtbot, start_app: Starter, tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    with tiny_disk(tmp_path / "disk") as disk:
        data = disk / "data"
        for _ in range(2):  # the second start leaves a backup a restore could be offered from
            assert main(["--data-dir", str(data), "list"]) == 0
        fill(disk)
        before = (data / "waypoint.sqlite3").read_bytes()
        handler = setup_logging(resolve_paths(data))  # as `waypoint` does: a log on the disk
        try:
            launched = start_app(data)
            text, buttons = _error_text(qtbot, launched)
        finally:
            logging.getLogger().removeHandler(handler)
            handler.close()
        assert "disk full" in text and "damaged" not in text
        assert buttons == ["Quit"]
        launched.shutdown()
        assert (data / "waypoint.sqlite3").read_bytes() == before
        assert not [p for p in disk.rglob("*") if p.name.endswith((".part", ".restoring"))]
    assert "Logging error" not in capfd.readouterr().err


def test_rot_found_after_the_window_opened_is_reported_and_nothing_is_written(
        qtbot, start_app: Starter, tmp_path: Path) -> None:
    from db.integrity import closed_cleanly
    from tests.db.test_clean_exit import _rot_last_page
    from tests.gui.test_main_window import stop, wait_for_cases

    data = tmp_path / "data"
    first = start_app(data)
    wait_for_cases(qtbot, first, 1)  # the demo case
    stop(first)
    database_file = data / "waypoint.sqlite3"
    assert closed_cleanly(database_file)  # the next open reads only the schema
    _rot_last_page(database_file)
    rotted = database_file.read_bytes()
    backups = sorted((data / "backups").iterdir())
    text, buttons = _error_text(qtbot, start_app(data))  # from the background check
    assert "is damaged" in text
    assert buttons[0].startswith("Restore")
    assert database_file.read_bytes() == rotted
    assert sorted((data / "backups").iterdir()) == backups


def _box(launched: Launched) -> QMessageBox:
    box = launched.opener.error_box
    assert box is not None
    return box


def test_a_missing_database_is_not_a_first_run_and_its_backup_comes_back(
        qtbot, start_app: Starter, tmp_path: Path) -> None:
    """Issue 21, finding 2: the window showed the first-run welcome over a missing file."""
    from desktop.ui.start_error import RESTORE_TEXT
    from tests.gui.test_main_window import stop, wait_for_cases

    data = tmp_path / "data"
    for _ in range(2):  # the second start backs up the first
        launched = start_app(data)
        wait_for_cases(qtbot, launched, 1)
        stop(launched)
    database_file = data / "waypoint.sqlite3"
    database_file.unlink()
    launched = start_app(data)
    text, buttons = _error_text(qtbot, launched)
    assert "is missing" in text and str(database_file) in text
    assert launched.opener.passphrase_dialog is None  # no "choose a passphrase" welcome
    box = _box(launched)
    assert box.defaultButton().text() == RESTORE_TEXT
    assert not database_file.exists()
    box.defaultButton().click()
    wait_for_cases(qtbot, launched, 1)
    assert database_file.exists()


def test_a_lost_key_file_is_named_and_restore_is_not_offered_over_the_intact_file(
        qtbot, start_app: Starter, tmp_path: Path) -> None:
    """Issue 21, finding 3: it was called damage, and Restore (the default) lost recent work."""
    from db.cipher import key_file_of
    from tests.gui.test_main_window import stop, wait_for_cases

    data = tmp_path / "data"
    for _ in range(2):
        launched = start_app(data)
        wait_for_cases(qtbot, launched, 1)
        stop(launched)
    database_file = data / "waypoint.sqlite3"
    key_file_of(database_file).unlink()
    before = database_file.read_bytes()
    launched = start_app(data)
    text, buttons = _error_text(qtbot, launched)
    assert "key file" in text and "missing" in text and "damaged" not in text
    assert buttons == ["Quit"]
    assert _box(launched).defaultButton().text() == "Quit"
    assert database_file.read_bytes() == before


def test_saves_lost_with_the_wal_are_reported_and_the_cases_stay_reachable(
        qtbot, start_app: Starter, tmp_path: Path) -> None:
    """Issue 21, finding 5: a WAL deleted after a crash took committed saves, silently."""
    import os
    import signal
    import subprocess
    import sys
    import textwrap

    from tests.conftest import TEST_PASSPHRASE
    from tests.db.test_no_lost_cases import CRASH_CHILD, REPO
    from tests.gui.test_main_window import stop, wait_for_cases

    data = tmp_path / "data"
    for _ in range(2):  # the second start backs up the first
        launched = start_app(data)
        wait_for_cases(qtbot, launched, 1)
        stop(launched)
    database_file = data / "waypoint.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASH_CHILD), f"sqlite:///{database_file}"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "WAYPOINT_PASSPHRASE": TEST_PASSPHRASE})
    assert child.returncode == -signal.SIGKILL, child.stderr
    for suffix in ("-wal", "-shm"):
        database_file.with_name(database_file.name + suffix).unlink(missing_ok=True)
    launched = start_app(data)
    wait_for_cases(qtbot, launched, 1)  # the cases stay reachable: no lock-out
    qtbot.waitUntil(lambda: launched.opener.lost_commits_box is not None, timeout=20_000)
    box = launched.opener.lost_commits_box
    assert box is not None and "Saved changes are missing" in box.text()
    assert "-wal" in box.text() and launched.opener.error_box is None
