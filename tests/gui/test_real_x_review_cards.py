"""Real X at 1024x700: every link of the Review's outcome cards is reached by Tab and scrolled
into view, and nothing needs a horizontal scrollbar (issue 27)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from test_case_flow_support import (  # noqa: F401  (services_fixture provides `services`)
    open_page,
    services_fixture,
)

from desktop.flow.steps import Step
from desktop.ui.case_flow.outcome_cards import LinkButton
from tests.gui.real_x_support import REAL_X_MARKS, focused, press
from tests.memo.walk_case import walk_case

pytestmark = [*REAL_X_MARKS, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_every_card_link_is_reached_by_tab_and_visible_at_1024x700(qtbot, services) -> None:
    case_id = services.cases.create_case(walk_case())
    page = open_page(qtbot, services, case_id)
    page.resize(1024, 700)
    with qtbot.waitSignal(page.review_page.evaluated, timeout=20_000):
        page.go_to_step(Step.REVIEW)
    review = page.review_page
    qtbot.wait(200)
    area = review.scroll_area
    assert area.horizontalScrollBar().maximum() == 0, "the Review scrolls sideways"
    links = review.cards.links()
    assert len(links) >= 3
    links[0].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is links[0])
    reached: list[LinkButton] = []
    for _ in range(len(links) * 4):
        widget = focused()
        if isinstance(widget, LinkButton) and widget not in reached:
            qtbot.wait(30)
            viewport = area.viewport()
            top_left = widget.mapTo(viewport, QPoint(0, 0))
            shown = QRect(top_left, widget.size())
            assert viewport.rect().contains(shown.center()), widget.words
            assert shown.right() <= viewport.width() + 1, widget.words  # not cut sideways
            reached.append(widget)
        if len(reached) == len(links):
            break
        press(Qt.Key.Key_Tab)
    assert reached == links
