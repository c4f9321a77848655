"""Line edits that speak case-file values: text, whole numbers, comma-separated code lists."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QIntValidator, QRegularExpressionValidator
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.case_rules import display_a_number
from desktop.ui.i18n import translate


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
        self.setPlaceholderText(translate("TextEdits", "Unknown"))
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


class TimeLineEdit(QLineEdit):
    """A local time `HH:MM` (24-hour), or None when empty (unknown)."""

    value_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pattern = QRegularExpression(r"^([01]?\d|2[0-3])?(:[0-5]?\d?)?$")
        self.setValidator(QRegularExpressionValidator(pattern, self))
        self.setPlaceholderText(translate("TextEdits", "Unknown — e.g. 23:40"))
        self.textEdited.connect(lambda _text: self.value_edited.emit(self.value()))

    def value(self) -> str | None:
        hours, _, minutes = self.text().strip().partition(":")
        if not hours.isdigit() or len(minutes) != 2 or not minutes.isdigit():
            return None
        return f"{int(hours):02d}:{minutes}"

    def set_value(self, value: object) -> None:
        text = value if isinstance(value, str) else ""
        if text != self.value() and text != self.text():
            self.setText(text)


def canonical_a_number(text: str) -> str | None:
    """`a 12345678`, `123-456-789`, `A123456789` → `A-012-345-678` / `A-123-456-789`; None if
    the case-file rule (desktop.case_rules, the one rule) does not accept it."""
    return display_a_number(text)


class ANumberLineEdit(QLineEdit):
    """An A-number in any common form, stored as `A-123-456-789`; empty = unknown (None)."""

    value_edited = Signal(object)
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(translate("TextEdits", "Unknown — e.g. A-123-456-789 or 123456789"))
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_finished)

    def value(self) -> str | None:
        return canonical_a_number(self.text())

    def set_value(self, value: object) -> None:
        text = value if isinstance(value, str) else ""
        if text and canonical_a_number(self.text()) == canonical_a_number(text):
            return  # the same number in the form being typed
        if text != self.text():
            self.setText(text)

    def _on_edited(self, text: str) -> None:
        if not text.strip() or self.value() is not None:
            self.value_edited.emit(self.value())

    def _on_finished(self) -> None:
        if self.text().strip() and self.value() is None:
            self.invalid.emit("An A-number has 8 or 9 digits, e.g. A-123-456-789")
        elif self.value() is not None and self.text() != self.value():
            self.setText(str(self.value()))
