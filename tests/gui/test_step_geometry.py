"""Issue 27: the case list and every step of the walk case, in the main window at 1024x700,
at 100% and at 150% (QT_SCALE_FACTOR=1.5), with nothing cut off, past the window, overlapping
or scrolled sideways. Each scale runs in its own process (the factor is read when Qt starts);
offscreen here, and again under Xvfb with the real X platform (marked gui)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.flow.steps import Step
from tests.gui.layout_geometry import layout_problems

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

ROOT = Path(__file__).resolve().parents[2]


def _probe(scale: str, size: str = "1024x700") -> dict[str, list[str]]:
    environment = {**os.environ, "QT_SCALE_FACTOR": scale}
    done = subprocess.run([sys.executable, "-m", "tests.gui.step_geometry_probe", size],
                          cwd=ROOT, env=environment, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    found: dict[str, list[str]] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("scale", ["1", "1.5"])
def test_every_step_fits_1024x700(scale: str) -> None:
    found = _probe(scale)
    assert set(found) == {"case list", *(step.value for step in Step)}
    faults = {where: problems for where, problems in found.items() if problems}
    assert faults == {}


def test_the_check_finds_a_cut_label_and_a_sideways_scroll(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    row = QHBoxLayout(window)
    cut = QLabel("A label with more words than its width can hold", window)
    cut.setFixedWidth(60)
    row.addWidget(cut)
    area = QScrollArea(window)
    area.setWidgetResizable(True)
    wide = QWidget()
    QVBoxLayout(wide).addWidget(QLabel("x" * 10, wide))
    wide.setMinimumWidth(900)
    area.setWidget(wide)
    row.addWidget(area)
    window.resize(400, 200)
    window.show()
    qtbot.waitExposed(window)
    problems = layout_problems(window)
    assert any("A label with more words" in line and "60 px wide" in line for line in problems)
    assert any("scrolls sideways" in line for line in problems), problems


def test_a_long_path_in_the_status_bar_gives_way_in_its_middle(qtbot) -> None:
    from desktop.ui.widgets.elided_label import ElidedLabel, elide_middle

    path = "Database: /home/caseworker/.local/share/Waypoint/waypoint.sqlite3"
    shown = elide_middle(path, len, 30)
    assert len(shown) <= 30 and shown.startswith("Database: /h")
    assert shown.endswith("sqlite3") and "…" in shown
    label = ElidedLabel(path)
    qtbot.addWidget(label)
    label.resize(label.minimumSizeHint().width() + 40, 20)
    assert label.text() == path  # what a screen reader reads stays whole
    assert label.shown_text() != path and label.shown_text().endswith("e3")


def test_first_start_on_a_small_screen_takes_all_of_it(qtbot, tmp_path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMainWindow

    from desktop.ui.window_geometry import DEFAULT_SIZE, restore_geometry

    window = QMainWindow()
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    restore_geometry(window, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    if area.width() < DEFAULT_SIZE.width() or area.height() < DEFAULT_SIZE.height():
        assert window.size() == area.size()  # not 90% of it (921 px of a 1024 px screen)
    else:
        assert window.size() == DEFAULT_SIZE
