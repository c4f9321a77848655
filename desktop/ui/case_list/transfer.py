"""Import and export of case files from the case list: file dialogs, background work, progress."""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from desktop.ui.background import BackgroundRunner, Task, TaskCancelled
from desktop.ui.case_list.messages import show_message
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.services.cases import CaseService

CASE_FILE_FILTER = QT_TRANSLATE_NOOP(
    "Transfer", "Waypoint case files (*.case.json *.json);;All files (*)"
)
IMPORT_FOLDER_KEY = "folders/import"
EXPORT_FOLDER_KEY = "folders/export"


def export_file_name(case_id: str, *, bundle: bool = False) -> str:
    """A file name for an exported case: the case id, never the person's name (a folder's
    listing is seen by more people than the file's content)."""
    cleaned = re.sub(r"[^0-9A-Za-z_.-]+", "-", case_id)[:80].strip("-.") or "case"
    suffix = ".bundle.json" if bundle else ".case.json"
    return f"case-{cleaned}{suffix}"


def documents_folder() -> str:
    """The user's documents folder (the home folder where the system has none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def _folder(settings: QSettings, key: str) -> str:
    value = settings.value(key, "")
    return value if isinstance(value, str) and Path(value).is_dir() else documents_folder()


class CaseTransfer:
    """Runs imports and exports through the runner, with a progress dialog and errors shown."""

    def __init__(
        self,
        parent: QWidget,
        runner: BackgroundRunner,
        settings: QSettings,
        on_imported: Callable[[list[str]], None],
    ) -> None:
        self._parent = parent
        self._runner = runner
        self._settings = settings
        self._on_imported = on_imported
        self.cases: CaseService | None = None
        self.progress: QProgressDialog | None = None
        self.last_message: QMessageBox | None = None
        self.protection_dialog: QWidget | None = None  # the open export question, if any
        self.current_task: Task | None = None

    # --- import ------------------------------------------------------------------------------

    def choose_and_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent,
            translate("Transfer", "Import case files"),
            _folder(self._settings, IMPORT_FOLDER_KEY),
            translate("Transfer", CASE_FILE_FILTER),
        )
        if paths:
            self._settings.setValue(IMPORT_FOLDER_KEY, str(Path(paths[0]).parent))
            self.import_files([Path(p) for p in paths])

    def import_files(self, paths: Sequence[Path]) -> Task | None:
        """Import the files (all or nothing) in the background; report the result."""
        cases = self.cases
        if cases is None or not paths:
            return None
        files = list(paths)
        # The storage layer imports all files in one transaction: once it has started it
        # stores every file or none, so Cancel can only stop an import that has not begun.
        count = len(files)
        progress = self._open_progress(
            translate("Transfer", "Importing %n case file(s)…", None, count), 0
        )
        lock = threading.Lock()
        state = {"cancelled": False, "started": False}

        def cancel() -> None:
            with lock:
                if not state["started"]:
                    state["cancelled"] = True

        def work(task: Task) -> list[str]:
            with lock:
                if state["cancelled"]:
                    raise TaskCancelled()
                state["started"] = True
            task.report_progress(0, 0)
            return cases.import_files(files)

        self.current_task = self._runner.run_task(
            work,
            self._imported,
            lambda error: self._import_failed(files, error),
            lambda _done, _total: self._import_started(len(files)),
        )
        progress.canceled.connect(cancel)
        return self.current_task

    def _import_started(self, count: int) -> None:
        """The import of `count` files has begun: all or nothing, Cancel no longer offered."""
        if self.progress is not None:
            self.progress.setLabelText(
                translate(
                    "Transfer",
                    "Importing %n file(s): all or nothing, can no longer be cancelled…",
                    None,
                    count,
                )
            )
            self.progress.setCancelButton(None)

    def _imported(self, case_ids: list[str]) -> None:
        self._close_progress()
        self._on_imported(case_ids)
        count = len(case_ids)
        self.last_message = show_message(
            self._parent,
            translate("Transfer", "Import finished"),
            translate("Transfer", "Imported %n case(s).", None, count),
            QMessageBox.Icon.Information,
        )

    def _import_failed(self, files: list[Path], error: BaseException) -> None:
        self._close_progress()
        if isinstance(error, TaskCancelled):
            return
        self.last_message = show_message(
            self._parent,
            translate("Transfer", "Import failed"),
            translate("Transfer", "Nothing was imported.\n\n{error}").format(error=error),
            details="\n".join(str(p) for p in files),
        )

    # --- export ------------------------------------------------------------------------------

    def choose_and_export(self, selected: Sequence[tuple[str, str]]) -> None:
        """selected: (case_id, display_name) pairs. First how to protect the file(s), then
        where: one case goes to a file, several to a folder."""
        if not selected:
            self.last_message = show_message(
                self._parent,
                translate("Transfer", "Export"),
                translate("Transfer", "Select the cases to export in the list first."),
                QMessageBox.Icon.Information,
            )
            return
        from desktop.ui.case_list.export_dialog import ExportProtectionDialog

        dialog = ExportProtectionDialog(len(selected), self._parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(
            lambda: self._choose_targets(list(selected), dialog.bundle_passphrase())
        )
        self.protection_dialog = dialog
        dialog.open()

    def _choose_targets(self, selected: list[tuple[str, str]], passphrase: str | None) -> None:
        start = _folder(self._settings, EXPORT_FOLDER_KEY)
        bundle = passphrase is not None
        if len(selected) == 1:
            case_id, _name = selected[0]
            path, _ = QFileDialog.getSaveFileName(
                self._parent,
                translate("Transfer", "Export case file")
                + (translate("Transfer", " (encrypted)") if bundle else ""),
                str(Path(start) / export_file_name(case_id, bundle=bundle)),
                translate("Transfer", CASE_FILE_FILTER),
            )
            if path:
                self._settings.setValue(EXPORT_FOLDER_KEY, str(Path(path).parent))
                self.export_cases([(case_id, Path(path))], passphrase)
            return
        count = len(selected)
        folder = QFileDialog.getExistingDirectory(
            self._parent,
            translate("Transfer", "Export %n case(s) to folder", None, count),
            start,
        )
        if folder:
            self._settings.setValue(EXPORT_FOLDER_KEY, folder)
            self.export_cases(
                [
                    (cid, Path(folder) / export_file_name(cid, bundle=bundle))
                    for cid, _name in selected
                ],
                passphrase,
            )

    def export_cases(
        self, targets: Sequence[tuple[str, Path]], bundle_passphrase: str | None = None
    ) -> Task | None:
        """Write each case to its path in the background; Cancel stops between files.

        With bundle_passphrase each file is an encrypted waypoint-bundle/1; without, plain JSON.
        """
        cases = self.cases
        if cases is None or not targets:
            return None
        jobs = list(targets)
        count = len(jobs)
        progress = self._open_progress(
            translate("Transfer", "Exporting %n case(s)…", None, count), len(jobs)
        )

        def work(task: Task) -> list[Path]:
            written = []
            for number, (case_id, path) in enumerate(jobs):
                task.check_cancelled()
                cases.export_case(case_id, path, bundle_passphrase)
                written.append(path)
                task.report_progress(number + 1, len(jobs))
            return written

        def done(written: list[Path]) -> None:
            self._close_progress()
            where = written[0] if len(written) == 1 else written[0].parent
            count = len(written)
            self.last_message = show_message(
                self._parent,
                translate("Transfer", "Export finished"),
                translate(
                    "Transfer", "Exported %n case file(s) to {where}.", None, count
                ).format(where=where),
                QMessageBox.Icon.Information,
            )

        def failed(error: BaseException) -> None:
            self._close_progress()
            if isinstance(error, TaskCancelled):
                text = translate("Transfer", "Export cancelled. Files already written were kept.")
                icon = QMessageBox.Icon.Information
            else:
                text = translate(
                    "Transfer", "The export stopped: {error}\nFiles already written were kept."
                ).format(error=error)
                icon = QMessageBox.Icon.Warning
            self.last_message = show_message(
                self._parent, translate("Transfer", "Export"), text, icon
            )

        def progressed(done_count: int, total: int) -> None:
            if self.progress is not None:
                self.progress.setValue(done_count)

        self.current_task = self._runner.run_task(work, done, failed, progressed)
        progress.canceled.connect(self.current_task.cancel)
        return self.current_task

    # --- progress ----------------------------------------------------------------------------

    def _open_progress(self, label: str, maximum: int) -> QProgressDialog:
        self._close_progress()
        progress = QProgressDialog(label, translate("Transfer", "Cancel"), 0, maximum, self._parent)
        progress.setWindowTitle(translate("Transfer", "Waypoint"))
        progress.setAccessibleName(label)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)  # quick jobs finish without a flash of a dialog
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        self.progress = progress
        return progress

    def _close_progress(self) -> None:
        if self.progress is not None:
            self.progress.canceled.disconnect()
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None
