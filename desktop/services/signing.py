"""Officers' signing keys (encrypted PKCS#12, 0600) and PAdES signatures on final memos."""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from db.private_files import make_private_dir, replace_private_bytes
from desktop.memo.signature_fields import (
    BY_NAME,
    OFFICER_FIELD,
    REVIEWER_FIELD,
    SignatureField,
    with_signature_field,
)

KEYS_FOLDER = "signing-keys"
KEY_YEARS = 10
# Room for the signature in the file, so pyHanko need not sign once more just to measure it
# (half the signing time); an officer key's signature takes about 1.5 kB of it.
RESERVED_BYTES = 8192
MAX_KEY_FILE_BYTES = 1_000_000  # a PKCS#12 with a long chain is a few tens of kB


class SigningError(Exception):
    """A key cannot be made, found or opened, or a PDF cannot be signed; the message says why."""


@dataclass(frozen=True)
class OfficerKey:
    """Where an officer's key lives and the certificate's fingerprint."""

    officer: str
    path: Path
    fingerprint: str  # SHA-256 of the certificate (DER), hex


def keys_dir(data_dir: Path) -> Path:
    return Path(data_dir) / KEYS_FOLDER


def key_path(data_dir: Path, officer: str) -> Path:
    """The officer's PKCS#12 file: a readable slug plus a hash, so names never collide."""
    name = officer.strip()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", name).strip("-").lower()[:40] or "officer"
    tag = hashlib.sha256(name.casefold().encode("utf-8")).hexdigest()[:10]
    return keys_dir(data_dir) / f"{slug}-{tag}.p12"


def certificate_path(data_dir: Path, officer: str) -> Path:
    """The key's certificate in the clear (PEM), beside it: what the memo says of the signer
    is known before the passphrase opens the key."""
    return key_path(data_dir, officer).with_suffix(".crt")


def _write_private(path: Path, data: bytes, certificate: Any = None) -> None:
    """Write a key owner-only (its folder 0700, the file 0600), atomically and durably, and
    its certificate beside it."""
    from cryptography.hazmat.primitives import serialization

    make_private_dir(path.parent, tighten=True)
    replace_private_bytes(path, data, durable=True)
    if certificate is not None:
        replace_private_bytes(path.with_suffix(".crt"),
                              certificate.public_bytes(serialization.Encoding.PEM))


def _passphrase_bytes(passphrase: str) -> bytes:
    if not passphrase:
        raise SigningError("A passphrase is needed to protect and open the signing key.")
    return passphrase.encode("utf-8")


