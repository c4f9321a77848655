"""Grab the home screen and each step of the case flow (run under Xvfb: DISPLAY=:98).

    python docs/screenshots/take_case_flow_screenshots.py [--size 1280x860] [--out DIR]

At the default size the pictures land in docs/screenshots/ (the ones the docs show); other
sizes are for checking that nothing is clipped in a small window. `--language es` takes them
with the window in Spanish (docs/screens/es/ holds those, at 1024x700).
"""

from __future__ import annotations

import argparse
import copy
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.flow.case_template import blank_case, blank_stop
from desktop.flow.steps import Step
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import load_demo_case, open_storage, rule_pack_summary
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.case_flow_page import CaseFlowPage
from desktop.ui.context import UiServices
from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.language import install_language
from desktop.ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent

# Names in several scripts, so the home screen shows that they render.
HOME_NAMES = [
    ("Nguyễn", "Thị Minh Khai", "VN"),
    ("الحسيني", "فاطمة", "SY"),
    ("王", "小明", "CN"),
    ("Núñez", "María José", "VE"),
    ("Okafor", "Chidi", "NG"),
]


def wait(milliseconds: int, signal=None) -> None:
    loop = QEventLoop()
    if signal is not None:
        signal.connect(loop.quit)
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1280x860")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--language", default="en", help="the window's language (en, es)")
    options = parser.parse_args()
    width, height = (int(part) for part in options.size.split("x"))
    out: Path = options.out
    out.mkdir(parents=True, exist_ok=True)

    app = QApplication(sys.argv[:1])
    register_bundled_fonts()
    install_language(options.language)
    folder = Path(tempfile.mkdtemp(prefix="waypoint-shots-"))
    paths = resolve_paths(folder)
    url = resolve_database_url(paths, None)
    clock = lambda: datetime(2019, 12, 2, 15, 30, tzinfo=UTC)  # noqa: E731
    storage = open_storage(paths, url, clock=clock, seed_demo=False)
    settings = QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)
    runner = BackgroundRunner()
    services = UiServices(storage.cases, storage.memos, runner, settings, clock, paths, url)
    case = load_demo_case()
    case_id = storage.cases.create_case(case)
    for family, given, nationality in HOME_NAMES:
        other = copy.deepcopy(case)
        other["applicant"].update(
            family_name=family, given_names=given, nationalities=[nationality], a_number=None
        )
        storage.cases.create_case(other)

    window = MainWindow(paths, url, runner, settings)
    window.attach_services(services, rule_pack_summary(services.rules))
    window.resize(width, height)
    window.show()
    wait(1500)
    window.grab().save(str(out / "home.png"))
    window.close()

    page = CaseFlowPage(services, case_id)
    page.setWindowTitle("Waypoint — case")
    page.resize(width, height)
    page.show()
    wait(5000, page.loaded)
    for step in Step:
        page.go_to_step(step)
        if step is Step.REVIEW:
            wait(10000, page.review_page.evaluated)
            page.review_page.tree.expandToDepth(1)
        elif step is Step.MEMO:
            wait(15000, page.memo_page.preview_ready)
        wait(300)
        page.grab().save(str(out / f"case-flow-{step.index + 1}-{step.value}.png"))
    # A problem shown inline and in the stop list: departure before arrival.
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
        page.grab().save(str(out / "case-flow-journey-problem.png"))
    page.close()

    # An earlier stay in the United States, before the journey: how it ended is asked there.
    removed_before = copy.deepcopy(case)
    removed_before["case_id"] = "WAYPOINT-DEMO-US-STAY"
    removed_before["journey"].insert(0, {**blank_stop("US"), "arrived": "2016-05",
                                         "departed": "2016-08-19", "left_how": "removed"})
    stay_page = CaseFlowPage(services, storage.cases.create_case(removed_before))
    stay_page.setWindowTitle("Waypoint — case")
    stay_page.resize(width, height)
    stay_page.show()
    wait(5000, stay_page.loaded)
    stay_page.go_to_step(Step.JOURNEY)
    stay_page.pages[Step.JOURNEY].select_row(0)
    wait(300)
    stay_page.grab().save(str(out / "case-flow-journey-us-stay.png"))
    stay_page.close()

    # A new case as it starts: every fact Unknown, claims not asked, an undated stop bounded
    # by its neighbours on the timeline.
    fresh = blank_case()
    fresh["applicant"].update(family_name="Trần", given_names="Văn An", date_of_birth="1990-03")
    fresh["entry"].update(date="2019-06", coming_from="MX")
    fresh["journey"] = [
        {**blank_stop("EC"), "arrived": "2019-03"},
        blank_stop("CO"),
        {**blank_stop("GT"), "arrived": "2019-05-20"},
        {**blank_stop("MX"), "protection_claims": []},
    ]
    new_page = CaseFlowPage(services, storage.cases.create_case(fresh))
    new_page.setWindowTitle("Waypoint — new case")
    new_page.resize(width, height)
    new_page.show()
    wait(5000, new_page.loaded)
    for step, name in (
        (Step.APPLICANT, "new-case-1-applicant"),
        (Step.ENTRY, "new-case-2-entry"),
        (Step.JOURNEY, "new-case-3-journey"),
        (Step.PROTECTION_CLAIMS, "new-case-4-claims"),
    ):
        new_page.go_to_step(step)
        wait(300)
        new_page.grab().save(str(out / f"{name}.png"))
    runner.wait_for_done(10000)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
