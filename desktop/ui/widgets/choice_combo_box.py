"""Combo boxes over closed answer sets: ChoiceComboBox (one of N or unknown), TriStateComboBox."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

UNKNOWN = QT_TRANSLATE_NOOP("ChoiceComboBox", "Unknown")  # translated when shown

class ChoiceComboBox(QComboBox):
    """One value of a closed set, or None (shown as `unknown_label`) when allowed.

    The values live in a Python list beside the items, not in the items' data: Python
    True/False/None round-tripped through QVariant item data proved fragile in PySide6.
    """

    value_edited = Signal(object)

    def __init__(
        self,
        choices: Sequence[tuple[object, str]],
        parent: QWidget | None = None,
        *,
        unknown_label: str | None = UNKNOWN,
    ) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self._values: list[object] = []
        if unknown_label is not None:
            self._values.append(None)
            self.addItem(translate("ChoiceComboBox", unknown_label))
        for value, label in choices:
            self._values.append(value)
            self.addItem(label)
        self.activated.connect(lambda _index: self.value_edited.emit(self.value()))

    def index_of(self, value: object) -> int:
        for index, known in enumerate(self._values):
            if known is value or (type(known) is type(value) and known == value):
                return index
        return -1

    def value(self) -> object:
        index = self.currentIndex()
        return self._values[index] if 0 <= index < len(self._values) else None

    def set_value(self, value: object) -> None:
        index = self.index_of(value)
        self.blockSignals(True)
        try:
            self.setCurrentIndex(max(index, 0))
        finally:
            self.blockSignals(False)

    def choose(self, value: object) -> None:
        """Pick a value as the user would (emits value_edited)."""
        self.setCurrentIndex(self.index_of(value))
        self.value_edited.emit(self.value())


class TriStateComboBox(ChoiceComboBox):
    """Yes, No or Unknown → True, False or None."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(((True, translate(
            "ChoiceComboBox", "Yes")), (False, translate(
            "ChoiceComboBox", "No"))), parent, unknown_label=translate(
            "ChoiceComboBox", "Unknown"))
