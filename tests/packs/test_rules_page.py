"""The Rules page: impact shown with progress before install, cancel, marking, status bar."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QTimer

from db import Database
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.cases import CaseService
from desktop.services.rule_pack_service import RulePackService
from desktop.services.rule_packs import PackStore, bundled_info
from desktop.ui.background import BackgroundRunner
from desktop.ui.rules.rules_page import RulesPage
from tests.packs.conftest import build, case_entering, copy_rules, move_transit_bar_start

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


class StallMeter(QObject):
    """The longest gap between ticks of a 10 ms timer on the GUI thread."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)  # owned by the page: deleted on the GUI thread
        self.longest = 0.0
        self._last = time.perf_counter()
        self._timer = QTimer(self)
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def restart(self) -> float:
        """The longest gap so far; then start again from zero."""
        longest, self.longest, self._last = self.longest, 0.0, time.perf_counter()
        return longest

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now


@pytest.fixture
def page(qtbot, data_dir: Path, database: Database) -> Iterator[RulesPage]:
    cases = CaseService(database)
    for on in ("2019-07-10", "2019-07-20", "2019-07-25", "2019-10-03"):
        cases.create_case(case_entering(on, f"c-{on}"))
    runner = BackgroundRunner()
    shown = RulesPage(RulePackService(data_dir, database, workers=2), runner)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(lambda: shown.packs_model.rowCount() == 1)
    yield shown
    runner.wait_for_done(10_000)


def moved_file(tmp_path: Path) -> Path:
    folder = copy_rules(tmp_path / "moved", edit=move_transit_bar_start, version="2099.1.1")
    return build(folder, tmp_path / "moved.wprules", changelog="Moves the 2019 bar's start.")


def test_impact_then_install_marks_the_changed_cases(
        qtbot, page: RulesPage, data_dir: Path, tmp_path: Path) -> None:
    pack_file = moved_file(tmp_path)
    meter = StallMeter(page)
    qtbot.wait(1000)  # the floor: the same meter on an idle event loop (the machine is shared)
    floor = meter.restart()
    with qtbot.waitSignal(page.impact_finished, timeout=60_000):
        page.check_file(pack_file)
    meter.stop()
    assert PackStore(data_dir).active_hash() == bundled_info().pack_hash  # not yet installed
    rows = [page.impact_model.row(i) for i in range(page.impact_model.rowCount())]
    assert sorted(r[4:] for r in rows) == [("transit_bar_2019", "applies", "not_applicable")] * 2
    assert "Of 4 stored cases, 2 change" in page.status.text()
    assert "Moves the 2019 bar's start." in page.status.text()
    assert page.confirm_button.isEnabled() and "mark 2 cases" in page.confirm_button.text()
    print(f"longest GUI-thread gap: {meter.longest * 1000:.0f} ms during the impact, "
          f"{floor * 1000:.0f} ms idle")
    assert meter.longest < floor + 0.2, f"the GUI thread stalled {meter.longest * 1000:.0f} ms"

    with qtbot.waitSignal(page.installed, timeout=20_000):
        page.confirm_button.click()
    assert PackStore(data_dir).active_hash() != bundled_info().pack_hash
    qtbot.waitUntil(lambda: page.flags_model.rowCount() == 2 and page.packs_model.rowCount() == 2)
    assert {page.flags_model.row(i)[3] for i in range(2)} == {"law changed — re-evaluate"}
    assert "installed and active; 2 cases marked" in page.status.text()

    with qtbot.waitSignal(page.active_pack_changed, timeout=10_000):
        page.rollback_button.click()
    assert PackStore(data_dir).active_hash() == bundled_info().pack_hash


def test_a_refused_file_says_why_and_installs_nothing(
        qtbot, page: RulesPage, data_dir: Path, tmp_path: Path) -> None:
    raw = bytearray(moved_file(tmp_path).read_bytes())
    raw[raw.index(b'"2019-08-01"') + 9] = ord("9")
    (tmp_path / "bad.wprules").write_bytes(bytes(raw))
    with qtbot.waitSignal(page.impact_finished, timeout=20_000):
        page.check_file(tmp_path / "bad.wprules")
    assert "altered" in page.status.text()
    assert not page.confirm_button.isEnabled() and page.install_button.isEnabled()
    assert not (data_dir / "rules").exists()


def test_cancel_ends_the_impact_and_installs_nothing(
        qtbot, page: RulesPage, data_dir: Path, tmp_path: Path) -> None:
    with qtbot.waitSignal(page.impact_finished, timeout=60_000):
        page.check_file(moved_file(tmp_path))
        qtbot.waitUntil(lambda: page.impact_task is not None, timeout=10_000)
        page.cancel_button.click()
    assert "cancelled" in page.status.text()
    assert not page.confirm_button.isEnabled()
    assert PackStore(data_dir).active_hash() == bundled_info().pack_hash


def test_the_status_bar_shows_the_pack_and_its_date(qtbot, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import launch

    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    paths = resolve_paths(tmp_path / "app")
    launched = launch(paths, resolve_database_url(paths))
    window = launched.window
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.services is not None, timeout=20_000)
        assert window.rules_label.text().startswith(f"Rules {bundled_info().version} · law "
                                                    "known through ")
        window.rules_action.trigger()
        assert window.stack.currentWidget() is window.rules_page
        window.rules_page.back_button.click()
        assert window.stack.currentWidget() is window.case_list
    finally:
        launched.shutdown()
