"""The Entry step: when, where and how the person entered or tried to enter the US."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop.flow import choices
from desktop.flow.case_flow import CaseFlow
from desktop.flow.steps import Step
from desktop.flow.term_help import term_help
from desktop.ui.case_flow.field_form import FieldForm
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.i18n import translate
from desktop.ui.widgets.choice_combo_box import ChoiceComboBox, TriStateComboBox
from desktop.ui.widgets.country_combo_box import CountryComboBox
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import IntLineEdit, TextLineEdit, TimeLineEdit


class EntryPage(StepPage):
    """The entry or attempted entry into the United States."""

    step = Step.ENTRY

    # Over 60 lines: one add_field per question of the step, in the order they are shown.
    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        form = self.add_form(FieldForm(self, ("entry",)))
        self.date = form.add_field(("date",), translate(
            "EntryPage", "Entry date"), PartialDateEdit(form))
        self.time = form.add_field(
            ("time",),
            translate("EntryPage", "Entry time"),
            TimeLineEdit(form),
            translate(
                "EntryPage",
                "Local time, 24-hour (e.g. 23:40); needed only when a rule changed on the entry "
                "day",
            ),
        )
        self.border = form.add_field(
            ("border",), translate("EntryPage", "Border"), ChoiceComboBox(choices.BORDER, form)
        )
        self.at_port_of_entry = form.add_field(
            ("at_port_of_entry",),
            translate("EntryPage", "At a port of entry"),
            TriStateComboBox(form),
            translate("EntryPage", "No = crossed between ports"),
        )
        self.port = form.add_field(
            ("port",),
            translate("EntryPage", "Port"),
            TextLineEdit(form, empty_is_none=True),
            translate("EntryPage", "e.g. San Ysidro, CA"),
        )
        self.place = form.add_field(
            ("place",),
            translate("EntryPage", "Place of crossing"),
            TextLineEdit(form, empty_is_none=True),
            translate(
                "EntryPage",
                "Port, Border Patrol sector or state (e.g. El Paso Sector); sets the time zone",
            ),
        )
        self.coming_from = form.add_field(
            ("coming_from",),
            translate("EntryPage", "Coming from"),
            CountryComboBox(form),
            translate("EntryPage", "The country the person crossed from"),
        )
        self.proceeding = form.add_field(
            ("proceeding",),
            translate("EntryPage", "Proceeding"),
            ChoiceComboBox(choices.PROCEEDING, form),
            term_help("proceeding"),
        )
        self.unaccompanied_child = form.add_field(
            ("unaccompanied_child",),
            translate("EntryPage", "Unaccompanied child"),
            TriStateComboBox(form),
        )
        self.documents = form.add_field(
            ("documents",),
            translate("EntryPage", "Documents held"),
            ChoiceComboBox(choices.DOCUMENTS, form),
        )
        self.scheduled_appointment = form.add_field(
            ("scheduled_appointment",),
            translate("EntryPage", "Scheduled appointment (CBP One)"),
            TriStateComboBox(form),
            term_help("scheduled_appointment"),
        )
        self.scheduling_obstacle = form.add_field(
            ("scheduling_obstacle",),
            translate("EntryPage", "Obstacle to scheduling"),
            ChoiceComboBox(choices.SCHEDULING_OBSTACLE, form),
            translate(
                "EntryPage",
                "Why the scheduling system could not be used; Unknown until the person was asked",
            ),
        )
        self.metered = form.add_field(
            ("metered_before_2019_07_16",),
            translate("EntryPage", "Metered before 16 July 2019"),
            TriStateComboBox(form),
            term_help("metered_before_2019_07_16"),
        )
        self.claimed_within_days = form.add_field(
            ("claimed_within_days",),
            translate("EntryPage", "Days until the claim"),
            IntLineEdit(form),
            term_help("claimed_within_days"),
        )
        self.body.addWidget(form)
        self.at_port_of_entry.value_edited.connect(self._enable_port)

    def load(self) -> None:
        super().load()
        self._enable_port(self.at_port_of_entry.value())

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self._enable_port(self.at_port_of_entry.value())

    def _enable_port(self, at_port: Any) -> None:
        # A port is asked only of an entry at a port; Unknown keeps it open to be filled in.
        self.port.setEnabled(not self.read_only and at_port is not False)
