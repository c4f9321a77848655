"""The case pages' modules are imported ahead of need, a few per event-loop turn, in order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.ui.idle_imports import import_order, module_imports
from desktop.ui.main_window import CASE_PAGE_MODULE
from tests.children import child_pythonpath

pytestmark = [pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]

# Run in a fresh interpreter: in this one the pages were imported long ago by other tests.
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.ui.background import BackgroundRunner
from desktop.ui.idle_imports import IdleImporter, import_when_idle
from desktop.ui.main_window import CASE_PAGE_MODULE
# What the app has imported when it starts: the list's first paint reads the languages table
# (the flow package), the warm-up worker loads the engine and the memo.
from desktop.flow import languages
from desktop.services.startup import warm_up
warm_up()
runner = BackgroundRunner()
importer = IdleImporter()
turns = []
seen = set(sys.modules)
def tick():
    global seen
    new = set(sys.modules) - seen
    if new:
        turns.append(sorted(name for name in new if name.split(".")[0] in ("desktop", "db")))
    seen = set(sys.modules)
meter = QTimer(); meter.setInterval(0); meter.timeout.connect(tick); meter.start()
was_there = CASE_PAGE_MODULE in sys.modules
importer.finished.connect(app.quit)
import_when_idle(importer, CASE_PAGE_MODULE, runner.run)
QTimer.singleShot(60_000, app.quit)
app.exec()
tick()
print(json.dumps({"was_there": was_there, "done": importer.done,
                  "there": CASE_PAGE_MODULE in sys.modules, "turns": turns}))
"""


def test_the_order_puts_every_module_after_what_it_imports() -> None:
    order = import_order(CASE_PAGE_MODULE)
    assert order[-1] == CASE_PAGE_MODULE
    position = {name: index for index, name in enumerate(order)}
    for name in order:
        for dependency in module_imports(name):
            if dependency.startswith(name + "."):
                continue  # a package that imports its own module: Python imports the package first
            assert position[dependency] < position[name], (dependency, name)
    # Qt's PDF and printing modules are the heavy ones; the pages and the database come too.
    for needed in ("PySide6.QtPdfWidgets", "PySide6.QtPrintSupport",
                   "desktop.ui.case_flow.journey_page", "db.review"):
        assert needed in position, needed


def test_a_function_level_import_is_left_for_its_function(tmp_path: Path) -> None:
    # main_window imports the case page inside open_case only: not part of its import order.
    assert CASE_PAGE_MODULE not in import_order("desktop.ui.main_window")


def test_the_pages_are_imported_a_few_modules_per_turn_in_a_fresh_interpreter() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": child_pythonpath(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                            env=env, cwd=ROOT, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert not report["was_there"] and report["done"] and report["there"]
    own = [turn for turn in report["turns"] if turn]
    assert len(own) > 20, own  # spread out, not one long import
    # One module per turn, plus a package's __init__ that comes along with it.
    assert max(len(turn) for turn in own) <= 3, [turn for turn in own if len(turn) > 3]
