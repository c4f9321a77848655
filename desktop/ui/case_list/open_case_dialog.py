"""OpenCaseDialog (Ctrl+O): find a case by name or A-number (any part) and open it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.case_rules import shown_a_number
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.services.cases import CaseSummary
    from desktop.ui.context import UiServices

SEARCH_DELAY_MS = 150
MAX_ROWS = 50


class OpenCaseDialog(QDialog):
    """A search line and the matching cases; nothing opens until one is chosen."""

    open_requested = Signal(str)
    results_shown = Signal(int)

    def __init__(self, services: UiServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.setWindowTitle(translate("OpenCaseDialog", "Open case"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(translate(
            "OpenCaseDialog", "Name, A-number (any part, e.g. the last digits) or notes"))
        self.search.setAccessibleName(translate("OpenCaseDialog", "Find a case"))
        self.search.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setAccessibleName(translate("OpenCaseDialog", "Matching cases"))
        self.count = QLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel, self
        )
        layout = QVBoxLayout(self)
        find_label = QLabel(translate("OpenCaseDialog", "&Find:"), self)
        find_label.setBuddy(self.search)
        layout.addWidget(find_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.count)
        layout.addWidget(self.buttons)
        self.resize(520, 420)
        self._generation = 0
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self._open_first_or_current)
        self.results.itemActivated.connect(lambda _item: self.accept())
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search.setFocus()
        self.run_search()

    def run_search(self) -> None:
        self.timer.stop()
        self._generation += 1
        generation, query, cases = self._generation, self.search.text(), self.services.cases
        self.services.runner.run(
            lambda: cases.list_cases(search=query, limit=MAX_ROWS),
            on_done=while_alive(self, lambda rows: self._show(generation, rows)),
            on_error=while_alive(
                self,
                lambda error: self.count.setText(
                    translate("OpenCaseDialog", "Search failed: {error}").format(error=error)
                ),
            ),
        )

    def _show(self, generation: int, rows: list[CaseSummary]) -> None:
        if generation != self._generation:
            return
        self.results.clear()
        for row in rows:
            words: list[str | None] = [row.display_name, shown_a_number(row.a_number)]
            words += [
                row.nationality,
                row.entry_date
                and translate("OpenCaseDialog", "entered {entry_date}").format(
                    entry_date=row.entry_date
                ),
            ]
            item = QListWidgetItem(" · ".join(str(w) for w in words if w))
            item.setData(Qt.ItemDataRole.UserRole, row.case_id)
            self.results.addItem(item)
        if rows:
            self.results.setCurrentRow(0)
        more = translate("OpenCaseDialog", " (the first 50)") if len(rows) == MAX_ROWS else ""
        count = len(rows)
        self.count.setText(
            translate("OpenCaseDialog", "%n case(s)", None, count) + more
        )
        self.results_shown.emit(len(rows))

    def chosen_case_id(self) -> str | None:
        item = self.results.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _open_first_or_current(self) -> None:
        if self.chosen_case_id() is not None:
            self.accept()

    def accept(self) -> None:
        case_id = self.chosen_case_id()
        super().accept()
        if case_id is not None:
            self.open_requested.emit(case_id)
