"""`waypoint field …` end to end on encrypted SQLite stores (an office and a laptop data
folder): check out, take in, edit on both sides, send, check in, list and resolve the
conflict, audit verify on both; and every refusal (changed file, wrong passphrase, unknown
device, a signer the office never registered) writes nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.services.cases import CaseService
from desktop.services.office_identity import create_office_ca, issue_officer_key
from desktop.services.signing import create_officer_key, import_officer_key
from desktop.services.sync_format import read_transfer, sign, write_transfer
from desktop.services.sync_office import checkin
from tests.db.conftest import make_case
from tests.sync.support import (
    CA_PASSPHRASE,
    CASEWORKER,
    KEY_PASSPHRASE,
    TRANSFER_PASSPHRASE,
    Clock,
    audit_count,
    cases_state,
    conflict_rows,
    open_sqlite,
)


@pytest.fixture
def folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """An office folder with a case, its authority and Ana's key; a laptop folder with it."""
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.setenv("WAYPOINT_TRANSFER_PASSPHRASE", TRANSFER_PASSPHRASE)
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", KEY_PASSPHRASE)
    office_dir, laptop_dir = tmp_path / "office", tmp_path / "laptop"
    office = open_sqlite(office_dir / "waypoint.sqlite3")
    create_office_ca(office_dir, office, "Field Office", CA_PASSPHRASE)
    issued = issue_officer_key(office_dir, office, CASEWORKER, "caseworker",
                               ca_passphrase=CA_PASSPHRASE, key_passphrase=KEY_PASSPHRASE)
    import_officer_key(laptop_dir, CASEWORKER, issued.pkcs12, KEY_PASSPHRASE)
    case_id = CaseService(office, Clock(), actor="ana").create_case(make_case())
    office.close()
    return {"office": office_dir, "laptop": laptop_dir, "case": case_id, "root": tmp_path}


def waypoint(folder: Path, *argv: str) -> int:
    return main(["--data-dir", str(folder), "field", "--signer", CASEWORKER, *argv])


def _edit(folder: Path, case_id: str, path: tuple[str, str], value: str) -> None:
    database = open_sqlite(folder / "waypoint.sqlite3")
    try:
        service = CaseService(database, Clock(), actor="ana")
        data = service.get_case(case_id).case_data
        data[path[0]][path[1]] = value
        service.save_draft(case_id, data)
    finally:
        database.close()


def _state(folder: Path) -> tuple[Any, ...]:
    database = open_sqlite(folder / "waypoint.sqlite3")
    try:
        return cases_state(database), conflict_rows(database), audit_count(database)
    finally:
        database.close()


