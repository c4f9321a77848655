"""Under a real X server (Xvfb, xcb) at 1024x700: finalizing a case with a question still open
is stopped until the officer gives her conclusion on each finding and answers or explains each
open question; the final memo prints her determination and explanations; the header then shows
the decision date pinned at finalize.

Run with: xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb pytest -m xcb
Set WAYPOINT_SCREENSHOT_DIR to keep screenshots (finalize-dialog.png, finalized-case.png).
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.flow.steps import Step
from desktop.ui.case_flow.determination_dialog import FinalizeDialog
from tests.case_paths import EXTRA_CASES_DIR
from tests.gui.real_x_support import CTRL, REAL_X_MARKS, focused, modal, press
from tests.gui.test_main_window import Starter, start_app, wait_for_cases  # noqa: F401

pytestmark = REAL_X_MARKS
SHIFT = Qt.KeyboardModifier.ShiftModifier
WHY = "Her testimony at interview settles it; no document exists."


def _open_case_with_a_question(qtbot, launched) -> tuple[object, str]:
    import json

    window = launched.window
    data = json.loads((EXTRA_CASES_DIR / "es-northern-border-entry.case.json").read_text("utf-8"))
    data.pop("decision_date", None)  # decided today: one question is still open
    case_id = window.services.cases.create_case(data)
    window.open_case(case_id)
    page = window.current_case_page()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    return page, case_id


def test_finalize_with_an_open_question_is_stopped_until_it_is_explained(
    qtbot, start_app: Starter, tmp_path: Path  # noqa: F811
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    window.resize(1024, 700)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    page, case_id = _open_case_with_a_question(qtbot, launched)
    memo = page.memo_page
    page.go_to_step(Step.MEMO)
    qtbot.waitUntil(lambda: memo.pdf_bytes is not None, timeout=30_000)

    QTest.keyClick(window, Qt.Key.Key_F, CTRL | SHIFT)  # Finalize memo…
    qtbot.waitUntil(lambda: isinstance(modal(), FinalizeDialog), timeout=10_000)
    dialog = modal()
    qtbot.waitUntil(lambda: dialog.isActiveWindow() and dialog.officer_edit.hasFocus(),
                    timeout=5_000)
    assert dialog.frameGeometry().height() <= 700 and dialog.frameGeometry().width() <= 1024
    assert len(dialog.question_rows) == 1
    QTest.keyClicks(dialog.officer_edit, "R. Okafor")
    press(Qt.Key.Key_Tab)
    QTest.keyClicks(focused(), "key pass")
    press(Qt.Key.Key_Tab)
    QTest.keyClicks(focused(), "key pass")
    for row in dialog.conclusion_rows:  # agree with each finding, by keyboard
        press(Qt.Key.Key_Tab)
        assert focused() is row.choice
        press(Qt.Key.Key_A)
    press(Qt.Key.Key_Return)  # the open question is neither answered nor explained: stopped
    assert dialog.isVisible() and "1 open question" in dialog.missing.text()
    _screenshot(dialog, "finalize-dialog.png")
    press(Qt.Key.Key_Tab)  # "Answer it…", then "Decide without it"
    press(Qt.Key.Key_Tab)
    question = dialog.question_rows[0]
    assert focused() is question.without
    press(Qt.Key.Key_Space)
    press(Qt.Key.Key_Return)  # checked, but no reason yet: still stopped
    assert dialog.isVisible() and "1 open question" in dialog.missing.text()
    press(Qt.Key.Key_Tab)
    assert focused() is question.reason
    QTest.keyClicks(question.reason, WHY)
    assert dialog.missing.text() == ""
    with qtbot.waitSignal(memo.finalized, timeout=60_000):
        press(Qt.Key.Key_Return)

    stored = window.services.memos.latest_memo(case_id)
    assert stored is not None and stored.status == "final"
    record = stored.officer_determination
    assert record["decided_without"][0]["reason"] == WHY
    assert stored.decision_date == record["decision_date"]
    assert window.services.cases.get_case(case_id).case_data["decision_date"] == \
        stored.decision_date  # pinned with the case
    text = _pdf_text(tmp_path, stored.pdf_bytes)
    assert "Determination of R. Okafor" in text and WHY in text
    qtbot.waitUntil(lambda: "was fixed when it was finalized" in page.banner_label.text(),
                    timeout=10_000)
    assert page.decision_date().iso == stored.decision_date and page.decision_date().pinned
    assert page.decision_edit.line_edit.text() != ""  # not "Empty = today"
    _screenshot(window, "finalized-case.png")


def _pdf_text(tmp_path: Path, pdf: bytes) -> str:
    source = tmp_path / "final.pdf"
    source.write_bytes(pdf)
    shown = subprocess.run(["pdftotext", str(source), "-"], capture_output=True, text=True,
                           check=True).stdout
    return " ".join(shown.split())


def _screenshot(widget, name: str) -> None:
    folder = os.environ.get("WAYPOINT_SCREENSHOT_DIR")
    if folder:
        widget.grab().save(str(Path(folder) / name))
