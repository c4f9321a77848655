"""Review says in a box of its own when the rule pack's law is older than the decision date
or months older than today (issue 27: it was one italic sentence in the summary)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from test_case_flow_support import open_page

from desktop.flow.steps import Step
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.rules import load_rule_pack
from desktop.services.startup import close_storage, open_storage
from desktop.ui.background import BackgroundRunner
from desktop.ui.context import UiServices
from tests.memo.walk_case import walk_case

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

KNOWN = load_rule_pack().law_known_through


def _review_notice(qtbot, tmp_path: Path, now: datetime, decision: str) -> str | None:
    paths = resolve_paths(tmp_path / "data")
    url = resolve_database_url(paths, None)
    storage = open_storage(paths, url, clock=lambda: now, seed_demo=False)
    runner = BackgroundRunner()
    services = UiServices(storage.cases, storage.memos, runner,
                          QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat),
                          lambda: now, paths, url)
    try:
        case = walk_case()
        case["decision_date"] = decision
        page = open_page(qtbot, services, services.cases.create_case(case))
        with qtbot.waitSignal(page.review_page.evaluated, timeout=20_000):
            page.go_to_step(Step.REVIEW)
        notice = page.review_page.law_notice
        shown = notice.text() if notice.isVisibleTo(page) else None
        page.close()
        return shown
    finally:
        runner.wait_for_done(10_000)
        close_storage(storage)


def test_a_pack_months_older_than_today_is_said_on_review(qtbot, tmp_path) -> None:
    assert KNOWN is not None
    later = datetime(KNOWN.year + 1, KNOWN.month, 1, 12, tzinfo=UTC)
    shown = _review_notice(qtbot, tmp_path, later, "2024-09-02")
    assert shown is not None and "months before today" in shown and "Rule packs" in shown


def test_current_law_shows_no_notice(qtbot, tmp_path) -> None:
    assert _review_notice(qtbot, tmp_path, datetime(2024, 9, 3, 12, tzinfo=UTC),
                          "2024-09-02") is None


def test_a_decision_after_the_law_date_is_said_on_review(qtbot, tmp_path) -> None:
    assert KNOWN is not None
    after = KNOWN.replace(day=1).replace(year=KNOWN.year + 1)
    now = datetime(after.year, after.month, after.day, 12, tzinfo=UTC)
    shown = _review_notice(qtbot, tmp_path, now, after.isoformat())
    assert shown is not None and "is after" in shown
