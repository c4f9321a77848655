"""Qt's classes are created ahead of need, a few per turn; the lock's application-wide filter
goes in once they exist, or at once when the lock page asks for a passphrase first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from tests.children import child_pythonpath
from tests.gui.test_main_window import Starter, start_app, stop, wait_for_cases

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
__all__ = ["start_app"]  # the fixture, imported for this module's tests

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter: in this one the classes were created long ago by other tests.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui.qt_types import QT_MODULES, QtTypeWarmer, classes_not_created
before = {name: len(classes_not_created(name)) for name in QT_MODULES}
warmer = QtTypeWarmer()
turns = []
meter = QTimer(); meter.setInterval(0)
meter.timeout.connect(lambda: turns.append(1)); meter.start()
warmer.finished.connect(app.quit)
QTimer.singleShot(60_000, app.quit)
warmer.start()
app.exec()
after = {name: classes_not_created(name) for name in QT_MODULES}
print(json.dumps({"before": before, "after": after, "done": warmer.done, "turns": len(turns)}))
"""


def test_the_warmer_creates_every_qt_class_over_many_turns() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": child_pythonpath(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["done"]
    assert all(count > 50 for count in report["before"].values()), report["before"]
    assert report["after"] == {name: [] for name in report["before"]}
    assert report["turns"] > 10  # spread over the event loop's turns, not made at once


def test_the_lock_filter_waits_for_the_classes_when_no_prompt_is_needed(
        qtbot, start_app: Starter) -> None:
    launched = start_app()  # the passphrase comes from the environment: no prompt
    qtbot.waitUntil(lambda: launched.opener._lock is not None
                    and launched.opener.lock.watching, timeout=20_000)
    wait_for_cases(qtbot, launched, 1)
    assert launched.opener.lock.watching
    stop(launched)


def test_a_passphrase_prompt_installs_the_lock_filter_at_once(
        qtbot, start_app: Starter) -> None:
    from desktop.ui.lock_page import LockController

    launched = start_app()
    wait_for_cases(qtbot, launched, 1)
    controller = LockController(launched.window)  # a second lock, as start() would build it
    assert not controller.watching  # nothing seen yet: no burst of class creation
    asked: list[str] = []
    controller.ask_at_start("Enter the passphrase.", asked.append)
    assert controller.watching  # from the first prompt on, no shortcut gets past the page
    controller.page.field.setText("typed")
    controller.page.unlock_button.click()
    assert asked == ["typed"]
    app = QApplication.instance()
    assert app is not None
    app.removeEventFilter(controller)
    stop(launched)
