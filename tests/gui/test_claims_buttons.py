"""The Protection claims step rebuilds its boxes under the mouse: clicked many times over, the
replaced boxes are deleted safely (handed to Python and deleted later, they crashed the app)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton
from shiboken6 import Shiboken
from test_case_flow_support import (
    open_page,
)

from desktop.flow import Step, blank_case

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

COUNTRIES = ["VN", "EC", "CO", "PA", "CR", "NI", "HN", "GT", "MX"]


def click_and_wait_for_rebuild(qtbot, claims, button: QPushButton) -> None:
    """Click as the mouse would, then wait until Qt has deleted the boxes it replaced."""
    replaced = list(claims.stop_boxes)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not any(Shiboken.isValid(box) for box in replaced), timeout=5_000)


def test_answering_each_stop_by_mouse_again_and_again(qtbot, services) -> None:
    case = blank_case()
    case["applicant"]["nationalities"] = ["VN"]
    case["journey"] = [{"country": code, "protection_claims": None} for code in COUNTRIES]
    case_id = services.cases.create_case(case)
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.PROTECTION_CLAIMS)
    claims = page.pages[Step.PROTECTION_CLAIMS]
    for _round in range(5):
        for stop in range(len(COUNTRIES)):
            none_made = next(b for b in claims.none_buttons
                             if b.accessibleName().endswith(f"stop {stop + 1}"))
            click_and_wait_for_rebuild(qtbot, claims, none_made)
            assert page.flow.journey[stop]["protection_claims"] == []
        for stop in range(len(COUNTRIES)):
            not_asked = next(b for box in claims.stop_boxes for b in box.findChildren(QPushButton)
                             if b.accessibleName() == f"Stop {stop + 1}: not asked yet")
            click_and_wait_for_rebuild(qtbot, claims, not_asked)
            assert page.flow.journey[stop]["protection_claims"] is None
    click_and_wait_for_rebuild(qtbot, claims, claims.add_buttons[7])
    assert page.flow.journey[7]["protection_claims"] == [
        {"kind": None, "filed": None, "outcome": None, "final": None, "decided": None}
    ]
    assert len(claims.stop_boxes) == len(COUNTRIES)
    assert all(box.isVisible() for box in claims.stop_boxes)


def test_adding_and_removing_family_members_by_mouse_again_and_again(qtbot, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.CIRCUMSTANCES)
    circumstances = page.pages[Step.CIRCUMSTANCES]
    box = circumstances.list_boxes["travelling_with_family"]

    def rows() -> list:
        layout = circumstances.list_layouts["travelling_with_family"]
        return [layout.itemAt(i).widget() for i in range(layout.count())]

    def click(name: str) -> None:
        replaced = rows()
        button = next(b for b in box.findChildren(QPushButton)
                      if b.accessibleName() == name)
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not any(Shiboken.isValid(row) for row in replaced),
                        timeout=5_000)

    for _round in range(5):
        for _member in range(3):
            click("Add: Family travelling together")
        assert len(page.flow.data["circumstances"]["travelling_with_family"]) == 3
        for _member in range(3):
            click("Remove family member 1")
        assert page.flow.data["circumstances"]["travelling_with_family"] == []
    assert [row.isVisible() for row in rows()] == [True]  # the Add button alone


def inside_viewport(claims, widget) -> bool:
    viewport = claims.scroll_area.viewport()
    top_left = widget.mapTo(viewport, widget.rect().topLeft())
    bottom_right = widget.mapTo(viewport, widget.rect().bottomRight())
    return viewport.rect().contains(top_left) and viewport.rect().contains(bottom_right)


def test_a_new_claim_is_scrolled_into_view_whole(qtbot, services) -> None:
    case = blank_case()
    case["journey"] = [{"country": code, "protection_claims": []} for code in COUNTRIES]
    case_id = services.cases.create_case(case)
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.PROTECTION_CLAIMS)
    claims = page.pages[Step.PROTECTION_CLAIMS]
    click_and_wait_for_rebuild(qtbot, claims, claims.add_buttons[7])  # Guatemala
    form = next(f for f in claims.forms if f.base[:2] == ("journey", 7))
    editors = [binding.editor for binding in form.bindings]
    qtbot.waitUntil(lambda: editors[0].hasFocus(), timeout=5_000)  # Kind of claim
    # Every field of the new claim is on screen, from its kind to its decision date.
    qtbot.waitUntil(lambda: all(inside_viewport(claims, editor) for editor in editors),
                    timeout=5_000)
