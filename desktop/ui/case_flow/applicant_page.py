"""The Applicant step: names in any script, A-number, birth date, sex, nationalities."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from desktop.flow import choices
from desktop.flow.case_flow import CaseFlow
from desktop.flow.steps import Step
from desktop.ui.case_flow.field_form import FieldForm
from desktop.ui.case_flow.step_page import StepPage
from desktop.ui.i18n import translate
from desktop.ui.widgets.choice_combo_box import ChoiceComboBox, TriStateComboBox
from desktop.ui.widgets.country_combo_box import CountryComboBox
from desktop.ui.widgets.country_list_edit import CountryListEdit
from desktop.ui.widgets.language_list_edit import LanguageListEdit
from desktop.ui.widgets.partial_date_edit import PartialDateEdit
from desktop.ui.widgets.text_edits import ANumberLineEdit, TextLineEdit


class ApplicantPage(StepPage):
    """Who the applicant is."""

    step = Step.APPLICANT

    def __init__(self, flow: CaseFlow, parent: QWidget | None = None) -> None:
        super().__init__(flow, parent)
        form = self.add_form(FieldForm(self, ("applicant",)))
        self.family_name = form.add_field(
            ("family_name",), translate(
                "ApplicantPage", "Family name"), TextLineEdit(form), translate(
                "ApplicantPage", "As written by the applicant")
        )
        self.given_names = form.add_field(("given_names",), translate(
            "ApplicantPage", "Given names"), TextLineEdit(form))
        self.a_number = form.add_field(
            ("a_number",),
            translate("ApplicantPage", "A-number"),
            ANumberLineEdit(form),
            translate(
                "ApplicantPage", "8 or 9 digits in any form: A-123-456-789, A123456789, 12345678"),
        )
        self.date_of_birth = form.add_field(
            ("date_of_birth",), translate("ApplicantPage", "Date of birth"), PartialDateEdit(form)
        )
        self.sex = form.add_field(("sex",), translate(
            "ApplicantPage", "Sex"), ChoiceComboBox(choices.SEX, form))
        self.nationalities = form.add_field(
            ("nationalities",), translate("ApplicantPage", "Nationalities"), CountryListEdit(form)
        )
        self.stateless = form.add_field(
            ("stateless",),
            translate("ApplicantPage", "Stateless"),
            TriStateComboBox(form),
            translate("ApplicantPage", "Yes = the applicant has no nationality"),
        )
        self.last_habitual_residence = form.add_field(
            ("last_habitual_residence",),
            translate("ApplicantPage", "Last habitual residence"),
            CountryComboBox(form),
            translate("ApplicantPage", "Only when it differs from the nationality"),
        )
        self.languages = form.add_field(
            ("languages",),
            translate("ApplicantPage", "Languages"),
            LanguageListEdit(form),
            translate(
                "ApplicantPage",
                "Type a language's name and pick it from the list; several with commas",
            ),
        )
        self.body.addWidget(form)
        self.setTabOrder(self.family_name, self.given_names)
