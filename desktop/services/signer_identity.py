"""Who signed: a signature's certificate against the office's registry (db.signing_registry).

Three answers: `established` (a certificate the office registered for a person and role, issued
by an authority it trusts, within its validity dates and not revoked), `revoked` (the office
revoked it: the signature cannot vouch for anyone), or `not_established` (self-signed, issued by
an authority the office does not trust, not registered, outside its dates, or no registry to
ask). The authority is taken from the registry, never from the file: a chain embedded in a
memo only helps other readers (pdfsig) show it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from db.signing_registry import Authority, RegisteredCertificate, RegistrySnapshot

IdentityState = Literal["established", "not_established", "revoked"]


@dataclass(frozen=True)
class SignerIdentity:
    """What the registry says of one signature's certificate, in words."""

    state: IdentityState
    words: str
    person: str | None = None
    role: str | None = None


def _issued_by(certificate: Any, authority: Authority) -> bool:
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature

    try:
        issuer = x509.load_der_x509_certificate(authority.certificate_der)
        certificate.verify_directly_issued_by(issuer)
    except (ValueError, TypeError, InvalidSignature):  # another issuer, key type or signature
        return False
    return True


def _trusted_issuer(certificate: Any, registry: RegistrySnapshot) -> Authority | None:
    return next((one for one in registry.authorities.values() if _issued_by(certificate, one)),
                None)


def _registered(entry: RegisteredCertificate, authority: Authority,
                signed_at: datetime | None) -> SignerIdentity:
    if entry.revoked_at is not None:
        return SignerIdentity("revoked", (
            f"the certificate of {entry.person} was revoked by the office on "
            f"{entry.revoked_at:%d %b %Y} ({entry.revoked_reason or 'no reason given'}): it "
            "does not vouch for the signer"), entry.person, entry.role)
    if signed_at is not None and not entry.not_before <= signed_at <= entry.not_after:
        return SignerIdentity("not_established", (
            f"the registered certificate of {entry.person} was not in force at the signing "
            f"time (valid {entry.not_before:%d %b %Y} to {entry.not_after:%d %b %Y})"),
            entry.person, entry.role)
    return SignerIdentity("established", (
        f"{entry.person}, {entry.role}, with a certificate registered by the office and issued "
        f"by {authority.name}"), entry.person, entry.role)


def identify(certificate_der: bytes, fingerprint: str, signed_at: datetime | None,
             registry: RegistrySnapshot | None, *, self_signed: bool = False) -> SignerIdentity:
    """The identity behind a signature's certificate (DER, with its SHA-256 fingerprint);
    `self_signed` as the signature check found it (enough when there is no registry)."""
    if registry is None or not registry.authorities:
        return SignerIdentity("not_established", (
            "a self-signed key: no office vouches for the signer" if self_signed else
            "no office registry was consulted (no database in this data folder, it is "
            "encrypted and no passphrase was given, or it trusts no authority yet)"))
    from cryptography import x509

    try:
        certificate = x509.load_der_x509_certificate(certificate_der)
    except ValueError:
        return SignerIdentity("not_established", "the signer's certificate cannot be read")
    self_signed = certificate.issuer == certificate.subject
    authority = _trusted_issuer(certificate, registry)
    if authority is None:
        return SignerIdentity("not_established", (
            "a self-signed key: no office vouches for the signer" if self_signed else
            f"issued by {certificate.issuer.rfc4514_string()}, an authority this office does "
            "not trust"))
    entry = registry.certificates.get(fingerprint)
    if entry is None:
        return SignerIdentity("not_established", (
            f"issued by {authority.name}, but the certificate is not in the office's registry "
            "of officers"))
    return _registered(entry, authority, signed_at)


def why_not_a_review(certificate_pem: bytes | None, registry: RegistrySnapshot | None
                     ) -> str | None:
    """Why a counter-signature with this certificate (PEM) will not count as a supervisor's
    review, or None when it will."""
    import hashlib

    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    if certificate_pem is None:
        return "this computer does not record the reviewer's certificate"
    try:
        der = x509.load_pem_x509_certificate(certificate_pem).public_bytes(Encoding.DER)
    except ValueError:
        return "the reviewer's certificate cannot be read"
    identity = identify(der, hashlib.sha256(der).hexdigest(), None, registry)
    if identity.state != "established":
        return f"the reviewer's identity is not established ({identity.words})"
    if identity.role != "supervisor":
        return f"{identity.person} is registered as a {identity.role}, not a supervisor"
    return None
