"""OfficeQueuePage: "My cases", "Awaiting my review", "Returned to me"; assignment; comments."""

from __future__ import annotations

from typing import Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.case_rules.text import visible_text
from desktop.services.review import OfficeFilter, OfficeRow, Person, ReviewService
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

VIEWS = (
    (QT_TRANSLATE_NOOP("OfficeQueue", "My cases"), "mine"),
    (QT_TRANSLATE_NOOP("OfficeQueue", "Awaiting my review"), "awaiting_review"),
    (QT_TRANSLATE_NOOP("OfficeQueue", "Returned to me"), "returned_to_me"),
    (QT_TRANSLATE_NOOP("OfficeQueue", "All cases"), "all"),
)
HEADERS = (
    QT_TRANSLATE_NOOP("OfficeQueue", "Name"),
    QT_TRANSLATE_NOOP("OfficeQueue", "Status"),
    QT_TRANSLATE_NOOP("OfficeQueue", "Review"),
    QT_TRANSLATE_NOOP("OfficeQueue", "Assigned to"),
    QT_TRANSLATE_NOOP("OfficeQueue", "Comments"),
)
REVIEW_WORDS = {
    None: "—",
    "submitted": QT_TRANSLATE_NOOP("OfficeQueue", "awaiting review"),
    "returned": QT_TRANSLATE_NOOP("OfficeQueue", "returned"),
    "approved": "approved",
}
ModelIndex = QModelIndex | QPersistentModelIndex


class OfficeQueueModel(QAbstractTableModel):
    """A plain list of office rows as a table."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[OfficeRow] = []
        self.names: dict[str, str] = {}

    def set_rows(self, rows: list[OfficeRow], names: dict[str, str]) -> None:
        self.beginResetModel()
        self.rows, self.names = rows, names
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 (Qt)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return translate("OfficeQueue", HEADERS[section])
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        row = self.rows[index.row()]
        assigned = self.names.get(row.assigned_to or "", row.assigned_to or "—")
        name = visible_text(row.summary.display_name)  # spelt out, never obeyed
        return (
            name,
            row.summary.status,
            translate("OfficeQueue", REVIEW_WORDS[row.review_state]),
            assigned,
            str(row.comment_count),
        )[index.column()]


class OfficeQueuePage(QWidget):
    """The office's filters over the cases; double-click or Enter opens a case."""

    open_requested = Signal(str)
    loaded = Signal()
    failed = Signal(str)

    def __init__(
        self, service: ReviewService, runner: BackgroundRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.required = False
        self.people: list[Person] = []
        self.view_combo = QComboBox(self)
        self.view_combo.setAccessibleName(translate("OfficeQueue", "Which cases"))
        for label, view in ((translate("OfficeQueue", text), key) for text, key in VIEWS):
            self.view_combo.addItem(label, view)
        self.model = OfficeQueueModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(translate("OfficeQueue", "Office cases"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.assign_button = QPushButton(translate("OfficeQueue", "Assign to…"), self)
        self.assign_button.setAccessibleName(
            translate("OfficeQueue", "Assign the selected case to a caseworker")
        )
        self.status_label = QLabel(self)
        top = QHBoxLayout()
        top.addWidget(self.view_combo)
        top.addWidget(self.status_label, 1)
        top.addWidget(self.assign_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.view_combo.currentIndexChanged.connect(self.refresh)
        self.table.activated.connect(
            lambda index: self.open_requested.emit(self.model.rows[index.row()].summary.case_id)
        )
        self.assign_button.clicked.connect(self.ask_assign)
        self.assign_dialog: QInputDialog | None = None

    def refresh(self) -> None:
        service, view = self.service, cast(OfficeFilter, self.view_combo.currentData())

        def read() -> tuple[bool, list[Person], list[OfficeRow]]:
            return service.review_required(), service.people(), service.office_rows(view)

        self.runner.run(
            read,
            on_done=while_alive(self, self._show),
            on_error=while_alive(self, lambda error: self.failed.emit(str(error))),
        )

    def _show(self, result: tuple[bool, list[Person], list[OfficeRow]]) -> None:
        self.required, self.people, rows = result
        self.model.set_rows(rows, {p.login: p.display_name for p in self.people})
        count = len(rows)
        self.status_label.setText(translate("OfficeQueue", "%n case(s)", None, count))
        self.loaded.emit()

    def selected_case(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].summary.case_id if rows else None

    def ask_assign(self) -> None:
        """Choose a caseworker for the selected case."""
        case_id = self.selected_case()
        if case_id is None:
            return
        dialog = QInputDialog(self)
        dialog.setWindowTitle(translate("OfficeQueue", "Assign the case"))
        dialog.setLabelText(translate("OfficeQueue", "Caseworker"))
        workers = [p for p in self.people if p.role == "caseworker"]
        dialog.setComboBoxItems([f"{p.display_name} ({p.login})" for p in workers])
        dialog.setOption(QInputDialog.InputDialogOption.UseListViewForComboBoxItems, False)

        def chosen() -> None:
            login = workers[
                [f"{p.display_name} ({p.login})" for p in workers].index(dialog.textValue())
            ].login
            service = self.service
            self.runner.run(
                lambda: service.assign(case_id, login),
                on_done=while_alive(self, lambda _r: self.refresh()),
                on_error=while_alive(self, lambda e: self.failed.emit(str(e))),
            )

        dialog.accepted.connect(chosen)
        self.assign_dialog = dialog
        dialog.open()


def attach_office_queue(window: Any, services: Any) -> OfficeQueuePage:
    """Dock the office queue on the main window; it shows only when the office reviews."""
    service = ReviewService(services.cases.database, services.clock, actor=services.cases.actor)
    page = OfficeQueuePage(service, services.runner)
    dock = QDockWidget(translate("OfficeQueue", "Office"), window)
    dock.setObjectName("officeDock")
    dock.setWidget(page)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    page.loaded.connect(lambda: dock.setVisible(page.required))
    page.open_requested.connect(window.open_case)
    window.stack.currentChanged.connect(lambda _index: page.refresh())  # back from a case
    page.refresh()
    return page
