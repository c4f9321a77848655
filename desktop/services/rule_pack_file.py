"""The signed rule-pack file (*.wprules): build, read and verify (see docs/rule-pack-format.md)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.case_rules import canonical_json as canonical_text
from desktop.engine import RulePack, parse_pack
from desktop.resources import resource_path
from desktop.services.rules import pack_hash, read_pack_files

FILE_FORMAT = "waypoint-rulepack/1"
SIGNATURE_CONTEXT = b"waypoint-rulepack/1 digest:"


def canonical_bytes(value: Any) -> bytes:
    """The canonical JSON of a value as UTF-8 bytes (what is signed and written)."""
    return canonical_text(value).encode("utf-8")
SUPPORTED_SCHEMA = 1  # the newest rule-data schema ("waypoint-rules/N" in pack.json) we read
MAX_FILE_BYTES = 50_000_000
# Extra folders of trusted public keys, set only by code that embeds Waypoint (the tests'
# own key, the benchmarks): the shipped app trusts resources/keys alone, and nothing is read
# from the environment.
_extra_key_folders: list[Path] = []
SCHEMA_PATTERN = re.compile(r"^waypoint-rules/([0-9]+)$")


class RulePackRefused(ValueError):
    """A rule-pack file that must not be used; str() is one line for the user."""


@dataclass(frozen=True)
class TrustedKey:
    """A public key the app accepts pack signatures from."""

    key_id: str
    signer: str
    public_key: bytes  # raw Ed25519, 32 bytes


@dataclass(frozen=True)
class VerifiedPack:
    """A rule-pack file whose signature, schema and content hash were checked."""

    pack_hash: str
    version: str
    law_known_through: str | None
    changelog: str
    schema_version: int
    signer: str
    key_id: str
    files: dict[str, Any]
    raw: bytes  # the file exactly as signed, kept on install


def key_id_of(public_key: bytes) -> str:
    """A short id of a raw Ed25519 public key: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(public_key).hexdigest()[:16]


def law_known_through(pack: RulePack) -> str | None:
    """The date (YYYY-MM-DD) through which `pack`'s law is known; None when it does not say.

    The one reading: the engine parses pack.json's date into the pack; the memo, the CLI, the
    status bar, Review and the pack list all ask this of the pack they use (never of a file).
    """
    known = pack.law_known_through
    return known.isoformat() if known is not None else None


def schema_version_of(files: dict[str, Any]) -> int:
    """The N of pack.json's "format": "waypoint-rules/N"."""
    found = SCHEMA_PATTERN.match(str(files.get("pack.json", {}).get("format", "")))
    if found is None:
        raise RulePackRefused("pack.json has no \"format\": \"waypoint-rules/N\"")
    return int(found.group(1))


def _read_key_file(path: Path) -> TrustedKey:
    data = json.loads(path.read_text(encoding="utf-8"))
    public = bytes.fromhex(str(data["public_key"]))
    if len(public) != 32 or key_id_of(public) != data["key_id"]:
        raise ValueError(f"{path}: public_key and key_id do not match")
    return TrustedKey(str(data["key_id"]), str(data["signer"]), public)


def trust_key_folders(*folders: Path) -> None:
    """Also trust the keys in `folders` from now on in this process (none: the shipped only)."""
    _extra_key_folders[:] = list(folders)


def trusted_keys() -> dict[str, TrustedKey]:
    """The shipped keys (resources/keys/*.json), plus any folder given to trust_key_folders."""
    folders = [resource_path("keys"), *_extra_key_folders]
    keys: dict[str, TrustedKey] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            key = _read_key_file(path)
            keys[key.key_id] = key
    return keys


def digest_of(document: dict[str, Any]) -> bytes:
    """SHA-256 of the canonical JSON of format and manifest (whose pack_hash binds the files).

    Small on purpose: verifying then serialises the large files only once more (pack_hash),
    and each serialisation holds the interpreter lock (the window must not stall).
    """
    return hashlib.sha256(canonical_bytes(
        {k: document[k] for k in ("format", "manifest")})).digest()


