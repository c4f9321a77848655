"""The Memo step's interview sheet: chosen in Spanish, saved as PDF and read back; printed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from test_case_flow_support import (
    load_public_case,
    open_memo_step,
)

from desktop.memo.interview import sheet_questions
from desktop.ui.case_flow.memo_saving import LAST_FOLDER_KEY
from tests.evaluated import evaluated
from tests.owner_only import assert_mode

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

# Its open question (was she trafficked?) decides the 2019 transit bar, in force on the case's
# decision date (2 Dec 2019); after the bar was vacated (30 Jun 2020) nothing is left to ask.
CASE = "tb-trafficking-unknown"


@pytest.fixture
def memo_page(qtbot, services):
    page, memo, _case_id = open_memo_step(qtbot, services, load_public_case(CASE))
    return page, memo


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_a_spanish_sheet_saved_from_the_memo_step_holds_the_open_questions(
    qtbot, services, memo_page, tmp_path
):
    page, memo = memo_page
    folder = tmp_path / "sheets"
    folder.mkdir()
    services.settings.setValue(LAST_FOLDER_KEY, str(folder))
    page.flow.set_answer("applicant.family_name", "Zúñiga")  # as edited, not yet saved
    assert memo.interview_sheet.button.isVisible() and memo.interview_sheet.button.isEnabled()
    memo.interview_sheet.button.click()
    chooser = memo.interview_sheet.dialog
    assert chooser is not None and chooser.isVisible() and chooser.language() == "en"
    chooser.language_buttons["es"].click()
    chooser.save_button.click()
    assert not chooser.isVisible()
    save = memo.save_dialog
    assert save.isVisible() and "outside Waypoint's encrypted store" in save.windowTitle()
    suggested = Path(save.selectedFiles()[0])
    assert suggested == folder / f"Waypoint interview sheet (Spanish) {page.case_id}.pdf"
    with qtbot.waitSignal(memo.interview_sheet.saved_to, timeout=30_000):
        save.accept()
    assert "outside Waypoint's encrypted store" in memo.status.text()
    assert_mode(suggested, 0o600)
    assert services.settings.value(LAST_FOLDER_KEY) == str(folder)

    text = pdf_text(suggested)
    assert "Hoja de entrevista: preguntas pendientes" in text and "Zúñiga" in text
    assert "trata de personas" in text  # was she trafficked: the question that decides
    questions, _officer = sheet_questions(page.flow.data,
                                          evaluated(page.flow.data, date(2019, 12, 2)), "es")
    assert questions and all(" ".join(q.split()) in text for q in questions)
    assert "Interview sheet" not in text and "2 de diciembre de 2019" in text  # Spanish, long date

    # The header's decision date is the one used: after the vacatur nothing is left to ask.
    page.set_decision_date(date(2021, 1, 1))
    later = tmp_path / "later.pdf"
    with qtbot.waitSignal(memo.interview_sheet.saved_to, timeout=30_000):
        memo.interview_sheet.save_to(str(later), "es")
    assert "No hay preguntas pendientes" in pdf_text(later)
    assert "trata de personas" not in pdf_text(later)


def test_the_sheet_prints_from_the_memo_step(qtbot, memo_page, tmp_path):
    _page, memo = memo_page
    memo.interview_sheet.button.click()
    chooser = memo.interview_sheet.dialog
    chooser.language_buttons["es"].click()
    chooser.print_button.click()
    dialog = memo.print_dialog  # the system print dialog, window-modal
    assert dialog.isVisible() and dialog.isModal()
    assert dialog.windowTitle().startswith("Print interview sheet (Spanish) — printing to a file")
    with qtbot.assertNotEmitted(memo.printed, wait=100):
        dialog.reject()  # cancelled: nothing printed

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "sheet printed.pdf"))
    with qtbot.waitSignal(memo.printed, timeout=60_000) as printed:
        memo.interview_sheet.print_to(printer, "es")
    assert printed.args == [1]  # one page
    assert memo.progress is None and memo.status.text() == "Printed 1 page"
    assert len(PdfReader(tmp_path / "sheet printed.pdf").pages) == 1
    assert (tmp_path / "sheet printed.pdf").stat().st_size > 20_000  # the page, as an image


def test_a_case_that_cannot_be_evaluated_says_so(qtbot, memo_page, tmp_path):
    page, memo = memo_page
    page.flow.data["entry"]["date"] = "not a date"  # what a broken answer would leave
    with qtbot.waitSignal(memo.failed, timeout=30_000) as failed:
        memo.interview_sheet.save_to(str(tmp_path / "never.pdf"), "en")
    assert failed.args[0].startswith("The interview sheet could not be made")
    assert not (tmp_path / "never.pdf").exists()
