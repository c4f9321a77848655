"""A case file given on the command line (a double-click) is imported once and opened."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.app import launch
from desktop.launcher import wants_gui
from desktop.paths import resolve_database_url, resolve_paths
from tests.case_paths import CASES_DIR

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_a_lone_case_file_argument_opens_the_window(tmp_path: Path) -> None:
    case_file = tmp_path / "someone.waypoint.json"
    case_file.write_text("{}", encoding="utf-8")
    assert wants_gui([str(case_file)])
    assert wants_gui(["--data-dir", str(tmp_path), str(case_file)])
    assert not wants_gui(["evaluate", str(case_file)])
    assert not wants_gui([str(case_file), str(case_file)])
    assert not wants_gui([str(tmp_path / "missing.waypoint.json")])


def test_opening_a_case_file_imports_it_once_and_shows_its_case(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    case_file = tmp_path / "tb-final-denial-in-mexico.waypoint.json"
    shutil.copy(CASES_DIR / "tb-final-denial-in-mexico.case.json", case_file)
    paths = resolve_paths(tmp_path / "data")
    for _start in range(2):
        launched = launch(paths, resolve_database_url(paths), str(case_file))
        qtbot.addWidget(launched.window)
        window = launched.window
        qtbot.waitUntil(lambda w=window: w.current_case_page() is not None, timeout=20_000)
        services = launched.window.services
        assert services is not None
        cases = services.cases.list_cases(limit=10)
        # the demo case and the opened one; the second start must not import it again
        assert len(cases) == 2
        opened_id = launched.window.current_case_page().case_id
        stored = services.cases.get_case(opened_id).case_data
        assert stored["journey"] == json.loads(case_file.read_text("utf-8"))["journey"]
        launched.window.close()
        launched.shutdown()


def test_a_broken_case_file_is_explained_and_nothing_is_imported(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    case_file = tmp_path / "broken.waypoint.json"
    case_file.write_text('{"format": "waypoint-case/1", "applicant": ', encoding="utf-8")
    paths = resolve_paths(tmp_path / "data")
    launched = launch(paths, resolve_database_url(paths), str(case_file))
    qtbot.addWidget(launched.window)

    def message_shown() -> bool:
        from PySide6.QtWidgets import QMessageBox

        boxes = launched.window.findChildren(QMessageBox)
        return any("broken.waypoint.json" in box.text() for box in boxes)

    qtbot.waitUntil(message_shown, timeout=20_000)
    assert launched.window.current_case_page() is None
    assert len(launched.window.services.cases.list_cases(limit=10)) == 1  # the demo case only
    launched.window.close()
    launched.shutdown()
