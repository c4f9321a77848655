"""A case typed from nothing through every step, reviewed, finalized and found in the database."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from test_case_flow_support import (
    agreeing_record,
    choose_value,
    load_public_case,
    open_page,
    type_country,
    type_date,
    type_text,
)

from desktop.flow import Step, blank_case
from desktop.ui.case_flow.why_tree_model import FACT_PATH_ROLE

# Offscreen Qt cannot raise the completer's popup or grab the keyboard for it; harmless.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        "propagateSizeHints", "does not support raise", "grabbing the keyboard"
    ),
]


def fill_stop(journey, country: str, arrived: str | None, departed: str | None, status: str):
    type_country(journey.country, country)
    type_date(journey.arrived, arrived)
    type_date(journey.departed, departed)
    choose_value(journey.status_held, status)
    choose_value(journey.permanent_status_offered, False)


def test_a_case_from_nothing_to_a_final_memo(qtbot, services) -> None:
    expected = load_public_case("tb-final-denial-in-mexico")
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)

    # Applicant: a Vietnamese given name typed key by key.
    applicant = page.pages[Step.APPLICANT]
    QTest.keyClicks(applicant.family_name, "Test")
    type_text(applicant.given_names, "Case Nguyễn")
    type_date(applicant.date_of_birth, "1990-01-15")
    choose_value(applicant.sex, "female")
    type_country(applicant.nationalities.combo, "Honduras")
    applicant.languages.setFocus()
    QTest.keyClicks(applicant.languages, "es")
    # Shortcuts go to the focused widget of the active window (the completer popup had both).
    qtbot.waitUntil(lambda: page.isActiveWindow() and applicant.languages.hasFocus(), timeout=5_000)
    QTest.keyClick(applicant.languages, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)

    # Entry.
    assert page.current_step is Step.ENTRY
    entry = page.pages[Step.ENTRY]
    type_date(entry.date, "2019-10-03")
    choose_value(entry.border, "southern_land")
    choose_value(entry.at_port_of_entry, False)
    type_country(entry.coming_from, "mx")
    choose_value(entry.unaccompanied_child, False)
    choose_value(entry.documents, "none")
    choose_value(entry.scheduled_appointment, False)
    choose_value(entry.metered, False)
    page.next_step_action.trigger()

    # Journey: typed out of order, then put right with the keyboard.
    journey = page.pages[Step.JOURNEY]
    QTest.mouseClick(journey.add_button, Qt.MouseButton.LeftButton)
    fill_stop(journey, "Mexico", "2019-03-15", "2019-10-03", "none")
    QTest.mouseClick(journey.add_button, Qt.MouseButton.LeftButton)
    fill_stop(journey, "GT", "2019-03-10", "2019-03-15", "none")
    journey.stop_list.setFocus()
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [s["country"] for s in page.flow.journey] == ["GT", "MX"]
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Home)
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Insert)  # Honduras goes first
    fill_stop(journey, "Honduras", None, "2019-03-10", "citizen")
    assert [s["country"] for s in page.flow.journey] == ["HN", "GT", "MX"]
    page.next_step_action.trigger()

    # Protection claims: the final denial in Mexico.
    claims = page.pages[Step.PROTECTION_CLAIMS]
    QTest.mouseClick(claims.add_buttons[2], Qt.MouseButton.LeftButton)
    form = claims.forms[0]
    editors = {b.relative[0]: b.editor for b in form.bindings}
    choose_value(editors["kind"], "asylum")
    type_date(editors["filed"], "2019-03-20")
    choose_value(editors["outcome"], "denied")
    choose_value(editors["final"], True)
    type_date(editors["decided"], "2019-07-15")
    while claims.none_buttons:  # Honduras and Guatemala: asked, no claim made there
        QTest.mouseClick(claims.none_buttons[0], Qt.MouseButton.LeftButton)
    assert [s["protection_claims"] for s in page.flow.journey][:2] == [[], []]
    page.next_step_action.trigger()

    # Circumstances.
    circumstances = page.pages[Step.CIRCUMSTANCES]
    for combo in (
        circumstances.trafficking_victim,
        circumstances.medical_emergency,
        circumstances.imminent_threat,
        circumstances.public_interest,
    ):
        choose_value(combo, False)
    assert page.flow.is_complete(), page.flow.problems()

    # Every answer is what the public case holds (names aside).
    for key in ("entry", "circumstances"):
        # The form also holds this round's new questions, still Unknown (null).
        answered = {k: v for k, v in page.flow.data[key].items() if v is not None}
        assert answered == {k: v for k, v in expected[key].items() if v is not None}, key
    for mine, theirs in zip(page.flow.journey, expected["journey"], strict=True):
        for key, value in theirs.items():
            assert mine.get(key) == value, (mine, key)

    # Review: the decision date re-evaluates at once.
    review = page.pages[Step.REVIEW]
    with qtbot.waitSignal(review.evaluated, timeout=20_000):
        page.next_step_action.trigger()
    assert review.determination["decision_date"] == "2019-12-02"  # today, by the clock
    with qtbot.waitSignal(review.evaluated, timeout=20_000):
        type_date(page.decision_edit, "2019-12-03")
    assert review.determination["decision_date"] == "2019-12-03"
    assert page.flow.data["decision_date"] == "2019-12-03"
    findings = {f["rule"]: f["outcome"] for f in review.determination["findings"]}
    assert findings["transit_bar_2019"] == "exception"
    assert "Decision support — the officer decides." in [
        label.text() for label in review.findChildren(type(review.status))
    ]
    # A fact in the why tree opens its field.
    model = review.tree_model
    fact_index = next(
        index
        for row in range(model.rowCount())
        for index in _walk(model, model.index(row, 0))
        if index.data(FACT_PATH_ROLE) == "entry.date"
    )
    review.tree.activated.emit(fact_index)
    assert page.current_step is Step.ENTRY
    assert page.stack.currentWidget() is entry

    # Memo: preview, then finalize.
    memo = page.pages[Step.MEMO]
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        page.go_to_step(Step.MEMO)
    assert memo.document.pageCount() >= 1
    with qtbot.waitSignal(memo.finalized, timeout=30_000):
        memo.finalize_as(agreeing_record(memo, "Officer Dana Reyes"))
    stored_memo = services.memos.latest_memo(case_id)
    assert stored_memo is not None and stored_memo.status == "final"
    assert stored_memo.finalized_by == "Officer Dana Reyes"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(stored_memo.pdf_bytes)).pages)
    assert "Officer Dana Reyes" in text
    stored_case = services.cases.get_case(case_id)
    assert stored_case.status == "finalized"
    assert stored_case.case_data["applicant"]["given_names"] == "Case Nguyễn"
    # The case is now read-only.
    page.go_to_step(Step.APPLICANT)
    assert not applicant.family_name.isEnabled()
    assert page.banner.isVisible()


def _walk(model, index):
    yield index
    for row in range(model.rowCount(index)):
        yield from _walk(model, model.index(row, 0, index))
