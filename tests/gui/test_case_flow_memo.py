"""The memo step: preview in the app, save as PDF, print at 300 dpi, finalize and amend."""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QFileSystemWatcher
from PySide6.QtGui import QImage
from PySide6.QtPrintSupport import QPrinter
from test_case_flow_support import (
    agreeing_record,
    load_public_case,
    open_memo_step,
)

from desktop.flow import Step
from desktop.ui.case_flow.memo_saving import LAST_FOLDER_KEY

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture
def memo_page(qtbot, services):
    return open_memo_step(qtbot, services, load_public_case("tb-final-denial-in-mexico"))


def _newest_entries(services, count: int) -> list[tuple[str, str, dict]]:
    """The newest audit entries (action, case id, details), newest first."""
    import json

    with services.cases.database.read() as connection:
        rows = connection.exec_driver_sql(
            "SELECT action, case_id, details_json FROM audit_log ORDER BY id DESC LIMIT ?",
            (count,)).all()
    return [(action, case_id, json.loads(details)) for action, case_id, details in rows]


def test_save_as_pdf_writes_the_file_and_remembers_the_folder(qtbot, services, memo_page, tmp_path):
    _page, memo, case_id = memo_page
    target = tmp_path / "out" / "memo.pdf"
    target.parent.mkdir()
    with qtbot.waitSignal(memo.saved_to, timeout=10_000):
        memo.save_to(str(target))
    text = "".join(p.extract_text() for p in PdfReader(target).pages)
    assert "Transit" in text and "Test" in text
    assert services.settings.value(LAST_FOLDER_KEY) == str(target.parent)
    stored = services.memos.latest_memo(case_id)
    assert stored is not None and stored.status == "draft"
    import hashlib

    saved = [e for e in _newest_entries(services, 3) if e[0] == "case.document_saved"]
    assert saved == [("case.document_saved", case_id, {
        "document": "memo", "sha256": hashlib.sha256(target.read_bytes()).hexdigest()})]


def test_print_renders_every_page_at_300_dpi(qtbot, services, memo_page, tmp_path,
                                            monkeypatch):
    import hashlib

    _page, memo, case_id = memo_page
    scratch = tmp_path / "scratch"  # the temporary folder while printing: left empty
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    written: list[str] = []
    watcher = QFileSystemWatcher([str(scratch)])
    watcher.directoryChanged.connect(written.append)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    with qtbot.waitSignal(memo.printed, timeout=60_000) as printed:
        memo.print_to(printer)
    assert written == [] and list(scratch.iterdir()) == []  # the memo was read from memory
    assert printed.args == [memo.document.pageCount()]
    assert printer.resolution() == 300
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == memo.document.pageCount()
    assert _newest_entries(services, 1) == [("case.printed", case_id, {
        "document": "memo", "sha256": hashlib.sha256(memo.pdf_bytes).hexdigest(),
        "to_file": True})]


def test_finalize_locks_the_case_and_amend_unlocks_it(qtbot, services, memo_page):
    page, memo, case_id = memo_page
    with qtbot.waitSignals([memo.finalized, memo.preview_ready], timeout=30_000, order="strict"):
        memo.finalize_as(agreeing_record(memo, "María José Núñez"))
    assert services.cases.get_case(case_id).status == "finalized"
    head = services.cases.database.memos.chain_head()
    from db.anchor import code_for

    assert memo.status.text().endswith(f"Anchor code for the file: {code_for(*head)}")
    assert memo.status.text().startswith("Final memo")  # the preview is no longer the draft
    assert page.flow.read_only and not memo.finalize_button.isEnabled()
    page.go_to_step(Step.ENTRY)
    assert not page.pages[Step.ENTRY].border.isEnabled()
    page.amend("María José Núñez", "New evidence of a claim in Guatemala")
    qtbot.waitUntil(lambda: not page.flow.read_only, timeout=10_000)
    assert page.pages[Step.ENTRY].border.isEnabled()
    assert services.memos.latest_memo(case_id).status == "final"  # the final memo stays


@pytest.mark.parametrize("family_name", ["../../X", "Ramírez/Cruz", "..", "a\\b:c*?"])
def test_the_save_dialog_keeps_the_suggested_file_in_the_chosen_folder(
    qtbot, services, memo_page, tmp_path, family_name
):
    page, memo, _case_id = memo_page
    folder = tmp_path / "memos"
    folder.mkdir()
    services.settings.setValue(LAST_FOLDER_KEY, str(folder))
    page.flow.data["applicant"]["family_name"] = family_name
    dialog = memo.ask_save()
    assert "outside Waypoint's encrypted store" in dialog.windowTitle()
    suggested = Path(dialog.selectedFiles()[0])
    assert suggested.parent == folder, suggested
    assert suggested.name.startswith("Waypoint memo ") and suggested.name.endswith(".pdf")
    assert family_name not in suggested.name  # named after the case, never the person
    with qtbot.waitSignal(memo.saved_to, timeout=10_000):
        dialog.accept()
    assert suggested.exists() and suggested.parent == folder
    assert "outside Waypoint's encrypted store" in memo.status.text()


def test_without_a_remembered_folder_the_save_dialog_opens_in_documents_named_by_case_id(
    qtbot, services, memo_page, tmp_path, monkeypatch
):
    page, memo, case_id = memo_page
    monkeypatch.setenv("HOME", str(tmp_path))  # the user's documents folder: ~/Documents
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    documents = tmp_path / "Documents"
    documents.mkdir()
    services.settings.remove(LAST_FOLDER_KEY)
    page.flow.data.pop("case_reference", None)
    dialog = memo.ask_save()
    suggested = Path(dialog.selectedFiles()[0])
    assert suggested.parent == documents
    assert suggested.name == f"Waypoint memo {case_id}.pdf"
    dialog.reject()


