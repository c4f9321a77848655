"""Finalize and amend: a finalized case is read-only until an officer amends it."""

from __future__ import annotations

from typing import Any

from desktop.ui.case_flow.case_flow_parts import CaseFlowParts
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.case_flow.officer_dialogs import amendment_dialog
from desktop.ui.i18n import translate


class Amendment(CaseFlowParts):
    """What finalizing changes on the page, and the amendment that opens it again."""

    def _on_finalized(self, _officer: str) -> None:
        self._saved_generation = self._edit_generation
        self.flow.read_only = True
        self._apply_read_only()
        self._load_header()
        self.memo_page.render_preview()  # the stored final memo, not the draft
        self.step_model.refresh()
        self.case_saved.emit(self.case_id)

    def ask_amend(self) -> None:
        from desktop.services.signing import has_key

        data_dir = self.services.paths.data_dir
        dialog = amendment_dialog(self, has_key=lambda name: has_key(data_dir, name))
        dialog.accepted.connect(
            lambda: self.amend(dialog.officer(), dialog.reason(), dialog.passphrase()))
        dialog.open()

    def amend(self, officer: str, reason: str, passphrase: str | None = None) -> None:
        """Unlock a finalized case for changes (the final memo stays on record, with its
        decision date; a date pinned from "today" is released for the amendment's own); with
        a passphrase, only once the officer's signing key opens with it."""
        memos, cases, case_id = self.services.memos, self.services.cases, self.case_id
        data_dir = self.services.paths.data_dir

        def work() -> Any:
            if passphrase is not None:
                from desktop.services.signing import prove_officer

                prove_officer(data_dir, officer, passphrase)
            memos.start_amendment(case_id, officer, reason)
            return cases.get_case(case_id)

        self.services.runner.run(
            work,
            on_done=while_alive(self, self._on_amendment_started),
            on_error=while_alive(
                self,
                lambda error: self.save_status.setText(
                    translate("Amendment", "Could not amend: {error}").format(error=error)
                ),
            ),
        )

    def _on_amendment_started(self, stored: Any) -> None:
        step = self.flow.current
        self.flow.reset(stored.case_data, read_only=False)
        self._writer.version, self._writer.base = stored.version, stored.case_data
        self._apply_read_only()
        self._load_header()
        self.go_to_step(step)
        self.save_status.setText(
            translate("Amendment", "Amending: changes are saved as a new draft")
        )
