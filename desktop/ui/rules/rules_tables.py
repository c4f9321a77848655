"""The rules page's three tables: their column titles, the read-only table view they share,
and the impact report turned into table rows (built in the worker, not on the GUI thread)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QAbstractItemView, QTableView

from desktop.ui.i18n import QT_TRANSLATE_NOOP
from desktop.ui.rules.rows_model import RowsModel

if TYPE_CHECKING:
    from desktop.services.rule_impact import ImpactReport

PACK_HEADERS = [
    QT_TRANSLATE_NOOP("RulesPage", "Active"),
    QT_TRANSLATE_NOOP("RulesPage", "Version"),
    QT_TRANSLATE_NOOP("RulesPage", "Law known through"),
    QT_TRANSLATE_NOOP("RulesPage", "Signer"),
    QT_TRANSLATE_NOOP("RulesPage", "Installed"),
    QT_TRANSLATE_NOOP("RulesPage", "Hash"),
]
IMPACT_HEADERS = [
    QT_TRANSLATE_NOOP("RulesPage", "Case"),
    QT_TRANSLATE_NOOP("RulesPage", "Reference"),
    QT_TRANSLATE_NOOP("RulesPage", "Status"),
    QT_TRANSLATE_NOOP("RulesPage", "Decision date"),
    QT_TRANSLATE_NOOP("RulesPage", "Rule"),
    QT_TRANSLATE_NOOP("RulesPage", "Before"),
    QT_TRANSLATE_NOOP("RulesPage", "After"),
]
RESIZE_ROWS = 100
FLAG_HEADERS = [
    QT_TRANSLATE_NOOP("RulesPage", "Case"),
    QT_TRANSLATE_NOOP("RulesPage", "Reference"),
    QT_TRANSLATE_NOOP("RulesPage", "Status"),
    QT_TRANSLATE_NOOP("RulesPage", "Flag"),
    QT_TRANSLATE_NOOP("RulesPage", "What changed"),
]


def rows_table(model: RowsModel, name: str) -> QTableView:
    """A read-only table of `model`, one whole row selected at a time, named `name`."""
    view = QTableView()
    view.setModel(model)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.horizontalHeader().setStretchLastSection(True)
    # Column widths from the first rows only: measuring 100,000 rows stalls the window.
    view.horizontalHeader().setResizeContentsPrecision(RESIZE_ROWS)
    view.verticalHeader().hide()
    view.resizeColumnsToContents()  # empty yet: each column as wide as its title
    return view


ShownImpact = tuple["ImpactReport", list[tuple[str, ...]], dict[str, int]]


def impact_with_rows(report: ImpactReport) -> ShownImpact:
    """The report, its table rows and counts per rule, built in the worker (not on the GUI
    thread: for 100,000 changed cases that is a long time holding the interpreter lock)."""
    rows: list[tuple[str, ...]] = [
        (case_id, case_ref or "", status, decision_date, *change)
        for case_id, case_ref, status, decision_date, changes in report.found
        for change in changes
    ]  # exact tuples of strings: untracked by the collector
    return report, rows, report.by_rule()
