"""Under a real X server (Xvfb, xcb): the Memo step's interview sheet printed through the system
dialog, and File > Import signing key driven by the keyboard.

Run with: xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb pytest -m xcb
(skipped on other platforms: offscreen has no real dialogs or focus).
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from desktop.flow.steps import Step
from desktop.services import signing
from desktop.ui.case_flow.interview_sheet import InterviewSheetDialog
from desktop.ui.signing_key_dialog import ImportKeyDialog
from tests.gui.real_x_support import ALT, REAL_X_MARKS, modal
from tests.gui.test_main_window import Starter, start_app, wait_for_cases  # noqa: F401
from tests.gui.test_signing_key_import import ORG_PASS, make_org_pkcs12

pytestmark = REAL_X_MARKS


def test_interview_sheet_printed_and_signing_key_imported_in_the_window(
    qtbot, start_app: Starter, tmp_path: Path  # noqa: F811
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)  # the demo case
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    window.open_case(window.case_list.model.summary(0).case_id)
    page = window.current_case_page()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    page.go_to_step(Step.MEMO)
    memo = page.memo_page
    qtbot.waitUntil(lambda: memo.pdf_bytes is not None, timeout=30_000)

    # Alt+I: the Interview sheet button; Alt+N: Spanish; Alt+P: print.
    QTest.keyClick(window, Qt.Key.Key_I, ALT)
    qtbot.waitUntil(lambda: isinstance(modal(), InterviewSheetDialog), timeout=10_000)
    chooser = modal()
    qtbot.waitUntil(chooser.isActiveWindow, timeout=5_000)
    QTest.keyClick(chooser, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: chooser.language() == "es", timeout=5_000)  # an animated click
    QTest.keyClick(chooser, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(lambda: isinstance(modal(), QPrintDialog), timeout=10_000)
    print_dialog = modal()
    assert print_dialog.windowTitle().startswith("Print interview sheet (Spanish)")
    file_name = print_dialog.findChild(QLineEdit, "filename")
    assert file_name is not None and file_name.isVisible()  # "Print to File (PDF)"
    target = tmp_path / "hoja.pdf"
    file_name.setText(str(target))
    # "Print to File" is a save: the sheet's own PDF, owner-only, not a print.
    with qtbot.waitSignal(memo.interview_sheet.saved_to, timeout=60_000):
        print_dialog.accept()
    assert len(PdfReader(target).pages) == 1
    assert target.stat().st_mode & 0o077 == 0
    assert "outside Waypoint's encrypted store" in memo.status.text()

    # File > Import signing key (PKCS#12)…, filled in with the keyboard.
    p12, fingerprint = make_org_pkcs12(tmp_path)
    window.signing_key_action.trigger()
    qtbot.waitUntil(lambda: isinstance(modal(), ImportKeyDialog), timeout=10_000)
    dialog = modal()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.file_edit.hasFocus(),
                    timeout=5_000)
    QTest.keyClick(dialog, Qt.Key.Key_O, ALT)
    QTest.keyClick(dialog.officer_edit, Qt.Key.Key_F, ALT)  # back to the key file
    assert dialog.file_edit.hasFocus()
    QTest.keyClicks(dialog.file_edit, str(p12))
    QTest.keyClick(dialog.file_edit, Qt.Key.Key_O, ALT)  # the officer's name
    assert dialog.officer_edit.hasFocus()
    QTest.keyClicks(dialog.officer_edit, "Ana Perez")
    QTest.keyClick(dialog.officer_edit, Qt.Key.Key_P, ALT)
    assert dialog.passphrase_edit.hasFocus()
    QTest.keyClicks(dialog.passphrase_edit, ORG_PASS)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        QTest.keyClick(dialog.passphrase_edit, Qt.Key.Key_Return)  # Import is the default
    assert "Ana Perez" in dialog.message.text() and fingerprint[:4] in dialog.message.text()
    assert signing.has_key(launched.window.services.paths.data_dir, "Ana Perez")
    assert dialog.isVisible()  # the result stays readable until the dialog is closed
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: modal() is None, timeout=5_000)
