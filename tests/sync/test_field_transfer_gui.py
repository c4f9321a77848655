"""The window's Take cases to the field… and Bring cases back…: a real transfer written from
the dialog, taken in on a laptop, brought back with a conflict; the summary says so and
Resolve conflicts… opens the merge view. Offscreen and under real X (xcb)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.services import sync_laptop
from desktop.services.cases import CaseService
from desktop.services.sync_format import read_transfer
from desktop.ui.background import BackgroundRunner
from desktop.ui.field_merge_dialog import FieldConflictsDialog
from desktop.ui.field_transfer_dialog import BringBackDialog, TakeToFieldDialog
from tests.db.conftest import make_case
from tests.sync.support import (
    CASEWORKER,
    KEY_PASSPHRASE,
    TRANSFER_PASSPHRASE,
    Clock,
    Office,
    close_office,
    make_office,
    open_sqlite,
)

pytestmark = [pytest.mark.gui]


@pytest.fixture
def office(tmp_path: Path) -> Iterator[Office]:
    made = make_office(tmp_path, None)
    yield made
    close_office(made)


def test_take_out_and_bring_back_from_the_window(qtbot: Any, office: Office,
                                                 tmp_path: Path) -> None:
    clock, runner = Clock(), BackgroundRunner()
    at_office = CaseService(office.database, clock, actor="ana")
    case_id = at_office.create_case(make_case())
    take = TakeToFieldDialog([case_id], office.data_dir, office.database, "ana", clock, runner)
    qtbot.addWidget(take)
    take.show()
    take.file_edit.setText(str(tmp_path / "out.wpfield"))
    take.signer_edit.setText(CASEWORKER)
    for edit, text in ((take.passphrase_edit, TRANSFER_PASSPHRASE),
                       (take.again_edit, TRANSFER_PASSPHRASE), (take.key_edit, KEY_PASSPHRASE)):
        edit.setText(text)
    take.go_button.click()
    qtbot.waitUntil(lambda: "out to device" in take.message.text(), timeout=20_000)
    laptop = open_sqlite(tmp_path / "laptop" / "waypoint.sqlite3")
    try:
        sync_laptop.receive(laptop, read_transfer(tmp_path / "out.wpfield",
                                                  TRANSFER_PASSPHRASE), actor="ana", now=clock())
        for service, port in ((CaseService(laptop, clock, actor="ana"), "Laredo"),
                              (at_office, "El Paso")):
            data = service.get_case(case_id).case_data
            data["entry"]["port"] = port
            service.save_draft(case_id, data)
        sync_laptop.send(laptop, tmp_path / "back.wpfield", TRANSFER_PASSPHRASE,
                         office.signer, actor="ana", now=clock())
    finally:
        laptop.close()
    back = BringBackDialog(office.database, "ana", clock, runner)
    qtbot.addWidget(back)
    back.show()
    back.file_edit.setText(str(tmp_path / "back.wpfield"))
    back.passphrase_edit.setText("a wrong passphrase")
    back.go_button.click()
    qtbot.waitUntil(lambda: "wrong passphrase" in back.message.text(), timeout=20_000)
    assert back.conflicts_button.isHidden()
    back.passphrase_edit.setText(TRANSFER_PASSPHRASE)
    back.go_button.click()
    qtbot.waitUntil(lambda: "1 conflict(s)" in back.message.text(), timeout=20_000)
    assert back.conflicts_button.isVisible()
    back.conflicts_button.click()
    merge = back.conflicts_dialog
    assert isinstance(merge, FieldConflictsDialog)
    assert merge.field_value.text() == '"Laredo"' and merge.office_value.text() == '"El Paso"'
    runner.wait_for_done(5000)
