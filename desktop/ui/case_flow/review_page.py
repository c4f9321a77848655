"""The Review step: every rule family's finding, its why tree, and links to missing facts."""

from __future__ import annotations

import copy
import html
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QWidget,
)

from desktop.flow.case_flow import CaseFlow
from desktop.flow.field_paths import format_path, pointer_to_path
from desktop.flow.steps import Step
from desktop.flow.validation import Problem
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.case_flow.why_tree_model import (
    FACT_PATH_ROLE,
    OUTCOME_COLOURS,
    OUTCOME_LABELS,
    UNVERIFIED_MARK,
    WhyTreeModel,
    rests_on_unverified,
)

DECISION_SUPPORT_NOTICE = "Decision support — the officer decides."


def evaluate_in_worker(data: dict[str, Any], decision_date: date) -> dict[str, Any]:
    """Run in a worker thread: the determination, or the case's problems when it is invalid."""
    from desktop.services.evaluation import CaseFileError, case_problems, evaluate_case

    try:
        return {"determination": evaluate_case(data, decision_date)}
    except CaseFileError:
        problems = case_problems(data)
        return {"problems": [(p.pointer, p.message) for p in problems]}


class ReviewPage(StepPage):
    """Evaluates the case off the GUI thread whenever it is shown or the decision date changes."""

    step = Step.REVIEW
    evaluated = Signal()  # a determination (or the problems) is on screen

    def __init__(
        self,
        flow: CaseFlow,
        runner: BackgroundRunner,
        today: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(flow, parent)
        self.runner = runner
        self.today = today
        self.determination: dict[str, Any] | None = None
        self.engine_problems: list[tuple[str, str]] = []
        self._generation = 0

        notice = QLabel(DECISION_SUPPORT_NOTICE, self)
        notice.setObjectName("decisionSupportNotice")
        notice.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; font-weight: 600;"
        )
        notice.setAccessibleName(DECISION_SUPPORT_NOTICE)
        self.body.addWidget(notice)
        legend = QLabel(
            f"{UNVERIFIED_MARK}: rests on data the research notes could not verify.", self
        )
        legend.setAccessibleName("Unverified data legend")
        self.body.addWidget(legend)

        row = QHBoxLayout()
        label = QLabel("&Decision date:", self)
        self.decision_date = QDateEdit(self)
        self.decision_date.setCalendarPopup(True)
        self.decision_date.setDisplayFormat("yyyy-MM-dd")
        self.decision_date.setAccessibleName("Decision date")
        label.setBuddy(self.decision_date)
        row.addWidget(label)
        row.addWidget(self.decision_date)
        self.status = QLabel(self)
        self.status.setAccessibleName("Evaluation status")
        row.addWidget(self.status, 1)
        self.body.addLayout(row)
        self.decision_date.dateChanged.connect(self._on_decision_date_changed)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName("Findings")
        self.summary.linkActivated.connect(self._on_link)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.body.addWidget(self.summary)

        self.tree_model = WhyTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setAccessibleName("Why: trace steps, facts used and citations")
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumHeight(320)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(1, 220)
        self.tree.header().resizeSection(2, 200)
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        self.body.addWidget(self.tree, 1)

    # -- evaluation ----------------------------------------------------------------------------
    def chosen_decision_date(self) -> date:
        value = self.decision_date.date()
        return date(value.year(), value.month(), value.day())

    def load(self) -> None:
        stored = self.flow.data.get("decision_date")
        chosen = self.today()
        if isinstance(stored, str):
            try:
                chosen = date.fromisoformat(stored)
            except ValueError:
                pass
        self.decision_date.blockSignals(True)
        self.decision_date.setDate(QDate(chosen.year, chosen.month, chosen.day))
        self.decision_date.blockSignals(False)
        self.evaluate()

    def _on_decision_date_changed(self) -> None:
        if not self.read_only:
            if self.flow.set_answer(("decision_date",), self.chosen_decision_date().isoformat()):
                self.edited.emit(("decision_date",))
        self.evaluate()

    def evaluate(self) -> None:
        """Evaluate a snapshot of the case off the GUI thread; older results are dropped."""
        self._generation += 1
        generation = self._generation
        snapshot = copy.deepcopy(self.flow.data)
        decision_date = self.chosen_decision_date()
        self.status.setText("Evaluating…")
        self.runner.run(
            lambda: evaluate_in_worker(snapshot, decision_date),
            on_done=while_alive(self, lambda result: self._show_result(generation, result)),
            on_error=while_alive(self, lambda error: self._show_error(generation, error)),
        )

    def _show_result(self, generation: int, result: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self.determination = result.get("determination")
        self.engine_problems = list(result.get("problems", []))
        self.tree_model.set_determination(self.determination)
        self.tree.expandToDepth(0)
        self.summary.setText(self._summary_html())
        if self.determination is not None:
            self.status.setText(f"Evaluated for {self.chosen_decision_date().isoformat()}")
        else:
            self.status.setText("The case cannot be evaluated yet")
        self.evaluated.emit()

    def _show_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.determination = None
        self.tree_model.set_determination(None)
        self.status.setText(f"Evaluation failed: {error}")
        self.summary.setText(html.escape(str(error)))
        self.evaluated.emit()

    def _summary_html(self) -> str:
        if self.determination is None:
            items = "".join(
                f'<li><a href="field:{html.escape(format_path(pointer_to_path(pointer)))}">'
                f"{html.escape(format_path(pointer_to_path(pointer)) or 'case')}</a>: "
                f"{html.escape(message)}</li>"
                for pointer, message in self.engine_problems
            )
            return f"<b>Complete these answers first:</b><ul>{items}</ul>"
        parts = []
        for finding in self.determination.get("findings", []):
            outcome = str(finding.get("outcome", ""))
            colour = OUTCOME_COLOURS.get(outcome, "#000000")
            flag = f" <i>{UNVERIFIED_MARK}</i>" if rests_on_unverified(finding) else ""
            consequence = html.escape(str(finding.get("consequence") or ""))
            line = (
                f"<b>{html.escape(str(finding.get('title') or finding.get('rule')))}</b>: "
                f'<span style="color:{colour}"><b>{OUTCOME_LABELS.get(outcome, outcome)}</b></span>'
                f"{flag}" + (f" — {consequence}" if consequence else "")
            )
            questions = [
                f'<li><a href="field:{html.escape(str(m.get("field", "")))}">'
                f"{html.escape(str(m.get('question') or m.get('field')))}</a></li>"
                for m in finding.get("missing_facts") or []
                if isinstance(m, dict)
            ]
            if questions:
                line += "<ul>" + "".join(questions) + "</ul>"
            parts.append(f"<p>{line}</p>")
        summary = html.escape(str(self.determination.get("summary") or ""))
        return "".join(parts) + (f"<p><i>{summary}</i></p>" if summary else "")

    # -- navigation to facts -------------------------------------------------------------------
    def _on_link(self, link: str) -> None:
        if link.startswith("field:"):
            self.field_requested.emit(link.removeprefix("field:"))

    def _on_tree_activated(self, index: QModelIndex) -> None:
        path = (
            index.siblingAtColumn(0).data(FACT_PATH_ROLE)
            if index.column()
            else index.data(FACT_PATH_ROLE)
        )
        if path:
            self.field_requested.emit(str(path))

    def show_problems(self, problems: list[Problem]) -> None:
        """Review shows the engine's problems in its summary, not per field."""

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
