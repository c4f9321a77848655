"""The case page's header: the case reference and the decision date, above every step."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QLabel

from desktop.flow.field_paths import FieldPath
from desktop.flow.steps import Step
from desktop.ui.case_flow.case_flow_parts import CaseFlowParts
from desktop.ui.i18n import translate
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import TextLineEdit

if TYPE_CHECKING:
    from desktop.services.decision import DecisionDate


class CaseHeader(CaseFlowParts):
    """The header's fields (made in their own event-loop turn) and the decision date."""

    _header_row: QHBoxLayout

    def _ensure_header(self) -> None:
        """The case's own facts above every step: its reference and the decision date."""
        if self._header_built:
            return
        self._header_built = True
        header, row = self.header, self._header_row
        self.reference_edit = TextLineEdit(header, empty_is_none=True)
        self.reference_edit.setPlaceholderText(translate("Header", "None yet"))
        self.reference_edit.setAccessibleName(translate("Header", "Case reference"))
        self.reference_edit.setToolTip(translate(
            "Header", "The office's own file number; printed on every memo page"))
        self.reference_edit.setMaximumWidth(200)
        self.decision_edit = PartialDateEdit(header, full_date_only=True, show_reading=False)
        self.decision_edit.line_edit.setPlaceholderText(translate("Header", "Empty = today"))
        self.decision_edit.setAccessibleName(translate("Header", "Decision date"))
        self.decision_edit.setToolTip(
            translate(
                "Header",
                "The date the rules are applied as of; empty means today. Type e.g. 2/12/2019",
            )
        )
        self.decision_words = QLabel(header)
        self.decision_words.setAccessibleName(translate("Header", "Decision date in words"))
        # Cut short rather than widen the page past 1024 pixels; the tooltip keeps it whole.
        self.decision_words.setMinimumWidth(60)
        self.decision_problem = QLabel(header)
        self.decision_problem.setStyleSheet("color: #b3261e;")
        reference_label = QLabel(translate("Header", "Case &reference:"), header)
        reference_label.setBuddy(self.reference_edit)
        decision_label = QLabel(translate("Header", "&Decision date:"), header)
        decision_label.setBuddy(self.decision_edit)
        row.addWidget(reference_label)
        row.addWidget(self.reference_edit)
        row.addSpacing(16)
        row.addWidget(decision_label)
        row.addWidget(self.decision_edit)
        row.addWidget(self.decision_words)
        row.addWidget(self.decision_problem, 1)
        self.reference_edit.value_edited.connect(
            lambda value: self._header_edited(("case_reference",), value)
        )
        self.decision_edit.value_edited.connect(self._decision_date_edited)
        self.decision_edit.invalid.connect(self.decision_problem.setText)
        if self.is_loaded:
            self._load_header()

    def _header_edited(self, path: FieldPath, value: object) -> None:
        if not self.flow.read_only and self.flow.set_answer(path, value):
            self._on_edited(path)

    def _decision_date_edited(self, value: object) -> None:
        self.decision_problem.clear()
        if self.flow.read_only:
            return
        if self.flow.set_answer(("decision_date",), value):
            self._show_decision_date()
            self._on_edited(("decision_date",))
            if self.flow.current in (Step.REVIEW, Step.MEMO):
                self.current_page().load()

    def set_decision_date(self, value: date | None) -> None:
        """Type a decision date into the header as the user would (None: back to today)."""
        self._ensure_header()
        text = "" if value is None else value.isoformat()
        self.decision_edit.line_edit.setText(text)
        self.decision_edit.line_edit.textEdited.emit(text)

    def _load_header(self) -> None:
        if not self._header_built:
            return  # _ensure_header loads it when it is made
        self.reference_edit.set_value(self.flow.data.get("case_reference"))
        self.decision_edit.set_value(self.flow.data.get("decision_date"))
        self.reference_edit.setReadOnly(self.flow.read_only)
        self.decision_edit.line_edit.setReadOnly(self.flow.read_only)
        self._show_decision_date()

    def _show_decision_date(self) -> None:
        if not self._header_built:
            return
        decision = self.decision_date()
        words = translate("Header", "rules applied as of {date}").format(date=decision.words())
        self.decision_words.setText(words)
        self.decision_words.setToolTip(words)
        self.banner_label.setText(
            translate(
                "Header",
                "This case is finalized and read-only. Its decision date, {words}, was fixed "
                "when it was finalized.",
            ).format(words=decision.words())
            if self.flow.read_only
            else translate("Header", "This case is finalized and read-only.")
        )

    def decision_date(self) -> DecisionDate:
        """The case's decision date, else today in the office's time zone: one typed value
        that the review, the memo and finalize all use."""
        return self.services.decision_date(self.flow.data)
