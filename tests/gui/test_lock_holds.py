"""The lock holds: while locked, every action and shortcut of the window leaves the lock page
up, shows nothing of a case, and the passphrase still unlocks.

Runs offscreen and under Xvfb (xcb): `-m gui`.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QWidget

from desktop.app import Launched
from tests.conftest import TEST_PASSPHRASE
from tests.gui.test_main_window import Starter, start_app, wait_for_cases

# Offscreen cannot raise a popped-up menu or grab the keyboard for it, and QTest has no
# character for a key such as Undo: harmless warnings.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "does not support grabbing",
    "keyToAscii Unhandled key code")]
__all__ = ["start_app"]  # the fixture, imported for this module's tests

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
# Keys a person would try besides the window's own shortcuts: menus, Escape, Tab, close.
EXTRA_KEYS = [(Qt.Key.Key_Home, ALT), (Qt.Key.Key_F, ALT), (Qt.Key.Key_C, ALT),
              (Qt.Key.Key_H, ALT), (Qt.Key.Key_F10, Qt.KeyboardModifier.NoModifier),
              (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
              (Qt.Key.Key_Tab, Qt.KeyboardModifier.NoModifier), (Qt.Key.Key_Q, CTRL),
              (Qt.Key.Key_W, CTRL), (Qt.Key.Key_F4, ALT)]


def _texts_of(widget: QWidget) -> Iterator[str]:
    """What a person or a screen reader gets from the widget: its text, names, title, rows."""
    for getter in ("text", "toPlainText", "currentText", "windowTitle", "accessibleName",
                   "accessibleDescription", "toolTip", "placeholderText", "title"):
        value = getattr(widget, getter, None)
        if callable(value):
            try:
                found = value()
            except TypeError:
                continue
            if isinstance(found, str):
                yield found
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        model = widget.model()
        try:
            columns = model.columnCount(QModelIndex())
        except TypeError:  # a list model keeps columnCount private: one column
            columns = 1
        for row in range(min(model.rowCount(QModelIndex()), 200)):
            for column in range(columns):
                yield str(model.data(model.index(row, column)) or "")


def on_screen_text() -> str:
    """The text of every visible widget of every visible window."""
    pieces: list[str] = []
    for top in QApplication.topLevelWidgets():
        if not top.isVisible():
            continue
        for widget in [top, *top.findChildren(QWidget)]:
            if widget.isVisible():
                pieces.extend(_texts_of(widget))
    return "\n".join(pieces)


def _key_presses(window: QWidget) -> list[tuple[Qt.Key, Qt.KeyboardModifier]]:
    """Every key sequence of the window's actions and shortcuts, plus the usual others."""
    sequences: list[QKeySequence] = []
    for action in window.findChildren(QAction):
        sequences.extend(action.shortcuts())
    for shortcut in window.findChildren(QShortcut):
        sequences.extend(shortcut.keys())
    presses = list(EXTRA_KEYS)
    for sequence in sequences:
        if not sequence.isEmpty():
            combination = sequence[0]
            presses.append((combination.key(), combination.keyboardModifiers()))
    return presses


def _assert_locked(launched: Launched, secrets: list[str], what: str) -> None:
    window, lock = launched.window, launched.opener.lock
    QApplication.processEvents()
    assert window.isVisible(), what
    assert lock.locked and window.stack.currentWidget() is lock.page, what
    assert lock.page.field.isVisible() and lock.page.field.isEnabled(), what
    shown = on_screen_text()
    for secret in secrets:
        assert secret not in shown, f"{what} shows case data"


def _open_the_case(qtbot, launched: Launched) -> tuple[str, list[str]]:
    window = launched.window
    summary = window.case_list.model.summary(0)
    secrets = [summary.display_name, *summary.display_name.split(", ")]
    if summary.a_number:
        digits = summary.a_number.replace("-", "")
        secrets += [digits, f"{digits[:3]}-{digits[3:6]}-{digits[6:]}"]
    window.open_case(summary.case_id)
    qtbot.waitUntil(lambda: window.current_case_page() is not None
                    and window.stack.currentWidget() is window.current_case_page(),
                    timeout=20_000)
    # the check below can see a case: its name shows once the page has read it
    qtbot.waitUntil(lambda: secrets[1] in on_screen_text(), timeout=20_000)
    return summary.case_id, secrets


