"""The finalize dialog lists every question still open and every finding; "Answer it…" goes to
the question's field; a record with a gap is refused by the service too (nothing stored)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialogButtonBox
from test_case_flow_support import (
    open_memo_step,
    open_page,
)

from desktop.flow import Step
from desktop.services.decision import FinalInput
from desktop.services.officer_record import RuleConclusion, open_questions
from tests.case_paths import EXTRA_CASES_DIR

pytestmark = pytest.mark.gui
CASE = EXTRA_CASES_DIR / "es-northern-border-entry.case.json"  # one question open in 2026


@pytest.fixture
def memo_page(qtbot, services):
    data = json.loads(CASE.read_text("utf-8"))
    data["decision_date"] = "2026-12-01"  # the services' clock stands in 2019
    return open_memo_step(qtbot, services, data)


def test_the_dialog_lists_each_open_question_and_answer_it_goes_to_its_field(qtbot, memo_page):
    page, memo, _case_id = memo_page
    dialog = memo.ask_finalize()
    questions = open_questions(memo.determination)
    assert [row.field for row in dialog.question_rows] == [q.field for q in questions]
    assert len(dialog.conclusion_rows) == len(memo.determination["findings"])
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.question_rows[0].answer_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5_000)
    assert page.current_step is not Step.MEMO  # on the step that asks the question


def test_a_record_with_an_unexplained_question_is_refused_and_nothing_is_stored(
        qtbot, services, memo_page):
    _page, memo, case_id = memo_page
    record = FinalInput("R. Okafor", tuple(RuleConclusion(f["rule"], "agree")
                                           for f in memo.determination["findings"]))
    with qtbot.waitSignal(memo.failed, timeout=30_000) as failed:
        memo.finalize_as(record)
    assert "Not finalized" in failed.args[0] and "open question" in failed.args[0]
    assert services.cases.get_case(case_id).status != "finalized"
    assert services.memos.latest_memo(case_id) is None


def test_a_case_finalized_before_dates_were_pinned_shows_its_memo_s_date(qtbot, services):
    from datetime import date

    from tests.evaluated import evaluated

    data = json.loads(CASE.read_text("utf-8"))
    data.pop("decision_date", None)
    case_id = services.cases.create_case(data)
    services.memos.record_determination(case_id, evaluated(data, date(2026, 11, 30)))
    services.memos.finalize(case_id, "R. Okafor", b"%PDF-1.7 an older final memo")  # no record
    page = open_page(qtbot, services, case_id)
    page._ensure_header()
    assert page.decision_date().value == date(2026, 11, 30) and page.decision_date().pinned
    assert "30 November 2026" in page.decision_words.text()
