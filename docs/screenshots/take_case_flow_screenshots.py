"""Grab each step of the case flow on the demo case (run under Xvfb: DISPLAY=:98)."""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.flow.steps import Step
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import load_demo_case, open_storage
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.case_flow_page import CaseFlowPage
from desktop.ui.context import UiServices
from desktop.ui.fonts import register_bundled_fonts

OUT = Path(__file__).resolve().parent


def wait(milliseconds: int, signal=None) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> int:
    app = QApplication(sys.argv)
    register_bundled_fonts()
    folder = Path(tempfile.mkdtemp(prefix="waypoint-shots-"))
    paths = resolve_paths(folder)
    url = resolve_database_url(paths, None)
    clock = lambda: datetime(2019, 12, 2, 15, 30, tzinfo=UTC)  # noqa: E731
    storage = open_storage(paths, url, clock=clock, seed_demo=False)
    services = UiServices(storage.cases, storage.memos, BackgroundRunner(),
                          QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat),
                          clock, paths, url)
    case = load_demo_case()
    case_id = storage.cases.create_case(case)
    page = CaseFlowPage(services, case_id)
    page.setWindowTitle("Waypoint — case")
    page.resize(1280, 860)
    page.show()
    wait(5000, page.loaded)
    for step in Step:
        page.go_to_step(step)
        if step is Step.REVIEW:
            wait(10000, page.review_page.evaluated)
            page.review_page.tree.expandAll()
        elif step is Step.MEMO:
            wait(15000, page.memo_page.preview_ready)
        wait(300)
        page.grab().save(str(OUT / f"case-flow-{step.index + 1}-{step.value}.png"))
    # A problem shown inline: departure before arrival.
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    if len(page.flow.journey) > 1:
        journey.select_row(1)
        arrived = page.flow.journey[1].get("arrived") or "2019-03-10"
        page.flow.set_answer(("journey", 1, "departed"), str(arrived)[:4] + "-01-01")
        journey.stop_form.load(page.flow.data)
        page._on_edited(None)
        journey.timeline.set_case(page.flow.data)
        wait(300)
        page.grab().save(str(OUT / "case-flow-journey-problem.png"))
    services.runner.wait_for_done(10000)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
