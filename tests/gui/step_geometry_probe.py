"""Open the walk case in the main window at a given size and report, per step, what
layout_geometry finds wrong (one JSON object on stdout). Run in its own process, so the
scale factor (QT_SCALE_FACTOR, read when the application starts) can differ per run:

    python -m tests.gui.step_geometry_probe 1024x700 [--shots DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer, SignalInstance
from PySide6.QtWidgets import QApplication

from desktop.flow.steps import Step
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import close_storage, open_storage
from desktop.ui.background import BackgroundRunner
from desktop.ui.context import UiServices
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.main_window import MainWindow
from tests.gui.layout_geometry import layout_problems
from tests.memo.walk_case import walk_case

FIXED_NOW = datetime(2024, 9, 2, 15, 30, tzinfo=UTC)


def wait(milliseconds: int, signal: SignalInstance | None = None) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def probe(width: int, height: int, shots: Path | None) -> dict[str, list[str]]:
    """{window/step name: problems} with the walk case open at width x height."""
    folder = Path(tempfile.mkdtemp(prefix="waypoint-geometry-"))
    paths = resolve_paths(folder / "data")
    url = resolve_database_url(paths, None)
    storage = open_storage(paths, url, clock=lambda: FIXED_NOW, seed_demo=False)
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    runner = BackgroundRunner()
    services = UiServices(storage.cases, storage.memos, runner, settings, lambda: FIXED_NOW,
                          paths, url)
    case_id = storage.cases.create_case(walk_case())
    window = MainWindow(paths, url, runner, settings)
    window.attach_services(services, storage.rule_pack)
    window.resize(width, height)
    window.show()
    wait(800)
    found = {"case list": layout_problems(window)}
    if shots is not None:
        window.grab().save(str(shots / "0-case-list.png"))
    window.open_case(case_id)
    page = window.current_case_page()
    assert page is not None
    wait(8000, page.loaded)
    for step in Step:
        page.go_to_step(step)
        if step is Step.REVIEW:
            wait(15_000, page.review_page.evaluated)
        elif step is Step.MEMO:
            wait(30_000, page.memo_page.preview_ready)
        wait(300)
        found[step.value] = layout_problems(window)
        if shots is not None:
            window.grab().save(str(shots / f"{step.index + 1}-{step.value}.png"))
        if shots is not None and step is Step.JOURNEY:  # the map, below the timeline
            journey = page.pages[Step.JOURNEY]
            wait(5000, journey.route_map.prepared)
            journey.scroll_area.ensureWidgetVisible(journey.route_map)
            wait(300)
            window.grab().save(str(shots / "3b-journey-route-map.png"))
    page.save_now()
    runner.wait_for_done(10_000)
    window.close()
    close_storage(storage)
    return found


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("size", nargs="?", default="1024x700")
    parser.add_argument("--shots", type=Path)
    options = parser.parse_args()
    width, height = (int(part) for part in options.size.split("x"))
    app = QApplication(sys.argv[:1])
    register_bundled_fonts()
    if options.shots is not None:
        options.shots.mkdir(parents=True, exist_ok=True)
    found = probe(width, height, options.shots)
    print(json.dumps(found, indent=1, ensure_ascii=False))
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
