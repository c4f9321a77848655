"""An office's certificate authority and the officer keys it issues into the registry.

`create_office_ca` makes the authority (an ECDSA P-256 key and a self-signed CA certificate,
kept encrypted in `<data>/office-ca/office-ca.p12`) and trusts it in the database;
`import_office_ca` takes an existing one (a PKCS#12 with its key, to issue; or a certificate
alone, to trust). `issue_officer_key` gives a person a PKCS#12 signed by the authority, which
also carries the authority's certificate (so every signature embeds the chain `pdfsig` shows),
installs it as the person's signing key here and registers its fingerprint with the role.
`revoke_officer_keys` marks the person's certificates revoked. cryptography is imported inside
the functions (start-up time).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.private_files import make_private_dir, replace_private_bytes
from db.signing_registry import Authority, RegisteredCertificate, RegistryError, SigningRegistry
from desktop.services.signing import (
    OfficerKey,
    SigningError,
    fingerprint_of,
    import_officer_key,
    is_pkcs12,
    open_pkcs12,
)

if TYPE_CHECKING:
    from db.database import Database

CA_FOLDER = "office-ca"
CA_FILE = "office-ca.p12"
CA_YEARS = 20
OFFICER_KEY_YEARS = 3
ROLES = ("caseworker", "supervisor")


@dataclass(frozen=True)
class IssuedKey:
    """An officer's key issued by the office: where it was installed, and what was registered."""

    key: OfficerKey
    registered: RegisteredCertificate
    pkcs12: bytes


def ca_path(data_dir: Path) -> Path:
    return Path(data_dir) / CA_FOLDER / CA_FILE


def _write_ca(data_dir: Path, data: bytes) -> Path:
    path = ca_path(data_dir)
    make_private_dir(path.parent, tighten=True)
    replace_private_bytes(path, data, durable=True)
    return path


def _common_name(certificate: Any) -> str:
    from cryptography.x509.oid import NameOID

    found = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    return str(found[0].value) if found else certificate.subject.rfc4514_string()


def _authority(certificate: Any, now: datetime) -> Authority:
    from cryptography.hazmat.primitives import serialization

    return Authority(fingerprint_of(certificate), _common_name(certificate)[:200],
                     certificate.public_bytes(serialization.Encoding.DER), now)


