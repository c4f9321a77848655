"""The recovery key is shown selected in a read-only field: copyable by keyboard or by button."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QWidget

from desktop.ui.passphrase_dialog import show_recovery_key

pytestmark = [pytest.mark.gui]

KEY = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789"


def test_the_key_is_focused_selected_and_copied_by_ctrl_c_or_the_button(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = show_recovery_key(parent, KEY)
    qtbot.waitUntil(dialog.isVisible)
    field = dialog.findChild(QLineEdit, "recoveryKey")
    assert field is not None and field.isReadOnly()
    qtbot.waitUntil(lambda: dialog.focusWidget() is field)
    assert field.selectedText() == KEY
    QApplication.clipboard().clear()
    qtbot.keyClick(field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.clipboard().text() == KEY
    QApplication.clipboard().clear()
    copy = dialog.findChild(QPushButton, "copyRecoveryKey")
    copy.click()
    assert QApplication.clipboard().text() == KEY and copy.text() == "Copied"
    # the whole key is visible, not cut
    assert field.width() >= field.fontMetrics().horizontalAdvance(KEY)
    dialog.accept()
