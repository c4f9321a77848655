"""CaseListPage: the home screen: search as you type, status filter, sortable lazy table."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QSettings, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.background import BackgroundRunner
from desktop.ui.case_list.case_list_model import COLUMNS, CaseListModel, CaseQuery
from desktop.ui.case_list.case_list_widgets import (
    make_buttons,
    make_search,
    make_status_filter,
    make_table,
)
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent  # its class costs the first paint 10 ms: see eventFilter
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.cases import CaseSummary
    from desktop.ui.case_list.transfer import CaseTransfer
    from desktop.ui.context import UiServices

SEARCH_DELAY_MS = 150


class CaseListPage(QWidget):
    """The list of stored cases. Emits open_requested(case_id) on double-click, Enter or Open."""

    open_requested = Signal(str)

    def __init__(
        self, runner: BackgroundRunner, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseListPage")
        self._runner = runner
        self._services: UiServices | None = None
        self.model = CaseListModel(runner, self, defer_columns=True)
        self._settings = settings
        self._transfer: CaseTransfer | None = None
        self._set_up = False
        self.last_message: QMessageBox | None = None
        # Selection and scroll position across a reload of the same query (see _remember_view).
        self._kept_view: tuple[CaseQuery, list[str], str | None, int] | None = None
        self._build()
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self._apply_search)
        self.search_edit.textChanged.connect(self._search_timer.start)
        self.status_combo.currentIndexChanged.connect(self._apply_search)
        self.table.activated.connect(self._open_index)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.new_button.clicked.connect(self.new_case)
        self.open_button.clicked.connect(self.open_selected)
        self.import_button.clicked.connect(lambda: self.transfer.choose_and_import())
        self.export_button.clicked.connect(self.choose_and_export)
        self.model.loading_changed.connect(self._update_count)
        self.model.query_applied.connect(self._after_query)
        self.model.modelAboutToBeReset.connect(self._remember_view)
        self.model.modelReset.connect(self._update_buttons)
        self.model.load_failed.connect(self._show_load_error)
        self._update_count()
        self._update_buttons()

    # --- layout ------------------------------------------------------------------------------

    def _build(self) -> None:
        self.new_button, self.open_button, self.import_button, self.export_button = (
            make_buttons()
        )
        self.search_edit, search_label = make_search()
        self.status_combo, status_label = make_status_filter()
        self.table = make_table(self.model)

        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.count_label.setAccessibleName(translate("CaseListPage", "Number of cases"))

        top = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.import_button, self.export_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(search_label)
        top.addWidget(self.search_edit)
        top.addWidget(status_label)
        top.addWidget(self.status_combo)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)

        QWidget.setTabOrder(self.search_edit, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.table)
        QWidget.setTabOrder(self.table, self.new_button)
        QWidget.setTabOrder(self.new_button, self.open_button)
        QWidget.setTabOrder(self.open_button, self.import_button)
        QWidget.setTabOrder(self.import_button, self.export_button)
        self.setFocusProxy(self.search_edit)

    def finish_setup(self) -> None:
        """The columns, their widths and sorting: after the window's first paint (idempotent).

        MainWindow calls it after its first frame; set_services() and show_preview() too.

        The first frame shows the page without the table's header: the header is what
        first needs Qt's enums (the Qt namespace), which cost tens of ms to create.
        """
        if self._set_up:
            return
        self._set_up = True
        # Down arrow from the search box (eventFilter): not before the first frame, where each
        # event the filter saw would create Qt's event classes (10 ms) for nothing.
        self.search_edit.installEventFilter(self)
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QHeaderView

        self.model.show_columns()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        metrics = self.table.fontMetrics()
        for column, sample in (
            (1, "A-000-000-000"),
            (2, translate("CaseListPage", "Nationality")),
            (3, "2019-10-03"),
            (4, translate("CaseListPage", "Draft, memo saved")),
            (5, "2019-10-03 00:00"),
        ):
            title = translate("CaseListModel", COLUMNS[column].title)  # wider in some languages
            widest = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title))
            header.resizeSection(column, widest + 32)
        # Matches CaseQuery(): "Last change", newest first.
        header.setSortIndicator(len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)

    @property
    def transfer(self) -> CaseTransfer:
        """Import and export (built on first use: its dialogs are not needed to paint)."""
        if self._transfer is None:
            from desktop.ui.case_list.transfer import CaseTransfer

            self._transfer = CaseTransfer(self, self._runner, self._settings, self._after_import)
            if self._services is not None:
                self._transfer.cases = self._services.cases
        return self._transfer

    # --- services ----------------------------------------------------------------------------

    def set_services(self, services: UiServices) -> None:
        """Connect the list to storage (called once the database is open)."""
        self.finish_setup()
        self._services = services
        if self._transfer is not None:
            self._transfer.cases = services.cases
        self.model.set_source(services.cases)
        self._update_buttons()

    def refresh(self) -> None:
        """Query again (after a case was saved, imported or created)."""
        self.model.reload()

    # --- actions -----------------------------------------------------------------------------

    def selected_case_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.model.summary(row).case_id for row in rows]

    def open_selected(self) -> None:
        index = self.table.currentIndex()
        if not index.isValid():
            selected = self.table.selectionModel().selectedRows()
            index = selected[0] if selected else QModelIndex()
        if index.isValid():
            self._open_index(index)

    def new_case(self) -> None:
        """Create an empty draft in the background and ask for it to be opened."""
        if self._services is None:
            return
        from desktop.flow.case_template import blank_case

        cases = self._services.cases
        self.new_button.setEnabled(False)

        def created(case_id: str) -> None:
            self._update_buttons()
            self.refresh()
            self.open_requested.emit(case_id)

        def failed(error: BaseException) -> None:
            from desktop.ui.case_list.messages import show_message

            self._update_buttons()
            self.last_message = show_message(
                self,
                translate("CaseListPage", "New case"),
                translate("CaseListPage", "The case was not created: {error}").format(error=error),
            )

        self._runner.run(lambda: cases.create_case(blank_case()), created, failed)

    def choose_and_export(self) -> None:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        selected = [
            (self.model.summary(row).case_id, self.model.summary(row).display_name) for row in rows
        ]
        self.transfer.choose_and_export(selected)

    def import_files(self, paths: list[Path]) -> None:
        self.transfer.import_files(paths)

    def _after_import(self, case_ids: list[str]) -> None:
        self.refresh()

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(self.model.summary(index.row()).case_id)

    # --- search and feedback ---------------------------------------------------------------

    def _apply_search(self) -> None:
        self._search_timer.stop()
        query = self.model.query()
        self.model.set_query(
            CaseQuery(
                self.search_edit.text().strip(),
                self.status_combo.currentData(),
                query.sort,
                query.descending,
            )
        )

    def _remember_view(self) -> None:
        current = self.table.currentIndex()
        current_id = self.model.summary(current.row()).case_id if current.isValid() else None
        self._kept_view = (
            self.model.query(),
            self.selected_case_ids(),
            current_id,
            self.table.verticalScrollBar().value(),
        )

    def _restore_view(self) -> None:
        """After the same query was reloaded: select the same cases and keep the scroll."""
        kept, self._kept_view = self._kept_view, None
        if kept is None or kept[0] != self.model.query():
            return
        _query, selected_ids, current_id, scroll = kept
        from PySide6.QtCore import QItemSelectionModel

        selection = self.table.selectionModel()
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        for case_id in selected_ids:
            row = self.model.row_of(case_id)
            if row >= 0:
                selection.select(self.model.index(row, 0), flags)
        if current_id is not None and (row := self.model.row_of(current_id)) >= 0:
            selection.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.table.verticalScrollBar().setValue(scroll)

    def _after_query(self) -> None:
        self._update_count()
        self._restore_view()
        if self.model.rowCount() and not self.table.selectionModel().hasSelection():
            self.table.setCurrentIndex(self.model.index(0, 0))
            self.table.selectRow(0)

    def show_preview(self, total: int, rows: list[CaseSummary]) -> None:
        """Rows read before the database opened; the actions wait for set_services()."""
        self.finish_setup()
        self.model.show_preview(total, rows)

    def clear_rows(self) -> None:
        """The lock: no case's row stays in the list (refresh() brings them back)."""
        self.model.clear_rows()

    opening_words = QT_TRANSLATE_NOOP("CaseListPage", "Opening the database…")

    def show_opening_words(self, words: str) -> None:
        """What start-up is doing while the database opens (shown until the cases load)."""
        self.opening_words = words
        self._update_count()

    def clear_preview(self) -> None:
        self.model.clear_preview()
        self._update_count()

    def _update_count(self, *_args: object) -> None:
        if self._services is None and self.model.has_preview():
            total = self.model.total_count()
            text = translate("CaseListPage", "%Ln case(s)", None, total)
        elif self._services is None or self.model.is_loading():
            text = (
                translate("CaseListPage", "Loading cases…")
                if self._services is not None
                else translate("CaseListPage", self.opening_words)
            )
        else:
            total = self.model.total_count()
            query = self.model.query()
            if total == 0 and (query.search or query.status):
                text = translate("CaseListPage", "No case matches the search.")
            elif total == 0:
                text = translate(
                    "CaseListPage", "No cases yet: start a new case or import case files."
                )
            else:
                text = translate("CaseListPage", "%Ln case(s)", None, total)
        self.count_label.setText(text)

    def _update_buttons(self, *_args: object) -> None:
        ready = self._services is not None
        has_selection = ready and self.table.selectionModel().hasSelection()
        self.new_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.open_button.setEnabled(has_selection)
        self.export_button.setEnabled(has_selection)

    def _show_load_error(self, message: str) -> None:
        from desktop.ui.case_list.messages import show_message

        self._update_count()
        self.last_message = show_message(
            self,
            translate("CaseListPage", "Case list"),
            translate("CaseListPage", "The cases could not be read: {message}").format(
                message=message
            ),
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down arrow in the search box moves into the results, Enter opens the selected case.
        from PySide6.QtCore import QEvent

        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            from PySide6.QtCore import Qt
            from PySide6.QtGui import QKeyEvent

            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Down and self.model.rowCount():
                self.table.setFocus()
                if not self.table.currentIndex().isValid():
                    self.table.selectRow(0)
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._search_timer.isActive():
                    self._apply_search()  # the results on screen are not for this text yet
                elif self.model.rowCount() and not self.model.is_loading():
                    self.open_selected()
                return True
        return super().eventFilter(watched, event)
