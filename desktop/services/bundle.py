"""waypoint-bundle/1: a case file encrypted for leaving the laptop (scrypt + AES-256-GCM).

See docs/bundle-format.md. The envelope is JSON; the authenticated header (format, kdf and
cipher parameters) is the AES-GCM associated data, so none of it can be changed unnoticed.
"""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any

from db.private_files import replace_private_bytes

BUNDLE_FORMAT = "waypoint-bundle/1"
BUNDLE_SUFFIX = ".waypoint-bundle"
CASE_CONTENT = "application/json; waypoint-case/1"
# scrypt's cost is the key slots' (db.cipher.kdf_cost): ~0.5 s, and a bundle is opened rarely.
MAX_BUNDLE_BYTES = 64 * 1024 * 1024
ANCHOR_KEY = "audit_anchor"  # optional header field, authenticated like the rest


class BundleError(Exception):
    """The bundle cannot be read: wrong passphrase, damaged, or not a bundle (one line)."""


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _header_bytes(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _derive(passphrase: str, kdf: dict[str, Any]) -> bytes:
    import hashlib

    return hashlib.scrypt(passphrase.encode("utf-8"), salt=base64.b64decode(kdf["salt"]),
                          n=int(kdf["n"]), r=int(kdf["r"]), p=int(kdf["p"]),
                          maxmem=512 * 1024 * 1024, dklen=32)


def seal(case_data: dict[str, Any], passphrase: str, anchor: str | None = None,
         content: str = CASE_CONTENT) -> bytes:
    """The bundle bytes for one case file (or a waypoint-record/1 of a finalized case, with
    its `content`); anchor ("<entry>:<hash>", the audit chain's head) goes into the
    authenticated header, readable without the passphrase (db.anchor)."""
    plaintext = json.dumps(case_data, ensure_ascii=False).encode("utf-8")
    return seal_bytes(plaintext, passphrase, anchor, content)


def seal_bytes(plaintext: bytes, passphrase: str, anchor: str | None = None,
               content: str = CASE_CONTENT) -> bytes:
    """The bundle bytes around any content (a case file's JSON text, as seal() writes it)."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    from db.cipher import kdf_cost

    n, r, p = kdf_cost()
    header: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "kdf": {"name": "scrypt", "n": n, "r": r, "p": p, "salt": _b64(os.urandom(16))},
        "cipher": {"name": "AES-256-GCM", "nonce": _b64(os.urandom(12))},
        "content": content,
    }
    if anchor is not None:
        header[ANCHOR_KEY] = anchor
    key = _derive(passphrase, header["kdf"])
    sealed = AESGCM(key).encrypt(base64.b64decode(header["cipher"]["nonce"]), plaintext,
                                 _header_bytes(header))
    return (json.dumps({**header, "ciphertext": _b64(sealed)}, indent=1) + "\n").encode()


def is_bundle(path: Path) -> bool:
    """Whether a regular file starts like a bundle (a pipe or device is never opened here)."""
    try:
        if not path.is_file():
            return False
        with path.open("rb") as handle:
            start = handle.read(200)
    except OSError:
        return False
    return BUNDLE_FORMAT.encode() in start


def open_bundle(path: Path, passphrase: str) -> dict[str, Any]:
    """The case file inside the bundle; BundleError (one line) if it cannot be opened, CaseFileError
    if what is inside is not a sound case file."""
    return _case_inside(open_bundle_bytes(path, passphrase)[0])


def open_bundle_bytes(path: Path, passphrase: str) -> tuple[bytes, str]:
    """The decrypted bytes inside any bundle and its (authenticated) content type; BundleError
    (one line) if it cannot be opened. The caller reads what is inside."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        if path.stat().st_size > MAX_BUNDLE_BYTES:
            raise BundleError(f"{path} is too large for a bundle")
        envelope = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(envelope, dict) or envelope.get("format") != BUNDLE_FORMAT:
            raise BundleError(f"{path} is not a {BUNDLE_FORMAT} file")
        header = {k: envelope[k] for k in ("format", "kdf", "cipher", "content")}
        if ANCHOR_KEY in envelope:
            header[ANCHOR_KEY] = envelope[ANCHOR_KEY]
        if header["kdf"].get("name") != "scrypt" or header["cipher"].get("name") != "AES-256-GCM":
            raise BundleError(f"{path} uses a key derivation or cipher this Waypoint lacks")
        key = _derive(passphrase, header["kdf"])
        plaintext = AESGCM(key).decrypt(base64.b64decode(header["cipher"]["nonce"]),
                                        base64.b64decode(envelope["ciphertext"]),
                                        _header_bytes(header))
    except InvalidTag as error:
        raise BundleError(f"{path}: wrong passphrase, or the bundle was changed") from error
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError,
            MemoryError) as error:
        raise BundleError(f"{path} cannot be read as a bundle ({type(error).__name__})") from error
    return plaintext, str(header["content"])


def _case_inside(plaintext: bytes) -> dict[str, Any]:
    """The decrypted content, through the same hardened reader as a plain case file.

    Raises CaseFileError (naming the field) like a plain file would: decryption proves who
    wrote the bundle, not that what they wrote is sound.
    """
    from desktop.services.evaluation import MAX_CASE_FILE_BYTES, CaseFileError, parse_case_bytes

    if len(plaintext) > MAX_CASE_FILE_BYTES:
        raise CaseFileError("", f"the case inside is {len(plaintext) / 1e6:.0f} MB; a case file "
                                f"is at most {MAX_CASE_FILE_BYTES / 1e6:.0f} MB")
    data = parse_case_bytes(plaintext)
    if not isinstance(data, dict):
        raise CaseFileError("", "the case file must be a JSON object")
    return data


def write_bundle(case_data: dict[str, Any], target: Path, passphrase: str,
                 anchor: str | None = None, content: str = CASE_CONTENT) -> Path:
    """Write the bundle atomically, owner-only."""
    return replace_private_bytes(target, seal(case_data, passphrase, anchor, content))


def case_of(content: dict[str, Any]) -> dict[str, Any]:
    """The case file a bundle holds: itself (waypoint-case/1), or a record's "case"."""
    from desktop.services.case_record import is_record

    if is_record(content):
        case = content.get("case")
        if not isinstance(case, dict):
            raise BundleError("the bundle's record holds no case file")
        return case
    return content
