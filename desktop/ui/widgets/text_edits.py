"""Line edits that speak case-file values: text, whole numbers, comma-separated code lists."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QIntValidator
from PySide6.QtWidgets import QLineEdit, QWidget


class TextLineEdit(QLineEdit):
    """Free text in any script; value() is the text, or None when empty and `empty_is_none`."""

    value_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, empty_is_none: bool = False) -> None:
        super().__init__(parent)
        self._empty_is_none = empty_is_none
        self.textEdited.connect(lambda _text: self.value_edited.emit(self.value()))

    def value(self) -> str | None:
        text = self.text()
        if self._empty_is_none and not text.strip():
            return None
        return text

    def set_value(self, value: object) -> None:
        if value is None:
            text = ""
        else:
            text = str(value)
        if text != self.text():
            self.setText(text)


class IntLineEdit(QLineEdit):
    """A whole number 0 or more, or None when empty (unknown)."""

    value_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, maximum: int = 100_000) -> None:
        super().__init__(parent)
        self.setValidator(QIntValidator(0, maximum, self))
        self.setPlaceholderText("Unknown")
        self.textEdited.connect(lambda _text: self.value_edited.emit(self.value()))

    def value(self) -> int | None:
        text = self.text().strip()
        return int(text) if text.isdigit() else None

    def set_value(self, value: object) -> None:
        text = "" if value is None else str(value)
        if text != self.text():
            self.setText(text)


class CodeListLineEdit(QLineEdit):
    """Codes separated by commas (`es, en`); value() is the list, lower-case, no blanks."""

    value_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, upper: bool = False) -> None:
        super().__init__(parent)
        self._upper = upper
        self.textEdited.connect(lambda _text: self.value_edited.emit(self.value()))

    def value(self) -> list[str]:
        parts = (part.strip() for part in self.text().replace(";", ",").split(","))
        return [part.upper() if self._upper else part.lower() for part in parts if part]

    def set_value(self, value: object) -> None:
        codes = value if isinstance(value, list) else []
        if codes != self.value():
            self.setText(", ".join(str(code) for code in codes))
