"""The window checks the audit log at every start (cheap first, full in the background) and
says what it found in the status bar: calm when all is well, plain when something was changed
outside Waypoint. Before: no check at start, 0 of 3 tampered stores flagged."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QLabel, QMessageBox

from desktop.app import Launched
from desktop.ui.audit_status import LABEL_NAME
from tests.db import test_tamper_anchored as tamper
from tests.db.test_tamper_anchored import Kept, kept  # noqa: F401  (the tampered store)
from tests.gui import test_main_window

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

Starter = Callable[..., Launched]
start_app = test_main_window.start_app


def _audit_line(qtbot, launched: Launched, done: str) -> QLabel:
    qtbot.waitUntil(lambda: launched.window.findChild(QLabel, LABEL_NAME) is not None,
                    timeout=20_000)
    label = launched.window.findChild(QLabel, LABEL_NAME)
    assert label is not None
    qtbot.waitUntil(lambda: done in label.text(), timeout=30_000)
    return label


def test_a_sound_store_gets_a_calm_line(qtbot, start_app: Starter, kept: Kept) -> None:  # noqa: F811
    label = _audit_line(qtbot, start_app(kept.folder), "no changes outside Waypoint")
    assert label.text().startswith("Audit log: checked, ")


@pytest.mark.parametrize("attack", [
    tamper.forged_save_of_final_case,
    tamper.forged_amendment_to_draft,
    tamper.rollback_with_forged_restored_receipt,
    tamper.rollback_through_restore,
], ids=["forged-entry", "forged-amendment", "rollback-by-hand", "rollback-by-restore"])
def test_a_tampered_store_is_named_plainly_and_still_opens(
        qtbot, start_app: Starter, kept: Kept, attack: Callable[[Kept], None]) -> None:  # noqa: F811
    attack(kept)
    launched = start_app(kept.folder)
    label = _audit_line(qtbot, launched, "made outside Waypoint found")
    qtbot.waitUntil(lambda: launched.window.services is not None, timeout=20_000)
    qtbot.waitUntil(lambda: "full check running" not in label.text(), timeout=30_000)
    assert "details" in label.text()
    status = launched.opener.audit_status
    status.show_details()
    box = launched.window.findChild(QMessageBox, "messageBox")
    assert box is not None and "Your cases are still open" in box.text()
    assert any(str(problem) in box.detailedText() for problem in status.report.problems)
    box.close()
