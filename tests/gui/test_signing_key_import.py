"""File > Import signing key (PKCS#12): an organisation's .p12 imported through the real dialog,
then a memo finalized as that officer is signed by that certificate; bad input is explained."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from PySide6.QtWidgets import QApplication
from test_case_flow_support import (
    agree_in_dialog,
    load_public_case,
    open_page,
)

from desktop.flow import Step
from desktop.services import signing
from desktop.services.memo_verification import check_memo
from desktop.ui.case_flow.officer_dialogs import OfficerDialog
from desktop.ui.signing_key_dialog import ImportKeyDialog, grouped
from tests.gui.test_main_window import start_app, wait_for_cases  # noqa: F401
from tests.owner_only import assert_mode

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

ORG_PASS = "issued by IT 2026"
OFFICER = "Ana Pérez"


def make_org_pkcs12(folder: Path, common_name: str = "PEREZ, ANA",
                    passphrase: str = ORG_PASS) -> tuple[Path, str]:
    """An organisation-issued .p12 as IT hands it out: an RSA key, its certificate issued by
    the organisation's CA, and the CA certificate; returns the file and the certificate's
    SHA-256 fingerprint."""
    now = datetime.now(UTC)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Example Asylum Office CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=900))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .issuer_name(ca_name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=365))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(ca_key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        b"officer", key, certificate, [ca],
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    path = folder / "ana-perez.p12"
    path.write_bytes(data)
    fingerprint = hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()
    return path, fingerprint


@pytest.fixture
def dialog(qtbot, services) -> ImportKeyDialog:
    opened = ImportKeyDialog(services.paths.data_dir, services.runner)
    qtbot.addWidget(opened)
    opened.open()
    return opened


def fill(dialog: ImportKeyDialog, path: Path, officer: str, passphrase: str) -> None:
    dialog.file_edit.setText(str(path))
    dialog.officer_edit.setText(officer)  # non-ASCII: setText, not keyClicks
    dialog.passphrase_edit.setText(passphrase)


def key_files(services) -> list[Path]:
    folder = signing.keys_dir(services.paths.data_dir)
    return sorted(folder.glob("*.p12")) if folder.exists() else []


def test_imported_key_signs_the_memo_finalized_as_that_officer(qtbot, services, dialog,
                                                              tmp_path):
    p12, fingerprint = make_org_pkcs12(tmp_path)
    assert not dialog.import_button.isEnabled()  # nothing given yet
    chooser = dialog.choose_file()  # the real file chooser fills the field
    chooser.selectFile(str(p12))
    chooser.accept()
    assert Path(dialog.file_edit.text()) == p12
    dialog.officer_edit.setText(OFFICER)
    assert not dialog.import_button.isEnabled()  # the file's passphrase is still missing
    dialog.passphrase_edit.setText(ORG_PASS)
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        dialog.import_button.click()
    key = imported.args[0]
    assert key.officer == OFFICER and key.fingerprint == fingerprint
    assert f"Imported {OFFICER}'s signing key" in dialog.message.text()
    assert grouped(fingerprint) in dialog.message.text()
    assert dialog.import_button.isHidden() and not dialog.passphrase_edit.text()
    assert key_files(services) == [key.path]
    assert_mode(key.path, 0o600)

    # Finalize a memo as that officer, through the real finalize dialog.
    case_id = services.cases.create_case(load_public_case("tb-trafficking-unknown"))
    page = open_page(qtbot, services, case_id)
    memo = page.pages[Step.MEMO]
    with qtbot.waitSignal(memo.preview_ready, timeout=30_000):
        page.go_to_step(Step.MEMO)
    memo.ask_finalize()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), OfficerDialog),
                    timeout=5_000)
    finalize = QApplication.activeModalWidget()
    finalize.officer_edit.setText(OFFICER)
    finalize.passphrase_edit.setText(ORG_PASS)
    assert finalize.key_note.text() == ""  # the imported key is found: no new key is made
    assert not finalize.repeat_edit.isEnabled()
    agree_in_dialog(finalize)
    with qtbot.waitSignal(memo.finalized, timeout=30_000):
        finalize.accept()
    assert key_files(services) == [key.path]  # still the imported key, no other
    stored = services.memos.latest_memo(case_id)
    check = check_memo(stored.pdf_bytes)
    assert check.valid, check.problems
    assert [s.fingerprint for s in check.signatures] == [fingerprint]
    assert check.signatures[0].signer == "PEREZ, ANA"


def test_a_wrong_passphrase_is_explained_and_writes_nothing(qtbot, services, dialog, tmp_path):
    p12, _fingerprint = make_org_pkcs12(tmp_path)
    fill(dialog, p12, OFFICER, "not the passphrase")
    with qtbot.assertNotEmitted(dialog.imported, wait=0):
        dialog.import_button.click()
        qtbot.waitUntil(lambda: "passphrase does not open" in dialog.message.text(),
                        timeout=20_000)
    assert "ana-perez.p12" in dialog.message.text()
    assert key_files(services) == []
    assert not signing.has_key(services.paths.data_dir, OFFICER)
    assert dialog.isVisible() and dialog.import_button.isEnabled()  # fix it and try again
    dialog.passphrase_edit.setText(ORG_PASS)
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    assert signing.has_key(services.paths.data_dir, OFFICER)


@pytest.mark.parametrize("kind", ["pdf", "empty", "folder", "missing", pytest.param(
    "fifo", marks=pytest.mark.posix(reason="a FIFO (os.mkfifo) exists on POSIX only"))])
def test_a_file_that_is_not_a_key_is_explained_and_writes_nothing(qtbot, services, dialog,
                                                                  tmp_path, kind):
    path = tmp_path / f"chosen-{kind}.p12"
    expected = {"pdf": "is not a PKCS#12 key file", "empty": "is not a PKCS#12 key file",
                "folder": "device, pipe or folder", "missing": "cannot be read",
                "fifo": "device, pipe or folder"}[kind]
    if kind == "pdf":
        path.write_bytes(b"%PDF-1.7\n" + b"x" * 500)
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "folder":
        path.mkdir()
    elif kind == "fifo":
        os.mkfifo(path)  # opened without blocking: no writer, no hang
    fill(dialog, path, OFFICER, ORG_PASS)
    dialog.import_button.click()
    qtbot.waitUntil(lambda: expected in dialog.message.text(), timeout=20_000)
    assert path.name in dialog.message.text()
    assert key_files(services) == []


def test_replacing_an_existing_key_must_be_confirmed(qtbot, services, dialog, tmp_path):
    made = signing.create_officer_key(services.paths.data_dir, OFFICER, "old passphrase")
    p12, fingerprint = make_org_pkcs12(tmp_path)
    fill(dialog, p12, OFFICER, ORG_PASS)
    assert dialog.replace_check.isVisible() and OFFICER in dialog.replace_check.text()
    assert not dialog.import_button.isEnabled()
    dialog.replace_check.setChecked(True)
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as imported:
        dialog.import_button.click()
    assert imported.args[0].path == made.path and imported.args[0].fingerprint == fingerprint
    assert made.path.read_bytes() == p12.read_bytes()


def test_the_file_menu_opens_the_import_dialog(qtbot, start_app, tmp_path):  # noqa: F811
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    assert window.signing_key_action in window.file_menu.actions()
    window.signing_key_action.trigger()
    dialog = window.import_key_dialog
    assert isinstance(dialog, ImportKeyDialog) and dialog.isVisible() and dialog.isModal()
    assert dialog.data_dir == launched.window.services.paths.data_dir
    dialog.reject()
