"""File → Issue a signing key: the office authority issues a person a registered key from the
window; a wrong authority passphrase issues nothing and says so."""

from __future__ import annotations

import pytest

from db.signing_registry import SigningRegistry
from desktop.services import signing
from desktop.services.office_identity import create_office_ca
from desktop.ui.issue_key_dialog import IssueKeyDialog
from tests.gui.test_main_window import Starter, start_app, wait_for_cases

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]
__all__ = ["start_app"]  # the fixture, imported for this module's tests

CA_PASS = "office authority words"


def test_issue_a_key_from_the_file_menu(qtbot, start_app: Starter) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    services = window.services
    data_dir, database = services.paths.data_dir, services.cases.database
    create_office_ca(data_dir, database, "Tucson Field Office", CA_PASS)
    assert window.issue_key_action in window.file_menu.actions()
    window.issue_key_action.trigger()
    dialog = window.issue_key_dialog
    assert isinstance(dialog, IssueKeyDialog) and dialog.isVisible()
    dialog.person_edit.setText("Sam Ortiz")
    dialog.role_box.setCurrentText("supervisor")
    dialog.ca_edit.setText("not the authority's")
    dialog.new_edit.setText("officer key words")
    assert not dialog.issue_button.isEnabled()  # the new passphrase is not repeated yet
    dialog.again_edit.setText("officer key words")
    assert dialog.issue_button.isEnabled()
    dialog.issue_button.click()
    qtbot.waitUntil(lambda: "passphrase does not open" in dialog.message.text(), timeout=20_000)
    assert not signing.has_key(data_dir, "Sam Ortiz")
    assert SigningRegistry(database).snapshot().certificates == {}

    dialog.ca_edit.setText(CA_PASS)
    with qtbot.waitSignal(dialog.issued, timeout=20_000) as issued:
        dialog.issue_button.click()
    entry = issued.args[0].registered
    assert (entry.person, entry.role) == ("Sam Ortiz", "supervisor")
    assert "Issued Sam Ortiz (supervisor)" in dialog.message.text()
    assert not dialog.ca_edit.text() and not dialog.new_edit.text()
    registered = SigningRegistry(database).snapshot().certificates
    assert list(registered) == [entry.fingerprint]
    assert signing.has_key(data_dir, "Sam Ortiz")
    assert "issued by" in signing.signer_note(data_dir, "Sam Ortiz")
    dialog.close()
