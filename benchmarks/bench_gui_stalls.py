"""Longest stalls of the GUI event loop while using the case list, the case flow and the memo.

A 5 ms QTimer records the gap between its ticks; a stall is how much later than 5 ms a tick
came. Each activity is measured with many cases in the database (WAYPOINT_BENCH_CASES,
default 100,000, bulk-imported through the storage layer). The floor is the same meter on an
idle event loop in the same run (the fair floor for a meter: the same timer with nothing
else to do). Goal: no stall over 50 ms. The store is encrypted (real key derivation), as a
user's is. After the in-process activities, a signed rule pack that moves one date shows its
impact on every stored case (Rules page); last, the real app starts in a child process and is
metered from its QApplication's creation until start-up ends (unlock, full open, warm-up, the
case pages imported). Everything runs from bytecode, as installed (as_installed.py). Each
activity shows the collector's longest pause and its time inside the longest stall.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_gui_stalls.py
        [--data-dir /tmp/wp-stalls-large]   (filled on the first run, reused afterwards)
        [--impact-only | --startup-only]
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from as_installed import run_as_installed  # this folder is on sys.path
from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QStackedWidget

from db.repositories import ImportItem
from desktop.flow.steps import Step
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import close_storage, load_demo_case, open_storage, warm_up
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_list.case_list_page import CaseListPage
from desktop.ui.context import UiServices
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.idle_imports import IdleImporter, import_when_idle
from desktop.ui.main_window import CASE_PAGE_MODULE

GOAL_MS = 50.0
PASSPHRASE = "benchmark passphrase, not for real data"
TICK_MS = 5
FAMILY = ["Ramírez", "Nguyễn", "García", "Núñez", "Hernández", "王", "الحسيني", "Okafor", "Pérez"]
GIVEN = ["Ana", "José", "Minh", "Lucía", "Fatima", "小明", "Chidi", "María", "Luis"]


class Stalls(list[float]):
    """The stalls of one activity (ms), the longest garbage-collector pause meanwhile, and the
    collector's time inside the longest stall (its pauses that overlap it)."""

    def __init__(self, stalls: list[float], longest_gc: float, gc_in_worst: float = 0.0
                 ) -> None:
        super().__init__(stalls)
        self.longest_gc = longest_gc
        self.gc_in_worst = gc_in_worst


def gc_overlap(pauses: list[tuple[float, float]], start: float, end: float) -> float:
    """Milliseconds of collector pauses inside [start, end]."""
    return sum(max(0.0, min(b, end) - max(a, start)) for a, b in pauses) * 1000