def test_print_opens_the_system_dialog_and_cancel_prints_nothing(qtbot, memo_page):
    _page, memo, _case_id = memo_page
    dialog = memo.ask_print()  # QDialog.open(), not the hidden open(receiver, member)
    assert dialog.isVisible() and dialog.isModal()
    with qtbot.assertNotEmitted(memo.printed, wait=100):
        dialog.reject()
    assert memo.progress is None


def test_printing_can_be_cancelled_between_pages(qtbot, memo_page, tmp_path):
    _page, memo, _case_id = memo_page
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "cancelled.pdf"))
    with qtbot.waitSignal(memo.printed, timeout=60_000) as printed:
        task = memo.print_to(printer)
        assert memo.progress is not None and memo.progress.isVisible()
        task.cancel()
    assert printed.args == [0]
    assert memo.status.text() == "Printing cancelled"


def shown_preview(memo) -> QImage:
    """The preview as it is on the screen now (what was last painted, not a fresh paint)."""
    viewport = memo.view.viewport()
    window = viewport.window()
    corner = viewport.mapTo(window, viewport.rect().topLeft())
    return window.screen().grabWindow(
        window.winId(), corner.x(), corner.y(), viewport.width(), viewport.height()
    ).toImage()


def has_text(image: QImage) -> bool:
    """True when the page on screen shows something (the view paints pages blank at first)."""
    gray = image.convertToFormat(QImage.Format.Format_Grayscale8)
    return any(gray.pixelColor(x, y).value() < 100
               for y in range(0, gray.height(), 3) for x in range(0, gray.width(), 3))


def test_the_preview_on_screen_follows_refresh_finalize_and_amend(qtbot, services, memo_page):
    page, memo, _case_id = memo_page
    qtbot.waitUntil(lambda: has_text(shown_preview(memo)), timeout=10_000)
    draft = shown_preview(memo)
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        memo.refresh_button.click()  # the same draft again
    qtbot.waitUntil(lambda: shown_preview(memo) == draft, timeout=10_000)
    with qtbot.waitSignals([memo.finalized, memo.preview_ready], timeout=30_000, order="strict"):
        memo.finalize_as(agreeing_record(memo, "María José Núñez"))
    assert memo.status.text().startswith("Final memo")
    # The final memo has no DRAFT watermark or header: the page on screen changes to it (one
    # QPdfDocument loaded again kept showing the pages it had drawn of the draft).
    qtbot.waitUntil(lambda: (shown := shown_preview(memo)) != draft and has_text(shown),
                    timeout=10_000)
    final = shown_preview(memo)
    # Amended, the case is a draft again: the screen shows the new draft, not the final memo.
    page.amend("María José Núñez", "New evidence")
    qtbot.waitUntil(lambda: not page.flow.read_only, timeout=10_000)
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        memo.refresh_button.click()
    assert memo.status.text().startswith("Draft memo")
    qtbot.waitUntil(lambda: (shown := shown_preview(memo)) != final and has_text(shown),
                    timeout=10_000)


def test_pages_of_the_old_memo_still_being_drawn_never_come_back(qtbot, services, memo_page):
    """The view draws pages in a thread: when a new memo arrives while pages of the old one are
    being drawn (the window was resized, say), those pages must not be shown for the new one."""
    _page, memo, _case_id = memo_page
    qtbot.waitUntil(lambda: has_text(shown_preview(memo)), timeout=10_000)
    draft_bytes = memo.pdf_bytes
    with qtbot.waitSignals([memo.finalized, memo.preview_ready], timeout=30_000, order="strict"):
        memo.finalize_as(agreeing_record(memo, "María José Núñez"))
    final_bytes = memo.pdf_bytes
    assert final_bytes != draft_bytes
    qtbot.waitUntil(lambda: has_text(shown_preview(memo)), timeout=10_000)
    final = shown_preview(memo)
    for _attempt in range(3):
        memo._show_pdf(memo._generation, (memo.determination, draft_bytes))
        qtbot.waitUntil(lambda: (shown := shown_preview(memo)) != final and has_text(shown),
                        timeout=10_000)
        memo.view.setPageSpacing(memo.view.pageSpacing() + 1)  # drawn again: pages asked for
        memo.view.viewport().repaint()
        memo._show_pdf(memo._generation, (memo.determination, final_bytes))  # meanwhile
        qtbot.waitUntil(lambda: shown_preview(memo) == final, timeout=10_000)


def test_print_never_uses_a_memo_older_than_the_answers(qtbot, services, memo_page, tmp_path):
    """Ctrl+P after an edit prints the memo of the edited answers, once it is rendered; on the
    memo step Ctrl+P prints what is shown and renders nothing again (a second render had
    overwritten the saved file's status and bytes)."""
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QApplication

    page, memo, _case_id = memo_page
    page.go_to_step(Step.APPLICANT)
    page.pages[Step.APPLICANT].family_name.setText("Zorilla")
    page.pages[Step.APPLICANT].family_name.textEdited.emit("Zorilla")
    page.print_action.trigger()
    assert memo.pdf_bytes is None and not memo.print_button.isEnabled()  # the old one dropped
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog),
                    timeout=30_000)
    shown = memo.pdf_bytes
    dialog = QApplication.activeModalWidget()
    dialog.reject()
    assert shown is not None
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(shown)).pages)
    assert "Zorilla" in text

    with qtbot.assertNotEmitted(memo.preview_ready, wait=300):
        page.print_action.trigger()
        qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QPrintDialog),
                        timeout=5_000)
    assert memo.pdf_bytes is shown
    QApplication.activeModalWidget().reject()
