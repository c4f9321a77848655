"""CountryListEdit: an ordered list of countries (nationalities) added with a country combo."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop.ui.i18n import translate
from desktop.ui.widgets.country_combo_box import CountryComboBox, country_label


class _CountryList(QListWidget):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class CountryListEdit(QWidget):
    """Countries chosen one at a time; Delete removes the selected one."""

    value_edited = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = CountryComboBox(self)
        self.add_button = QPushButton(translate("CountryListEdit", "Add"), self)
        self.list_widget = _CountryList(self)
        self.list_widget.setFixedHeight(52)
        self.remove_button = QPushButton(translate("CountryListEdit", "Remove"), self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 2)
        layout.addWidget(self.add_button)
        layout.addWidget(self.list_widget, 2)
        layout.addWidget(self.remove_button)
        self.setFocusProxy(self.combo)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._codes: list[str] = []
        self.combo.value_edited.connect(self._add_code)
        self.add_button.clicked.connect(self._add_current)
        self.remove_button.clicked.connect(self._remove_selected)
        self.list_widget.delete_pressed.connect(self._remove_selected)
        self.setAccessibleName(translate("CountryListEdit", "Countries"))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.combo.setAccessibleName(
            translate("CountryListEdit", "{name}: add a country").format(name=name)
        )
        self.add_button.setAccessibleName(
            translate("CountryListEdit", "Add to {name}").format(name=name)
        )
        self.list_widget.setAccessibleName(
            translate("CountryListEdit", "{name} chosen").format(name=name)
        )
        self.remove_button.setAccessibleName(
            translate("CountryListEdit", "Remove from {name}").format(name=name)
        )

    def value(self) -> list[str]:
        return list(self._codes)

    def set_value(self, value: object) -> None:
        codes = [str(code) for code in value] if isinstance(value, list) else []
        if codes == self._codes:
            return
        self._codes = codes
        self._refresh()

    def add_country(self, code: str) -> None:
        """Add as the user would (emits value_edited)."""
        self._add_code(code)

    def _refresh(self) -> None:
        self.list_widget.clear()
        for code in self._codes:
            item = QListWidgetItem(country_label(code))
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.list_widget.addItem(item)

    def _add_current(self) -> None:
        self.combo.commit()
        self._add_code(self.combo.value())

    def _add_code(self, code: object) -> None:
        if not isinstance(code, str) or code in self._codes:
            return
        self._codes.append(code)
        self._refresh()
        self.combo.set_value(None)
        self.value_edited.emit(self.value())

    def _remove_selected(self) -> None:
        row = self.list_widget.currentRow()
        if 0 <= row < len(self._codes):
            del self._codes[row]
            self._refresh()
            self.value_edited.emit(self.value())