class StallMeter:
    """Collects how late each 5 ms tick arrives while it runs, and the garbage collector's
    pauses meanwhile (it holds the interpreter lock, whichever thread runs it)."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.stalls: list[float] = []
        self.worst = (0.0, 0.0, 0.0)  # stall ms, tick before, tick after
        self.pauses: list[tuple[float, float]] = []
        self._last = 0.0
        self._gc_started = 0.0
        gc.callbacks.append(self._on_gc)

    def _on_gc(self, phase: str, _info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        elif self._gc_started:
            self.pauses.append((self._gc_started, time.perf_counter()))

    def _tick(self) -> None:
        now = time.perf_counter()
        stall = max((now - self._last) * 1000 - TICK_MS, 0.0)
        self.stalls.append(stall)
        if stall >= self.worst[0]:
            self.worst = (stall, self._last, now)
        self._last = now

    def start(self) -> None:
        self.stalls = []
        self.pauses = []
        self.worst = (0.0, 0.0, 0.0)
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> Stalls:
        self.timer.stop()
        self._tick()
        longest = max(((b - a) * 1000 for a, b in self.pauses), default=0.0)
        return Stalls(self.stalls, longest, gc_overlap(self.pauses, *self.worst[1:]))


def wait(milliseconds: int, signal: Any = None, until: Callable[[], bool] | None = None) -> None:
    """Run the event loop until a signal, a condition, or the time is up (never processEvents)."""
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    if until is not None:
        poll = QTimer()
        poll.setInterval(5)
        poll.timeout.connect(lambda: until() and loop.quit())
        poll.start()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def seed(services: UiServices, count: int) -> float:
    base = load_demo_case()
    items = []
    for number in range(count):
        case = copy.deepcopy(base)
        case["case_id"] = f"BENCH-{number}"
        case["applicant"]["family_name"] = f"{FAMILY[number % len(FAMILY)]} {number}"
        case["applicant"]["given_names"] = GIVEN[(number // 7) % len(GIVEN)]
        case["applicant"]["a_number"] = f"A{200000000 + number}"
        items.append(ImportItem(case, f"BENCH-{number}", "bench"))
    started = time.perf_counter()
    for start in range(0, count, 20_000):
        services.cases.database.cases.import_cases(
            items[start : start + 20_000], now=services.clock(), actor="bench"
        )
    return time.perf_counter() - started


def interactive_stalls(services: UiServices, runner: BackgroundRunner, meter: StallMeter,
                       demo_id: str, results: dict[str, Stalls]) -> None:
    """The case list, the case flow and the memo."""
    # One window whose stack holds the list, then the case, as the main window's does.
    window = QStackedWidget()
    window.resize(1280, 860)
    case_list = CaseListPage(runner, services.settings)
    window.addWidget(case_list)
    window.show()
    case_list.set_services(services)
    wait(10_000, until=lambda: not case_list.model.is_loading())
    meter.start()
    for text in ("Nguyễn", "Ramírez 1", "nunez", "A2000123", "王", "Okafor 99", ""):
        case_list.search_edit.setText(text)
        wait(10_000, case_list.model.query_applied)
        wait(20)
    results["search in the case list"] = meter.stop()

    # As the app does once the database is open: the case pages' modules, imported while the
    # list is looked at (not imported above, so that this costs what it costs in the app).
    meter.start()
    importer = IdleImporter()
    import_when_idle(importer, CASE_PAGE_MODULE, runner.run)
    wait(60_000, importer.finished)
    results["case pages imported, idle"] = meter.stop()
    from desktop.ui.case_flow.case_flow_page import CaseFlowPage

    meter.start()
    page = CaseFlowPage(services, demo_id)
    window.addWidget(page)
    window.setCurrentWidget(page)
    page.setFocus()
    wait(10_000, page.loaded)
    results["open a case"] = meter.stop()

    meter.start()
    for _ in range(3):
        for step in (
            Step.APPLICANT,
            Step.ENTRY,
            Step.JOURNEY,
            Step.PROTECTION_CLAIMS,
            Step.CIRCUMSTANCES,
        ):
            page.go_to_step(step)
            wait(30)
    results["move between steps"] = meter.stop()

    meter.start()
    page.go_to_step(Step.REVIEW)
    wait(20_000, page.review_page.evaluated)
    results["review, first evaluation"] = meter.stop()

    meter.start()
    for day in (3, 4, 5):
        page.set_decision_date(page.decision_date() + timedelta(days=day))
        wait(20_000, page.review_page.evaluated)
    results["review, new decision date"] = meter.stop()

    meter.start()
    page.go_to_step(Step.MEMO)
    wait(30_000, page.memo_page.preview_ready)
    results["memo preview, first"] = meter.stop()

    meter.start()
    for _ in range(3):
        page.memo_page.render_preview()
        wait(30_000, page.memo_page.preview_ready)
        wait(50)
    results["memo preview, again"] = meter.stop()

    page.close()
    window.close()
    runner.wait_for_done(30_000)
    wait(50)  # the last callbacks
    window.deleteLater()
    wait(50)


def impact_stalls(storage: Any, paths: Any, runner: BackgroundRunner, meter: StallMeter,
                  folder: Path) -> Stalls:
    """Check a signed pack that moves one date and show its impact on every stored case (all
    of them change: one row each)."""
    from bench_rule_impact import TEST_KEYS, candidate_files  # this folder is on sys.path

    from desktop.services.rule_pack_file import build_pack_file, trust_key_folders
    from desktop.services.rule_pack_service import RulePackService
    from desktop.ui.rules.rules_page import RulesPage

    trust_key_folders(TEST_KEYS / "trusted")
    rules = Path(tempfile.mkdtemp(prefix="wp-bench-rules-"))
    files = candidate_files()
    # After the demo case's entry (2019-10-03): every stored copy of it changes (the worst
    # case for the window: one row per case).
    files["transit_bar_2019.json"]["entry_on_or_after"]["value"] = "2019-10-04"
    for name, content in files.items():
        (rules / name).write_text(json.dumps(content), encoding="utf-8")
    pack_file = rules / "candidate.wprules"
    pack_file.write_bytes(build_pack_file(
        rules, (TEST_KEYS / "keys" / "test-signing-key.pem").read_bytes(),
        "Benchmark: moves one date.", "bench"))
    page = RulesPage(RulePackService(paths.data_dir, storage.database), runner)
    page.resize(1200, 800)
    page.show()
    wait(10_000, until=lambda: page.packs_model.rowCount() >= 1)
    meter.start()
    started = time.perf_counter()
    page.check_file(pack_file)
    wait(900_000, page.impact_finished)
    stalls = meter.stop()
    print(f"impact shown in {time.perf_counter() - started:.1f} s: "
          f"{page.impact_model.rowCount():,} changed row(s); {page.status.text()[-160:]!r}")
    page.close()
    runner.wait_for_done(30_000)
    page.deleteLater()
    wait(50)
    return stalls


# The real app (`waypoint`) in a child process, on an encrypted store with the real key
# derivation: a 5 ms meter from the QApplication's creation (made where the app makes it,
# after the same imports; before it no window exists to stall, and the time to it is printed)
# to the end of start-up (the case pages imported after warm-up), then quit.
# Every collector pause is recorded with its time, so each stall is shown beside them.
STARTUP_CHILD = r"""
import gc, json, sys, time
started = time.perf_counter()
pauses = []
def on_gc(phase, info, began=[0.0]):
    if phase == "start":
        began[0] = time.perf_counter()
    else:
        pauses.append((began[0], time.perf_counter(), info["generation"]))
