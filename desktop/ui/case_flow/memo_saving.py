"""The memo page's saving: a PDF save dialog in the last folder used, then writing in the runner.

MemoPage (memo_page.py) derives from MemoSaveSteps; the interview sheet uses the same dialog
(open_save_dialog) and folder memory (LAST_FOLDER_KEY). The suggested file name is neutral (no
person's name); the written file is owner-only, its copy noted in the case's audit trail.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFileDialog, QLabel

from desktop.ui.case_flow.memo_print_steps import MemoPrintSteps
from desktop.ui.case_flow.memo_printing import neutral_document_name
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.ui.context import UiServices

LAST_FOLDER_KEY = "memo/last_folder"
SAVE_CAPTION = QT_TRANSLATE_NOOP(
    "MemoPage", "Save memo as PDF — the file will be outside Waypoint's encrypted store"
)
_UNSAFE_IN_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def safe_file_stem(name: str) -> str:
    """A file name from a person's name that stays in the chosen folder on every system:
    no separators, no `..`, no control characters, not empty, not too long."""
    cleaned = _UNSAFE_IN_NAMES.sub(" ", name)
    cleaned = " ".join(cleaned.split()).strip(". ")
    return cleaned[:80].strip(". ") or "memo"


class MemoSaveSteps(MemoPrintSteps):
    """Save the memo (or what a caller hands to open_save_dialog) as a PDF the user places."""

    saved_to = Signal(str)
    failed = Signal(str)

    if TYPE_CHECKING:
        services: UiServices
        case_id: str
        read_only: bool
        pdf_bytes: bytes | None
        determination: dict[str, Any] | None
        status: QLabel
        save_dialog: QFileDialog | None

    def ask_save(self) -> QFileDialog:
        """The save dialog, opened (not exec'ed); a chosen file is written by save_to()."""
        return self.open_save_dialog(translate("MemoPage", SAVE_CAPTION), "memo", self.save_to)

    def open_save_dialog(
        self, caption: str, what: str, on_selected: Callable[[str], None]
    ) -> QFileDialog:
        """A PDF save dialog in the last folder used (at first the user's documents folder),
        suggesting a neutral name (no person's)."""
        from desktop.ui.case_list.transfer import documents_folder

        remembered = str(self.services.settings.value(LAST_FOLDER_KEY, "") or "")
        folder = Path(
            remembered if remembered and Path(remembered).is_dir() else documents_folder()
        )
        name = safe_file_stem(neutral_document_name(what, self.case_id))
        dialog = QFileDialog(self, caption, str(folder), translate("MemoPage", "PDF (*.pdf)"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("pdf")
        dialog.selectFile(str(folder / f"{name}.pdf"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(on_selected)
        self.save_dialog = dialog
        dialog.open()
        return dialog

    def save_to(self, path: str, how: str = "saved") -> None:
        """Write the previewed PDF to `path` and keep it as the case's draft memo."""
        if self.pdf_bytes is None or self.determination is None:
            return
        pdf, determination = self.pdf_bytes, self.determination
        self.services.settings.setValue(LAST_FOLDER_KEY, str(Path(path).parent))
        memos, case_id = self.services.memos, self.case_id

        def work() -> str:
            from desktop.services.files import replace_private_bytes

            replace_private_bytes(Path(path), pdf)  # the memo holds personal data: 0600
            memos.copy_left_store(case_id, "memo", how, pdf)  # an audit entry
            if not self.read_only:
                self.services.memos.store_draft_memo(self.case_id, determination, pdf)
            return path

        self.services.runner.run(work, on_done=self._saved, on_error=self._report_error)

    def _saved(self, path: str) -> None:
        self.status.setText(
            translate(
                "MemoPage", "Saved to {path} — this copy is outside Waypoint's encrypted store"
            ).format(path=path)
        )
        self.saved_to.emit(path)

    def _report_error(self, error: BaseException) -> None:
        message = translate("MemoPage", "That did not work: {error}").format(error=error)
        self.status.setText(message)
        self.failed.emit(message)
