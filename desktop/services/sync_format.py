"""waypoint-field/1: the signed, encrypted transfer file between an office and a laptop.

A transfer is a JSON document (docs/field-sync.md): its kind (`checkout`, office to laptop;
`return`, laptop to office), the device, a sequence number, and per case its base (the facts
and version it started from) with the change events since. The document is signed (ECDSA
P-256 over SHA-256 of its canonical JSON, the signature's own field left out) with the
person's office-issued key, then sealed in a waypoint-bundle/1 (scrypt + AES-256-GCM) whose
authenticated header names the content `application/json; waypoint-field/1`.
"""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from db.normalise import canonical_json

FIELD_FORMAT = "waypoint-field/1"
FIELD_CONTENT = "application/json; waypoint-field/1"
KINDS = ("checkout", "return")
SIGNATURE_ALGORITHM = "ecdsa-p256-sha256"


class TransferError(Exception):
    """The transfer cannot be used: damaged, changed, not signed by whom it must be (one line,
    nothing written)."""


@dataclass(frozen=True)
class TransferSigner:
    """A person's private key and certificate (DER), with the authority's certificates."""

    key: Any
    certificate_der: bytes
    chain_der: tuple[bytes, ...] = ()

    @property
    def fingerprint(self) -> str:
        return hashlib.sha256(self.certificate_der).hexdigest()


@dataclass(frozen=True)
class SignedBy:
    """Whose certificate signed a transfer whose signature checked out."""

    certificate_der: bytes
    fingerprint: str


def event_id(device: str, case_id: str, base_version: int, path: str, new: list[Any]) -> str:
    """The event's id: the same change of the same field on the same base is the same event,
    in whichever transfer it travels (so applying it twice is a no-op)."""
    return hashlib.sha256(canonical_json({
        "device": device, "case_id": case_id, "base_version": base_version, "path": path,
        "new": new}).encode("utf-8")).hexdigest()


def _signed_bytes(document: dict[str, Any]) -> bytes:
    return canonical_json({k: v for k, v in document.items() if k != "signature"}).encode()


def sign(document: dict[str, Any], signer: TransferSigner) -> dict[str, Any]:
    """The document with its signature."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    value = signer.key.sign(_signed_bytes(document), ec.ECDSA(hashes.SHA256()))
    return {**document, "signature": {
        "algorithm": SIGNATURE_ALGORITHM,
        "certificate": base64.b64encode(signer.certificate_der).decode("ascii"),
        "chain": [base64.b64encode(der).decode("ascii") for der in signer.chain_der],
        "value": base64.b64encode(value).decode("ascii")}}


def check_signature(document: dict[str, Any]) -> SignedBy:
    """The signer, when the signature is sound over the document; TransferError if not."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec

    signature = document.get("signature")
    if not isinstance(signature, dict) or signature.get("algorithm") != SIGNATURE_ALGORITHM:
        raise TransferError("the transfer is not signed (or signed in a way this Waypoint "
                            "does not know); nothing was applied")
    try:
        der = base64.b64decode(signature["certificate"], validate=True)
        public_key = x509.load_der_x509_certificate(der).public_key()
        if not isinstance(public_key, ec.EllipticCurvePublicKey):
            raise TransferError("the transfer's signing key is not an office-issued key")
        public_key.verify(base64.b64decode(signature["value"], validate=True),
                          _signed_bytes(document), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise TransferError("the transfer was changed after it was signed; nothing was "
                            "applied") from None
    except (KeyError, TypeError, ValueError):
        raise TransferError("the transfer's signature cannot be read; nothing was applied"
                            ) from None
    return SignedBy(der, hashlib.sha256(der).hexdigest())


def write_transfer(document: dict[str, Any], target: Path, passphrase: str) -> Path:
    """Seal the signed document into target (atomically, owner-only)."""
    from db.private_files import replace_private_bytes
    from desktop.services.bundle import seal_bytes

    plaintext = json.dumps(document, ensure_ascii=False).encode("utf-8")
    return replace_private_bytes(target, seal_bytes(plaintext, passphrase, None, FIELD_CONTENT))


def read_transfer(path: Path, passphrase: str) -> dict[str, Any]:
    """The document inside a transfer file, its shape checked; TransferError (one line)."""
    from desktop.services.bundle import BundleError, open_bundle_bytes

    try:
        plaintext, content = open_bundle_bytes(path, passphrase)
    except BundleError as problem:
        raise TransferError(f"{problem}; nothing was applied") from None
    if content != FIELD_CONTENT:
        raise TransferError(f"{path.name} is an encrypted bundle, but not a field transfer "
                            "(waypoint-field/1); nothing was applied")
    try:
        document = json.loads(plaintext.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise TransferError(f"{path.name}: the transfer inside cannot be read") from None
    check_shape(document)
    return document  # type: ignore[no-any-return]  # check_shape proved it a dict


def _require(condition: bool, what: str) -> None:
    if not condition:
        raise TransferError(f"the transfer is malformed ({what}); nothing was applied")


def check_shape(document: Any) -> None:
    """The fields a reader relies on are there with the right types (TransferError if not)."""
    _require(isinstance(document, dict), "not a JSON object")
    _require(document.get("format") == FIELD_FORMAT, f"format is not {FIELD_FORMAT}")
    _require(document.get("kind") in KINDS, "kind")
    for name in ("transfer_id", "created_at"):
        _require(isinstance(document.get(name), str), name)
    _require(isinstance(document.get("seq"), int), "seq")
    device = document.get("device")
    _require(isinstance(device, dict) and isinstance(device.get("id"), str), "device")
    _require(isinstance(document.get("cases"), list), "cases")
    for section in document["cases"]:
        _require(isinstance(section, dict), "a case section")
        _require(isinstance(section.get("case_id"), str) and 0 < len(section["case_id"]) <= 40,
                 "case_id")
        _require(isinstance(section.get("base_version"), int), "base_version")
        _require(isinstance(section.get("base"), dict), "base")
        _require(isinstance(section.get("events"), list), "events")
        for event in section["events"]:
            _check_event(event, section["case_id"])


def _check_event(event: Any, case_id: str) -> None:
    _require(isinstance(event, dict), "an event")
    for name in ("event_id", "device", "person", "at", "path"):
        _require(isinstance(event.get(name), str), f"event {name}")
    _require(event.get("case_id") == case_id, "an event names another case")
    _require(str(event["path"]).startswith("/"), "event path")
    for name in ("old", "new"):
        value = event.get(name)
        _require(isinstance(value, list) and len(value) <= 1, f"event {name}")
    _require(isinstance(event.get("base_version"), int), "event base_version")
    _require(event["event_id"] == event_id(event["device"], case_id, event["base_version"],
                                           event["path"], event["new"]), "event id")
