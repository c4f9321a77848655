"""Redraw of the Journey step's route map (issue 27: under 30 ms), beside a floor.

The map of the walk case (Honduras, Guatemala, Mexico, the United States: sixteen countries
in view at 1:50m, about 28,000 points) is painted into an image the size it has in a
1024x700 window, again and again; the floor, measured in the same run, is a bare QWidget of
the same size painted the same way (what any repaint costs). The map's one-time preparation
(reading the shapes, making their paths; done in a worker thread) is printed too.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_route_map.py [--check]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from as_installed import run_as_installed  # this folder is on sys.path
from PySide6.QtCore import QPoint
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the walk case, with the tests

GOAL_MS = 30.0
SIZE = (706, 240)  # the map's size on the Journey step in a 1024x700 window
ROUNDS = 60


def paint_times(widget: QWidget) -> list[float]:
    image = QImage(*SIZE, QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        widget.render(image, QPoint(0, 0))
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when a goal is missed")
    args = parser.parse_args()
    app = QApplication(sys.argv[:1])
    from desktop.ui.case_flow.route_map_widget import RouteMapWidget
    from desktop.ui.fonts import register_bundled_fonts
    from tests.memo.walk_case import walk_case

    register_bundled_fonts()
    route_map = RouteMapWidget()
    route_map.resize(*SIZE)
    started = time.perf_counter()
    route_map.set_case(walk_case())
    while not route_map.stops:
        QTest.qWait(2)
    prepared_ms = (time.perf_counter() - started) * 1000
    floor = QWidget()
    floor.resize(*SIZE)
    paint_times(route_map)  # warm: fonts and the paths' first fill
    map_ms, floor_ms = statistics.median(paint_times(route_map)), \
        statistics.median(paint_times(floor))
    worst = max(paint_times(route_map))
    points = sum(path.elementCount() for path, _route in route_map.view.paths)
    print(f"route map, {len(route_map.view.paths)} countries, {points:,} path elements, "
          f"{SIZE[0]}x{SIZE[1]}")
    print(f"  prepared once (worker thread):  {prepared_ms:8.1f} ms")
    print(f"  redraw, median of {ROUNDS}:          {map_ms:8.2f} ms  (slowest {worst:.2f} ms)")
    print(f"  floor (bare QWidget), median:   {floor_ms:8.3f} ms")
    print(f"  ratio map/floor:                {map_ms / max(floor_ms, 1e-6):8.0f}x")
    missed = map_ms >= GOAL_MS
    print(f"  goal: redraw under {GOAL_MS:.0f} ms: {'MISSED' if missed else 'met'}")
    del app
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    run_as_installed()  # bytecode, as installed (see as_installed.py)
    sys.exit(main())
