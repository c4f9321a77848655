"""Autosave: every edit is saved in the background, the newest always wins."""

from __future__ import annotations

import copy
import threading
from typing import Any

from desktop.ui.case_flow.case_flow_parts import CaseFlowParts
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.context import UiServices
from desktop.ui.i18n import translate
from desktop.ui.office.conflicts import CaseConflictError, open_merge_dialog

AUTOSAVE_DELAY_MS = 500


class DraftWriter:
    """Writes drafts from worker threads one at a time, never letting an older one win."""

    def __init__(self, services: UiServices, case_id: str) -> None:
        self._cases = services.cases
        self._case_id = case_id
        self._lock = threading.Lock()
        self._written = 0
        self.version: int | None = None  # the stored version this editor builds on
        self.base: dict[str, Any] = {}  # the case file as that version holds it

    def write(self, generation: int, case_data: dict[str, Any]) -> bool:
        with self._lock:
            if generation <= self._written:
                return False
            if self.version is None:
                self._cases.save_draft(self._case_id, case_data)
            else:
                self.version = self._cases.save_version(self._case_id, case_data, self.version)
                self.base = case_data
            self._written = generation
            return True


class Autosave(CaseFlowParts):
    """Edits counted in generations; saves dispatched, written and confirmed in order."""

    def _on_edited(self, _path: object) -> None:
        page = self.current_page()
        page.show_problems(self.flow.problems(self.flow.current))
        self.step_model.refresh()
        self._edit_generation += 1
        self.save_status.setText(translate("Autosave", "Unsaved changes…"))
        self.save_timer.start()

    @property
    def has_unsaved_changes(self) -> bool:
        return self._edit_generation != self._saved_generation

    def save_now(self) -> None:
        """Save the answers now, in the runner. Saves may overlap; the newest always wins."""
        self.save_timer.stop()
        if self.flow.read_only or self._edit_generation == self._dispatched_generation:
            return
        generation = self._dispatched_generation = self._edit_generation
        snapshot = copy.deepcopy(self.flow.data)
        self._saving = True
        self.save_status.setText(translate("Autosave", "Saving…"))
        self.services.runner.run(
            lambda: self._writer.write(generation, snapshot),
            on_done=while_alive(self, lambda _result: self._on_saved(generation)),
            on_error=while_alive(self, self._on_save_error),
        )

    def _on_saved(self, generation: int) -> None:
        self._saved_generation = max(self._saved_generation, generation)
        self._saving = self._saved_generation != self._dispatched_generation
        if not self.has_unsaved_changes:
            self.save_status.setText(translate("Autosave", "All changes saved"))
        self.case_saved.emit(self.case_id)

    def _on_save_error(self, error: BaseException) -> None:
        self._saving = False
        self._dispatched_generation = self._saved_generation  # the next save retries
        if isinstance(error, CaseConflictError):
            self.merge_dialog = open_merge_dialog(self, error)
            self.save_failed.emit(str(error))
            return
        message = translate("Autosave", "Not saved: {error}").format(error=error)
        self.save_status.setText(message)
        self.save_failed.emit(message)
