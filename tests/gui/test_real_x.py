"""Under a real X server (Xvfb, xcb): a case typed by keyboard, printing through the system
dialog to a PDF file, back to the list, and the Ctrl+O picker finding an A-number's last digits.

Run with: xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb pytest -m xcb
(skipped on other platforms: offscreen has no real dialogs or focus).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.flow.steps import Step
from tests.gui.real_x_support import ALT, CTRL, REAL_X_MARKS, focused, press
from tests.gui.test_case_flow_support import type_country, type_date
from tests.gui.test_main_window import Starter, start_app, wait_for_cases  # noqa: F401

pytestmark = REAL_X_MARKS


def test_a_case_typed_by_keyboard_printed_and_found_again(
    qtbot, start_app: Starter, tmp_path: Path  # noqa: F811
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)  # the demo case, A-212-345-678
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)

    # A new case, typed with the keyboard; the focus lands on the empty family name.
    with qtbot.waitSignal(window.case_opened, timeout=10_000):
        QTest.keyClick(window, Qt.Key.Key_N, CTRL)
    page = window.current_case_page()
    qtbot.waitUntil(lambda: page.is_loaded and focused() is not None, timeout=10_000)
    applicant = page.pages[Step.APPLICANT]
    assert focused() is applicant.family_name
    QTest.keyClicks(focused(), "Tran")
    press(Qt.Key.Key_Tab)
    QTest.keyClicks(focused(), "Van An")
    press(Qt.Key.Key_Tab)
    assert focused() is applicant.a_number
    QTest.keyClicks(focused(), "a 987 654 32")  # eight digits, any spelling
    press(Qt.Key.Key_Tab)
    assert focused() is applicant.date_of_birth.line_edit
    QTest.keyClicks(focused(), "March 1990")  # month only
    press(Qt.Key.Key_Tab)
    assert applicant.date_of_birth.value() == "1990-03"

    press(Qt.Key.Key_PageDown, CTRL)
    entry = page.pages[Step.ENTRY]
    assert focused() is entry.date.line_edit
    QTest.keyClicks(focused(), "5/2019")  # month and year
    press(Qt.Key.Key_Tab)
    type_country(entry.coming_from, "Mexico")

    press(Qt.Key.Key_Right, ALT)  # the journey
    journey = page.pages[Step.JOURNEY]
    qtbot.waitUntil(lambda: page.current_step is Step.JOURNEY)
    journey.add_stop()
    type_country(journey.country, "Mexico")
    type_date(journey.arrived, "4/2019")

    # Claims: "not asked" until answered; a new claim has no kind or outcome yet, and is shown.
    press(Qt.Key.Key_Right, ALT)
    claims = page.pages[Step.PROTECTION_CLAIMS]
    qtbot.waitUntil(lambda: page.current_step is Step.PROTECTION_CLAIMS)
    assert claims.none_buttons and page.flow.journey[0]["protection_claims"] is None
    claims.add_buttons[0].setFocus()
    press(Qt.Key.Key_Space)
    editors = {b.relative[0]: b.editor for b in claims.forms[0].bindings}
    assert editors["outcome"].currentText() == "Unknown"
    assert editors["kind"].currentText() == "Unknown"
    qtbot.waitUntil(lambda: editors["kind"].hasFocus(), timeout=5_000)
    viewport = claims.scroll_area.viewport()
    top_left = editors["kind"].mapTo(viewport, editors["kind"].rect().topLeft())
    assert viewport.rect().contains(top_left)  # scrolled into view
    claims.remove_claim(0, 0)

    with qtbot.waitSignal(page.case_saved, timeout=10_000):
        page.save_now()
    stored = window.services.cases.get_case(page.case_id).case_data
    assert stored["applicant"]["a_number"] == "A-098-765-432"
    assert stored["applicant"]["date_of_birth"] == "1990-03"
    assert stored["applicant"]["stateless"] is None  # never asked: saved as null
    assert stored["entry"]["date"] == "2019-05"
    assert stored["entry"]["unaccompanied_child"] is None
    assert stored["journey"][0]["arrived"] == "2019-04"
    assert stored["journey"][0]["departed"] is None
    assert stored["journey"][0]["protection_claims"] == []  # asked (a claim added, removed)
    assert stored["circumstances"]["trafficking_victim"] is None  # never asked: null

    # Back to the case list with Alt+Home.
    QTest.keyClick(window, Qt.Key.Key_Home, ALT)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.case_list, timeout=5_000)
    assert window.current_case_page() is None

    # Ctrl+O: a picker; the last six digits of the demo's A-number find it.
    QTest.keyClick(window, Qt.Key.Key_O, CTRL)
    qtbot.waitUntil(lambda: getattr(window, "open_dialog", None) is not None, timeout=5_000)
    dialog = window.open_dialog
    qtbot.waitUntil(lambda: dialog.search.hasFocus(), timeout=5_000)
    QTest.keyClicks(dialog.search, "345678")

    def found() -> list[str]:
        return [dialog.results.item(row).text() for row in range(dialog.results.count())]

    # Each keystroke searches; wait for the search of the whole text (earlier results, for
    # "3" or "34", may still arrive first), then check it holds the demo case only.
    qtbot.waitUntil(lambda: any("Ramírez Cruz" in text for text in found())
                    and not any("Tran" in text for text in found()), timeout=10_000)
    with qtbot.waitSignal(window.case_opened, timeout=10_000):
        QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    demo = window.current_case_page()
    qtbot.waitUntil(lambda: demo.is_loaded, timeout=10_000)
    # Opening a stored case selects nothing: the keyboard is on the step list.
    qtbot.waitUntil(lambda: window.focusWidget() is demo.step_list, timeout=5_000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    assert not demo.pages[Step.APPLICANT].family_name.hasSelectedText()

    # Print through the system dialog, to a PDF file.
    demo.go_to_step(Step.MEMO)
    qtbot.waitUntil(lambda: demo.memo_page.pdf_bytes is not None, timeout=30_000)
    target = tmp_path / "printed memo.pdf"
    QTest.keyClick(demo, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(
        lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog), timeout=10_000
    )
    print_dialog = QApplication.activeModalWidget()
    file_name = print_dialog.findChild(QLineEdit, "filename")
    assert file_name is not None and file_name.isVisible()  # "Print to File (PDF)"
    file_name.setText(str(target))
    # "Print to File" is a save: the memo's own PDF, owner-only, with the out-of-store warning.
    with qtbot.waitSignal(demo.memo_page.saved_to, timeout=60_000):
        print_dialog.accept()
    assert target.read_bytes() == demo.memo_page.pdf_bytes
    assert target.stat().st_mode & 0o077 == 0
    assert "outside Waypoint's encrypted store" in demo.memo_page.status.text()
