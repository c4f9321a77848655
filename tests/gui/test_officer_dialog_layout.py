"""The Finalize dialog keeps its layout when the "no key yet" note appears (issue 27)."""

from __future__ import annotations

import pytest

from desktop.ui.case_flow.officer_dialogs import amendment_dialog, finalize_dialog

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.mark.parametrize("make", [finalize_dialog, amendment_dialog])
def test_fields_keep_their_height_when_the_no_key_note_shows(qtbot, make) -> None:
    dialog = make(None, has_key=lambda name: name == "Has Key")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    fields = [dialog.officer_edit, dialog.passphrase_edit, dialog.repeat_edit]
    dialog.officer_edit.setText("Has Key")
    qtbot.wait(20)
    before = [field.height() for field in fields]
    assert dialog.key_note.text() == ""
    dialog.officer_edit.setText("New Officer")  # no key under this name: the note shows
    qtbot.waitUntil(lambda: "No signing key" in dialog.key_note.text())
    qtbot.wait(20)
    after = [field.height() for field in fields]
    assert after == before
    for field in fields:
        assert field.height() >= field.sizeHint().height()
    # the note is readable in full: its wrapped height fits in what it has
    note = dialog.key_note
    assert note.height() >= note.heightForWidth(note.width())