def create_officer_key(data_dir: Path, officer: str, passphrase: str, *,
                       now: datetime | None = None) -> OfficerKey:
    """Make a key and a self-signed certificate for the officer, stored encrypted (PKCS#12)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    name = officer.strip()
    if not name:
        raise SigningError("A signing key needs the officer's name.")
    secret = _passphrase_bytes(passphrase)
    path = key_path(data_dir, name)
    if path.exists():
        raise SigningError(f"{name} already has a signing key ({path.name}).")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    # ECDSA P-256: opening and using the key takes milliseconds (an RSA key is validated on
    # every load, which took over 100 ms per signature here)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Waypoint officer key (self-signed)"),
    ])
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(moment - timedelta(days=1))
        .not_valid_after(moment + timedelta(days=365 * KEY_YEARS))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .sign(key, hashes.SHA256())
    )
    data = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, None,
        serialization.BestAvailableEncryption(secret))
    _write_private(path, data, certificate)
    return OfficerKey(name, path, fingerprint_of(certificate))


def import_officer_key(data_dir: Path, officer: str, pkcs12_data: bytes, passphrase: str, *,
                       source: str = "The key file", replace: bool = True) -> OfficerKey:
    """Keep an organisation-issued PKCS#12 for the officer, as it is (still encrypted with its
    own passphrase, which then signs): checked first to be a PKCS#12 that this passphrase opens,
    holding a private key with its certificate. Nothing is written unless all of that holds.

    `source` names the file in messages; with replace=False an existing key is kept (refused).
    """
    from cryptography.hazmat.primitives import serialization

    name = officer.strip()
    if not name:
        raise SigningError("A signing key needs the officer's name.")
    if not is_pkcs12(pkcs12_data):
        raise SigningError(f"{source} is not a PKCS#12 key file (.p12 or .pfx).")
    key, certificate, _others = open_pkcs12(pkcs12_data, passphrase, source)
    public = serialization.PublicFormat.SubjectPublicKeyInfo
    if (key.public_key().public_bytes(serialization.Encoding.DER, public)
            != certificate.public_key().public_bytes(serialization.Encoding.DER, public)):
        raise SigningError(f"In {source} the private key does not belong to the certificate.")
    path = key_path(data_dir, name)
    if not replace and path.exists():
        raise SigningError(f"{name} already has a signing key; it was kept.")
    _write_private(path, pkcs12_data, certificate)
    return OfficerKey(name, path, fingerprint_of(certificate))


def import_officer_key_file(data_dir: Path, officer: str, source: Path, passphrase: str, *,
                            replace: bool = True) -> OfficerKey:
    """import_officer_key() on a .p12/.pfx file, read only if it is a small regular file."""
    from desktop.services.reading import FileTooLarge, NotARegularFile, read_small_file

    try:
        data = read_small_file(source, MAX_KEY_FILE_BYTES)
    except NotARegularFile:
        raise SigningError(f"{source.name} is not a key file: it is a device, pipe or folder."
                           ) from None
    except FileTooLarge as large:
        raise SigningError(f"{source.name} is {large.size / 1e6:.1f} MB, too large for a key file "
                           "(is this the right file?).") from None
    except OSError as error:
        raise SigningError(f"{source.name} cannot be read ({error.strerror or error}).") from None
    return import_officer_key(data_dir, officer, data, passphrase, source=source.name,
                              replace=replace)


def is_pkcs12(data: bytes) -> bool:
    """Whether the bytes parse as a PKCS#12 (PFX v3) structure, before any passphrase is tried:
    so a wrong file and a wrong passphrase get different messages."""
    from asn1crypto import pkcs12 as asn1_pkcs12

    try:
        pfx = asn1_pkcs12.Pfx.load(data, strict=True)
        return bool(pfx["version"].native == "v3" and pfx["auth_safe"]["content_type"].native
                    in ("data", "signed_data"))
    except (ValueError, TypeError, KeyError):
        return False


def has_key(data_dir: Path, officer: str) -> bool:
    return key_path(data_dir, officer).is_file()


SELF_SIGNED_NOTE = ("Signed with a self-signed key: no office certificate authority vouches for "
                    "the signer, so the signer's identity is not established (anyone can make a "
                    "key in any name); 'waypoint memo verify' says so.")


def signer_note(data_dir: Path, officer: str) -> str:
    """What the memo says of the key that will sign it: self-signed, or who issued it."""
    from cryptography import x509

    try:
        certificate = x509.load_pem_x509_certificate(
            certificate_path(data_dir, officer).read_bytes())
    except FileNotFoundError:
        if has_key(data_dir, officer):
            return ("Signed with a key whose issuer this computer does not record; "
                    "'waypoint memo verify' says whether the signer's identity is established.")
        return SELF_SIGNED_NOTE  # a self-signed key is made on first use
    except ValueError:
        return SELF_SIGNED_NOTE
    if certificate.issuer == certificate.subject:
        return SELF_SIGNED_NOTE
    return (f"Signed with a certificate issued by {certificate.issuer.rfc4514_string()}; "
            "'waypoint memo verify' checks it against the office's registry of officers.")


def fingerprint_of(certificate: Any) -> str:
    from cryptography.hazmat.primitives import serialization

    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def open_pkcs12(data: bytes, passphrase: str, what: str) -> tuple[Any, Any, list[Any]]:
    """The key, certificate and other certificates of a PKCS#12; `what` names it in messages."""
    from cryptography.hazmat.primitives.serialization import pkcs12

    try:
        key, certificate, others = pkcs12.load_key_and_certificates(
            data, _passphrase_bytes(passphrase))
    except ValueError:
        raise SigningError(f"The passphrase does not open {what}: check it and try again."
                           ) from None
    if key is None or certificate is None:
        raise SigningError(f"{what} holds no private key with its certificate.")
    return key, certificate, list(others)


