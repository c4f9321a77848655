"""The whole case flow by keyboard only: focus on opening, tab order, shortcuts, the dialogs."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from test_case_flow_support import (
    load_public_case,
    open_page,
    type_text,
)

from desktop.flow import Step, blank_case
from desktop.services.memo_verification import check_memo
from desktop.ui.case_flow.officer_dialogs import OfficerDialog

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        "propagateSizeHints", "does not support raise", "grabbing the keyboard"
    ),
]

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the focus is, as the keyboard would deliver it."""
    QTest.keyClick(focused(), key, modifier)


def owner_name(widget: QWidget, chain: list[QWidget]) -> str:
    """The accessible name of the chain member holding `widget` (a combo's line edit -> combo)."""
    current: QWidget | None = widget
    while current is not None:
        if current in chain:
            return current.accessibleName()
        current = current.parentWidget()
    return f"<outside the page: {type(widget).__name__}>"


def tab_names(page, count: int) -> list[str]:
    chain = page.focus_chain()
    names = [owner_name(focused(), chain)]
    for _ in range(count - 1):
        press(Qt.Key.Key_Tab)
        names.append(owner_name(focused(), chain))
    return names


def test_a_case_is_filled_from_applicant_to_memo_with_keys_only(qtbot, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    applicant = page.pages[Step.APPLICANT]
    assert focused() is applicant.family_name  # the step opens on its first field
    type_text(focused(), "Nguyễn")
    press(Qt.Key.Key_Tab)
    assert focused() is applicant.given_names
    type_text(focused(), "Thị Minh")

    press(Qt.Key.Key_PageDown, CTRL)  # next step
    assert page.current_step is Step.ENTRY
    assert focused() is page.pages[Step.ENTRY].date.line_edit

    press(Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)  # next step, the other shortcut
    journey = page.pages[Step.JOURNEY]
    assert page.current_step is Step.JOURNEY
    assert focused() is journey.add_button  # no stop yet: adding one is the first thing
    press(Qt.Key.Key_Space)
    assert len(page.flow.journey) == 1
    assert focused() in (journey.country, journey.country.lineEdit())
    press(Qt.Key.Key_PageUp, CTRL)  # and back again: nothing is lost
    assert page.current_step is Step.ENTRY
    press(Qt.Key.Key_PageDown, CTRL)
    press(Qt.Key.Key_PageDown, CTRL)
    press(Qt.Key.Key_PageDown, CTRL)
    assert page.current_step is Step.CIRCUMSTANCES
    review = page.pages[Step.REVIEW]
    with qtbot.waitSignal(review.evaluated, timeout=20_000):
        press(Qt.Key.Key_PageDown, CTRL)
    assert focused() is review.first_focus()
    memo = page.pages[Step.MEMO]
    press(Qt.Key.Key_7, CTRL)  # straight to step 7
    assert page.current_step is Step.MEMO
    # An unfinished case gets a clear message instead of a memo; either way the render ends.
    qtbot.waitUntil(lambda: not memo.status.text().startswith("Rendering"), timeout=30_000)
    assert focused() is memo.refresh_button

    press(Qt.Key.Key_3, CTRL)  # back to the journey: the new stop's country is first
    assert focused() is journey.stop_list
    press(Qt.Key.Key_Tab)
    assert focused() is journey.add_button
    for _ in range(5):  # past Insert, Remove, Move up, Move down
        press(Qt.Key.Key_Tab)
    assert focused() in (journey.country, journey.country.lineEdit())
    QTest.keyClicks(focused(), "Mexico")
    press(Qt.Key.Key_Tab)  # leaving the field resolves what was typed
    assert page.flow.journey[0]["country"] == "MX"

    with qtbot.waitSignal(page.case_saved, timeout=10_000):
        press(Qt.Key.Key_S, CTRL)
    stored = services.cases.get_case(case_id).case_data
    assert stored["applicant"]["family_name"] == "Nguyễn"
    assert stored["applicant"]["given_names"] == "Thị Minh"
    assert [stop["country"] for stop in stored["journey"]] == ["MX"]


def test_tab_visits_the_applicant_fields_in_reading_order(qtbot, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    names = tab_names(page, 17)
    assert names[:3] == ["Family name", "Given names", "A-number"]
    assert names.index("Date of birth") == 3
    assert names.index("Sex") < names.index("Nationalities: add a country")
    assert names.index("Stateless") < names.index("Last habitual residence")
    assert names.index("Languages") < names.index("Next step")
    # After Next the focus wraps to the step list, then to the first field again.
    assert names[names.index("Next step") + 1] == "Steps"
    assert names[names.index("Steps") + 1] == "Family name"
    assert not any(name.startswith("<outside") for name in names), names


def test_tab_visits_the_journey_list_buttons_then_the_stop(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    press(Qt.Key.Key_3, CTRL)
    assert page.current_step is Step.JOURNEY
    names = tab_names(page, 8)
    assert names == [
        "Stops in order",
        "Add stop",
        "Insert before",
        "Remove",
        "Move up",
        "Move down",
        "Country",
        "Arrived",
    ]
    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)  # Shift+Tab goes back
    assert owner_name(focused(), page.focus_chain()) == "Country"


def test_every_control_tab_reaches_has_an_accessible_name(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    for step in Step:
        if step is Step.REVIEW:
            with qtbot.waitSignal(page.review_page.evaluated, timeout=20_000):
                page.go_to_step(step)
        elif step is Step.MEMO:
            with qtbot.waitSignal(page.memo_page.preview_ready, timeout=30_000):
                page.go_to_step(step)
        else:
            page.go_to_step(step)
        chain = page.focus_chain()
        assert len(chain) > 3
        unnamed = [type(widget).__name__ for widget in chain if not widget.accessibleName()]
        assert not unnamed, f"{step.title}: {unnamed}"


def test_the_step_list_is_browsed_with_arrow_keys(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    assert focused() is page.step_list  # a stored case opens on the step list, nothing selected
    press(Qt.Key.Key_Down)
    press(Qt.Key.Key_Down)
    assert page.current_step is Step.JOURNEY
    assert focused() is page.step_list  # browsing keeps the focus in the list
    press(Qt.Key.Key_Return)
    assert focused() is page.pages[Step.JOURNEY].stop_list
    press(Qt.Key.Key_F6)
    assert focused() is page.step_list


def test_the_finalize_dialog_is_used_by_keyboard(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    memo = page.memo_page
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        press(Qt.Key.Key_7, CTRL)
    press(Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = memo.findChild(OfficerDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    qtbot.waitUntil(dialog.officer_edit.hasFocus, timeout=5_000)  # the name is asked first
    QTest.keyClick(dialog.officer_edit, Qt.Key.Key_Return)  # no name yet: OK stays off
    assert dialog.isVisible()
    type_text(dialog.officer_edit, "Lê Văn Tám")
    QTest.keyClick(dialog.officer_edit, Qt.Key.Key_Return)  # no passphrase yet: OK stays off
    assert dialog.isVisible()
    press(Qt.Key.Key_Tab)
    assert focused() is dialog.passphrase_edit
    QTest.keyClicks(dialog.passphrase_edit, "key pass")
    press(Qt.Key.Key_Tab)  # a first key: the passphrase is asked twice
    assert focused() is dialog.repeat_edit
    QTest.keyClicks(dialog.repeat_edit, "key pass")
    press(Qt.Key.Key_Return)  # no conclusions yet: OK stays off, and says what is needed
    assert dialog.isVisible() and "conclusion" in dialog.missing.text()
    for row in dialog.conclusion_rows:  # Tab to each finding's conclusion; "A" picks Agree
        press(Qt.Key.Key_Tab)  # (the reason field is off when agreeing: Tab passes it)
        assert focused() is row.choice, (focused().accessibleName(), row.rule)
        press(Qt.Key.Key_A)
        assert row.value() == "agree"
    assert dialog.missing.text() == ""
    with qtbot.waitSignal(memo.finalized, timeout=30_000):
        press(Qt.Key.Key_Return)
    assert services.cases.get_case(case_id).status == "finalized"
    stored = services.memos.latest_memo(case_id)
    assert stored.status == "final"
    assert check_memo(stored.pdf_bytes).signatures[0].signer == "Lê Văn Tám"
    assert check_memo(stored.pdf_bytes).valid
