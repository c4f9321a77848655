"""The quick check of a PDF with one signature over the whole file (no pyHanko import needed).

A memo as finalized carries exactly one signature whose byte range covers every byte of the file
but the signature itself: then nothing can have been added or changed without breaking its
digest, and checking the digest and the signature value is the whole check. Anything else (a
counter-signature, a partial byte range, an unusual algorithm) is left to pyHanko's validator.
"""

from __future__ import annotations

import hashlib
import re
from datetime import UTC, datetime
from typing import Any

_BYTE_RANGE = re.compile(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")
_LITERAL = rb"\(((?:[^()\\]|\\.)*)\)"  # a PDF literal string without nested brackets
_SIGNING_TIME = re.compile(rb"/M\s*" + _LITERAL)
_KEYWORDS = re.compile(rb"/Keywords\s*" + _LITERAL)
_ESCAPE = re.compile(rb"\\([0-7]{1,3}|.)", re.DOTALL)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}
_TIME = re.compile(r"D:(\d{14})(Z|[+-]\d{2}'?\d{2})?")


def _literal(raw: bytes) -> str:
    """A PDF literal string's text: escapes (\\072, \\(, \\n …) resolved."""
    def resolve(match: re.Match[bytes]) -> bytes:
        code = match.group(1)
        if code[:1].isdigit():
            return bytes([int(code, 8) & 0xFF])
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(resolve, raw).decode("latin-1")
_FIELD_NAME = re.compile(rb"/T\s*\(([A-Za-z0-9 _-]{1,64})\)")


def last_keywords(pdf: bytes) -> str:
    """The Keywords of the newest document information in the file ('' when there are none)."""
    found = _KEYWORDS.findall(pdf)
    return _literal(found[-1]) if found else ""


def _hash(name: str) -> Any:
    from cryptography.hazmat.primitives import hashes

    return {"sha256": hashes.SHA256(), "sha384": hashes.SHA384(),
            "sha512": hashes.SHA512()}.get(name)


def _signature_value_matches(certificate: Any, signer: Any, digest_name: str) -> bool | None:
    """Whether the signer's signature verifies; None for an algorithm left to pyHanko."""
    from cryptography import x509
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    algorithm = _hash(digest_name)
    public_key = x509.load_der_x509_certificate(certificate.dump()).public_key()
    mechanism = signer["signature_algorithm"].signature_algo
    signed_attributes = signer["signed_attrs"].untag().dump()
    value = signer["signature"].native
    try:
        if mechanism == "ecdsa" and isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(value, signed_attributes, ec.ECDSA(algorithm))
        elif mechanism == "rsassa_pkcs1v15" and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(value, signed_attributes, padding.PKCS1v15(), algorithm)
        else:
            return None
    except InvalidSignature:
        return False
    return True


def check_single_signature(pdf: bytes) -> dict[str, Any] | None:
    """The check of a file signed once over all of it, or None when pyHanko must decide.

    The answer holds: intact, valid, certificate (asn1crypto), signed_at, field_name.
    """
    from asn1crypto import cms

    ranges = _BYTE_RANGE.findall(pdf)
    if len(ranges) != 1:
        return None
    start, first, second, length = (int(n) for n in ranges[0])
    if start != 0 or not first < second <= len(pdf) or pdf[second + length:].strip():
        return None
    contents = pdf[first:second].strip()
    if not (contents.startswith(b"<") and contents.endswith(b">")):
        return None
    try:
        container = cms.ContentInfo.load(bytes.fromhex(contents[1:-1].decode("ascii")))
        signed_data = container["content"]
        signers = signed_data["signer_infos"]
        if len(signers) != 1:
            return None
        signer = signers[0]
        serial = signer["sid"].chosen["serial_number"].native
        certificate = next(c.chosen for c in signed_data["certificates"]
                           if c.name == "certificate" and c.chosen.serial_number == serial)
        digest_name = signer["digest_algorithm"]["algorithm"].native
        recorded = next(a["values"][0].native for a in signer["signed_attrs"]
                        if a["type"].native == "message_digest")
    except (ValueError, KeyError, TypeError, StopIteration, UnicodeDecodeError):
        return None
    if _hash(digest_name) is None:
        return None
    digest = hashlib.new(digest_name, pdf[start:start + first] + pdf[second:second + length])
    intact = digest.digest() == recorded
    valid = _signature_value_matches(certificate, signer, digest_name)
    if valid is None:
        return None
    names = _FIELD_NAME.findall(pdf)
    return {
        "intact": intact, "valid": valid, "certificate": certificate,
        "signed_at": _signing_time(pdf[max(0, first - 4096):second + 4096]),
        "field_name": names[-1].decode() if names else "signature",
    }


def _signing_time(window: bytes) -> datetime | None:
    """The /M time of the signature dictionary (display only)."""
    literal = _SIGNING_TIME.search(window)
    found = _TIME.match(_literal(literal.group(1))) if literal else None
    if not found:
        return None
    moment = datetime.strptime(found.group(1), "%Y%m%d%H%M%S")
    zone = (found.group(2) or "Z").replace("'", "")
    if zone == "Z":
        return moment.replace(tzinfo=UTC)
    return datetime.strptime(f"{moment:%Y%m%d%H%M%S}{zone}", "%Y%m%d%H%M%S%z").astimezone(UTC)