def load_signer(data_dir: Path, officer: str, passphrase: str) -> Any:
    """The officer's pyHanko signer, opened with the passphrase."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives import serialization
    from pyhanko.keys import load_private_key_from_pemder_data
    from pyhanko.sign.signers import SimpleSigner
    from pyhanko_certvalidator.registry import SimpleCertificateStore

    path = key_path(data_dir, officer)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise SigningError(f"{officer.strip()} has no signing key yet.") from None
    key, certificate, others = open_pkcs12(data, passphrase, f"{officer.strip()}'s signing key")
    der = certificate.public_bytes(serialization.Encoding.DER)
    signing_key = load_private_key_from_pemder_data(
        key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                          serialization.NoEncryption()), passphrase=None)
    chain = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER))
             for c in others]
    return SimpleSigner(signing_cert=asn1_x509.Certificate.load(der), signing_key=signing_key,
                        cert_registry=SimpleCertificateStore.from_certs(  # type: ignore[no-untyped-call]  # pyhanko-certvalidator is untyped here
                            chain))


def sign_pdf(pdf: bytes, signer: Any, *, field_name: str = OFFICER_FIELD,
             reason: str = "Finalized determination memo", name: str | None = None) -> bytes:
    """Add a PAdES signature over the whole document as an incremental update."""
    try:
        return _sign(pdf, signer, field_name, reason, name, RESERVED_BYTES)
    except SigningError:
        # a long organisation certificate chain may not fit: let pyHanko size the room itself
        return _sign(pdf, signer, field_name, reason, name, None)


def _pdf17_writer(pdf: bytes) -> Any:
    """An incremental writer that keeps the file at PDF 1.7, which PDF/A-3 is based on.

    pyHanko marks a file signed with an ECDSA key (the officers' P-256 keys) as PDF 2.0 with
    the ISO 32002 extension; PAdES signatures with ECDSA are PDF 1.7 with the ESIC extension,
    which pyHanko registers too, so only the 2.0 marks are left out.
    """
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    class Pdf17Writer(IncrementalPdfFileWriter):
        def ensure_output_version(self, version: tuple[int, int]) -> None:
            super().ensure_output_version(min(version, (1, 7)))  # type: ignore[no-untyped-call]  # pyHanko leaves it untyped

        def register_extension(self, ext: Any) -> None:
            if str(ext.base_version).lstrip("/") < "2":
                super().register_extension(ext)

    return Pdf17Writer(io.BytesIO(pdf), strict=False)


def _sign(pdf: bytes, signer: Any, field_name: str, reason: str, name: str | None,
          reserved: int | None) -> bytes:
    from pyhanko.sign import fields, signers

    # a tagged memo rendered without its field gets it, tagged, before anything is signed
    pdf = with_signature_field(pdf, BY_NAME.get(field_name)
                               or SignatureField(field_name, "Digital signature"))
    try:
        writer = _pdf17_writer(pdf)
        meta = signers.PdfSignatureMetadata(
            field_name=field_name, reason=reason, name=name,
            subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256")
        output = signers.sign_pdf(writer, meta, signer=signer, bytes_reserved=reserved)
    except Exception as problem:  # pyHanko raises many kinds; all mean 'not signed'
        raise SigningError(f"The memo could not be signed: {problem}") from problem
    return bytes(output.getvalue())


def sign_final_memo(pdf: bytes, data_dir: Path, officer: str, passphrase: str) -> bytes:
    """The final memo signed by the finalizing officer."""
    return sign_pdf(pdf, load_signer(data_dir, officer, passphrase), field_name=OFFICER_FIELD,
                    reason="Finalized determination memo", name=officer.strip())


def sign_as_officer(pdf: bytes, data_dir: Path, officer: str,
                    passphrase: str) -> tuple[bytes, bool]:
    """Sign the final memo as the officer, making the officer's key on first use.

    Returns the signed PDF and whether a key was made.
    """
    made = not has_key(data_dir, officer)
    if made:
        create_officer_key(data_dir, officer, passphrase)
    return sign_final_memo(pdf, data_dir, officer, passphrase), made


def prove_officer(data_dir: Path, officer: str, passphrase: str) -> bool:
    """The officer's key opens with this passphrase (made on first use, as finalizing does):
    an amendment is started by the holder of the key, not just a typed name. SigningError
    when it does not open; returns whether a key was made."""
    if not has_key(data_dir, officer):
        create_officer_key(data_dir, officer, passphrase)
        return True
    load_signer(data_dir, officer, passphrase)
    return False


def countersign(pdf: bytes, data_dir: Path, reviewer: str, passphrase: str) -> bytes:
    """A reviewer's counter-signature: a second signature on the signed memo."""
    return sign_pdf(pdf, load_signer(data_dir, reviewer, passphrase), field_name=REVIEWER_FIELD,
                    reason="Reviewed determination memo", name=reviewer.strip())
