"""The case flow page: moving between steps, inline problems, autosave, names in any script."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_case_flow_support import (
    load_public_case,
    open_page,
    type_date,
    type_text,
    wait_saved,
)

from desktop.flow import Step, StepState, blank_case
from desktop.ui.case_flow.case_flow_page import CaseFlowPage
from desktop.ui.case_flow.step_list_model import STATE_ROLE

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_forward_and_back_keep_the_answers(qtbot, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    applicant = page.pages[Step.APPLICANT]
    applicant.family_name.setFocus()
    QTest.keyClicks(applicant.family_name, "Ramirez Cruz")
    QTest.keyClicks(applicant.given_names, "Ana")
    QTest.keyClick(applicant.given_names, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert page.current_step is Step.ENTRY
    type_date(page.pages[Step.ENTRY].date, "2019-10")
    for _ in range(5):
        page.next_step_action.trigger()
    assert page.current_step is Step.MEMO
    for _ in range(6):
        page.previous_step_action.trigger()
    assert page.current_step is Step.APPLICANT
    assert applicant.family_name.text() == "Ramirez Cruz"
    assert applicant.given_names.text() == "Ana"
    page.next_step()
    assert page.pages[Step.ENTRY].date.value() == "2019-10"
    assert page.flow.data["entry"]["date"] == "2019-10"
    assert page.step_model.index(0).data(STATE_ROLE) == StepState.INCOMPLETE.value  # no nationality


def test_departure_before_arrival_shows_beside_the_field_and_marks_the_step(
    qtbot, services
) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    journey.select_row(1)
    type_date(journey.departed, "2019-03-01")  # arrived 2019-03-10
    binding = next(b for b in journey.stop_form.bindings if b.relative == ("departed",))
    assert binding.problem_label.isVisible()
    assert binding.problem_label.text() == "⚠ Departure is before arrival"
    assert page.step_model.index(Step.JOURNEY.index).data(STATE_ROLE) == "problems"
    assert "⚠" in page.step_model.index(Step.JOURNEY.index).data()
    # Fixing it clears the problem and the mark.
    type_date(journey.departed, "2019-03-15")
    assert not binding.problem_label.isVisible()
    assert page.step_model.index(Step.JOURNEY.index).data(STATE_ROLE) == "complete"


def test_autosave_survives_closing_the_page(qtbot, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    applicant = page.pages[Step.APPLICANT]
    QTest.keyClicks(applicant.family_name, "Okafor")
    with qtbot.waitSignal(page.case_saved, timeout=5_000):
        pass  # the debounced autosave fires on its own
    QTest.keyClicks(applicant.given_names, "Chidi")
    page.close()  # closing saves what was typed since
    qtbot.waitUntil(lambda: services.runner.pending_count() == 0, timeout=5_000)
    stored = services.cases.get_case(case_id).case_data
    assert stored["applicant"]["family_name"] == "Okafor"
    assert stored["applicant"]["given_names"] == "Chidi"
    reopened = open_page(qtbot, services, case_id)
    assert reopened.pages[Step.APPLICANT].given_names.text() == "Chidi"


def test_a_stored_case_round_trips_exactly(qtbot, services) -> None:
    data = load_public_case("tb-trafficking-unknown")
    case_id = services.cases.create_case(data)
    page = open_page(qtbot, services, case_id)
    for step in Step:
        page.go_to_step(step)
    QTest.keyClicks(page.pages[Step.APPLICANT].family_name, "x")
    QTest.keyClick(page.pages[Step.APPLICANT].family_name, Qt.Key.Key_Backspace)
    wait_saved(qtbot, page)
    stored = services.cases.get_case(case_id).case_data
    expected = dict(data)
    expected["decision_date"] = data.get("decision_date")
    assert {k: v for k, v in stored.items() if k != "case_id"} == {
        k: v for k, v in expected.items() if k != "case_id"
    }


@pytest.mark.parametrize(
    ("family", "given"),
    [("Nguyễn", "Thị Minh Khai"), ("الحسيني", "فاطمة"), ("王", "小明")],
)
def test_names_in_any_script_are_typed_shown_and_saved(qtbot, services, family, given) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    applicant = page.pages[Step.APPLICANT]
    type_text(applicant.family_name, family)
    type_text(applicant.given_names, given)
    assert applicant.family_name.text() == family
    wait_saved(qtbot, page)
    stored = services.cases.get_case(case_id).case_data["applicant"]
    assert (stored["family_name"], stored["given_names"]) == (family, given)


def test_every_control_has_an_accessible_name(qtbot, services) -> None:
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QLineEdit

    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    for step in Step:
        if step.collects_answers:
            page.go_to_step(step)
    unnamed = [
        widget
        for kind in (QAbstractButton, QAbstractSpinBox, QComboBox)
        for widget in page.findChildren(kind)
        if not widget.accessibleName()
    ]
    line_edits = [
        w
        for w in page.findChildren(QLineEdit)
        if not w.accessibleName() and not isinstance(w.parent(), QAbstractSpinBox | QComboBox)
    ]
    assert unnamed == [] and line_edits == []


def test_step_list_model_passes_the_model_tester(qtbot, qtmodeltester, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    qtmodeltester.check(page.step_model)
    assert isinstance(page, CaseFlowPage)


def test_pages_are_built_ahead_once_the_runner_is_idle(qtbot, services) -> None:
    # A worker running Python and a page being built slow each other down (the interpreter
    # lock): the pages ahead wait while the runner works, then come one per turn.
    import threading

    release = threading.Event()
    services.runner.run(lambda: release.wait(10))  # a long task, as a memo being rendered
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    qtbot.wait(300)  # several of the waits of the pages ahead
    assert set(page.pages) == {Step.APPLICANT}  # only the page on screen
    release.set()
    qtbot.waitUntil(lambda: {Step.ENTRY, Step.JOURNEY, Step.PROTECTION_CLAIMS,
                             Step.CIRCUMSTANCES} <= set(page.pages), timeout=10_000)
