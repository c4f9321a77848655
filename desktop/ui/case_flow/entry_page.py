"""The Entry step: when, where and how the person entered or tried to enter the US."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.flow import choices
from desktop.flow.case_flow import CaseFlow
from desktop.flow.steps import Step
from desktop.ui.case_flow.field_form import FieldForm
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.widgets.choice_combo_box import ChoiceComboBox, TriStateComboBox
from desktop.ui.widgets.country_combo_box import CountryComboBox
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import IntLineEdit, TextLineEdit


class EntryPage(StepPage):
    """The entry or attempted entry into the United States."""

    step = Step.ENTRY

    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        form = self.add_form(FieldForm(self, ("entry",)))
        self.date = form.add_field(("date",), "Entry date", PartialDateEdit(form))
        self.border = form.add_field(("border",), "Border", ChoiceComboBox(choices.BORDER, form))
        self.at_port_of_entry = form.add_field(
            ("at_port_of_entry",),
            "At a port of entry",
            TriStateComboBox(form),
            "No = crossed between ports",
        )
        self.port = form.add_field(
            ("port",), "Port", TextLineEdit(form, empty_is_none=True), "e.g. San Ysidro, CA"
        )
        self.coming_from = form.add_field(
            ("coming_from",),
            "Coming from",
            CountryComboBox(form),
            "The country the person crossed from",
        )
        self.unaccompanied_child = form.add_field(
            ("unaccompanied_child",), "Unaccompanied child", TriStateComboBox(form)
        )
        self.documents = form.add_field(
            ("documents",), "Documents held", ChoiceComboBox(choices.DOCUMENTS, form)
        )
        self.scheduled_appointment = form.add_field(
            ("scheduled_appointment",), "Scheduled appointment (CBP One)", TriStateComboBox(form)
        )
        self.scheduling_obstacle = form.add_field(
            ("scheduling_obstacle",),
            "Obstacle to scheduling",
            ChoiceComboBox(choices.SCHEDULING_OBSTACLE, form, unknown_label="None / unknown"),
        )
        self.metered = form.add_field(
            ("metered_before_2019_07_16",),
            "Metered before 2019-07-16",
            TriStateComboBox(form),
            "Turned back at a southern port before 2019-07-16",
        )
        self.claimed_within_days = form.add_field(
            ("claimed_within_days",),
            "Days until the claim",
            IntLineEdit(form),
            "Northern border between ports: days from crossing to the protection claim",
        )
        self.body.addWidget(form)
