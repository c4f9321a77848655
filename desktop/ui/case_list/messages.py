"""Non-blocking message boxes (shown, not exec()ed, so nothing spins a nested event loop)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon | None = None,
    details: str | None = None,
) -> QMessageBox:
    """Open a window-modal message box and return it (it deletes itself when closed)."""
    if icon is None:
        icon = QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setAccessibleName(title)
    if details:
        box.setDetailedText(details)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
