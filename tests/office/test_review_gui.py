"""The review in the window: submit, return with a comment shown on its step, approve."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from desktop.flow.steps import Step
from desktop.services.cases import CaseService
from desktop.services.memos import MemoService
from desktop.services.review import ReviewService
from tests.gui.test_case_flow_support import open_page
from tests.office.conftest import make_case

pytestmark = pytest.mark.gui


def _as(services: Any, login: str) -> Any:
    database = services.cases.database
    return dataclasses.replace(
        services, cases=CaseService(database, services.clock, actor=login),
        memos=MemoService(database, services.clock, actor=login))


def _wait_review(qtbot: Any, page: Any) -> None:
    with qtbot.waitSignal(page.review_panel.review_changed, timeout=20_000):
        page.review_panel.refresh()


def _decide_and_submit(qtbot: Any, panel: Any, passphrase: str) -> None:
    """Submit: her determination in the dialog (agree with each finding, decide without each
    open question, with why), signed with her passphrase."""
    panel.submit_button.click()
    qtbot.waitUntil(lambda: panel.submit_dialog is not None and panel.submit_dialog.isVisible(),
                    timeout=30_000)
    dialog = panel.submit_dialog
    assert dialog.officer() == "Ana Ruiz" and dialog.officer_edit.isReadOnly()
    assert "fixed when you submit" in dialog.findChild(QLabel).text()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing decided yet
    for row in dialog.conclusion_rows:
        row.choice.setCurrentIndex(row.choice.findData("agree"))
    for question in dialog.question_rows:
        question.without.setChecked(True)
        question.reason.setText("Not asked: decided on the facts recorded.")
    dialog.passphrase_edit.setText(passphrase)
    if dialog.repeat_edit.isEnabled():
        dialog.repeat_edit.setText(passphrase)
    assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: "Awaiting review" in panel.status_label.text(), timeout=60_000)


def test_no_review_office_hides_the_panel(qtbot: Any, services: Any) -> None:
    page = open_page(qtbot, services, services.cases.create_case(make_case()))
    _wait_review(qtbot, page)
    assert not page.review_panel.isVisible()
    assert not page.review_panel.banner.isVisible()
    page.go_to_step(Step.MEMO)
    assert page.memo_page.finalize_button.isVisible()
    assert not page.memo_page.review_note.isVisible()


def test_review_office_offers_no_finalize_to_the_caseworker(qtbot: Any, services: Any) -> None:
    admin = ReviewService(services.cases.database, services.clock, actor="admin")
    admin.set_review_required(True)
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    ana = _as(services, "ana")
    page = open_page(qtbot, ana, ana.cases.create_case(make_case()))
    _wait_review(qtbot, page)
    page.go_to_step(Step.MEMO)  # built after the review setting was read
    memo = page.memo_page
    assert not memo.finalize_button.isVisible()
    assert memo.review_note.isVisible()
    assert "This office requires review: submit the case for review" in memo.review_note.text()
    _wait_review(qtbot, page)  # and kept so when the review is read again
    assert not memo.finalize_button.isVisible()


def test_return_comment_shows_on_its_step_then_approval_locks(qtbot: Any, services: Any
                                                              ) -> None:
    admin = ReviewService(services.cases.database, services.clock, actor="admin")
    admin.set_review_required(True)
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    admin.add_profile("dana", "Dana Cole", "supervisor")
    ana, dana = _as(services, "ana"), _as(services, "dana")
    case_id = ana.cases.create_case(make_case())

    page = open_page(qtbot, ana, case_id)
    _wait_review(qtbot, page)
    panel = page.review_panel
    assert panel.isVisible() and panel.submit_button.isVisible()
    assert not panel.approve_button.isVisible()
    _decide_and_submit(qtbot, panel, "ana's passphrase")
    assert not panel.submit_button.isVisible()

    supervisor_page = open_page(qtbot, dana, case_id)
    _wait_review(qtbot, supervisor_page)
    reviewing = supervisor_page.review_panel
    assert reviewing.approve_button.isVisible() and reviewing.return_button.isVisible()

    def fill_and_accept() -> None:
        dialog = reviewing.return_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.step_combo.setCurrentIndex(dialog.step_combo.findData("journey"))
        dialog.comment_edit.setPlainText("Check the dates in México")
        dialog.return_button.click()

    QTimer.singleShot(0, fill_and_accept)
    reviewing.return_button.click()
    qtbot.waitUntil(lambda: "Returned by Dana Cole" in reviewing.status_label.text(),
                    timeout=30_000)

    _wait_review(qtbot, page)
    page.go_to_step(Step.APPLICANT)
    assert not panel.banner.isVisible()
    page.go_to_step(Step.JOURNEY)
    assert panel.banner.isVisible()
    assert "Returned by Dana Cole" in panel.banner.label.text()
    assert "Check the dates in México" in panel.banner.label.text()

    _decide_and_submit(qtbot, panel, "ana's passphrase")
    _wait_review(qtbot, supervisor_page)

    def sign_and_approve() -> None:
        dialog = reviewing.approve_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.passphrase_edit.setText("dana's passphrase")
        dialog.approve_button.click()

    QTimer.singleShot(0, sign_and_approve)
    reviewing.approve_button.click()
    qtbot.waitUntil(lambda: "Approved by Dana Cole" in reviewing.status_label.text(),
                    timeout=60_000)
    assert supervisor_page.flow.read_only
    memo = services.memos.latest_memo(case_id)
    assert memo is not None and memo.status == "final" and memo.finalized_by == "dana"
    from desktop.services.memo_verification import check_memo

    check = check_memo(memo.pdf_bytes)  # her signed submission, counter-signed on approval
    assert check.valid and [s.signer for s in check.signatures] == ["Ana Ruiz", "Dana Cole"]
    assert memo.decision_date == "2019-12-02" and memo.officer_determination is not None
    assert (memo.officer_determination["officer"],
            memo.officer_determination["approved_by"]) == ("Ana Ruiz", "Dana Cole")