def create_office_ca(data_dir: Path, database: Database, office: str, passphrase: str, *,
                     actor: str | None = None, now: datetime | None = None) -> Authority:
    """Make the office's certificate authority and trust it; refused if one exists here."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    name = office.strip()
    if not name:
        raise SigningError("The certificate authority needs the office's name (--name).")
    if not passphrase:
        raise SigningError("A passphrase is needed to protect the authority's key.")
    if ca_path(data_dir).exists():
        raise SigningError(f"This data folder already holds an office authority "
                           f"({ca_path(data_dir)}); it was kept.")
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, f"{name} signing authority"),
                         x509.NameAttribute(NameOID.ORGANIZATION_NAME, name)])
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(moment - timedelta(days=1))
        .not_valid_after(moment + timedelta(days=365 * CA_YEARS))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=False, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()),
                       critical=False)
        .sign(key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")))
    authority = _authority(certificate, moment)
    SigningRegistry(database).trust_authority(authority, actor=actor)
    _write_ca(data_dir, data)
    return authority


def _is_ca(certificate: Any) -> bool:
    from cryptography import x509

    try:
        return bool(certificate.extensions.get_extension_for_class(x509.BasicConstraints).value.ca)
    except x509.ExtensionNotFound:
        return False


def import_office_ca(data_dir: Path, database: Database, data: bytes, passphrase: str | None,
                     *, source: str, actor: str | None = None,
                     now: datetime | None = None) -> tuple[Authority, bool]:
    """Trust an existing authority: a PKCS#12 with its key (kept here, to issue keys) or its
    certificate alone (PEM or DER: trusted only). Returns it and whether its key was kept."""
    from cryptography import x509

    moment = (now or datetime.now(UTC)).astimezone(UTC)
    if is_pkcs12(data):
        _key, certificate, _others = open_pkcs12(data, passphrase or "", source)
    else:
        try:
            certificate = (x509.load_pem_x509_certificate(data) if b"-----BEGIN" in data
                           else x509.load_der_x509_certificate(data))
        except ValueError:
            raise SigningError(f"{source} is neither a PKCS#12 nor a certificate (PEM or DER)."
                               ) from None
    if not _is_ca(certificate):
        raise SigningError(f"{source} is not a certificate authority (its certificate may not "
                           "issue others).")
    authority = _authority(certificate, moment)
    keeps_key = is_pkcs12(data)
    if keeps_key and ca_path(data_dir).exists():
        raise SigningError(f"This data folder already holds an office authority "
                           f"({ca_path(data_dir)}); it was kept.")
    SigningRegistry(database).trust_authority(authority, actor=actor)
    if keeps_key:
        _write_ca(data_dir, data)
    return authority, keeps_key


def _load_ca(data_dir: Path, passphrase: str) -> tuple[Any, Any]:
    try:
        data = ca_path(data_dir).read_bytes()
    except FileNotFoundError:
        raise SigningError("This data folder holds no office authority: create one "
                           "(waypoint admin office-ca create) or import one with its key."
                           ) from None
    key, certificate, _others = open_pkcs12(data, passphrase, "the office authority's key")
    return key, certificate


def issue_officer_key(data_dir: Path, database: Database, person: str, role: str, *,
                      ca_passphrase: str, key_passphrase: str, actor: str | None = None,
                      now: datetime | None = None) -> IssuedKey:
    """A key for the person, certified by the office authority, installed and registered."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import NameOID

    name = person.strip()
    if not name:
        raise SigningError("A key is issued to a person: give their name.")
    if role not in ROLES:
        raise SigningError(f"The role is caseworker or supervisor, not {role!r}.")
    if not key_passphrase:
        raise SigningError("A passphrase is needed to protect the officer's key.")
    roles = SigningRegistry(database).office_roles_of(name)
    if roles and role not in roles:
        raise SigningError(f"{name} is a {' and '.join(sorted(roles))} among the office's "
                           f"people, not a {role}: the key's role must match.")
    ca_key, ca_certificate = _load_ca(data_dir, ca_passphrase)
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([
        x509.NameAttribute(NameOID.COMMON_NAME, name),
        x509.NameAttribute(NameOID.ORGANIZATION_NAME, _common_name(ca_certificate)[:64]),
        x509.NameAttribute(NameOID.TITLE, role)])
    not_before, not_after = moment - timedelta(minutes=5), moment + timedelta(
        days=365 * OFFICER_KEY_YEARS)
    certificate = (
        x509.CertificateBuilder().subject_name(subject).issuer_name(ca_certificate.subject)
        .public_key(key.public_key()).serial_number(x509.random_serial_number())
        .not_valid_before(not_before).not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(
            ca_key.public_key()), critical=False)
        .sign(ca_key, hashes.SHA256()))
    data = pkcs12.serialize_key_and_certificates(
        name.encode("utf-8"), key, certificate, [ca_certificate],
        serialization.BestAvailableEncryption(key_passphrase.encode("utf-8")))
    registered = RegisteredCertificate(
        fingerprint=fingerprint_of(certificate), person=name, role=role,
        issuer_fingerprint=fingerprint_of(ca_certificate), not_before=not_before,
        not_after=not_after, registered_at=moment, revoked_at=None, revoked_reason=None)
    try:
        SigningRegistry(database).register(registered, actor=actor)
    except RegistryError as problem:
        raise SigningError(f"{problem} Trust it first (waypoint admin office-ca import).") \
            from None
    installed = import_officer_key(data_dir, name, data, key_passphrase, source="the issued key")
    return IssuedKey(installed, registered, data)


def revoke_officer_keys(database: Database, person: str, *, reason: str,
                        fingerprint: str | None = None, actor: str | None = None,
                        now: datetime | None = None) -> list[str]:
    """Revoke the person's certificates in force (or the one named); their fingerprints."""
    if not reason.strip():
        raise SigningError("Say why the key is revoked (--reason).")
    try:
        return SigningRegistry(database).revoke(
            person.strip(), fingerprint=fingerprint, reason=reason.strip(),
            now=(now or datetime.now(UTC)).astimezone(UTC), actor=actor)
    except RegistryError as problem:
        raise SigningError(str(problem)) from None
