"""StepListModel: the steps of the flow beside the pages, with where you are and their state."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.flow.case_flow import CaseFlow, StepState
from desktop.flow.steps import STEPS
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

AnyIndex = QModelIndex | QPersistentModelIndex
STATE_ROLE = Qt.ItemDataRole.UserRole + 1

STATE_MARKS = {
    StepState.NOT_STARTED: ("○", QT_TRANSLATE_NOOP("StepListModel", "not started"), "#5f6368"),
    StepState.INCOMPLETE: ("◐", QT_TRANSLATE_NOOP("StepListModel", "incomplete"), "#a15c00"),
    StepState.COMPLETE: ("✓", QT_TRANSLATE_NOOP("StepListModel", "complete"), "#1e7b34"),
    StepState.PROBLEMS: ("⚠", QT_TRANSLATE_NOOP("StepListModel", "has problems"), "#b3261e"),
}


class StepListModel(QAbstractListModel):
    """One row per step; call refresh() after the answers change."""

    def __init__(self, flow: CaseFlow, parent: Any = None) -> None:
        super().__init__(parent)
        self.flow = flow
        self._states = flow.step_states()
        self._unknown = {step: flow.unknown_answers(step) for step in STEPS}

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(STEPS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(STEPS):
            return None
        step = STEPS[index.row()]
        state = self._states[step]
        mark, words, colour = STATE_MARKS[state]
        words = translate("StepListModel", words)
        current = step is self.flow.current
        unknown = self._unknown[step] if step.collects_answers else 0
        if role == Qt.ItemDataRole.DisplayRole:
            text = f"{mark}  {index.row() + 1}. {step.title}"
            if unknown and state is StepState.COMPLETE:
                text += translate("StepListModel", " · %n unknown", None, unknown)
            return text
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            text = translate(
                       "StepListModel",
                       "Step {value}, {title}: {words}").format(
                       value=index.row() + 1, title=step.title, words=words)
            if unknown:
                text += translate("StepListModel", "; %n answer(s) Unknown", None, unknown)
            text += translate("StepListModel", ", current step") if current else ""
            problems = self.flow.problems(step) if step.collects_answers else []
            if problems and role == Qt.ItemDataRole.ToolTipRole:
                text += "\n" + "\n".join(
                    f"• {p.where(self.flow.data)}: {p.message}" for p in problems[:8]
                )
            return text
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor(colour))
        if role == Qt.ItemDataRole.FontRole and current:
            font = QFont()
            font.setBold(True)
            return font
        if role == STATE_ROLE:
            return state.value
        return None

    def refresh(self) -> None:
        self._states = self.flow.step_states()
        self._unknown = {step: self.flow.unknown_answers(step) for step in STEPS}
        self.dataChanged.emit(self.index(0), self.index(len(STEPS) - 1))
