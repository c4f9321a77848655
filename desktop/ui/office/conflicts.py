"""What the case page does when its save meets a newer version: show both, merge, save."""

from __future__ import annotations

from typing import Any

from desktop.services.review import CaseConflictError
from desktop.ui.i18n import translate
from desktop.ui.office.merge_dialog import CaseMergeDialog

__all__ = ["CaseConflictError", "open_merge_dialog"]


def open_merge_dialog(page: Any, conflict: CaseConflictError) -> CaseMergeDialog:
    """Open the merge dialog on a CaseFlowPage; accepting it saves the merged case.

    Until then the page keeps your answers (unsaved); cancelling leaves them there, and the
    next save meets the conflict again, so nothing is overwritten without a choice.
    """
    page.save_status.setText(
        translate(
            "Conflicts",
            "Not saved: someone else saved version {stored_version} of this case; compare and "
            "merge").format(
            stored_version=conflict.stored_version))
    dialog = CaseMergeDialog(page.flow.data, conflict.stored_data, conflict.your_version,
                             conflict.stored_version, page, base=page._writer.base)

    def accepted() -> None:
        current = page.flow.current
        page._writer.version = conflict.stored_version
        page.flow.reset(dialog.merged_data(), read_only=page.flow.read_only)
        page.go_to_step(current, focus=False)
        page._on_edited(None)
        page.save_now()

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog
