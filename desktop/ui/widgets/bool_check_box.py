"""BoolCheckBox: a check box that speaks True/False like the other case-file editors."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QWidget


class BoolCheckBox(QCheckBox):
    """value() is True or False; value_edited is emitted on the user's clicks."""

    value_edited = Signal(object)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda checked: self.value_edited.emit(bool(checked)))

    def value(self) -> bool:
        return self.isChecked()

    def set_value(self, value: object) -> None:
        self.setChecked(bool(value))
