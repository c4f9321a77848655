"""PartialDateEdit: a date typed as people write it, known to the day, month or year, or not."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QLabel, QLineEdit, QSizePolicy, QWidget

from desktop.flow.partial_dates import (
    PartialDate,
    Precision,
    describe_date,
    parse_typed_date,
    try_parse,
)
from desktop.ui.i18n import translate


def locale_is_day_first(locale: QLocale | None = None) -> bool:
    """True when the locale writes the day before the month (20/05/2019)."""
    pattern = (locale or QLocale()).dateFormat(QLocale.FormatType.ShortFormat).lower()
    return pattern.find("d") < pattern.find("m")


class PartialDateEdit(QWidget):
    """One line to type a date in: `2019`, `3/2019`, `March 2019`, `20 May 2019`; empty = Unknown.

    The precision is what was typed; nothing is filled in. value() is the case-file spelling
    (`2019`, `2019-05`, `2019-05-20`) or None. value_edited is emitted for the user's valid
    changes; `invalid` carries a message in words while the text is not a date.
    """

    value_edited = Signal(object)
    invalid = Signal(str)

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        full_date_only: bool = False,
        show_reading: bool = True,
    ) -> None:
        super().__init__(parent)
        self.full_date_only = full_date_only
        self.day_first = locale_is_day_first()
        self._value: PartialDate | None = None
        self.line_edit = QLineEdit(self)
        example = "20/5/2019" if self.day_first else "5/20/2019"
        self.line_edit.setPlaceholderText(
            translate(
                "PartialDateEdit",
                "Unknown — type e.g. {example}").format(
                example=example) if full_date_only
            else translate(
                     "PartialDateEdit",
                     "Unknown — type 2019, 5/2019, May 2019 or {example}").format(
                     example=example)
        )
        # The placeholder says how to type a date: never cut (a form narrower wraps the row).
        placeholder = self.line_edit.fontMetrics().horizontalAdvance(
            self.line_edit.placeholderText())
        self.line_edit.setMinimumWidth(max(120, placeholder + 16) if show_reading else 120)
        self.reading = QLabel(self)
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.reading.setStyleSheet("color: #444;")
        # How the text was read ("March 2019 (month only)") sits beside the field when there
        # is room for all of it, else under it (see resizeEvent): never cut.
        self.reading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.reading.setMinimumWidth(60)
        self.row = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.row.addWidget(self.line_edit, 3)
        self.row.addWidget(self.reading, 2)
        self.reading.setVisible(show_reading)
        self.setFocusProxy(self.line_edit)
        self.line_edit.textEdited.connect(self._on_text_edited)
        self.line_edit.editingFinished.connect(self._on_editing_finished)
        self.setAccessibleName(translate("PartialDateEdit", "Date"))
        self._show_reading()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_reading()

    def _place_reading(self) -> None:
        """The reading beside the line when both fit whole at this width, else under it."""
        needed = (self.line_edit.minimumWidth() + self.row.spacing()
                  + self.reading.fontMetrics().horizontalAdvance(self.reading.text()) + 8)
        direction = (QBoxLayout.Direction.LeftToRight if self.width() >= needed
                     else QBoxLayout.Direction.TopToBottom)
        if self.row.direction() != direction:
            self.row.setDirection(direction)

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line_edit.setAccessibleName(name)

    def setToolTip(self, text: str) -> None:
        super().setToolTip(text)
        self.line_edit.setToolTip(text)

    def precision(self) -> Precision:
        return Precision.UNKNOWN if self._value is None else self._value.precision

    def value(self) -> str | None:
        return None if self._value is None else self._value.iso()

    def set_value(self, text: object) -> None:
        """Show a case-file date; unknown or malformed values show as Unknown (empty)."""
        parsed = try_parse(text)
        self._value = parsed
        shown = "" if parsed is None else self._typed_form(parsed)
        if shown != self.line_edit.text() and try_parse_typed(
            self.line_edit.text(), self.day_first
        ) != parsed:
            self.line_edit.setText(shown)
        self._show_reading()

    def _typed_form(self, value: PartialDate) -> str:
        if value.month is None:
            return str(value.year)
        if value.day is None:
            return f"{value.month}/{value.year}"
        first, second = (value.day, value.month) if self.day_first else (value.month, value.day)
        return f"{first}/{second}/{value.year}"

    def _parse(self) -> PartialDate | None:
        parsed = parse_typed_date(self.line_edit.text(), day_first=self.day_first)
        if parsed is not None and self.full_date_only and parsed.precision is not Precision.DAY:
            raise ValueError("give the day, the month and the year")
        return parsed

    def _on_text_edited(self, _text: str) -> None:
        try:
            parsed = self._parse()
        except ValueError:
            self.reading.setText("…")
            return
        self._value = parsed
        self._show_reading()
        self.value_edited.emit(self.value())

    def _on_editing_finished(self) -> None:
        try:
            self._parse()
        except ValueError as error:
            self.reading.setText(translate("PartialDateEdit", "not a date"))
            self.invalid.emit(str(error)[:1].upper() + str(error)[1:])

    def _show_reading(self) -> None:
        self.reading.setText(translate(
            "PartialDateEdit", "Unknown") if self._value is None else describe_date(self._value))
        self.reading.setToolTip(self.reading.text())
        self._place_reading()


def try_parse_typed(text: str, day_first: bool) -> PartialDate | None:
    """The date a text means, or None when it is empty or not a date."""
    try:
        return parse_typed_date(text, day_first=day_first)
    except ValueError:
        return None