def build_pack_file(folder: Path, private_key_pem: bytes, changelog: str, signer: str,
                    now: datetime | None = None) -> bytes:
    """The signed *.wprules bytes for the rule pack in `folder`."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    if not changelog.strip():
        raise RulePackRefused("a rule pack needs a changelog in words (--changelog)")
    files = read_pack_files(folder)
    schema = schema_version_of(files)
    content_hash = pack_hash(files)
    try:
        parsed = parse_pack(files, content_hash)
    except (KeyError, ValueError, TypeError) as problem:
        raise RulePackRefused(f"the rule pack in {folder} is incomplete: {problem!r}") from None
    key = serialization.load_pem_private_key(private_key_pem, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise RulePackRefused("the signing key is not an Ed25519 private key")
    public = key.public_key().public_bytes(serialization.Encoding.Raw,
                                           serialization.PublicFormat.Raw)
    manifest = {
        "pack_hash": content_hash,
        "version": str(files["pack.json"].get("version", "")),
        "law_known_through": law_known_through(parsed),
        "changelog": changelog.strip(),
        "schema_version": schema,
        "built_at": (now or datetime.now(UTC)).isoformat(timespec="seconds"),
        "built_with": f"waypoint {__version__}",
    }
    document: dict[str, Any] = {"format": FILE_FORMAT, "manifest": manifest, "files": files}
    signature = key.sign(SIGNATURE_CONTEXT + digest_of(document))
    document["signature"] = {"algorithm": "ed25519", "key_id": key_id_of(public),
                             "signer": signer, "value": signature.hex()}
    return canonical_bytes(document) + b"\n"


def verify_pack_bytes(raw: bytes, source: str = "the rule pack",
                      trusted: dict[str, TrustedKey] | None = None) -> VerifiedPack:
    """Check a *.wprules file completely; raise RulePackRefused (one line) if it fails.

    `trusted`: the keys to accept (default: trusted_keys() of this process; a parent hands
    its own to a child process, which has not been told of any extra folder).
    """
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    document = _parse(raw, source)
    signature = document.get("signature")
    if not isinstance(signature, dict) or not signature.get("value"):
        raise RulePackRefused(f"{source} is not signed; only signed rule packs are installed")
    key = (trusted_keys() if trusted is None else trusted).get(str(signature.get("key_id")))
    if key is None:
        raise RulePackRefused(f"{source} is signed by a key this app does not trust "
                              f"(key id {signature.get('key_id')!s:.20})")
    value = str(signature["value"])
    try:
        signature_bytes = bytes.fromhex(value)
    except ValueError:
        signature_bytes = b""
    if signature.get("algorithm") != "ed25519" or signature_bytes.hex() != value:
        raise RulePackRefused(f"{source}: the signature is malformed")
    try:
        Ed25519PublicKey.from_public_bytes(key.public_key).verify(
            signature_bytes, SIGNATURE_CONTEXT + digest_of(document))
    except InvalidSignature:
        raise RulePackRefused(f"{source} was altered after it was signed (the signature "
                              "does not match its content)") from None
    return _checked_content(document, key, raw, source)


def _parse(raw: bytes, source: str) -> dict[str, Any]:
    if len(raw) > MAX_FILE_BYTES:
        raise RulePackRefused(f"{source} is too large to be a rule pack")
    try:
        document = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RulePackRefused(f"{source} is not a rule-pack file (not JSON), or it was "
                              "damaged") from None
    if not isinstance(document, dict) or document.get("format") != FILE_FORMAT:
        raise RulePackRefused(f"{source} is not a rule-pack file ({FILE_FORMAT})")
    if not isinstance(document.get("manifest"), dict) or not isinstance(
            document.get("files"), dict):
        raise RulePackRefused(f"{source}: the manifest or the files are missing")
    # The file is exactly the canonical form it was signed in: any other byte is a change.
    if canonical_bytes(document) + b"\n" != raw:
        raise RulePackRefused(f"{source} was altered after it was signed (it is not in its "
                              "signed form)")
    return document


def _checked_content(document: dict[str, Any], key: TrustedKey, raw: bytes,
                     source: str) -> VerifiedPack:
    manifest, files = document["manifest"], document["files"]
    content_hash = pack_hash(files)
    if manifest.get("pack_hash") != content_hash:
        raise RulePackRefused(f"{source} was altered after it was signed (its rule files do "
                              "not match the signed pack_hash)")
    schema = schema_version_of(files)
    if schema > SUPPORTED_SCHEMA or manifest.get("schema_version") != schema:
        raise RulePackRefused(f"{source} needs rule schema {manifest.get('schema_version')}; "
                              f"this version of Waypoint reads up to {SUPPORTED_SCHEMA} "
                              "(update Waypoint first)")
    try:
        pack = parse_pack(files, content_hash)
    except (KeyError, ValueError, TypeError) as problem:
        raise RulePackRefused(f"{source}: the rule data is incomplete ({problem!r:.80})") from None
    return VerifiedPack(
        pack_hash=content_hash, version=pack.version,
        law_known_through=law_known_through(pack),
        changelog=str(manifest.get("changelog", "")), schema_version=schema,
        signer=key.signer, key_id=key.key_id, files=files, raw=raw)


def unverified_files(raw: bytes) -> dict[str, Any]:
    """The pack files of a *.wprules file already installed (its folder name is its hash)."""
    document = json.loads(raw.decode("utf-8"))
    files: dict[str, Any] = document["files"]
    return files
