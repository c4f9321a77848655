"""JourneyModel: the journey's stops as a list model that can be reordered by drag and drop."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from desktop.flow.case_flow import CaseFlow
from desktop.flow.steps import Step
from desktop.flow.validation import Problem, Severity
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.country_combo_box import country_label

STOP_MIME = "application/x-waypoint-stop-row"
PROBLEM_ROLE = Qt.ItemDataRole.UserRole + 1  # "error", "missing" or None
ERROR_COLOUR = "#b3261e"
MISSING_COLOUR = "#8a5a00"
REORDER_HINT = QT_TRANSLATE_NOOP("JourneyModel", "Drag, or press Ctrl+Up / Ctrl+Down, to reorder")
AnyIndex = QModelIndex | QPersistentModelIndex


def describe_stop(number: int | None, stop: dict[str, Any]) -> str:
    country = country_label(stop.get("country")) or translate("JourneyModel", "Country not chosen")
    arrived = stop.get("arrived") or "?"
    departed = stop.get("departed") or "?"
    claims = len(stop.get("protection_claims") or [])
    text = f"{country}   {arrived} → {departed}"
    if number is not None:
        text = translate(
                   "JourneyModel",
                   "Stop {number}: {text}").format(
                   number=number, text=text)
    if claims:
        text += translate("JourneyModel", "   (%n claim(s))", None, claims)
    return text


class JourneyModel(QAbstractListModel):
    """Rows are the stops of `flow.journey`, in order; moves go through the flow."""

    stops_moved = Signal(int, int)  # from, to

    def __init__(self, flow: CaseFlow, parent: Any = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._problems: dict[int, list[Problem]] = {}
        self._collect_problems()

    def _collect_problems(self) -> None:
        by_row: dict[int, list[Problem]] = {}
        for problem in self.flow.problems(Step.JOURNEY):
            if len(problem.path) > 1 and isinstance(problem.path[1], int):
                by_row.setdefault(problem.path[1], []).append(problem)
        self._problems = by_row

    def problems_of(self, row: int) -> list[Problem]:
        return self._problems.get(row, [])

    def problem_kind(self, row: int) -> str | None:
        problems = self.problems_of(row)
        if any(p.severity is Severity.ERROR for p in problems):
            return "error"
        return "missing" if problems else None

    def _problem_text(self, row: int) -> str:
        kind = self.problem_kind(row)
        if kind is None:
            return ""
        lead = (
            translate("JourneyModel", "Problems")
            if kind == "error"
            else translate("JourneyModel", "Still needed")
        )
        return f"{lead}: " + "; ".join(p.message for p in self.problems_of(row))

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.flow.journey)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.flow.journey):
            return None
        row = index.row()
        stop = self.flow.journey[row]
        kind = self.problem_kind(row)
        mark = {"error": "⚠ ", "missing": "… "}.get(kind or "", "")
        # The display text carries no row number, so a move does not change other rows' data.
        if role == Qt.ItemDataRole.DisplayRole:
            # Two short lines fit the narrow list a small window leaves beside the editor.
            return mark + describe_stop(None, stop).replace("   ", "\n", 1)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            problems = self._problem_text(row)
            return describe_stop(row + 1, stop) + (f". {problems}" if problems else "")
        if role == Qt.ItemDataRole.ToolTipRole:
            problems = self._problem_text(row)
            hint = translate("JourneyModel", REORDER_HINT)
            return f"{problems}\n{hint}" if problems else hint
        if role == Qt.ItemDataRole.ForegroundRole and kind is not None:
            return QBrush(QColor(ERROR_COLOUR if kind == "error" else MISSING_COLOUR))
        if role == Qt.ItemDataRole.UserRole:
            return stop.get("country")
        if role == PROBLEM_ROLE:
            return kind
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid():
            return base | Qt.ItemFlag.ItemIsDragEnabled
        return base | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [STOP_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime.setData(STOP_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(STOP_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        source = int(bytes(data.data(STOP_MIME).data()).decode() or -1)
        if source < 0:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        self.move_stop(source, target if target <= source else target - 1)
        # The move is done; returning False keeps the view from deleting the source row.
        return False

    def moveRows(
        self,
        source_parent: AnyIndex,
        source_row: int,
        count: int,
        destination_parent: AnyIndex,
        destination_child: int,
    ) -> bool:
        if count != 1 or source_parent.isValid() or destination_parent.isValid():
            return False
        final = destination_child if destination_child < source_row else destination_child - 1
        return self.move_stop(source_row, final)

    def move_stop(self, source: int, final: int) -> bool:
        """Move stop `source` so that it ends at index `final`."""
        rows = self.rowCount()
        if not (0 <= source < rows and 0 <= final < rows) or source == final:
            return False
        qt_destination = final + 1 if final > source else final
        if not self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), qt_destination):
            return False
        self.flow.move_stop(source, final)
        self._collect_problems()
        self.endMoveRows()
        self.stops_moved.emit(source, final)
        return True

    def insert_stop(self, row: int) -> int:
        row = max(0, min(row, self.rowCount()))
        self.beginInsertRows(QModelIndex(), row, row)
        self.flow.add_stop(row)
        self._collect_problems()
        self.endInsertRows()
        return row

    def remove_stop(self, row: int) -> dict[str, Any] | None:
        if not 0 <= row < self.rowCount():
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        removed = self.flow.remove_stop(row)
        self._collect_problems()
        self.endRemoveRows()
        return removed

    def restore_stop(self, row: int, stop: dict[str, Any]) -> int:
        """Put a removed stop back at `row` (undo)."""
        row = max(0, min(row, self.rowCount()))
        self.beginInsertRows(QModelIndex(), row, row)
        self.flow.restore_stop(row, stop)
        self._collect_problems()
        self.endInsertRows()
        return row

    def refresh(self) -> None:
        """The stops' contents changed (not their number): repaint every row."""
        self._collect_problems()
        if self.rowCount():
            self.dataChanged.emit(self.index(0), self.index(self.rowCount() - 1))

    def reload(self) -> None:
        self.beginResetModel()
        self._collect_problems()
        self.endResetModel()
