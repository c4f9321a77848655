"""A memo saved from the window is readable by its owner only (0600), whatever the umask."""

from __future__ import annotations

import os
import stat

import pytest
from test_case_flow_support import (  # noqa: F401  (services_fixture provides `services`)
    load_public_case,
    open_page,
    services_fixture,
)

from desktop.flow import Step

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints"),
              pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")]


def test_save_as_pdf_writes_an_owner_only_file(qtbot, services, tmp_path) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    memo = page.pages[Step.MEMO]
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        page.go_to_step(Step.MEMO)
    target = tmp_path / "memo.pdf"
    previous = os.umask(0)
    try:
        with qtbot.waitSignal(memo.saved_to, timeout=10_000):
            memo.save_to(str(target))
    finally:
        os.umask(previous)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
