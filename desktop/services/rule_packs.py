"""Installed rule packs in the data folder: install, list, activate, roll back, load by hash."""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from db.private_files import replace_private_bytes
from desktop.engine import RulePack, parse_pack
from desktop.services.rule_pack_file import (
    RulePackRefused,
    TrustedKey,
    VerifiedPack,
    law_known_through,
    unverified_files,
    verify_pack_bytes,
)
from desktop.services.rules import (
    RulePackError,
    bundled_pack_files,
    bundled_rule_pack,
    pack_hash,
)

PACK_FILE = "pack.wprules"
INFO_FILE = "installed.json"
STATE_FILE = "state.json"
BUILT_IN_SIGNER = "built in"


@dataclass(frozen=True)
class PackInfo:
    """One rule pack the app can use: the built-in one or one installed from a file."""

    pack_hash: str
    version: str
    law_known_through: str | None
    signer: str
    changelog: str
    installed_at: str | None
    built_in: bool
    active: bool = False


def version_key(version: str) -> tuple[tuple[int, str], ...]:
    """Orders versions like 2026.11.27 < 2026.12.3 (numbers as numbers)."""
    return tuple((int(part), "") if part.isdigit() else (-1, part)
                 for part in re.split(r"[.\-+]", version))


def bundled_files() -> dict[str, Any]:
    """The built-in pack's files (pack.json and the files it lists)."""
    return bundled_pack_files()


def bundled_info() -> PackInfo:
    pack = bundled_rule_pack()
    return PackInfo(pack.hash, pack.version, law_known_through(pack),
                    BUILT_IN_SIGNER, "The rule pack shipped with this version of Waypoint.",
                    None, True)


class PackStore:
    """<data>/rules/<hash>/pack.wprules for every pack ever installed, and state.json.

    state.json holds the active hash and the history of activations (for rollback). The
    built-in pack is never copied: it is always available by its hash.
    """

    def __init__(self, data_dir: Path) -> None:
        self.root = data_dir / "rules"

    # --- reading -----------------------------------------------------------------------------

    def _state(self) -> dict[str, Any]:
        try:
            state = json.loads((self.root / STATE_FILE).read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"active": None, "history": []}
        except (OSError, ValueError) as problem:
            raise RulePackError(f"{self.root / STATE_FILE} cannot be read: {problem}") from None
        return state if isinstance(state, dict) else {"active": None, "history": []}

    def active_hash(self) -> str:
        """The hash of the pack in use: the last activated one, else the built-in one."""
        active = self._state().get("active")
        if isinstance(active, str) and (self.root / active / PACK_FILE).is_file():
            return active
        return bundled_rule_pack().hash

    def installed(self) -> list[PackInfo]:
        """The built-in pack and every installed pack, oldest version first."""
        active = self.active_hash()
        found = [bundled_info()]
        for folder in sorted(self.root.iterdir()) if self.root.is_dir() else []:
            info_file = folder / INFO_FILE
            if folder.name.startswith(".") or not info_file.is_file():
                continue
            try:
                info = json.loads(info_file.read_text(encoding="utf-8"))
                found.append(PackInfo(folder.name, str(info["version"]),
                                      info.get("law_known_through"), str(info["signer"]),
                                      str(info.get("changelog", "")), info.get("installed_at"),
                                      False))
            except (OSError, ValueError, KeyError, TypeError):  # listed, never hidden
                found.append(PackInfo(folder.name, "?", None, f"({INFO_FILE} unreadable)", "",
                                      None, False))
        found.sort(key=lambda p: (version_key(p.version), p.installed_at or ""))
        return [replace(p, active=p.pack_hash == active) for p in found]

    def resolve(self, hash_or_prefix: str) -> str:
        """The full hash of a known pack from its hash or a unique prefix (8+ characters)."""
        wanted = hash_or_prefix.strip().lower()
        matches = [p.pack_hash for p in self.installed() if p.pack_hash.startswith(wanted)]
        if len(wanted) < 8 or len(matches) != 1:
            raise RulePackRefused(f"no single installed rule pack has the hash {hash_or_prefix!r}"
                                  " (see `waypoint rules list`)")
        return matches[0]

    def files(self, full_hash: str) -> dict[str, Any]:
        """The data files of a known pack, checked against its hash."""
        if full_hash == bundled_rule_pack().hash:
            return bundled_files()
        try:
            files = unverified_files((self.root / full_hash / PACK_FILE).read_bytes())
        except (OSError, ValueError, KeyError) as problem:
            raise RulePackError(f"rule pack {full_hash[:12]} cannot be read: {problem}") from None
        if pack_hash(files) != full_hash:
            raise RulePackError(f"rule pack {full_hash[:12]} in {self.root} was changed on disk")
        return files

    def load(self, hash_or_prefix: str | None = None) -> RulePack:
        """A pack by hash (or unique prefix); the active pack when None."""
        full = self.active_hash() if hash_or_prefix is None else self.resolve(hash_or_prefix)
        return _parsed(full, self)

    def info(self, full_hash: str) -> PackInfo:
        for pack in self.installed():
            if pack.pack_hash == full_hash:
                return pack
        raise RulePackRefused(f"no installed rule pack has the hash {full_hash[:12]}")

    # --- changing ----------------------------------------------------------------------------

    def check_installable(self, pack: VerifiedPack) -> None:
        """Refuse a pack older than the active one (or the same version with other content)."""
        active = self.info(self.active_hash())
        if pack.pack_hash == active.pack_hash:
            return
        if version_key(pack.version) < version_key(active.version):
            raise RulePackRefused(f"rule pack {pack.version} is older than the active pack "
                                  f"{active.version}; to go back, use `waypoint rules rollback`"
                                  " or `waypoint rules activate HASH`")
        if pack.version == active.version:
            raise RulePackRefused(f"rule pack {pack.version} has the same version as the "
                                  "active pack but different content; refusing it")

    def install(self, pack: VerifiedPack, *, activate: bool = True,
                now: datetime | None = None) -> bool:
        """Keep the file under its hash (atomically) and make it active; False if already there."""
        self.check_installable(pack)
        target = self.root / pack.pack_hash
        fresh = not (target / PACK_FILE).is_file() and pack.pack_hash != bundled_rule_pack().hash
        if fresh:
            self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
            staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=self.root))
            try:
                (staging / PACK_FILE).write_bytes(pack.raw)
                info = {"version": pack.version, "law_known_through": pack.law_known_through,
                        "signer": pack.signer, "key_id": pack.key_id,
                        "changelog": pack.changelog, "schema_version": pack.schema_version,
                        "installed_at": (now or datetime.now(UTC)).isoformat(timespec="seconds")}
                (staging / INFO_FILE).write_text(json.dumps(info, indent=1), encoding="utf-8")
                for written in staging.iterdir():
                    written.chmod(0o600)
                if target.exists():  # a half-installed folder from an interrupted install
                    shutil.rmtree(target)
                os.replace(staging, target)
            except BaseException:
                shutil.rmtree(staging, ignore_errors=True)
                raise
        if activate:
            self.activate(pack.pack_hash)
        return fresh

    def activate(self, hash_or_prefix: str) -> PackInfo:
        """Make a known pack the one used by default; remembered for rollback."""
        full = self.resolve(hash_or_prefix)
        _parsed(full, self)  # refuse a pack that does not load before making it active
        state = self._state()
        history = [h for h in state.get("history", []) if isinstance(h, str)]
        if not history:
            history = [bundled_rule_pack().hash]
        if history[-1] != full:
            history.append(full)
        self._write_state({"active": full, "history": history})
        return self.info(full)

    def rollback(self) -> PackInfo:
        """Go back to the pack that was active before the current one."""
        state = self._state()
        history = [h for h in state.get("history", []) if isinstance(h, str)]
        if len(history) < 2:
            raise RulePackRefused("there is no earlier rule pack to roll back to")
        history.pop()
        self._write_state({"active": history[-1], "history": history})
        return self.info(history[-1])

    def _write_state(self, state: dict[str, Any]) -> None:
        self.root.mkdir(mode=0o700, parents=True, exist_ok=True)
        replace_private_bytes(self.root / STATE_FILE, json.dumps(state, indent=1).encode("utf-8"))


