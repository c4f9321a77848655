"""The case list's widgets, built: the action buttons, the search field, the status filter and
the table of cases. CaseListPage (case_list_page.py) lays them out and connects them."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
)

from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

STATUS_CHOICES = (
    (QT_TRANSLATE_NOOP("CaseListPage", "All statuses"), None),
    (QT_TRANSLATE_NOOP("CaseListPage", "Draft"), "draft"),
    (QT_TRANSLATE_NOOP("CaseListPage", "Draft, memo saved"), "determined"),
    (QT_TRANSLATE_NOOP("CaseListPage", "Finalized"), "finalized"),
)


def make_buttons() -> tuple[QPushButton, QPushButton, QPushButton, QPushButton]:
    """New, Open, Import and Export, for above the table."""
    new_button = QPushButton(translate("CaseListPage", "&New case"))
    open_button = QPushButton(translate("CaseListPage", "&Open"))
    import_button = QPushButton(translate("CaseListPage", "&Import…"))
    export_button = QPushButton(translate("CaseListPage", "E&xport…"))
    for button, name, tip in (
        (
            new_button,
            translate("CaseListPage", "New case"),
            translate("CaseListPage", "Start a new case (Ctrl+N)"),
        ),
        (
            open_button,
            translate("CaseListPage", "Open case"),
            translate("CaseListPage", "Open the selected case (Enter)"),
        ),
        (
            import_button,
            translate("CaseListPage", "Import case files"),
            translate("CaseListPage", "Import waypoint-case/1 JSON files"),
        ),
        (
            export_button,
            translate("CaseListPage", "Export case files"),
            translate("CaseListPage", "Export the selected cases as JSON files"),
        ),
    ):
        button.setAccessibleName(name)
        button.setToolTip(tip)
        button.setAutoDefault(False)
    return new_button, open_button, import_button, export_button


def make_search() -> tuple[QLineEdit, QLabel]:
    """The search field and its label."""
    search_edit = QLineEdit()
    search_edit.setObjectName("caseSearch")
    search_edit.setPlaceholderText(translate("CaseListPage", "Search by name or A-number"))
    search_edit.setClearButtonEnabled(True)
    search_edit.setAccessibleName(translate("CaseListPage", "Search cases"))
    search_edit.setAccessibleDescription(
        translate(
            "CaseListPage",
            "Finds names without regard to accents or case, and A-numbers however written",
        )
    )
    search_edit.setMinimumWidth(260)
    search_label = QLabel(translate("CaseListPage", "&Search:"))
    search_label.setBuddy(search_edit)
    return search_edit, search_label


def make_status_filter() -> tuple[QComboBox, QLabel]:
    """The status filter (each choice's data: the status it keeps, None for all) and its label."""
    status_combo = QComboBox()
    status_combo.setAccessibleName(translate("CaseListPage", "Filter by status"))
    for source, value in STATUS_CHOICES:
        label = translate("CaseListPage", source)
        status_combo.addItem(label, value)
    status_label = QLabel(translate("CaseListPage", "S&tatus:"))
    status_label.setBuddy(status_combo)
    return status_combo, status_label


def make_table(model: QAbstractItemModel) -> QTableView:
    """The table of cases: whole rows selected, never edited in place."""
    table = QTableView()
    table.setObjectName("caseTable")
    table.setAccessibleName(translate("CaseListPage", "Cases"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setTabKeyNavigation(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    table.horizontalHeader().setHighlightSections(False)
    return table
