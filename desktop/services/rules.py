"""Loads the rule pack from resources/rules (file I/O here; the engine gets parsed data)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.case_rules import content_hash
from desktop.resources import resource_path

if TYPE_CHECKING:  # the engine loads on first parse: hashing a pack needs none of it
    from desktop.engine import RulePack


class RulePackError(RuntimeError):
    """The rule pack is missing, unreadable or incomplete."""


def read_pack_files(folder: Path) -> dict[str, Any]:
    """Parse pack.json and every file it lists; raise RulePackError on any problem."""
    try:
        manifest = json.loads((folder / "pack.json").read_text(encoding="utf-8"))
        files: dict[str, Any] = {"pack.json": manifest}
        for name in manifest["files"]:
            files[name] = json.loads((folder / name).read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError, TypeError) as problem:
        raise RulePackError(f"rule pack in {folder} cannot be read: {problem}") from problem
    return files


def pack_hash(files: dict[str, Any]) -> str:
    """SHA-256 of the canonical JSON of all pack files, keyed by file name."""
    return content_hash(files)


def load_rule_pack(folder: Path | None = None) -> RulePack:
    """Read, hash and parse a rule pack (the bundled one when `folder` is None)."""
    if folder is None:
        return bundled_rule_pack()
    from desktop.engine import parse_pack

    files = read_pack_files(folder)
    try:
        return parse_pack(files, pack_hash(files))
    except (KeyError, ValueError, TypeError) as problem:
        raise RulePackError(f"rule pack in {folder} is incomplete: {problem!r}") from problem


@cache
def bundled_pack_files() -> dict[str, Any]:
    """The built-in pack's files (pack.json and the files it lists), read once per process."""
    return read_pack_files(resource_path("rules"))


@cache
def bundled_rule_pack() -> RulePack:
    """The rule pack shipped with Waypoint, loaded once per process (its files read once)."""
    from desktop.engine import parse_pack

    files = bundled_pack_files()
    try:
        return parse_pack(files, pack_hash(files))
    except (KeyError, ValueError, TypeError) as problem:
        raise RulePackError(f"rule pack in {resource_path('rules')} is incomplete: "
                            f"{problem!r}") from problem
