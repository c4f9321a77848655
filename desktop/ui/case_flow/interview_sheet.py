"""The Memo step's interview sheet: pick English or Spanish, then save it as PDF or print it."""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.background import Task
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.memo_printing import print_pdf
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.ui.case_flow.memo_page import MemoPage

LANGUAGE_NAMES = {
    "en": QT_TRANSLATE_NOOP("InterviewSheet", "English"),
    "es": QT_TRANSLATE_NOOP("InterviewSheet", "Spanish"),
}
SHEET_CAPTION = QT_TRANSLATE_NOOP(
    "InterviewSheet",
    "Save interview sheet as PDF — the file will be outside Waypoint's encrypted store",
)


class InterviewSheetDialog(QDialog):
    """Asks the sheet's language and what to do with it; read choice and language() after
    accept(): choice is "save" or "print"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("InterviewSheet", "Interview sheet"))
        self.setObjectName("interviewSheetDialog")
        self.choice = ""
        explanation = QLabel(
            translate(
                "InterviewSheet",
                "The questions still open in this case on one page, with room for the answers, "
                "to take to the interview. It uses the answers as they stand now and the "
                "decision date above.",
            ),
            self,
        )
        explanation.setWordWrap(True)
        self.language_buttons: dict[str, QRadioButton] = {
            "en": QRadioButton(translate("InterviewSheet", "&English"), self),
            "es": QRadioButton(translate("InterviewSheet", "Spa&nish (español)"), self),
        }
        self.language_buttons["en"].setChecked(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = self.buttons.addButton(
            translate("InterviewSheet", "&Save as PDF…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button = self.buttons.addButton(
            translate("InterviewSheet", "&Print…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.clicked.connect(self._clicked)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(QLabel(translate("InterviewSheet", "Language of the sheet:"), self))
        for button in self.language_buttons.values():
            layout.addWidget(button)
        layout.addWidget(self.buttons)
        self.save_button.setDefault(True)

    def language(self) -> str:
        return next(code for code, button in self.language_buttons.items() if button.isChecked())

    def _clicked(self, button: QAbstractButton) -> None:
        if button in (self.save_button, self.print_button):
            self.choice = "save" if button is self.save_button else "print"
            self.accept()


class InterviewSheet(QObject):
    """The "Interview sheet…" button of the Memo step and what follows it; the page's folder
    memory, save warning, print dialog and print progress are reused. Rendering runs in the
    runner on a copy of the answers as they are when the caseworker chooses."""

    saved_to = Signal(str)

    def __init__(self, page: MemoPage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: InterviewSheetDialog | None = None
        self.button = QPushButton(translate("InterviewSheet", "&Interview sheet…"), page)
        self.button.setToolTip(
            translate(
                "InterviewSheet",
                "The open questions on one page, in English or Spanish: save as PDF or print",
            )
        )
        self.button.clicked.connect(self.ask)

    def ask(self) -> InterviewSheetDialog:
        """The language-and-action dialog, opened window-modal (not exec'ed)."""
        dialog = InterviewSheetDialog(self.page)
        dialog.accepted.connect(lambda: self._chosen(dialog.choice, dialog.language()))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _chosen(self, choice: str, language: str) -> None:
        if choice == "save":
            self.ask_save(language)
        elif choice == "print":
            self.ask_print(language)

    def ask_save(self, language: str) -> QFileDialog:
        return self.page.open_save_dialog(
            translate("InterviewSheet", SHEET_CAPTION),
            f"interview sheet ({LANGUAGE_NAMES[language]})",
            lambda path: self.save_to(path, language),
        )

    def ask_print(self, language: str) -> QPrintDialog:
        name = translate("InterviewSheet", LANGUAGE_NAMES[language])
        return self.page.open_print_dialog(
            translate("InterviewSheet", "Print interview sheet ({name})").format(name=name),
            translate("InterviewSheet", "interview sheet ({name})").format(name=name),
            lambda printer: self.print_to(printer, language),
            lambda path: self.save_to(path, language, "printed to a file"),
        )

    def _render_later(self, language: str) -> Callable[[], bytes]:
        """The rendering, bound now to a copy of the answers, the decision date and the clock."""
        snapshot = copy.deepcopy(self.page.flow.data)
        decision = self.page.decision_date()
        generated_at = self.page.services.clock()
        make_path = self.page.services.decision_path_factory()
        return lambda: make_path().interview_sheet(
            snapshot, decision, language=language, generated_at=generated_at
        )

    def save_to(self, path: str, language: str, how: str = "saved") -> None:
        """Render the sheet in the runner and write it to `path` (owner-only)."""
        from desktop.ui.case_flow.memo_saving import LAST_FOLDER_KEY

        render = self._render_later(language)
        self.page.services.settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        self.page.status.setText(translate("InterviewSheet", "Rendering the interview sheet…"))
        memos, case_id = self.page.services.memos, self.page.case_id

        def work() -> str:
            from desktop.services.files import replace_private_bytes

            pdf = render()
            replace_private_bytes(Path(path), pdf)  # the sheet names the applicant: 0600
            memos.copy_left_store(case_id, "interview sheet", how, pdf)
            return path

        self.page.services.runner.run(
            work,
            on_done=while_alive(self.page, self._saved),
            on_error=while_alive(self.page, self._failed),
        )

    def print_to(self, printer: QPrinter, language: str) -> Task:
        """Render and print the sheet in the runner, with the page's progress dialog."""
        render = self._render_later(language)
        memos, case_id = self.page.services.memos, self.page.case_id
        # A printer that writes a file (Print to File) makes a copy like a save does.
        how = "printed to a file" if printer.outputFileName() else "printed"

        def work(task: Task) -> int:
            pdf = render()
            pages = print_pdf(task, pdf, printer)
            memos.copy_left_store(case_id, "interview sheet", how, pdf)  # audited
            return pages

        return self.page.print_with_progress(
            translate("InterviewSheet", "Printing the interview sheet…"), 1, work
        )

    def _saved(self, path: str) -> None:
        self.page.status.setText(
            translate(
                "InterviewSheet",
                "Interview sheet saved to {path} — this copy is outside Waypoint's encrypted store",
            ).format(path=path)
        )
        self.saved_to.emit(path)

    def _failed(self, error: BaseException) -> None:
        message = translate(
            "InterviewSheet", "The interview sheet could not be made: {error}"
        ).format(error=error)
        self.page.status.setText(message)
        self.page.failed.emit(message)
