"""Shared set-up for the case-flow GUI tests: real services on a tmp SQLite database."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import close_storage, open_storage
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.case_flow_page import CaseFlowPage
from desktop.ui.context import UiServices
from tests.case_paths import CASES_DIR

FIXED_NOW = datetime(2019, 12, 2, 15, 30, tzinfo=UTC)

pytestmark = pytest.mark.gui


def fixed_clock() -> datetime:
    return FIXED_NOW


def load_public_case(name: str) -> dict[str, Any]:
    path = CASES_DIR / f"{name}.case.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture(name="services")
def services_fixture(qtbot: Any, tmp_path: Path) -> Iterator[UiServices]:
    """UiServices over a fresh SQLite database under tmp_path, with a fixed clock."""
    paths = resolve_paths(tmp_path / "data")
    url = resolve_database_url(paths, None)
    storage = open_storage(paths, url, clock=fixed_clock, seed_demo=False)
    runner = BackgroundRunner()
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    built = UiServices(
        cases=storage.cases,
        memos=storage.memos,
        runner=runner,
        settings=settings,
        clock=fixed_clock,
        paths=paths,
        database_url=url,
    )
    yield built
    runner.wait_for_done(10_000)
    qtbot.waitUntil(lambda: runner.pending_count() == 0, timeout=10_000)
    close_storage(storage)


def open_page(qtbot: Any, services: UiServices, case_id: str) -> CaseFlowPage:
    """Open a CaseFlowPage on a stored case and wait until it shows the case."""
    page = CaseFlowPage(services, case_id)
    qtbot.addWidget(page)
    page.resize(1200, 820)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.show()
    # Keyboard shortcuts reach only the active window.
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow, timeout=5_000)
    return page


def open_memo_step(qtbot: Any, services: UiServices, case_data: dict[str, Any]
                   ) -> tuple[CaseFlowPage, Any, str]:
    """Store a case, open it and go to its memo step; (page, memo page, case id) once the
    memo's preview is ready."""
    from desktop.flow import Step

    case_id = services.cases.create_case(case_data)
    page = open_page(qtbot, services, case_id)
    memo = page.pages[Step.MEMO]
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        page.go_to_step(Step.MEMO)
    return page, memo, case_id


def wait_saved(qtbot: Any, page: CaseFlowPage) -> None:
    """Let the debounced autosave run and wait until nothing is unsaved."""
    page.save_now()
    qtbot.waitUntil(lambda: not page.has_unsaved_changes and not page._saving, timeout=10_000)


def type_text(widget: QWidget, text: str) -> None:
    """Type any text the way a keyboard would; non-ASCII goes one key event per character."""
    for character in text:
        if character.isascii():
            QTest.keyClicks(widget, character)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Press,
                widget,
                Qt.Key.Key_unknown,
                character,
                Qt.KeyboardModifier.NoModifier,
            )
            QTest.sendKeyEvent(
                QTest.KeyAction.Release,
                widget,
                Qt.Key.Key_unknown,
                character,
                Qt.KeyboardModifier.NoModifier,
            )


def choose_index(combo: QWidget, index: int) -> None:
    """Pick the index-th entry of a closed combo with the keyboard (Home, then Down)."""
    QTest.keyClick(combo, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(combo, Qt.Key.Key_Down)


def type_into_spin(spin: QWidget, value: int) -> None:
    QTest.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClicks(spin, str(value))


def type_date(edit: Any, text: str | None) -> None:
    """Type a date into a PartialDateEdit as a user would (ISO, month/year or a year alone);
    None clears it to Unknown."""
    line = edit.line_edit
    QTest.keyClick(line, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(line, Qt.Key.Key_Delete)
    if text is not None:
        QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Tab)


def type_country(combo: Any, text: str) -> None:
    """Type a country name or code into a CountryComboBox and press Enter."""
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo, text)
    QTest.keyClick(combo, Qt.Key.Key_Return)
    popup = combo.completer().popup()
    if popup.isVisible():
        popup.hide()
    combo.window().activateWindow()  # the completer's popup took the activation


def choose_value(combo: Any, value: object) -> None:
    """Pick the entry holding `value` in a ChoiceComboBox with the keyboard."""
    index = combo.index_of(value)
    assert index >= 0, value
    choose_index(combo, index)


def agreeing_record(memo: Any, officer: str,
                    why: str = "Decided on the record as it stands.") -> Any:
    """What the finalize dialog gives for an officer who agrees with every finding of the memo
    on screen and decides without each question still open (saying why)."""
    from desktop.services.decision import FinalInput
    from desktop.services.officer_record import DecidedWithout, RuleConclusion, open_questions

    determination = memo.determination
    assert determination is not None, "the memo preview is not ready"
    return FinalInput(
        officer,
        tuple(RuleConclusion(str(f["rule"]), "agree") for f in determination["findings"]),
        tuple(DecidedWithout(q.field, q.question, why) for q in open_questions(determination)))


def agree_in_dialog(dialog: Any, why: str = "Decided on the record as it stands.") -> None:
    """In the finalize dialog: agree with every finding, decide without each open question."""
    for row in dialog.conclusion_rows:
        row.choice.setCurrentIndex(row.choice.findData("agree"))
    for question in dialog.question_rows:
        question.without.setChecked(True)
        question.reason.setText(why)