def test_every_action_and_shortcut_while_locked_shows_no_case(
        qtbot, start_app: Starter) -> None:
    launched = start_app()
    window, lock = launched.window, launched.opener.lock
    wait_for_cases(qtbot, launched, 1)
    _case_id, secrets = _open_the_case(qtbot, launched)
    page = window.current_case_page()
    key_dialog = window.show_import_key_dialog()  # a dialog holding a typed passphrase
    assert key_dialog is not None
    key_dialog.passphrase_edit.setText("a signing passphrase")
    database = launched.opener.storage.database
    held = database.key._raw  # the key's buffer as the database holds it before the lock
    assert any(held)
    key_dialog.activateWindow()  # Ctrl+L from the (window-modal) dialog: it locks too
    qtbot.waitUntil(key_dialog.isActiveWindow, timeout=5_000)  # keys go to the active window
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000):
        QTest.keyClick(QApplication.focusWidget() or key_dialog, Qt.Key.Key_L, CTRL)
    _assert_locked(launched, secrets, "Ctrl+L")
    assert not database.key.unlocked and not any(held)  # zeroed where it lay
    assert database.engine.pool.checkedin() == 0  # no open connection keeps the key
    assert not key_dialog.isVisible() and not key_dialog.passphrase_edit.text()

    actions = window.findChildren(QAction)
    assert len(actions) >= 10  # the menus', the toolbar's and the open case's
    for action in actions:
        action.trigger()
        _assert_locked(launched, secrets, f"the action {action.text()!r}")
    for action in window.menuBar().actions():  # the menus, opened by hand
        menu = action.menu()
        if menu is not None:
            menu.popup(window.mapToGlobal(window.rect().center()))
            _assert_locked(launched, secrets, f"the menu {action.text()!r}")
    presses = _key_presses(window)
    assert (Qt.Key.Key_Home, ALT) in presses
    for key, modifiers in presses:
        QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)
        _assert_locked(launched, secrets, f"the key {QKeySequence(key | modifiers).toString()}")
    window.show_case_list()
    window.show_open_dialog()
    window.show_rules_page()
    _assert_locked(launched, secrets, "the window's own page changes")

    assert "stays locked" in lock.page.error.text()
    lock.page.field.clear()  # Alt+F and the like typed their letter into it
    lock.page.field.setFocus()
    QTest.keyClicks(lock.page.field, TEST_PASSPHRASE)
    with qtbot.waitSignal(lock.locked_changed, timeout=10_000):
        QTest.keyClick(lock.page.field, Qt.Key.Key_Return)
    assert not lock.locked and launched.opener.storage.database.key.unlocked
    assert window.current_case_page() is page and window.stack.currentWidget() is page
    assert window.menuBar().isEnabled() and window.back_action.isEnabled()
    assert lock.lock_action.isEnabled()
    assert key_dialog.isVisible()  # back as it was, less the passphrase
    key_dialog.close()
    qtbot.waitUntil(lambda: window.case_list.model.rowCount() == 1, timeout=20_000)
    assert secrets[1] in on_screen_text()  # the case shows again

    lock.set_idle_ms(50)  # the idle lock takes the same road: Alt+Home does not leave it
    with qtbot.waitSignal(lock.locked_changed, timeout=5_000):
        pass
    for key, modifiers in [(Qt.Key.Key_Home, ALT), (Qt.Key.Key_O, CTRL), (Qt.Key.Key_L, CTRL)]:
        QTest.keyClick(QApplication.focusWidget() or window, key, modifiers)
        _assert_locked(launched, secrets, "after the idle lock")
    lock.page.field.setText(TEST_PASSPHRASE)
    with qtbot.waitSignal(lock.locked_changed, timeout=10_000):
        lock.page.unlock_button.click()
    assert window.stack.currentWidget() is page
