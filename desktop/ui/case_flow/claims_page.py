"""The Protection claims step: for each stop, the claims made there and what became of them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.flow import choices
from desktop.flow.case_flow import CaseFlow
from desktop.flow.field_paths import FieldPath
from desktop.flow.steps import Step
from desktop.flow.validation import Problem, claims_not_asked_reason
from desktop.ui.case_flow.field_form import FieldForm
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.i18n import translate
from desktop.ui.widgets.choice_combo_box import ChoiceComboBox, TriStateComboBox
from desktop.ui.widgets.country_combo_box import country_label
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import TextLineEdit


def build_claim_form(parent: QWidget, base: FieldPath) -> FieldForm:
    """The editors of one claim at `base` (journey[i].protection_claims[j])."""
    form = FieldForm(parent, base)
    form.add_field(("kind",), translate(
        "ClaimsPage", "Kind of claim"), ChoiceComboBox(choices.CLAIM_KIND, form))
    form.add_field(("filed",), translate("ClaimsPage", "Filed"), PartialDateEdit(form))
    form.add_field(("outcome",), translate(
        "ClaimsPage", "Outcome"), ChoiceComboBox(choices.CLAIM_OUTCOME, form))
    form.add_field(
        ("final",),
        translate("ClaimsPage", "Final decision"),
        TriStateComboBox(form),
        translate("ClaimsPage", "A final judgment or decision: no appeal pending or available"),
    )
    form.add_field(("decided",), translate("ClaimsPage", "Decided"), PartialDateEdit(form))
    form.add_field(("authority",), translate(
        "ClaimsPage", "Authority"), TextLineEdit(form, empty_is_none=True),
                   translate("ClaimsPage", "Who received or decided the claim, e.g. COMAR, CONARE"))
    return form


class ClaimsPage(StepPage):
    """One box per stop, each with its claims and an Add claim button."""

    step = Step.PROTECTION_CLAIMS

    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        self.stop_boxes: list[QGroupBox] = []
        self.add_buttons: list[QPushButton] = []
        self.none_buttons: list[QPushButton] = []
        self.empty_label = QLabel(translate(
            "ClaimsPage", "Add the journey's stops first; claims belong to a stop."), self)
        self.body.addWidget(self.empty_label)

    def load(self) -> None:
        self._rebuild()
        super().load()

    def _rebuild(self) -> None:
        self._clear_boxes()
        self.empty_label.setVisible(not self.flow.journey)
        for stop_index, stop in enumerate(self.flow.journey):
            self._add_stop_box(stop_index, stop)
        for form in self.forms:
            form.set_read_only(self.read_only)

    def _clear_boxes(self) -> None:
        for form in self.forms:
            form.answer_edited.disconnect(self._store_answer)
        self.forms.clear()
        for box in self.stop_boxes:
            # Kept under its parent until Qt deletes it: a box handed to Python (setParent
            # None) and deleted later crashed the app now and then under a real X server.
            self.body.removeWidget(box)
            box.hide()
            box.deleteLater()
        self.stop_boxes.clear()
        self.add_buttons.clear()
        self.none_buttons.clear()

    def _add_stop_box(self, stop_index: int, stop: dict[str, Any]) -> None:
        """One stop's box: whether a claim was asked about, its claims, and "Add claim"."""
        name = country_label(stop.get("country")) or translate("ClaimsPage", "country not chosen")
        box = QGroupBox(translate(
                    "ClaimsPage",
                    "Stop {stop_index}: {name}").format(
                    stop_index=stop_index + 1, name=name), self)
        box.setAccessibleName(translate(
                    "ClaimsPage",
                    "Claims in stop {stop_index}, {name}").format(
                    stop_index=stop_index + 1, name=name))
        layout = QVBoxLayout(box)
        asked = isinstance(stop.get("protection_claims"), list)
        claims = stop.get("protection_claims") or []
        if not asked:
            self._add_not_asked(box, layout, stop_index, stop, name)
        elif not claims:
            answered = QHBoxLayout()
            answered.addWidget(QLabel(translate(
                "ClaimsPage", "No protection claim made here (as answered)."), box))
            undo = QPushButton(translate("ClaimsPage", "Not asked yet"), box)
            undo.setAccessibleName(translate(
                        "ClaimsPage",
                        "Stop {stop_index}: not asked yet").format(
                        stop_index=stop_index + 1))
            undo.clicked.connect(lambda _=False, s=stop_index: self.set_not_asked(s))
            undo.setEnabled(not self.read_only)
            answered.addWidget(undo)
            answered.addStretch(1)
            layout.addLayout(answered)
        for claim_index in range(len(claims)):
            self._add_claim_row(box, layout, stop_index, claim_index)
        add = QPushButton(translate("ClaimsPage", "Add claim"), box)
        add.setAccessibleName(translate(
                    "ClaimsPage",
                    "Add a claim made in stop {stop_index}, {name}").format(
                    stop_index=stop_index + 1, name=name))
        add.clicked.connect(lambda _=False, s=stop_index: self.add_claim(s))
        add.setEnabled(not self.read_only)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.body.addWidget(box)
        self.stop_boxes.append(box)
        self.add_buttons.append(add)

    def _add_not_asked(self, box: QGroupBox, layout: QVBoxLayout, stop_index: int,
                       stop: dict[str, Any], name: str) -> None:
        """Not asked yet (or not needed, and why), with "No claim made here"."""
        not_needed = claims_not_asked_reason(self.flow.data, stop)
        question = QLabel(
            translate(
                "ClaimsPage",
                "Not asked: {not_needed}. Add a claim only if one was made.").format(
                not_needed=not_needed)
            if not_needed
            else translate(
                     "ClaimsPage",
                     "Not asked yet: was a protection claim made in {name}?").format(
                     name=name),
            box,
        )
        question.setWordWrap(True)
        question.setStyleSheet("font-style: italic; color: #6b6b6b;")
        layout.addWidget(question)
        none_made = QPushButton(translate("ClaimsPage", "No claim made here"), box)
        none_made.setAccessibleName(translate(
                    "ClaimsPage",
                    "No protection claim made in stop {stop_index}").format(
                    stop_index=stop_index + 1))
        none_made.clicked.connect(lambda _=False, s=stop_index: self.set_no_claims(s))
        none_made.setEnabled(not self.read_only)
        layout.addWidget(none_made, 0, Qt.AlignmentFlag.AlignLeft)
        self.none_buttons.append(none_made)

    def _add_claim_row(self, box: QGroupBox, layout: QVBoxLayout, stop_index: int,
                       claim_index: int) -> None:
        """A claim's form with its "Remove claim" button."""
        row = QHBoxLayout()
        form = self.add_form(
            build_claim_form(box, ("journey", stop_index, "protection_claims", claim_index))
        )
        for binding in form.bindings:
            binding.editor.setAccessibleName(
                translate(
                    "ClaimsPage",
                    "Stop {stop_index} claim {claim_index}: {label}").format(
                    stop_index=stop_index + 1, claim_index=claim_index + 1, label=binding.label)
            )
        row.addWidget(form, 1)
        remove = QPushButton(translate("ClaimsPage", "Remove claim"), box)
        remove.setAccessibleName(translate(
                    "ClaimsPage",
                    "Remove claim {claim_index} of stop {stop_index}").format(
                    claim_index=claim_index + 1, stop_index=stop_index + 1))
        remove.clicked.connect(
            lambda _=False, s=stop_index, c=claim_index: self.remove_claim(s, c)
        )
        remove.setEnabled(not self.read_only)
        row.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(row)

    def add_claim(self, stop_index: int) -> int:
        if self.read_only:
            return -1
        claim_index = self.flow.add_claim(stop_index)
        self._after_structural_change()
        path = ("journey", stop_index, "protection_claims", claim_index, "kind")
        self.focus_field(path)
        # The new form is laid out on the next turn; scroll to it once it has its place.
        QTimer.singleShot(0, while_alive(self, lambda: self._reveal_claim(path)))
        return claim_index

    def _reveal_claim(self, path: FieldPath) -> None:
        """Scroll the whole claim at `path` into view (its top first if it is too tall) and
        put the keyboard on its first field."""
        # Lay out what is still waiting to be laid out: the new form's place must be final.
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        for form in self.forms:
            if form.base == path[:4]:
                self.scroll_area.ensureWidgetVisible(form, 0, 0)
        self.focus_field(path)

    def set_no_claims(self, stop_index: int) -> None:
        if self.read_only:
            return
        self.flow.set_no_claims(stop_index)
        self._after_structural_change()
        if stop_index < len(self.add_buttons):
            self.add_buttons[stop_index].setFocus(Qt.FocusReason.OtherFocusReason)

    def set_not_asked(self, stop_index: int) -> None:
        if self.read_only:
            return
        self.flow.set_claims_not_asked(stop_index)
        self._after_structural_change()

    def _after_structural_change(self) -> None:
        self.load()
        self.edited.emit(None)

    def remove_claim(self, stop_index: int, claim_index: int) -> None:
        if self.read_only:
            return
        self.flow.remove_claim(stop_index, claim_index)
        self.load()
        self.edited.emit(None)

    def show_problems(self, problems: list[Problem]) -> None:
        super().show_problems(problems)
