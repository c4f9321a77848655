"""A memo saved from the window is readable by its owner only (0600), whatever the umask."""

from __future__ import annotations

import os

import pytest
from test_case_flow_support import (
    load_public_case,
    open_memo_step,
)

from tests.owner_only import assert_mode

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.posix(reason="POSIX file modes of the saved copy")]


def test_save_as_pdf_writes_an_owner_only_file(qtbot, services, tmp_path) -> None:
    _page, memo, _case_id = open_memo_step(qtbot, services,
                                           load_public_case("tb-final-denial-in-mexico"))
    target = tmp_path / "memo.pdf"
    previous = os.umask(0)
    try:
        with qtbot.waitSignal(memo.saved_to, timeout=10_000):
            memo.save_to(str(target))
    finally:
        os.umask(previous)
    assert target.read_bytes().startswith(b"%PDF")
    assert_mode(target, 0o600)


def test_saves_replace_the_file_whole_as_the_cli_does(qtbot, services, tmp_path) -> None:
    """Memo and interview sheet: written beside the target and renamed over it (an earlier
    copy under another link keeps its bytes; no `.part` is left), never rewritten in place."""
    _page, memo, _case_id = open_memo_step(qtbot, services,
                                           load_public_case("tb-final-denial-in-mexico"))
    for name, save in (("memo.pdf", memo.save_to),
                       ("sheet.pdf", lambda path: memo.interview_sheet.save_to(path, "en"))):
        target, earlier = tmp_path / name, tmp_path / f"earlier-{name}"
        target.write_bytes(b"the earlier copy")
        os.link(target, earlier)
        signal = memo.saved_to if name == "memo.pdf" else memo.interview_sheet.saved_to
        with qtbot.waitSignal(signal, timeout=30_000):
            save(str(target))
        assert target.read_bytes().startswith(b"%PDF")
        assert earlier.read_bytes() == b"the earlier copy"
        assert not (tmp_path / f"{name}.part").exists()
        assert_mode(target, 0o600)


HOSTILE_NAME = "Ñúñez-Ibáñez"


def _memo_of_named_case(qtbot, services):
    case = load_public_case("tb-final-denial-in-mexico")
    case["applicant"]["family_name"] = HOSTILE_NAME
    _page, memo, case_id = open_memo_step(qtbot, services, case)
    return memo, case_id


def test_print_to_file_is_a_save_owner_only_and_named_after_the_case_not_the_person(
        qtbot, services, tmp_path, monkeypatch) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QLineEdit

    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    memo, case_id = _memo_of_named_case(qtbot, services)
    dialog = memo.ask_print()
    assert "outside Waypoint's encrypted store" in dialog.windowTitle()
    assert HOSTILE_NAME not in dialog.printer().docName()
    assert case_id[:8] in dialog.printer().docName()
    file_name = dialog.findChild(QLineEdit, "filename")
    assert file_name is not None  # Qt's own dialog: "Print to File (PDF)"
    assert HOSTILE_NAME not in file_name.text()  # the default it offers
    target = tmp_path / "printed.pdf"
    file_name.setText(str(target))
    with qtbot.assertNotEmitted(memo.printed), qtbot.waitSignal(memo.saved_to, timeout=30_000):
        dialog.accept()
    assert target.read_bytes() == memo.pdf_bytes  # the memo itself, not 6 MB of page images
    assert_mode(target, 0o600)
    assert "outside Waypoint's encrypted store" in memo.status.text()
    info = PdfReader(target).metadata
    assert info is not None
    for value in (info.title, info.subject, info.author, info.get("/Keywords")):
        assert HOSTILE_NAME not in str(value or "")
    assert list(home.iterdir()) == []  # nothing left in HOME under any name


def test_the_save_dialog_suggests_a_neutral_file_name(qtbot, services, tmp_path) -> None:
    from pathlib import Path

    memo, case_id = _memo_of_named_case(qtbot, services)
    dialog = memo.ask_save()
    suggested = Path(dialog.selectedFiles()[0]).name
    dialog.reject()
    assert HOSTILE_NAME not in suggested and "Ñ" not in suggested
    assert suggested.endswith(".pdf") and case_id[:8] in suggested


def test_an_exported_case_file_is_named_after_the_case_not_the_person() -> None:
    from desktop.ui.case_list.transfer import export_file_name

    assert export_file_name("3f2a/../x", bundle=True) == "case-3f2a-..-x.bundle.json"
    assert export_file_name("c1") == "case-c1.case.json"
