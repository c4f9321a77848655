"""Real X: choosing a fear-of-country finding for a new country keeps the keyboard on that
finding (the rows are made again for the next country); the focus used to fall to the step
list, where the next arrow key changed the step (issue 27)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from test_case_flow_support import (  # noqa: F401  (services_fixture provides `services`)
    open_page,
    services_fixture,
)

from desktop.flow.steps import Step
from tests.gui.real_x_support import REAL_X_MARKS, focused, press
from tests.memo.walk_case import walk_case

pytestmark = [*REAL_X_MARKS, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_the_finding_keeps_the_focus_and_arrows_stay_on_the_page(qtbot, services) -> None:
    page = open_page(qtbot, services, services.cases.create_case(walk_case()))
    page.resize(1024, 700)
    page.go_to_step(Step.CIRCUMSTANCES)
    circumstances = page.pages[Step.CIRCUMSTANCES]
    country, answer = circumstances.fear_rows[-1]
    country.set_value("MX")
    answer.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is answer)
    press(Qt.Key.Key_Down)  # the first finding: the row is stored and a new one is made
    qtbot.waitUntil(lambda: len(circumstances.fear_rows) == 2)
    kept = circumstances.fear_rows[0][1]
    assert page.flow.answer(("circumstances", "fear_of_receiving_country")) == {
        "MX": kept.value()}
    qtbot.waitUntil(lambda: focused() is kept)
    chosen = kept.value()
    press(Qt.Key.Key_Down)  # the next finding, on the same page
    qtbot.wait(50)
    assert page.current_step is Step.CIRCUMSTANCES
    assert focused() is circumstances.fear_rows[0][1]
    assert circumstances.fear_rows[0][1].value() != chosen
