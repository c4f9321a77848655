"""PartialDateEdit: a date known to the day, the month, the year, or not at all."""

from __future__ import annotations

import calendar

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSpinBox, QWidget

from desktop.engine.dates import FIRST_YEAR, LAST_YEAR
from desktop.flow.partial_dates import Precision, try_parse

_PRECISIONS = (
    (Precision.UNKNOWN, "Unknown"),
    (Precision.YEAR, "Year only"),
    (Precision.MONTH, "Month and year"),
    (Precision.DAY, "Exact day"),
)


class PartialDateEdit(QWidget):
    """A precision combo and the fields that precision needs: year, month, day.

    value() is the case-file spelling (`2019`, `2019-10`, `2019-10-03`) or None for unknown.
    value_edited is emitted only for the user's changes, not for set_value().
    """

    value_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None, default_year: int | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.precision_combo = QComboBox(self)
        for precision, label in _PRECISIONS:
            self.precision_combo.addItem(label, precision.value)
        self.year_spin = QSpinBox(self)
        self.year_spin.setRange(FIRST_YEAR, LAST_YEAR)  # the date rule's years
        self.year_spin.setValue(default_year or QDate.currentDate().year())
        self.month_combo = QComboBox(self)
        for number in range(1, 13):
            self.month_combo.addItem(f"{calendar.month_name[number]}", number)
        self.day_spin = QSpinBox(self)
        self.day_spin.setRange(1, 31)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.precision_combo)
        layout.addWidget(self.day_spin)
        layout.addWidget(self.month_combo)
        layout.addWidget(self.year_spin)
        layout.addStretch(1)
        self.setFocusProxy(self.precision_combo)
        self.precision_combo.currentIndexChanged.connect(self._on_precision_changed)
        self.year_spin.valueChanged.connect(self._on_part_changed)
        self.month_combo.currentIndexChanged.connect(self._on_part_changed)
        self.day_spin.valueChanged.connect(self._on_part_changed)
        self.setAccessibleName("Date")
        self._show_fields()

    # -- public -------------------------------------------------------------------------
    def setAccessibleName(self, name: str) -> None:  # noqa: N802 (Qt spelling)
        super().setAccessibleName(name)
        self.precision_combo.setAccessibleName(f"{name}: how precisely it is known")
        self.year_spin.setAccessibleName(f"{name}: year")
        self.month_combo.setAccessibleName(f"{name}: month")
        self.day_spin.setAccessibleName(f"{name}: day")

    def precision(self) -> Precision:
        return Precision(self.precision_combo.currentData())

    def value(self) -> str | None:
        precision = self.precision()
        if precision is Precision.UNKNOWN:
            return None
        text = f"{self.year_spin.value():04d}"
        if precision in (Precision.MONTH, Precision.DAY):
            text += f"-{self.month_combo.currentData():02d}"
        if precision is Precision.DAY:
            text += f"-{self.day_spin.value():02d}"
        return text

    def set_value(self, text: object) -> None:
        """Show a case-file date; unknown or malformed values show as Unknown."""
        parsed = try_parse(text)
        self._loading = True
        try:
            if parsed is None:
                self._set_precision(Precision.UNKNOWN)
            else:
                self.year_spin.setValue(parsed.year)
                if parsed.month is not None:
                    self.month_combo.setCurrentIndex(parsed.month - 1)
                self._clamp_day()
                if parsed.day is not None:
                    self.day_spin.setValue(parsed.day)
                self._set_precision(parsed.precision)
        finally:
            self._loading = False
        self._show_fields()

    def set_precision(self, precision: Precision) -> None:
        """Change the precision as the user would (emits value_edited)."""
        self._set_precision(precision)

    # -- internals ----------------------------------------------------------------------
    def _set_precision(self, precision: Precision) -> None:
        index = self.precision_combo.findData(precision.value)
        self.precision_combo.setCurrentIndex(index)

    def _show_fields(self) -> None:
        precision = self.precision()
        self.year_spin.setVisible(precision is not Precision.UNKNOWN)
        self.month_combo.setVisible(precision in (Precision.MONTH, Precision.DAY))
        self.day_spin.setVisible(precision is Precision.DAY)

    def _clamp_day(self) -> None:
        month = int(self.month_combo.currentData() or 1)
        days = calendar.monthrange(self.year_spin.value(), month)[1]
        self.day_spin.setMaximum(days)

    def _on_precision_changed(self) -> None:
        self._show_fields()
        self._emit()

    def _on_part_changed(self) -> None:
        self._clamp_day()
        self._emit()

    def _emit(self) -> None:
        if not self._loading:
            self.value_edited.emit(self.value())
