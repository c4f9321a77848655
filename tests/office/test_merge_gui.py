"""Two people edit one case: the second saver sees both versions and merges field by field."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest

from desktop.flow.case_merge import ABSENT, differences, merged, you_changed
from desktop.flow.steps import Step
from desktop.services.cases import CaseService
from desktop.ui.office.merge_dialog import KEEP_MINE, KEEP_SAVED
from tests.gui.test_case_flow_support import open_page
from tests.office.conftest import make_case

pytestmark = pytest.mark.gui


def test_differences_and_merge_field_by_field() -> None:
    mine = make_case("Mine", "Same")
    theirs = make_case("Theirs", "Same")
    theirs["journey"].append({"country": "US"})
    mine["notes"] = "only mine"
    found = {d.label: d for d in differences(mine, theirs)}
    assert set(found) == {"applicant › family name", "journey", "notes"}
    assert found["notes"].theirs is ABSENT
    result = merged(theirs, [found["applicant › family name"], found["notes"]])
    assert result["applicant"]["family_name"] == "Mine" and result["notes"] == "only mine"
    assert len(result["journey"]) == 4  # the saved version's added stop stays
    base = make_case("Base", "Same")  # what both opened: you changed the name, they the journey
    assert you_changed(base, found["applicant › family name"])
    assert not you_changed(base, found["journey"])


def test_the_second_saver_merges_and_nothing_is_lost(qtbot: Any, services: Any) -> None:
    case_id = services.cases.create_case(make_case("Original", "Ana"))
    page = open_page(qtbot, services, case_id)
    # Someone else (another window, another person) saves first: a new given name.
    other = CaseService(services.cases.database, actor="colleague")
    opened = other.get_case(case_id)
    theirs = make_case("Original", "Ana María")
    assert other.save_version(case_id, theirs, opened.version) == 2

    applicant = page.pages[Step.APPLICANT]
    page.go_to_step(Step.APPLICANT)
    applicant.family_name.clear()
    QTest.keyClicks(applicant.family_name, "Okafor")
    with qtbot.waitSignal(page.save_failed, timeout=10_000) as failed:
        page.save_now()
    assert "someone else saved version 2" in page.save_status.text()
    assert "version 2" in failed.args[0] or "merge" in page.save_status.text()
    dialog = page.merge_dialog
    assert dialog.isVisible()
    labels = [d.label for d in dialog.differences]
    assert labels == ["applicant › family name", "applicant › given names"]
    assert dialog.table.item(0, 1).text() == "Okafor"
    assert dialog.table.item(0, 2).text() == "Original"
    assert dialog.table.item(1, 1).text() == "Ana"
    assert dialog.table.item(1, 2).text() == "Ana María"
    assert services.cases.get_case(case_id).case_data == theirs  # nothing overwritten yet
    # Each field starts on the change made to it: the family name is yours, the given
    # names only the colleague changed.
    assert [c.currentText() for c in dialog.choices] == [KEEP_MINE, KEEP_SAVED]
    dialog.keep(1, mine=True)
    dialog.keep(1, mine=False)
    with qtbot.waitSignal(page.case_saved, timeout=10_000):
        QTimer.singleShot(0, dialog.save_button.click)
    stored = services.cases.get_case(case_id)
    assert stored.version == 3
    assert stored.case_data["applicant"]["family_name"] == "Okafor"
    assert stored.case_data["applicant"]["given_names"] == "Ana María"
    assert applicant.given_names.text() == "Ana María"
    assert not page.has_unsaved_changes
