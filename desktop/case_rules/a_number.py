"""The A-number rule: 8 or 9 digits, optionally after 'A', spaces and hyphens ignored."""

from __future__ import annotations

import re

_SEPARATORS = re.compile(r"[\s\-]+")
_DIGITS = re.compile(r"[0-9]{8,9}")

A_NUMBER_HINT = "8 or 9 digits, optionally after 'A', e.g. A-123-456-789"


def normalise_a_number(raw: object) -> str | None:
    """The nine-digit form ('A-12-345-678' -> '012345678'); None when it is not an A-number.

    Only spaces and hyphens may separate the digits, and one leading 'A' may precede them:
    'A#123456789' or '123.456.789' is refused (by the form, the import and the database
    alike) rather than guessed at.
    """
    if not isinstance(raw, str):
        return None
    text = _SEPARATORS.sub("", raw)
    if text[:1] in ("A", "a"):
        text = text[1:]
    if not _DIGITS.fullmatch(text):
        return None
    return text.zfill(9)
