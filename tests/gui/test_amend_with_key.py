"""Amend asks for the officer's signing key, not just a typed name: the dialog has the
passphrase field, a wrong passphrase leaves the case final, the right one unlocks it; the
signed final memo says whose key signed it."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from test_case_flow_support import (
    agreeing_record,
    load_public_case,
    open_page,
)

from desktop.flow import Step
from desktop.services import signing
from desktop.ui.case_flow.officer_dialogs import amendment_dialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

OFFICER = "María José Núñez"
KEY_PASS = "officer key words"


def test_amend_needs_the_officers_key_passphrase(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    memo = page.pages[Step.MEMO]
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        page.go_to_step(Step.MEMO)
    with qtbot.waitSignals([memo.finalized, memo.preview_ready], timeout=30_000, order="strict"):
        memo.finalize_as(agreeing_record(memo, OFFICER), KEY_PASS)  # the key is made now
    final = services.memos.latest_memo(case_id)
    assert final is not None and final.status == "final"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(final.pdf_bytes)).pages).split())
    assert "Signed with a self-signed key" in text

    data_dir = services.paths.data_dir
    dialog = amendment_dialog(page, has_key=lambda name: signing.has_key(data_dir, name))
    assert dialog.passphrase_edit is not None and dialog.passphrase_edit.isVisibleTo(dialog)
    dialog.officer_edit.setText(OFFICER)
    dialog.reason_edit.setText("New evidence")
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a typed name and a reason are not enough
    dialog.passphrase_edit.setText(KEY_PASS)
    assert ok.isEnabled()
    dialog.deleteLater()

    page.amend(OFFICER, "New evidence", "not the passphrase")
    qtbot.waitUntil(lambda: "Could not amend" in page.save_status.text(), timeout=20_000)
    assert "passphrase does not open" in page.save_status.text()
    assert page.flow.read_only and services.cases.get_case(case_id).status == "finalized"
    page.amend(OFFICER, "New evidence", KEY_PASS)
    qtbot.waitUntil(lambda: not page.flow.read_only, timeout=20_000)
    assert services.cases.get_case(case_id).status != "finalized"