gc.callbacks.append(on_gc)
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import desktop.app  # what `waypoint` imports before it makes its QApplication
from desktop.launcher import main
app = QApplication(["waypoint"])
ticks = [time.perf_counter()]
meter = QTimer()
meter.setInterval(5)
meter.timeout.connect(lambda: ticks.append(time.perf_counter()))
meter.start()
def poll():
    for widget in QApplication.topLevelWidgets():
        importer = getattr(widget, "idle_importer", None)
        if importer is not None:
            importer.finished.connect(lambda: QTimer.singleShot(1500, app.quit))
            return
    QTimer.singleShot(20, poll)
QTimer.singleShot(0, poll)
QTimer.singleShot(90_000, app.quit)
code = main(sys.argv[1:])
ticks.append(time.perf_counter())
print("STALLS " + json.dumps({"ticks": [t - started for t in ticks],
      "pauses": [(a - started, b - started, g) for a, b, g in pauses],
      "frozen": gc.get_freeze_count(), "code": code}))
"""


def startup_stalls(folder: Path) -> Stalls:
    """Start the app as installed (bytecode, encrypted store, real key derivation) and meter it."""
    import subprocess

    env = {**os.environ, "WAYPOINT_PASSPHRASE": PASSPHRASE}
    ran = subprocess.run([sys.executable, "-c", STARTUP_CHILD, "--data-dir", str(folder)],
                         env=env, capture_output=True, text=True, timeout=180, check=False)
    line = next((line for line in ran.stdout.splitlines() if line.startswith("STALLS ")), None)
    if line is None:
        raise RuntimeError(f"the app reported no stalls:\n{ran.stdout}\n{ran.stderr}")
    report = json.loads(line[len("STALLS "):])
    ticks, pauses = report["ticks"], report["pauses"]
    if report["frozen"] == 0:
        print("start-up: warm-up did not finish before the app quit")
    stalls: list[float] = []
    worst = (0.0, 0.0)
    for before, after in zip(ticks, ticks[1:], strict=False):
        stall = max((after - before) * 1000 - TICK_MS, 0.0)
        stalls.append(stall)
        inside = [f"{(b - a) * 1000:.1f} ms (gen {gen})" for a, b, gen in pauses
                  if a < after and b > before]
        if stall > GOAL_MS / 2:
            print(f"start-up stall {stall:6.1f} ms at {before:6.2f} s; collector pauses in it:"
                  f" {', '.join(inside) or 'none'}")
        if stall >= max(stalls):
            worst = (before, after)
    spans = [(a, b) for a, b, _gen in pauses]
    longest_gc = max(((b - a) * 1000 for a, b in spans), default=0.0)
    return_value = Stalls(stalls, longest_gc, gc_overlap(spans, *worst))
    print(f"start-up metered for {ticks[-1] - ticks[0]:.1f} s from QApplication, which came "
          f"{ticks[0]:.2f} s after the interpreter started")
    return return_value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path,
                        help="data folder with the cases: filled on the first run (when it "
                             "holds no database), reused as it is afterwards")
    parser.add_argument("--check", action="store_true",
                        help="exit with status 1 when a stall is over the goal")
    parser.add_argument("--impact-only", action="store_true",
                        help="measure only the rule-pack impact (the Rules page)")
    parser.add_argument("--startup-only", action="store_true",
                        help="measure only start-up (the app in a child process)")
    args = parser.parse_args()
    # An encrypted store, as a user has (the real key derivation at each open).
    os.environ["WAYPOINT_PASSPHRASE"] = PASSPHRASE
    count = int(os.environ.get("WAYPOINT_BENCH_CASES", "100000"))
    app = QApplication(sys.argv[:1])
    register_bundled_fonts()
    folder = args.data_dir or Path(tempfile.mkdtemp(prefix="waypoint-bench-"))
    paths = resolve_paths(folder)
    reuse = args.data_dir is not None and paths.database_file.is_file()
    url = resolve_database_url(paths, None)

    def clock() -> datetime:
        return datetime.now(UTC)

    storage = open_storage(paths, url, clock=clock, seed_demo=False)
    runner = BackgroundRunner()
    services = UiServices(
        storage.cases,
        storage.memos,
        runner,
        QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat),
        clock,
        paths,
        url,
    )
    if reuse:
        count = storage.cases.count_cases()
        print(f"reusing {count:,} cases in {folder}")
    else:
        seconds = seed(services, count)
        print(f"{count:,} cases imported in {seconds:.1f} s")
    demo_id = storage.cases.create_case(load_demo_case())  # a fresh copy: runs stay alike
    # As in the app (desktop.app starts it once the database is open): the one-time loads of
    # the first evaluation and memo, in a worker, before anyone opens a case.
    runner.run(warm_up)
    runner.wait_for_done(30_000)

    meter = StallMeter()
    results: dict[str, Stalls] = {}

    meter.start()
    wait(1000)
    results["idle event loop (floor)"] = meter.stop()

    if not (args.impact_only or args.startup_only):
        interactive_stalls(services, runner, meter, demo_id, results)
    if not args.startup_only:
        results["rule-pack impact"] = impact_stalls(storage, paths, runner, meter, folder)
    runner.wait_for_done(30_000)
    close_storage(storage)
    if not args.impact_only:
        results["start-up, process start on"] = startup_stalls(folder)
    floor = max(results["idle event loop (floor)"]) or 0.1
    print(f"{'activity':<28} {'max stall':>10} {'median':>8} {'ticks':>6}  goal   vs floor"
          "   longest GC  GC in max stall")
    worst = 0.0
    for name, stalls in results.items():
        top, middle = max(stalls), statistics.median(stalls)
        worst = max(worst, top) if "floor" not in name else worst
        verdict = "ok" if top <= GOAL_MS else "OVER"
        print(
            f"{name:<28} {top:8.1f}ms {middle:6.1f}ms {len(stalls):6d}  ≤{GOAL_MS:.0f}ms "
            f"{verdict:<4} x{top / floor:<7.1f} {stalls.longest_gc:6.1f}ms"
            f"  {stalls.gc_in_worst:8.1f}ms"
        )
    print(f"worst stall {worst:.1f} ms (goal {GOAL_MS:.0f} ms); cases in database: {count:,}")
    app.shutdown()
    return 1 if args.check and worst > GOAL_MS else 0


if __name__ == "__main__":
    run_as_installed()  # bytecode, as installed (see as_installed.py)
    sys.exit(main())
