"""The memo page's printing: the system print dialog, then printing in the runner with progress.

MemoPage (memo_page.py) derives from MemoPrintSteps through MemoSaveSteps (memo_saving.py);
the interview sheet uses the same dialog and progress (open_print_dialog, print_with_progress).
The job is named neutrally (no person's name); a "Print to File" is a save, owner-only.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QLabel, QProgressDialog, QWidget

from desktop.ui.background import Task, TaskCancelled
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.memo_printing import file_destination, neutral_document_name, print_pdf
from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

    from desktop.ui.context import UiServices


class MemoPrintSteps(QWidget):
    """Print the memo (or what a caller hands to print_with_progress) with a progress dialog."""

    printed = Signal(int)

    if TYPE_CHECKING:
        services: UiServices
        case_id: str
        pdf_bytes: bytes | None
        document: QPdfDocument
        status: QLabel
        progress: QProgressDialog | None
        print_dialog: QPrintDialog | None
        print_task: Task | None
        _printer: QPrinter | None

        def save_to(self, path: str, how: str = "saved") -> None: ...
        def _report_error(self, error: BaseException) -> None: ...

    def ask_print(self) -> QPrintDialog:
        """The system print dialog, opened window-modal; printing starts when it is accepted.

        Where the platform offers it, the dialog also prints to a PDF file.
        """
        return self.open_print_dialog(translate(
            "MemoPrintSteps", "Print memo"), "memo", self.print_to,
                                      lambda path: self.save_to(path, "printed to a file"))

    def open_print_dialog(
        self, title: str, what: str, on_accepted: Callable[[QPrinter], object],
        on_file: Callable[[str], object],
    ) -> QPrintDialog:
        """The system print dialog, opened window-modal, the job named neutrally (no person's
        name). A "Print to File" chosen there goes to `on_file`: a save, owner-only."""
        printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        printer.setDocName(neutral_document_name(what, self.case_id))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(translate(
                    "MemoPrintSteps",
                    "{title} — printing to a file makes a copy outside Waypoint's encrypted "
                    "store").format(
                    title=title))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def accepted() -> None:
            target = file_destination(printer)
            if target is None:
                on_accepted(printer)
            else:
                on_file(str(target))

        dialog.accepted.connect(accepted)
        self.print_dialog = dialog
        self._printer = printer  # the dialog holds it by pointer only
        # QPrintDialog.open(receiver, member) hides QDialog.open() in PySide6: call the base.
        QDialog.open(dialog)
        return dialog

    def print_to(self, printer: QPrinter) -> Task | None:
        """Print in the runner with a progress dialog that can cancel between pages."""
        if self.pdf_bytes is None:
            return None
        pdf, memos, case_id = self.pdf_bytes, self.services.memos, self.case_id
        # A printer that writes a file (Print to File) makes a copy like a save does.
        how = "printed to a file" if printer.outputFileName() else "printed"

        def work(task: Task) -> int:
            pages = print_pdf(task, pdf, printer)
            memos.copy_left_store(case_id, "memo", how, pdf)  # an audit entry
            return pages

        return self.print_with_progress(translate(
            "MemoPrintSteps", "Printing the memo…"), max(self.document.pageCount(), 1),
                                        work)

    def print_with_progress(self, label: str, pages: int, work: Callable[[Task], int]) -> Task:
        """Run `work` (which prints, returning the pages) in the runner with a progress dialog."""
        self.progress = QProgressDialog(label, translate(
            "MemoPrintSteps", "Cancel"), 0, pages, self)
        self.progress.setWindowTitle(translate("MemoPrintSteps", "Printing"))
        self.progress.setMinimumDuration(0)
        self.progress.setValue(0)
        task = self.services.runner.run_task(
            work,
            on_done=while_alive(self, self._printed),
            on_error=while_alive(self, self._print_failed),
            on_progress=while_alive(self, self._print_progress),
        )
        self.progress.canceled.connect(task.cancel)
        self.print_task = task
        self.progress.show()
        return task

    def _print_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(total)
            self.progress.setValue(done)

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _printed(self, pages: int) -> None:
        self._close_progress()
        self.status.setText(translate("MemoPrintSteps", "Printed %n page(s)", None, pages))
        self.printed.emit(pages)

    def _print_failed(self, error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, TaskCancelled):
            self.status.setText(translate("MemoPrintSteps", "Printing cancelled"))
            self.printed.emit(0)
        else:
            self._report_error(error)
