"""The quick check of a memo's signatures, each over a revision of the file (no pyHanko needed).

A final memo carries one signature whose byte range covers every byte of the file but the
signature itself; a counter-signed memo adds a second one, as an incremental update, over the
whole file again. When the newest signature covers the whole file, nothing can have been added or
changed after it without breaking its digest, and checking each digest and signature value is the
whole check (as pyHanko's validator does it, without its start-up cost). Anything else (a partial
last byte range, an unusual algorithm or layout) is left to pyHanko.
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


def _public_key(certificate: Any) -> Any:
    """The certificate's EC or RSA public key, built from its numbers (no X.509 parser to load)."""
    from cryptography.hazmat.primitives.asymmetric import ec, rsa

    info = certificate.public_key
    if info.algorithm == "ec":
        curve = {"secp256r1": ec.SECP256R1(), "secp384r1": ec.SECP384R1(),
                 "secp521r1": ec.SECP521R1()}.get(str(info.curve[1]))
        return None if curve is None else ec.EllipticCurvePublicKey.from_encoded_point(
            curve, info["public_key"].native)
    if info.algorithm == "rsa":
        numbers = info["public_key"].parsed
        return rsa.RSAPublicNumbers(numbers["public_exponent"].native,
                                    numbers["modulus"].native).public_key()
    return None


def _signature_value_matches(certificate: Any, signer: Any, digest_name: str) -> bool | None:
    """Whether the signer's signature verifies; None for an algorithm left to pyHanko."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

    algorithm = _hash(digest_name)
    try:
        public_key = _public_key(certificate)
    except (ValueError, TypeError, KeyError):
        return None
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


def check_signatures(pdf: bytes) -> list[dict[str, Any]] | None:
    """The check of every signature, oldest first, or None when pyHanko must decide.

    Each signature's byte range starts the file and ends where its revision ends; the newest
    ends with the file. Each answer holds: intact, valid, certificate (asn1crypto), signed_at,
    field_name.
    """
    ranges = [tuple(int(n) for n in found) for found in _BYTE_RANGE.findall(pdf)]
    if not ranges:
        return None
    ends = [second + length for _, _, second, length in ranges]
    if ends != sorted(set(ends)) or pdf[ends[-1]:].strip():
        return None  # out of order, or something added after the newest signature
    names = [name.decode() for name in _FIELD_NAME.findall(pdf)]
    checks = []
    for index, byte_range in enumerate(ranges):
        found = _check_one(pdf, byte_range)
        if found is None:
            return None
        found["field_name"] = names[index] if len(names) == len(ranges) else \
            f"signature {index + 1}"
        checks.append(found)
    return checks


def _check_one(pdf: bytes, byte_range: tuple[int, ...]) -> dict[str, Any] | None:
    from asn1crypto import cms

    start, first, second, length = byte_range
    if start != 0 or not first < second <= second + length <= len(pdf):
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
    valid = _signature_value_matches(certificate, signer, digest_name)
    if valid is None:
        return None
    return {"intact": digest.digest() == recorded, "valid": valid, "certificate": certificate,
            "signed_at": _signing_time(pdf[second:second + 4096])
            or _signing_time(pdf[max(0, first - 4096):first])}


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
