"""One clock: the window, the CLI and review agree on "today" in the office's time zone (the
machine's, or the `office/time_zone` setting), also where the UTC date is another day."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from desktop.services.clock import office_today
from desktop.services.decision import resolve_decision_date
from tests.case_paths import CASES_DIR

REPO = Path(__file__).resolve().parents[1]
CASE = CASES_DIR / "tb-honduran-no-claims.case.json"

# Run in a child process with TZ set: "today" as the window (UiServices), review
# (ReviewService) and the evaluation service each resolve it.
TODAY_BY_PATH = r"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from db import open_database
from desktop.paths import resolve_paths, sqlite_url
from desktop.services.clock import configured_zone, utc_now
from desktop.services.cases import CaseService
from desktop.services.review import ReviewService
from desktop.services.rules import bundled_rule_pack
from desktop.ui.context import UiServices

data_dir, case_file = Path(sys.argv[1]), Path(sys.argv[2])
case = json.loads(case_file.read_text("utf-8"))
settings = QSettings(str(data_dir / "settings.ini"), QSettings.Format.IniFormat)
window = UiServices(cases=None, memos=None, runner=None, settings=settings, clock=utc_now,
                    paths=resolve_paths(data_dir), database_url="")
database = open_database(sqlite_url(data_dir / "review.sqlite3"))
review = ReviewService(database, actor="ana", zone_name=configured_zone(data_dir),
                       pack=bundled_rule_pack())
determination, decision = review.to_decide(CaseService(database, actor="ana").create_case(case))
print(json.dumps({"window": window.decision_date(case).iso,
                  "review": determination["decision_date"], "review_date": decision.iso}))
database.close()
"""


def _undated_case(tmp_path: Path) -> Path:
    data = json.loads(CASE.read_text("utf-8"))
    data.pop("decision_date", None)
    target = tmp_path / "undated.case.json"
    target.write_text(json.dumps(data), "utf-8")
    return target


def _run(args: list[str], zone: str, data_dir: Path) -> str:
    env = {**os.environ, "TZ": zone, "WAYPOINT_DATA_DIR": str(data_dir),
           "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=120, cwd=REPO)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _today_everywhere(tmp_path: Path, zone: str) -> dict[str, str]:
    data_dir = tmp_path / "data"
    data_dir.mkdir(exist_ok=True)
    case = _undated_case(tmp_path)
    found = json.loads(_run([sys.executable, "-c", TODAY_BY_PATH, str(data_dir), str(case)],
                            zone, data_dir))
    cli = json.loads(_run([sys.executable, "-m", "desktop", "evaluate", str(case), "--format",
                           "json"], zone, data_dir))
    found["cli"] = cli["decision_date"]
    return found


@pytest.mark.parametrize("zone", ["Pacific/Kiritimati", "America/Los_Angeles"])
def test_window_cli_and_review_agree_on_today_in_the_machine_zone(tmp_path: Path,
                                                                  zone: str) -> None:
    before = datetime.now(ZoneInfo(zone)).date()
    found = _today_everywhere(tmp_path, zone)
    after = datetime.now(ZoneInfo(zone)).date()
    assert set(found.values()) <= {before.isoformat(), after.isoformat()}, found
    assert len(set(found.values())) == 1 or before != after, found


def test_the_office_time_zone_setting_wins_over_the_machine_zone(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    (data_dir / "settings.ini").write_text("[office]\ntime_zone=Pacific/Kiritimati\n", "utf-8")
    before = datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    found = _today_everywhere(tmp_path, "America/Los_Angeles")
    after = datetime.now(ZoneInfo("Pacific/Kiritimati")).date()
    assert set(found.values()) <= {before.isoformat(), after.isoformat()}, found


@pytest.mark.parametrize(("instant", "zone", "today"), [
    (datetime(2026, 12, 8, 1, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 12, 7)),
    (datetime(2026, 12, 8, 1, 0, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 12, 8)),
    (datetime(2026, 12, 7, 11, 0, tzinfo=UTC), "Pacific/Kiritimati", date(2026, 12, 8)),
    (datetime(2026, 12, 7, 11, 0, tzinfo=UTC), "America/Los_Angeles", date(2026, 12, 7)),
])
def test_today_is_the_office_date_not_the_utc_date(instant: datetime, zone: str,
                                                   today: date) -> None:
    assert office_today(instant, zone) == today
    decided = resolve_decision_date({}, now=instant, zone_name=zone)
    assert decided.value == today and not decided.pinned and decided.time_zone == zone


def test_a_decision_date_in_the_case_is_pinned_whatever_the_clock() -> None:
    decided = resolve_decision_date({"decision_date": "2019-12-02"},
                                    now=datetime(2026, 12, 8, 1, 0, tzinfo=UTC),
                                    zone_name="Pacific/Kiritimati")
    assert decided.value == date(2019, 12, 2) and decided.pinned
    assert decided.words() == "2 December 2019"
