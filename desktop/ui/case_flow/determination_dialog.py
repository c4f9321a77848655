"""Finalize: the officer's determination. Her conclusion on each finding (agree, differ with a
reason, not decided here with why) and every question still open, answered first or decided
without (with why). OK stays off until all of it is given; the officer's name and signing
passphrase are asked as before (officer_dialogs.OfficerDialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.case_flow.officer_dialogs import OfficerDialog
from desktop.ui.case_flow.why_tree_model import OUTCOME_LABELS
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.widgets.focus_order import chain_tab_order, focusable_widgets

CHOICES = (
    ("", QT_TRANSLATE_NOOP("DeterminationDialog", "Choose…")),
    ("agree", QT_TRANSLATE_NOOP("DeterminationDialog", "Agree with the finding")),
    ("differ", QT_TRANSLATE_NOOP("DeterminationDialog", "Differ (give your reason)")),
    ("not_decided", QT_TRANSLATE_NOOP("DeterminationDialog", "Not decided here (why)")),
)


class ConclusionRow:
    """One finding: its outcome, the officer's conclusion and the reason it needs."""

    def __init__(
        self, finding: dict[str, Any], grid: QGridLayout, row: int, parent: QWidget
    ) -> None:
        self.rule = str(finding.get("rule"))
        title = str(finding.get("title") or self.rule)
        outcome = translate("WhyTreeModel", OUTCOME_LABELS.get(str(finding.get("outcome")),
                                                             str(finding.get("outcome"))))
        label = QLabel(f"{title}: <b>{outcome}</b>", parent)
        label.setWordWrap(True)
        self.choice = QComboBox(parent)
        for value, source in CHOICES:
            words = translate("DeterminationDialog", source)
            self.choice.addItem(words, value)
        self.choice.setAccessibleName(
            translate("DeterminationDialog", "Your conclusion on {title}").format(title=title)
        )
        self.reason = QLineEdit(parent)
        self.reason.setPlaceholderText(translate("DeterminationDialog", "Reason, in words"))
        self.reason.setAccessibleName(
            translate("DeterminationDialog", "Your reason on {title}").format(title=title)
        )
        self.reason.setEnabled(False)
        self.choice.currentIndexChanged.connect(self._chosen)
        grid.addWidget(label, row, 0)
        grid.addWidget(self.choice, row, 1)
        grid.addWidget(self.reason, row, 2)

    def _chosen(self) -> None:
        self.reason.setEnabled(self.value() not in ("", "agree"))

    def value(self) -> str:
        return str(self.choice.currentData() or "")

    def complete(self) -> bool:
        return self.value() == "agree" or (bool(self.value()) and bool(self.reason.text().strip()))


class QuestionRow:
    """One question still open: answer it on its step, or decide without it and say why."""

    def __init__(
        self,
        question: Any,
        grid: QGridLayout,
        row: int,
        parent: QWidget,
        on_answer: Callable[[str], None],
    ) -> None:
        self.field, self.question = question.field, question.question
        label = QLabel(self.question, parent)
        label.setWordWrap(True)
        self.answer_button = QPushButton(translate("DeterminationDialog", "Answer it…"), parent)
        self.answer_button.setAccessibleName(
            translate("DeterminationDialog", "Answer: {question}").format(question=self.question)
        )
        self.answer_button.clicked.connect(lambda: on_answer(self.field))
        self.without = QCheckBox(translate("DeterminationDialog", "Decide without it"), parent)
        self.without.setAccessibleName(
            translate("DeterminationDialog", "Decide without: {question}").format(
                question=self.question
            )
        )
        self.reason = QLineEdit(parent)
        self.reason.setPlaceholderText(
            translate("DeterminationDialog", "Why you decide without it")
        )
        self.reason.setAccessibleName(
            translate("DeterminationDialog", "Why you decide without: {question}").format(
                question=self.question
            )
        )
        self.reason.setEnabled(False)
        self.without.toggled.connect(self.reason.setEnabled)
        grid.addWidget(label, row, 0)
        grid.addWidget(self.answer_button, row, 1)
        grid.addWidget(self.without, row, 2)
        grid.addWidget(self.reason, row, 3)

    def complete(self) -> bool:
        return self.without.isChecked() and bool(self.reason.text().strip())


