"""The Circumstances step: exceptions and rebuttals, family, fear findings, notes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.flow import choices
from desktop.flow.case_flow import CaseFlow
from desktop.flow.case_template import blank_family_in_us, blank_travelling_family_member
from desktop.flow.steps import Step
from desktop.flow.term_help import term_help
from desktop.ui.case_flow.field_form import FieldForm
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.i18n import translate
from desktop.ui.widgets.choice_combo_box import ChoiceComboBox, TriStateComboBox
from desktop.ui.widgets.country_combo_box import CountryComboBox
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import IntLineEdit, TextLineEdit

_LISTS = ("travelling_with_family", "family_in_us")


class CircumstancesPage(StepPage):
    """Facts that exceptions and rebuttals turn on."""

    step = Step.CIRCUMSTANCES

    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        form = self.add_form(FieldForm(self, ("circumstances",)))
        self.trafficking_victim = form.add_field(
            ("trafficking_victim",),
            translate("CircumstancesPage", "Victim of severe trafficking"),
            TriStateComboBox(form),
            translate(
                "CircumstancesPage", "A severe form of trafficking in persons (8 CFR 214.11)"),
        )
        self.medical_emergency = form.add_field(
            ("medical_emergency_at_entry",), translate(
                "CircumstancesPage", "Medical emergency at entry"), TriStateComboBox(form)
        )
        self.imminent_threat = form.add_field(
            ("imminent_threat_at_entry",), translate(
                "CircumstancesPage", "Imminent threat at entry"), TriStateComboBox(form)
        )
        self.public_interest = form.add_field(
            ("public_interest_exception",),
            translate("CircumstancesPage", "Public-interest exception"),
            TriStateComboBox(form),
            term_help("public_interest_exception"),
        )
        self.proclamation_exception = form.add_field(
            ("proclamation_case_by_case_exception",),
            translate("CircumstancesPage", "Proclamation case-by-case exception"),
            TriStateComboBox(form),
            term_help("proclamation_case_by_case_exception"),
        )
        self.body.addWidget(form)
        self.fixed_forms = list(self.forms)
        self.list_boxes: dict[str, QGroupBox] = {}
        self.list_layouts: dict[str, QVBoxLayout] = {}
        for key, title in (
            ("travelling_with_family", translate(
                "CircumstancesPage", "Family travelling together")),
            ("family_in_us", translate("CircumstancesPage", "Family in the United States")),
            ("fear_of_receiving_country", translate(
                "CircumstancesPage", "Fear of a country the person could be sent to")),
        ):
            box = QGroupBox(title, self)
            box.setAccessibleName(title)
            self.list_layouts[key] = QVBoxLayout(box)
            self.list_boxes[key] = box
            self.body.addWidget(box)
        notes_form = self.add_form(FieldForm(self, ()))
        self.notes = notes_form.add_field(
            ("notes",),
            translate("CircumstancesPage", "Notes for the memo"),
            TextLineEdit(notes_form, empty_is_none=True),
        )
        self.body.addWidget(notes_form)
        self.fixed_forms.append(notes_form)
        self.fear_rows: list[tuple[CountryComboBox, ChoiceComboBox]] = []

    def load(self) -> None:
        self._rebuild()
        super().load()

    def _rebuild(self) -> None:
        for form in self.forms:
            if form not in self.fixed_forms:
                form.answer_edited.disconnect(self._store_answer)
        self.forms = list(self.fixed_forms)
        for layout in self.list_layouts.values():
            while layout.count():
                item = layout.takeAt(0)
                widget = item.widget() if item is not None else None
                if widget is not None:  # hidden and left to Qt to delete (see ClaimsPage)
                    widget.hide()
                    widget.deleteLater()
        circumstances = self.flow.data.get("circumstances") or {}
        for key in _LISTS:
            box = self.list_boxes[key]
            members = circumstances.get(key) or []
            for index in range(len(members)):
                row = QWidget(box)
                row_layout = QHBoxLayout(row)
                row_layout.setContentsMargins(0, 0, 0, 0)
                form = self.add_form(self._member_form(row, key, index))
                row_layout.addWidget(form, 1)
                remove = QPushButton(translate("CircumstancesPage", "Remove"), row)
                remove.setAccessibleName(
                    translate("CircumstancesPage", "Remove family member {index}").format(
                        index=index + 1
                    )
                )
                remove.clicked.connect(lambda _=False, k=key, i=index: self._remove_member(k, i))
                row_layout.addWidget(remove, 0, Qt.AlignmentFlag.AlignTop)
                self.list_layouts[key].addWidget(row)
            add = QPushButton(translate("CircumstancesPage", "Add family member"), box)
            add.setAccessibleName(
                translate("CircumstancesPage", "Add: {title}").format(title=box.title())
            )
            add.clicked.connect(lambda _=False, k=key: self._add_member(k))
            self.list_layouts[key].addWidget(add)
        self._build_fear_rows(circumstances.get("fear_of_receiving_country") or {})
        for form in self.forms:
            form.set_read_only(self.read_only)
        for box in self.list_boxes.values():
            for button in box.findChildren(QPushButton):
                button.setEnabled(not self.read_only)

    def _member_form(self, parent: QWidget, key: str, index: int) -> FieldForm:
        form = FieldForm(parent, ("circumstances", key, index))
        if key == "travelling_with_family":
            form.add_field(
                ("relation",),
                translate("CircumstancesPage", "Relation"),
                ChoiceComboBox(choices.FAMILY_RELATION, form),
            )
            form.add_field(
                ("family_name",), translate("CircumstancesPage", "Family name"), TextLineEdit(form)
            )
            form.add_field(
                ("given_names",), translate("CircumstancesPage", "Given names"), TextLineEdit(form)
            )
            form.add_field(
                ("date_of_birth",),
                translate("CircumstancesPage", "Date of birth"),
                PartialDateEdit(form),
            )
            form.add_field(
                ("parole_authorization",),
                translate("CircumstancesPage", "Parole travel authorization"),
                TriStateComboBox(form),
                term_help("parole_authorization"),
            )
            form.add_field(
                ("scheduled_appointment",),
                translate("CircumstancesPage", "Scheduled appointment (CBP One)"),
                TriStateComboBox(form),
                term_help("scheduled_appointment"),
            )
            form.add_field(
                ("final_denial_country",),
                translate("CircumstancesPage", "Protection finally denied in"),
                CountryComboBox(form),
                term_help("final_denial_country"),
            )
        else:
            form.add_field(
                ("relation",),
                translate("CircumstancesPage", "Relation"),
                ChoiceComboBox(choices.FAMILY_RELATION, form),
            )
            form.add_field(
                ("status",),
                translate("CircumstancesPage", "Status"),
                ChoiceComboBox(choices.FAMILY_STATUS, form),
            )
            form.add_field(
                ("age",), translate("CircumstancesPage", "Age"), IntLineEdit(form, maximum=130)
            )
        for binding in form.bindings:
            binding.editor.setAccessibleName(
                translate("CircumstancesPage", "Family member {index}: {label}").format(
                    index=index + 1, label=binding.label
                )
            )
        return form

    def _add_member(self, key: str) -> None:
        if self.read_only:
            return
        blank: dict[str, Any] = (
            blank_travelling_family_member()
            if key == "travelling_with_family"
            else blank_family_in_us()
        )
        members = list(self.flow.answer(("circumstances", key)) or [])
        members.append(blank)
        self.flow.set_answer(("circumstances", key), members)
        self.load()
        self.edited.emit(None)
        self.focus_field(("circumstances", key, len(members) - 1, "relation"))

    def _remove_member(self, key: str, index: int) -> None:
        if self.read_only:
            return
        members = list(self.flow.answer(("circumstances", key)) or [])
        del members[index]
        self.flow.set_answer(("circumstances", key), members)
        self.load()
        self.edited.emit(None)

    # -- fear findings: a dict keyed by country, edited as rows --------------------------------
    def _build_fear_rows(self, fear: dict[str, Any]) -> None:
        box = self.list_boxes["fear_of_receiving_country"]
        self.fear_rows = []
        for code, finding in list(fear.items()) + [(None, None)]:
            row = QWidget(box)
            layout = QHBoxLayout(row)
            layout.setContentsMargins(0, 0, 0, 0)
            country = CountryComboBox(row)
            country.set_value(code)
            country.setAccessibleName(translate("CircumstancesPage", "Receiving country"))
            answer = ChoiceComboBox(
                choices.FEAR_FINDING,
                row,
                unknown_label=translate("CircumstancesPage", "No finding"),
            )
            answer.set_value(finding)
            answer.setAccessibleName(translate("CircumstancesPage", "Officer's finding on fear"))
            layout.addWidget(country, 1)
            layout.addWidget(answer, 1)
            country.value_edited.connect(self._store_fear)
            answer.value_edited.connect(self._store_fear)
            country.setEnabled(not self.read_only)
            answer.setEnabled(not self.read_only)
            self.list_layouts["fear_of_receiving_country"].addWidget(row)
            self.fear_rows.append((country, answer))

    def _store_fear(self, _value: object) -> None:
        fear = {
            code: answer.value()
            for country, answer in self.fear_rows
            if (code := country.value()) and answer.value() is not None
        }
        pending_new_row = self.fear_rows[-1][0].value() is not None
        if self.flow.set_answer(("circumstances", "fear_of_receiving_country"), fear):
            self.edited.emit(("circumstances", "fear_of_receiving_country"))
        if pending_new_row and fear.keys() == {c.value() for c, _ in self.fear_rows if c.value()}:
            where = self._fear_focus()
            self.load()  # a new empty row for the next country; the rows are made again
            self._restore_fear_focus(where)

    def _fear_focus(self) -> tuple[int, int] | None:
        """(row, column) of the fear row's control with the keyboard focus, if one has it."""
        focused = QApplication.focusWidget()
        for row, controls in enumerate(self.fear_rows):
            for column, control in enumerate(controls):
                if focused is not None and (focused is control or control.isAncestorOf(focused)):
                    return row, column
        return None

    def _restore_fear_focus(self, where: tuple[int, int] | None) -> None:
        """The same control of the rebuilt rows takes the focus back: it had gone to the step
        list with the old row, where the next arrow key changed the step (issue 27)."""
        if where is None or where[0] >= len(self.fear_rows):
            return
        control = self.fear_rows[where[0]][where[1]]
        self.scroll_area.ensureWidgetVisible(control)
        control.setFocus(Qt.FocusReason.OtherFocusReason)
