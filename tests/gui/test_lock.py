"""The window and the passphrase: set it at first start, unlock at the next, lock when away."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLineEdit

from desktop.ui.passphrase_dialog import PassphraseDialog
from tests.conftest import TEST_PASSPHRASE
from tests.db.test_encryption import leaks
from tests.gui.test_main_window import Starter, start_app, stop, wait_for_cases

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
__all__ = ["start_app"]  # the fixture, imported for this module's tests

NEW_PASSPHRASE = "four words for a laptop"


def fill_passphrase_dialog(dialog: PassphraseDialog, passphrase: str) -> None:
    dialog.new_field.setText(passphrase)
    dialog.again_field.setText(passphrase)


def test_first_start_asks_for_a_passphrase_then_shows_the_demo_case(
        qtbot, start_app: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    launched = start_app()
    qtbot.waitUntil(lambda: launched.opener.passphrase_dialog is not None, timeout=10_000)
    dialog = launched.opener.passphrase_dialog
    assert isinstance(dialog, PassphraseDialog) and dialog.isVisible()
    assert "cannot be recovered" in dialog.findChild(object, "lostPassphraseWarning").text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    fill_passphrase_dialog(dialog, "short")
    assert not ok.isEnabled() and "Too short" in dialog.strength_label.text()
    dialog.recovery_box.setChecked(True)
    dialog.keyring_box.setChecked(True)  # no keyring backend here: said, not fatal
    fill_passphrase_dialog(dialog, NEW_PASSPHRASE)
    assert ok.isEnabled() and "Strong" in dialog.strength_label.text()
    ok.click()
    wait_for_cases(qtbot, launched, 1)
    qtbot.waitUntil(lambda: any(w.objectName() == "recoveryKeyDialog" and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=10_000)
    recovery_dialogs = [w for w in QApplication.topLevelWidgets()
                        if w.objectName() == "recoveryKeyDialog" and w.isVisible()]
    assert recovery_dialogs
    recovery = recovery_dialogs[0].findChild(object, "recoveryKey").text()
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not launched.window:
            widget.close()
    stop(launched)
    assert leaks(tmp_path / "data") == []

    # The next start asks on the lock page; a wrong passphrase is said there, then it opens.
    again = start_app()
    page = again.opener.lock.page
    qtbot.waitUntil(lambda: again.window.stack.currentWidget() is page, timeout=10_000)
    page.field.setText("not it at all")
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "wrong" in page.error.text(), timeout=10_000)
    assert again.window.services is None
    page.field.setText(recovery)
    qtbot.keyClick(page.field, Qt.Key.Key_Return)
    wait_for_cases(qtbot, again, 1)
    assert again.window.stack.currentWidget() is again.window.case_list


def test_ctrl_l_and_idle_time_hide_the_cases_and_the_passphrase_brings_them_back(
        qtbot, start_app: Starter) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    lock = launched.opener.lock
    window.activateWindow()
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000):
        lock.lock_action.trigger()  # Ctrl+L
    assert lock.lock_action.shortcut().toString() == "Ctrl+L"
    assert window.stack.currentWidget() is lock.page
    assert not window.menuBar().isEnabled()
    assert not lock.page.findChildren(QLineEdit)[0].text()
    database = launched.opener.storage.database
    assert not database.key.unlocked  # the key is wiped while locked
    lock.page.field.setText("wrong passphrase")
    lock.page.unlock_button.click()
    qtbot.waitUntil(lambda: "wrong" in lock.page.error.text(), timeout=10_000)
    assert lock.locked
    lock.page.field.setText(TEST_PASSPHRASE)
    with qtbot.waitSignal(lock.locked_changed, timeout=10_000):
        lock.page.unlock_button.click()
    assert window.stack.currentWidget() is window.case_list
    wait_for_cases(qtbot, launched, 1)

    lock.set_idle_ms(50)  # the idle lock (default 10 minutes; settings change it)
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000) as locked:
        pass
    assert locked.args == [True] and window.stack.currentWidget() is lock.page


def test_change_passphrase_from_the_window(qtbot, start_app: Starter) -> None:
    launched = start_app()
    wait_for_cases(qtbot, launched, 1)
    dialog = launched.opener.change_passphrase()
    assert dialog.current_field is not None
    dialog.current_field.setText(TEST_PASSPHRASE)
    fill_passphrase_dialog(dialog, NEW_PASSPHRASE)
    dialog.recovery_box.setChecked(False)
    database = launched.opener.storage.database
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: any(w.isVisible() and w.windowTitle() == "Passphrase changed"
                                for w in QApplication.topLevelWidgets()), timeout=10_000)
    from db import cipher

    assert database.sqlite_file is not None
    cipher.unlock(database.sqlite_file, NEW_PASSPHRASE).forget()
    with pytest.raises(cipher.WrongPassphraseError):
        cipher.unlock(database.sqlite_file, TEST_PASSPHRASE)
    assert launched.window.services.cases.count_cases() == 1
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget is not launched.window:
            widget.close()


def test_a_plain_database_is_offered_encryption_at_start(
        qtbot, start_app: Starter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import db
    from desktop.services.cases import CaseService
    from tests.db.conftest import make_case

    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    data = tmp_path / "data"
    data.mkdir()
    plain = db.open_database(f"sqlite:///{data / 'waypoint.sqlite3'}")  # from before encryption
    case_id = CaseService(plain).create_case(make_case())
    plain.close()
    assert leaks(data)
    launched = start_app()
    qtbot.waitUntil(lambda: launched.opener.passphrase_dialog is not None, timeout=10_000)
    offer = launched.opener.passphrase_dialog
    assert offer.objectName() == "encryptOfferBox" and "not encrypted" in offer.text()
    offer.button(offer.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: isinstance(launched.opener.passphrase_dialog, PassphraseDialog),
                    timeout=10_000)
    dialog = launched.opener.passphrase_dialog
    fill_passphrase_dialog(dialog, NEW_PASSPHRASE)
    dialog.recovery_box.setChecked(False)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    wait_for_cases(qtbot, launched, 1)
    assert launched.window.case_list.model.summary(0).case_id == case_id
    assert launched.opener.storage.database.encrypted
    stop(launched)
    assert leaks(data) == []