_parsed_packs: dict[str, RulePack] = {}


def stored_files(data_dir: Path, full_hash: str) -> dict[str, Any]:
    """A known pack's files (picklable with functools.partial: impact workers read it)."""
    return PackStore(data_dir).files(full_hash)


def verified_files(raw: bytes, trusted: dict[str, TrustedKey] | None = None) -> dict[str, Any]:
    """The files of a *.wprules file, verified again where they are used (a worker, given
    the parent's trusted keys)."""
    return verify_pack_bytes(raw, trusted=trusted).files


def _parsed(full_hash: str, store: PackStore) -> RulePack:
    if full_hash == bundled_rule_pack().hash:
        return bundled_rule_pack()
    if full_hash not in _parsed_packs:
        _parsed_packs[full_hash] = parse_pack(store.files(full_hash), full_hash)
    return _parsed_packs[full_hash]


# --- the pack a caller names: from a data folder's store, or built in (no module global) ----

def store_of(data_dir: Path | None) -> PackStore | None:
    """The pack store of a data folder (None: only the built-in pack)."""
    return None if data_dir is None else PackStore(data_dir)


def active_pack(store: PackStore | None) -> RulePack:
    """The store's active pack, else the built-in one."""
    return bundled_rule_pack() if store is None else store.load()


def pack_by_hash(store: PackStore | None, hash_or_prefix: str) -> RulePack:
    """A pack by its hash (or unique prefix), e.g. the one a stored determination names."""
    if store is None:
        if bundled_rule_pack().hash.startswith(hash_or_prefix.lower()) and len(
                hash_or_prefix) >= 8:
            return bundled_rule_pack()
        raise RulePackRefused(f"no rule pack has the hash {hash_or_prefix!r}")
    return store.load(hash_or_prefix)


def pack_info(store: PackStore | None) -> dict[str, str | None]:
    """Version, hash and law_known_through of the store's active pack (status bar, Review)."""
    info = bundled_info() if store is None else store.info(store.active_hash())
    return {"version": info.version, "hash": info.pack_hash,
            "law_known_through": info.law_known_through, "signer": info.signer}


def law_currency_warning(decision_date: date, law_known_through: str | None) -> str | None:
    """A warning when the decision date is after the last day the pack's law is known for."""
    if law_known_through is None:
        return ("The rule pack does not say through which date its law is known; check for "
                "changes in the law before relying on it.")
    if decision_date.isoformat() > law_known_through:
        return (f"The decision date {decision_date.isoformat()} is after the date the rule "
                f"pack's law is known through ({law_known_through}); the law may have changed "
                "since. Check for a newer rule pack.")
    return None
