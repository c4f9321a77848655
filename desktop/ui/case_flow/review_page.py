"""The Review step: every rule family's finding, its why tree, and links to missing facts."""

from __future__ import annotations

import copy
import html
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeView,
    QWidget,
)

from desktop.flow.case_flow import CaseFlow
from desktop.flow.field_labels import describe_path
from desktop.flow.field_paths import as_path, format_path, pointer_to_path
from desktop.flow.steps import Step
from desktop.flow.validation import Problem
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.outcome_cards import OutcomeCards, why_tree_toggle
from desktop.ui.case_flow.outcome_strip_widget import OutcomeStripWidget, with_outcome_dates
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.case_flow.why_tree_model import (
    FACT_PATH_ROLE,
    UNVERIFIED_MARK,
    WhyTreeModel,
)
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.services.decision import DecisionDate, DecisionPath

DECISION_SUPPORT_NOTICE = QT_TRANSLATE_NOOP("ReviewPage", "Decision support — the officer decides.")


class ReviewPage(StepPage):
    """Evaluates the case off the GUI thread whenever it is shown or the decision date changes."""

    step = Step.REVIEW
    evaluated = Signal()  # a determination (or the problems) is on screen

    def __init__(
        self,
        flow: CaseFlow,
        runner: BackgroundRunner,
        decision_date: Callable[[], DecisionDate],
        parent: QWidget | None,
        decision_path: Callable[[], DecisionPath],
    ) -> None:
        super().__init__(flow, parent)
        self.runner = runner
        self.decision_date = decision_date
        self.decision_path = decision_path  # the window's pack and clock (UiServices)
        self.determination: dict[str, Any] | None = None
        self.engine_problems: list[tuple[str, str]] = []
        self._generation = 0

        self._build_findings()
        self._build_why_tree()

    def _build_findings(self) -> None:
        """The notice, the legend, the status, the outcome cards and the when-it-holds strip."""
        notice = QLabel(translate("ReviewPage", DECISION_SUPPORT_NOTICE), self)
        notice.setObjectName("decisionSupportNotice")
        notice.setStyleSheet(
            "background: #fff4ce; border: 1px solid #e0c060; padding: 6px; font-weight: 600;"
        )
        notice.setAccessibleName(notice.text())
        self.body.addWidget(notice)
        # When the pack's law is older than the decision date or months older than today: in
        # a box like the memo's, not a sentence in the summary's italics.
        self.law_notice = QLabel(self)
        self.law_notice.setObjectName("lawCurrencyNotice")
        self.law_notice.setWordWrap(True)
        self.law_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.law_notice.setStyleSheet(
            "background: #fff4ce; border: 2px solid #c98a00; padding: 6px;")
        self.law_notice.setAccessibleName(translate("ReviewPage", "The law may have changed"))
        self.law_notice.hide()
        self.body.addWidget(self.law_notice)
        legend = QLabel(
            translate(
                "ReviewPage",
                "{UNVERIFIED_MARK}: rests on data the research notes could not verify.").format(
                UNVERIFIED_MARK=translate("WhyTreeModel", UNVERIFIED_MARK)), self
        )
        legend.setAccessibleName(translate("ReviewPage", "Unverified data legend"))
        self.body.addWidget(legend)

        row = QHBoxLayout()
        self.status = QLabel(self)
        self.status.setAccessibleName(translate("ReviewPage", "Evaluation status"))
        row.addWidget(self.status, 1)
        self.body.addLayout(row)

        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAccessibleName(translate("ReviewPage", "Findings"))
        self.summary.linkActivated.connect(self._on_link)
        self.summary.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.cards = OutcomeCards(self.scroll_area, self)
        self.cards.field_requested.connect(self.field_requested.emit)
        self.body.addWidget(self.cards)
        self.body.addWidget(self.summary)
        self.outcome_strip = OutcomeStripWidget(self)
        self.body.addWidget(self.outcome_strip)

    def _build_why_tree(self) -> None:
        """The why-tree (trace steps, facts and citations), behind its toggle."""
        self.tree_model = WhyTreeModel(self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setAccessibleName(translate(
            "ReviewPage", "Why: trace steps, facts used and citations"))
        self.tree.setUniformRowHeights(True)
        self.tree.setMinimumHeight(320)
        header = self.tree.header()
        header.setStretchLastSection(False)
        # Three columns share the width (no wide empty column); the full text is in tooltips.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)  # also after a model reset
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_activated)
        self.tree_toggle = why_tree_toggle(self, self.tree)
        self.body.addWidget(self.tree_toggle)
        self.body.addWidget(self.tree, 1)

    # -- evaluation ----------------------------------------------------------------------------
    def chosen_decision_date(self) -> date:
        """The case's decision date (set in the case header), or today when it is empty."""
        return self.decision_date().value

    def load(self) -> None:
        self.evaluate()

    def evaluate(self) -> None:
        """Evaluate a snapshot of the case off the GUI thread; older results are dropped."""
        self._generation += 1
        generation = self._generation
        snapshot = copy.deepcopy(self.flow.data)
        decision = self.decision_date()
        make_path = self.decision_path
        self.status.setText(translate("ReviewPage", "Evaluating…"))

        def work() -> dict[str, Any]:
            from desktop.services.law_currency import law_currency_notice

            path = make_path()
            result = with_outcome_dates(path.evaluate_or_problems(snapshot, decision), snapshot,
                                        path.pack)
            notice = law_currency_notice(path.pack, decision.value, path.today().value)
            return {**result, "law_currency": notice}

        self.runner.run(
            work,
            on_done=while_alive(self, lambda result: self._show_result(generation, result)),
            on_error=while_alive(self, lambda error: self._show_error(generation, error)),
        )

    def _show_result(self, generation: int, result: dict[str, Any]) -> None:
        if generation != self._generation:
            return
        self.determination = result.get("determination")
        self.engine_problems = list(result.get("problems", []))
        self._show_tree(self.determination)
        notice = result.get("law_currency")
        self.law_notice.setText(f"⚠ {notice}" if notice else "")
        self.law_notice.setVisible(bool(notice))
        self.summary.setText(self._summary_html())
        self.cards.show_findings(list((self.determination or {}).get("findings", [])),
                                 self._field_words)
        self.outcome_strip.set_strips(result.get("outcome_dates", ()), {
            str(f.get("rule")) for f in (self.determination or {}).get("findings", [])
            if f.get("outcome") != "not_applicable"})
        if self.determination is not None:
            self.status.setText(translate(
                        "ReviewPage",
                        "Evaluated as of {words}").format(
                        words=self.decision_date().words()))
        else:
            self.status.setText(translate("ReviewPage", "The case cannot be evaluated yet"))
        self.evaluated.emit()

    def _show_error(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self.determination = None
        self._show_tree(None)
        self.status.setText(
            translate("ReviewPage", "Evaluation failed: {error}").format(error=error))
        self.summary.setText(html.escape(str(error)))
        self.evaluated.emit()

    def _show_tree(self, determination: dict[str, Any] | None) -> None:
        """Show a determination in a new model; the old one goes once the view has let go.

        Resetting the model under the view (clear(), or removing its rows) crashed now and
        then under a real X server, where accessibility asks the view about its rows while
        they are deleted. A new model set on the view never has rows deleted under it.
        """
        model = WhyTreeModel(self)
        model.set_determination(determination, self.flow.data)
        old_model, old_selection = self.tree_model, self.tree.selectionModel()
        self.tree.setModel(model)
        self.tree_model = model
        old_selection.deleteLater()  # setModel() makes a new one and leaves the old to us
        old_model.deleteLater()
        self.tree.expandToDepth(0)

    def _summary_html(self) -> str:
        if self.determination is None:
            items = "".join(
                f'<li><a href="field:{html.escape(format_path(pointer_to_path(pointer)))}">'
                f"{html.escape(describe_path(pointer_to_path(pointer), self.flow.data))}</a>: "
                f"{html.escape(message)}</li>"
                for pointer, message in self.engine_problems
            )
            return translate(
                "ReviewPage", "<b>Complete these answers first:</b><ul>{items}</ul>"
            ).format(items=items)
        summary = html.escape(str(self.determination.get("summary") or ""))
        return f"<p><i>{summary}</i></p>" if summary else ""

    def _field_words(self, field: object) -> str:
        return describe_path(as_path(str(field or "")), self.flow.data)

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
