"""Field paths into a case-file dict: `journey[2].protection_claims[0].kind` and JSON pointers."""

from __future__ import annotations

import re
from typing import Any

PathPart = str | int
FieldPath = tuple[PathPart, ...]

_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> FieldPath:
    """Split a dotted fact path (`journey[2].arrived`) into its keys and indexes."""
    parts: list[PathPart] = []
    for match in _TOKEN.finditer(text):
        key, index = match.groups()
        parts.append(int(index) if index is not None else key)
    return tuple(parts)


def format_path(path: FieldPath) -> str:
    """Join keys and indexes back into a dotted fact path."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def pointer_to_path(pointer: str) -> FieldPath:
    """Turn a JSON pointer (`/journey/2/arrived`) into a field path."""
    if not pointer or pointer == "/":
        return ()
    parts: list[PathPart] = []
    for raw in pointer.lstrip("/").split("/"):
        token = raw.replace("~1", "/").replace("~0", "~")
        parts.append(int(token) if token.isdigit() else token)
    return tuple(parts)


def path_to_pointer(path: FieldPath) -> str:
    """Turn a field path into a JSON pointer."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in path)


def as_path(path_or_text: FieldPath | str) -> FieldPath:
    """Accept a path tuple, a dotted path or a JSON pointer."""
    if isinstance(path_or_text, tuple):
        return path_or_text
    if path_or_text.startswith("/"):
        return pointer_to_path(path_or_text)
    return parse_path(path_or_text)


def get_value(data: Any, path: FieldPath | str, default: Any = None) -> Any:
    """The value at a path, or `default` where any part of the path is missing."""
    current = data
    for part in as_path(path):
        if isinstance(part, int):
            if not isinstance(current, list) or not 0 <= part < len(current):
                return default
            current = current[part]
        else:
            if not isinstance(current, dict) or part not in current:
                return default
            current = current[part]
    return current


def set_value(data: dict[str, Any], path: FieldPath | str, value: Any) -> None:
    """Set the value at a path, creating the objects on the way (list items must exist)."""
    parts = as_path(path)
    if not parts:
        raise ValueError("an empty path cannot be set")
    current: Any = data
    for part, following in zip(parts, parts[1:], strict=False):
        if isinstance(part, int):
            current = current[part]
        else:
            if not isinstance(current.get(part), dict | list):
                current[part] = [] if isinstance(following, int) else {}
            current = current[part]
    last = parts[-1]
    current[last] = value


def is_within(path: FieldPath, prefix: FieldPath) -> bool:
    """True when `path` is `prefix` or lies below it."""
    return path[: len(prefix)] == prefix
