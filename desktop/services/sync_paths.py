"""Field paths of a case file: flatten it into leaves, diff two versions, apply changes.

A path is a JSON Pointer (RFC 6901) into the case file's objects; a list (the journey, the
nationalities) is one leaf, changed as a whole, so two people's edits to different stops of
a journey are one field changed on both sides (a conflict), never an index-shifted mix. A
leaf's value travels as a one-item list, `[value]`, and an absent field as `[]` (so `null`
and "not there" stay apart). Pure: no I/O.
"""

from __future__ import annotations

import copy
from typing import Any

Leaf = list[Any]  # [] absent, [value] present
ABSENT: Leaf = []


def _escape(key: str) -> str:
    return key.replace("~", "~0").replace("/", "~1")


def _unescape(part: str) -> str:
    return part.replace("~1", "/").replace("~0", "~")


def split(path: str) -> list[str]:
    """The keys of a path ('' is the whole document, which is never a field)."""
    if not path.startswith("/"):
        raise ValueError(f"a field path starts with '/': {path!r}")
    return [_unescape(part) for part in path[1:].split("/")]


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Every leaf: path -> value (an empty object is a leaf too)."""
    leaves: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}/{_escape(str(key))}"
        if isinstance(value, dict) and value:
            leaves.update(flatten(value, path))
        else:
            leaves[path] = value
    return leaves


def leaf(leaves: dict[str, Any], path: str) -> Leaf:
    return [leaves[path]] if path in leaves else []


def changed_paths(before: dict[str, Any], after: dict[str, Any]) -> dict[str, tuple[Leaf, Leaf]]:
    """path -> (old, new) for every leaf that differs, in path order."""
    old, new = flatten(before), flatten(after)
    return {path: (leaf(old, path), leaf(new, path))
            for path in sorted(set(old) | set(new))
            if leaf(old, path) != leaf(new, path)}


def _remove(data: dict[str, Any], keys: list[str]) -> None:
    node: Any = data
    for key in keys[:-1]:
        if not isinstance(node, dict) or key not in node:
            return
        node = node[key]
    if isinstance(node, dict):
        node.pop(keys[-1], None)


def _set(data: dict[str, Any], keys: list[str], value: Any) -> None:
    node = data
    for key in keys[:-1]:
        child = node.get(key)
        if not isinstance(child, dict):
            child = node[key] = {}
        node = child
    node[keys[-1]] = copy.deepcopy(value)


def apply_changes(data: dict[str, Any], changes: dict[str, Leaf]) -> dict[str, Any]:
    """A copy of data with each path set to its new leaf: removals first (deepest first),
    then values (shallowest first), so an object replaced by a value, or the reverse, lands."""
    result = copy.deepcopy(data)
    removals = sorted((path for path, new in changes.items() if not new),
                      key=lambda path: -len(split(path)))
    for path in removals:
        _remove(result, split(path))
    _prune_empty_parents(result, data)
    for path in sorted((path for path, new in changes.items() if new),
                       key=lambda path: len(split(path))):
        _set(result, split(path), changes[path][0])
    return result


def _prune_empty_parents(result: dict[str, Any], original: dict[str, Any]) -> None:
    """Objects emptied by removals go too, unless they were empty objects already."""
    for key in list(result):
        value = result[key]
        if isinstance(value, dict):
            before = original.get(key) if isinstance(original, dict) else None
            _prune_empty_parents(value, before if isinstance(before, dict) else {})
            if not value and not (isinstance(before, dict) and not before):
                del result[key]
