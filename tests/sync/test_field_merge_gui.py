"""The merge view (File → Field conflicts…): a conflict from the field shown side by side
with who and when, and resolved by keyboard alone; offscreen and under real X (xcb)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.services import sync_laptop, sync_office
from desktop.services.cases import CaseService
from desktop.services.sync_format import read_transfer
from desktop.ui.field_merge_dialog import FieldConflictsDialog
from tests.db.conftest import make_case
from tests.gui.real_x_support import ALT, press
from tests.sync.support import (
    TRANSFER_PASSPHRASE,
    Clock,
    Office,
    assert_audit_verifies,
    cases_state,
    close_office,
    conflict_rows,
    make_office,
    open_sqlite,
)

pytestmark = [pytest.mark.gui]


@pytest.fixture
def office_with_conflicts(tmp_path: Path) -> Iterator[tuple[Office, list[str]]]:
    """Two cases whose port both sides changed: two open conflicts at the office."""
    office, clock = make_office(tmp_path, None), Clock()
    laptop = open_sqlite(tmp_path / "laptop" / "waypoint.sqlite3")
    try:
        at_office = CaseService(office.database, clock, actor="ana")
        ids = [at_office.create_case(make_case(family=name, a_number=None))
               for name in ("Uno", "Dos")]
        sync_office.checkout(office.database, ids, tmp_path / "out", TRANSFER_PASSPHRASE,
                             office.signer, device=None, device_name="laptop", actor="ana",
                             now=clock())
        sync_laptop.receive(laptop, read_transfer(tmp_path / "out", TRANSFER_PASSPHRASE),
                            actor="ana", now=clock())
        for service, port in ((CaseService(laptop, clock, actor="ana"), "Laredo"),
                              (at_office, "El Paso")):
            for case_id in ids:
                data = service.get_case(case_id).case_data
                data["entry"]["port"] = port
                service.save_draft(case_id, data)
        sync_laptop.send(laptop, tmp_path / "back", TRANSFER_PASSPHRASE, office.signer,
                         actor="ana", now=clock())
        sync_office.checkin(office.database, read_transfer(tmp_path / "back",
                                                           TRANSFER_PASSPHRASE),
                            actor="ana", now=clock())
        yield office, ids
    finally:
        laptop.close()
        close_office(office)


def _port(office: Office, case_id: str) -> Any:
    return json.loads(cases_state(office.database)[case_id][2])["entry"]["port"]


def test_a_conflict_is_resolved_in_the_merge_view_by_keyboard(
        qtbot: Any, office_with_conflicts: tuple[Office, list[str]]) -> None:
    office, ids = office_with_conflicts
    dialog = FieldConflictsDialog(office.database, "ana", Clock())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    assert dialog.list.count() == 2
    assert dialog.office_value.text() == '"El Paso"' and dialog.field_value.text() == '"Laredo"'
    assert "ana" in dialog.office_who.text() and "device" in dialog.field_who.text()
    qtbot.waitUntil(lambda: dialog.list.hasFocus())
    press(Qt.Key.Key_F, ALT)  # to whatever has focus: take the field's value of the first
    qtbot.waitUntil(lambda: dialog.list.count() == 1)
    assert _port(office, ids[0]) == "Laredo"
    press(Qt.Key.Key_O, ALT)  # keep the office's value of the second
    qtbot.waitUntil(lambda: dialog.list.count() == 0)
    assert _port(office, ids[1]) == "El Paso"
    assert dialog.path_label.text() == "No open conflicts."
    assert [(row[1], row[14]) for row in conflict_rows(office.database)] == [
        (ids[0], "field"), (ids[1], "office")]  # each resolution recorded, with its choice
    assert_audit_verifies(office.database)
