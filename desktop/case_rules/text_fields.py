"""The text rule applied to a whole case file: every text value and key, wherever it sits.

One walk for every way a case enters (a file, a bundle, the CLI, the form): all text is
single-line except the notes (a key named `notes` or ending in `_notes`), so a field added
later (a place, an authority) is covered without being listed here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from desktop.case_rules.text import normalise_text, text_problem, visible_text

MAX_DEPTH = 12  # a case file nests 5 deep (journey/claims/...); far more is not a case file


def is_multiline_key(key: object) -> bool:
    """Whether the value under this key is free text with line breaks (the notes)."""
    return isinstance(key, str) and (key == "notes" or key.endswith("_notes"))


def normalised_case(value: Any, key: object = None) -> Any:
    """A copy of the parsed case with every text in NFC (notes: CR LF -> LF)."""
    if isinstance(value, str):
        return normalise_text(value, multiline=is_multiline_key(key))
    if isinstance(value, dict):
        result = type(value)()
        result.update({normalise_text(k) if isinstance(k, str) else k: normalised_case(v, k)
                       for k, v in value.items()})
        for name, attribute in getattr(value, "__dict__", {}).items():  # e.g. a repeated-key marker
            setattr(result, name, attribute)
        return result
    if isinstance(value, list):
        return [normalised_case(item, key) for item in value]
    return value


def text_field_problems(data: object) -> Iterator[tuple[str, str]]:
    """(JSON pointer, message) for each text value or key that breaks the text rule."""
    yield from _walk(data, [], None, 0)


def _walk(value: object, path: list[str | int], key: object, depth: int
          ) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        problem = text_problem(value, multiline=is_multiline_key(key))
        if problem is not None:
            yield pointer(path), str(problem)
        return
    if depth >= MAX_DEPTH and isinstance(value, dict | list) and value:
        yield pointer(path), f"nested more than {MAX_DEPTH} levels deep; not a case file"
        return
    if isinstance(value, dict):
        for child_key, child in value.items():
            if isinstance(child_key, str) and (found := text_problem(child_key)) is not None:
                yield pointer([*path, child_key]), f"the key {found}"
                continue
            yield from _walk(child, [*path, child_key], child_key, depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _walk(item, [*path, index], key, depth + 1)


def pointer(parts: list[str | int]) -> str:
    """A JSON pointer (RFC 6901) to the part, for a message: a key's controls spelt out."""
    return "".join("/" + visible_text(str(p)).replace("~", "~0").replace("/", "~1")
                   for p in parts)