def test_out_and_back_with_a_conflict_resolved_by_a_person(
        folders: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop, case_id, root = (folders[k] for k in ("office", "laptop", "case", "root"))
    assert waypoint(office, "checkout", case_id, "--to", str(root / "out.wpfield")) == 0
    assert waypoint(laptop, "checkin", str(root / "out.wpfield")) == 0
    assert "1 case(s) new here" in capsys.readouterr().out
    _edit(laptop, case_id, ("entry", "port"), "Laredo")  # both change the port
    _edit(laptop, case_id, ("applicant", "given_names"), "Ana María")  # only the field
    _edit(office, case_id, ("entry", "port"), "El Paso")
    assert waypoint(laptop, "send", "--to", str(root / "back.wpfield")) == 0
    assert "2 change(s)" in capsys.readouterr().out
    assert waypoint(office, "checkin", str(root / "back.wpfield")) == 0
    out = capsys.readouterr().out
    assert "1 case(s) changed" in out and "1 conflict(s)" in out
    facts = json.loads(_state(office)[0][case_id][2])
    assert facts["applicant"]["given_names"] == "Ana María"  # merged
    assert facts["entry"]["port"] == "El Paso"  # kept until a person chooses
    assert waypoint(office, "conflicts") == 0
    listing = capsys.readouterr().out
    assert '"El Paso"' in listing and '"Laredo"' in listing and "/entry/port" in listing
    conflict_id = _state(office)[1][0][0]
    assert waypoint(office, "resolve", str(conflict_id), "--take", "field") == 0
    assert json.loads(_state(office)[0][case_id][2])["entry"]["port"] == "Laredo"
    before = _state(office)
    assert waypoint(office, "checkin", str(root / "back.wpfield")) == 0  # twice: a no-op
    assert "applied before" in capsys.readouterr().out and _state(office) == before
    for folder in (office, laptop):
        assert main(["--data-dir", str(folder), "audit", "verify"]) == 0


def _refused(folder: Path, transfer: Path, capsys: pytest.CaptureFixture[str]) -> str:
    before = _state(folder)
    assert main(["--data-dir", str(folder), "field", "checkin", str(transfer)]) != 0
    assert _state(folder) == before
    return capsys.readouterr().err


def _sent(folders: dict[str, Any]) -> Path:
    office, laptop, case_id, root = (folders[k] for k in ("office", "laptop", "case", "root"))
    assert waypoint(office, "checkout", case_id, "--to", str(root / "out.wpfield")) == 0
    assert waypoint(laptop, "checkin", str(root / "out.wpfield")) == 0
    _edit(laptop, case_id, ("entry", "port"), "Laredo")
    assert waypoint(laptop, "send", "--to", str(root / "back.wpfield")) == 0
    return root / "back.wpfield"  # type: ignore[no-any-return]  # a Path from the fixture


def test_a_changed_file_or_wrong_passphrase_is_refused(
        folders: dict[str, Any], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _sent(folders)
    envelope = json.loads(sent.read_text())
    envelope["ciphertext"] = envelope["ciphertext"][:40] + (
        "A" if envelope["ciphertext"][40] != "A" else "B") + envelope["ciphertext"][41:]
    changed = folders["root"] / "changed.wpfield"
    changed.write_text(json.dumps(envelope))
    assert "changed" in _refused(folders["office"], changed, capsys)
    cut = folders["root"] / "cut.wpfield"
    cut.write_bytes(sent.read_bytes()[:300])
    assert "cannot be read" in _refused(folders["office"], cut, capsys)
    monkeypatch.setenv("WAYPOINT_TRANSFER_PASSPHRASE", "not the passphrase")
    assert "wrong passphrase" in _refused(folders["office"], sent, capsys)


def _resigned(document: dict[str, Any], signer: Any, target: Path) -> Path:
    return write_transfer(sign(document, signer), target, TRANSFER_PASSPHRASE)


def test_an_unknown_device_or_an_unregistered_signer_is_refused(
        folders: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.services.sync_conflicts import signer_from_key

    sent = _sent(folders)
    document = read_transfer(sent, TRANSFER_PASSPHRASE)
    create_officer_key(folders["root"] / "stranger", "Mallory", "pw")  # self-signed
    stranger = signer_from_key(folders["root"] / "stranger", "Mallory", "pw")
    out = _resigned(document, stranger, folders["root"] / "stranger.wpfield")
    assert "not a registered person" in _refused(folders["office"], out, capsys)
    ana = signer_from_key(folders["laptop"], CASEWORKER, KEY_PASSPHRASE)
    forged = {**document, "device": {"id": "f" * 32, "name": "unknown"}}
    out = _resigned(forged, ana, folders["root"] / "device.wpfield")
    assert "never handed cases to" in _refused(folders["office"], out, capsys)
    edited = json.loads(json.dumps(document))
    edited["cases"][0]["events"][0]["person"] = "someone else"  # changed after signing
    out = write_transfer(edited, folders["root"] / "edited.wpfield", TRANSFER_PASSPHRASE)
    assert "changed after it was signed" in _refused(folders["office"], out, capsys)


def test_an_older_transfer_after_a_newer_one_changes_nothing(folders: dict[str, Any]) -> None:
    office, laptop, case_id, root = (folders[k] for k in ("office", "laptop", "case", "root"))
    first = _sent(folders)
    _edit(laptop, case_id, ("entry", "port"), "Nogales")
    assert waypoint(laptop, "send", "--to", str(root / "second.wpfield")) == 0
    assert waypoint(office, "checkin", str(root / "second.wpfield")) == 0
    before = _state(office)
    database = open_sqlite(office / "waypoint.sqlite3")
    try:
        summary = checkin(database, read_transfer(first, TRANSFER_PASSPHRASE), actor="ana",
                          now=Clock()())
    finally:
        database.close()
    assert [one.state for one in summary.outcomes] == ["stale"]
    assert _state(office)[:2] == before[:2]
    assert json.loads(before[0][case_id][2])["entry"]["port"] == "Nogales"


def test_checkout_straight_into_a_laptop_folder(folders: dict[str, Any],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    office, laptop, case_id = folders["office"], folders["laptop"], folders["case"]
    assert waypoint(office, "checkout", case_id, "--laptop", str(laptop)) == 0
    assert "1 case(s) new here" in capsys.readouterr().out
    assert json.loads(_state(laptop)[0][case_id][2]) == json.loads(_state(office)[0][case_id][2])
    assert not list(laptop.glob("*.wpfield"))  # the one-time transfer file is gone
    assert main(["--data-dir", str(laptop), "audit", "verify"]) == 0


def test_another_tool_reads_the_transfer_from_the_documented_format(
        folders: dict[str, Any]) -> None:
    """docs/field-sync.md followed with the standard library and `cryptography` alone."""
    import base64
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    envelope = json.loads(_sent(folders).read_text("utf-8"))
    header = {k: envelope[k] for k in ("format", "kdf", "cipher", "content")}
    assert header["content"] == "application/json; waypoint-field/1"
    kdf = header["kdf"]
    key = hashlib.scrypt(TRANSFER_PASSPHRASE.encode(), salt=base64.b64decode(kdf["salt"]),
                         n=kdf["n"], r=kdf["r"], p=kdf["p"], maxmem=2**29, dklen=32)
    plain = AESGCM(key).decrypt(base64.b64decode(header["cipher"]["nonce"]),
                                base64.b64decode(envelope["ciphertext"]),
                                json.dumps(header, sort_keys=True,
                                           separators=(",", ":")).encode())
    document = json.loads(plain)

    def canonical(value: Any) -> bytes:
        return json.dumps(value, sort_keys=True, separators=(",", ":"),
                          ensure_ascii=False).encode("utf-8")

    signature = document["signature"]
    certificate = x509.load_der_x509_certificate(base64.b64decode(signature["certificate"]))
    public_key = certificate.public_key()
    assert isinstance(public_key, ec.EllipticCurvePublicKey)
    unsigned = {k: v for k, v in document.items() if k != "signature"}
    public_key.verify(base64.b64decode(signature["value"]), canonical(unsigned),
                      ec.ECDSA(hashes.SHA256()))  # raises if it does not verify
    [section] = document["cases"]
    [event] = section["events"]
    assert event["event_id"] == hashlib.sha256(canonical(
        {k: event[k] for k in ("base_version", "case_id", "device", "new", "path")})).hexdigest()
    assert (event["path"], event["old"], event["new"]) == ("/entry/port", [None], ["Laredo"])
    assert section["base"]["entry"]["port"] is None and document["kind"] == "return"


def test_a_transfer_signed_with_a_revoked_key_is_refused(
        folders: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.services.office_identity import revoke_officer_keys

    sent = _sent(folders)
    office = open_sqlite(folders["office"] / "waypoint.sqlite3")
    try:
        revoke_officer_keys(office, CASEWORKER, reason="laptop lost")
    finally:
        office.close()
    said = _refused(folders["office"], sent, capsys)
    assert "revoked" in said and "nothing was applied" in said