class FinalizeDialog(OfficerDialog):
    """The finalize dialog with the officer's determination; read it with record_input()."""

    answer_requested = Signal(str)  # a question's case-file field: go and answer it

    def __init__(
        self,
        determination: dict[str, Any],
        decision_words: str,
        parent: QWidget | None = None,
        has_key: Callable[[str], bool] | None = None,
        *,
        title: str | None = None,
        explanation: str | None = None,
    ) -> None:
        from desktop.services.officer_record import open_questions

        self.conclusion_rows: list[ConclusionRow] = []
        self.question_rows: list[QuestionRow] = []
        super().__init__(
            title or translate("DeterminationDialog", "Finalize memo — your determination"),
            explanation
            or (
                translate(
                    "DeterminationDialog",
                    "Decision date: {decision_words} (it is fixed when you finalize). "
                    "Waypoint's findings are decision support: record your own conclusion on "
                    "each. Finalizing signs the memo with your digital signature, stores it "
                    "under your name and locks the case. Later changes need an amendment.",
                ).format(decision_words=decision_words)
            ),
            parent,
            ask_reason=False,
            ask_passphrase=True,
            has_key=has_key,
        )
        self.setObjectName("finalizeDialog")
        section = QWidget(self)
        body = QVBoxLayout(section)
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self._conclusions_box(determination, section))
        questions = open_questions(determination)
        if questions:
            body.addWidget(self._questions_box(questions, section))
        body.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(section)
        scroll.setMinimumHeight(220)
        self.missing = QLabel(self)
        self.missing.setWordWrap(True)
        self.missing.setAccessibleName(
            translate("DeterminationDialog", "What is still needed to finalize")
        )
        self.missing.setStyleSheet("color: #b3261e;")
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)  # made by OfficerDialog
        layout.insertWidget(2, scroll, 1)
        layout.insertWidget(3, self.missing)
        chain_tab_order(focusable_widgets(self))
        self.resize(960, 620)  # fits a 1024x700 screen
        self._update_ok()

    def _conclusions_box(self, determination: dict[str, Any], parent: QWidget) -> QGroupBox:
        box = QGroupBox(
            translate("DeterminationDialog", "Your conclusion on each of Waypoint's findings"),
            parent,
        )
        grid = QGridLayout(box)
        for row, finding in enumerate(determination.get("findings") or []):
            made = ConclusionRow(finding, grid, row, box)
            made.choice.currentIndexChanged.connect(self._update_ok)
            made.reason.textChanged.connect(self._update_ok)
            self.conclusion_rows.append(made)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(2, 3)
        return box

    def _questions_box(self, questions: list[Any], parent: QWidget) -> QGroupBox:
        count = len(questions)
        box = QGroupBox(
            translate(
                "DeterminationDialog",
                "Questions still open (%n): answer each, or say why you decide without it",
                None,
                count,
            ),
            parent,
        )
        grid = QGridLayout(box)
        for row, question in enumerate(questions):
            made = QuestionRow(question, grid, row, box, self._answer)
            made.without.toggled.connect(self._update_ok)
            made.reason.textChanged.connect(self._update_ok)
            self.question_rows.append(made)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(3, 3)
        return box

    def _answer(self, field: str) -> None:
        self.answer_requested.emit(field)
        self.reject()

    def still_needed(self) -> list[str]:
        """What keeps OK off, in words (empty when the determination is complete)."""
        needed = []
        open_conclusions = sum(not row.complete() for row in self.conclusion_rows)
        if open_conclusions:
            needed.append(
                translate(
                    "DeterminationDialog",
                    "a conclusion (with a reason unless you agree) on %n finding(s)",
                    None,
                    open_conclusions,
                )
            )
        open_questions = sum(not row.complete() for row in self.question_rows)
        if open_questions:
            needed.append(
                translate(
                    "DeterminationDialog",
                    "%n open question(s) answered, or decided without with your reason",
                    None,
                    open_questions,
                )
            )
        return needed

    def _update_ok(self) -> None:
        super()._update_ok()
        if not hasattr(self, "missing"):
            return  # OfficerDialog's own first call, before this dialog's rows exist
        needed = self.still_needed()
        self.missing.setText(
            translate("DeterminationDialog", "Still needed: ") + "; ".join(needed) + "."
            if needed
            else ""
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(ok.isEnabled() and not needed)

    def record_input(self) -> Any:
        """The officer's name, conclusions and questions decided without (a FinalInput)."""
        from desktop.services.decision import FinalInput
        from desktop.services.officer_record import ALIASES, DecidedWithout, RuleConclusion

        conclusions = tuple(
            RuleConclusion(
                row.rule,
                ALIASES[row.value()],
                row.reason.text().strip() if row.value() != "agree" else "",
            )
            for row in self.conclusion_rows
            if row.value()
        )
        without = tuple(
            DecidedWithout(row.field, row.question, row.reason.text().strip())
            for row in self.question_rows
            if row.without.isChecked()
        )
        return FinalInput(self.officer(), conclusions, without)
