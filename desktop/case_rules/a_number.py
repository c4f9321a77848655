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


def display_a_number(raw: object) -> str | None:
    """How an A-number is shown everywhere (form, list, memo, CLI): 'A-012-345-678'.

    Eight digits are shown zero-padded to nine, the form the database stores; None when
    `raw` is not an A-number at all (the caller decides what to show instead).
    """
    digits = normalise_a_number(raw)
    if digits is None:
        return None
    return f"A-{digits[:3]}-{digits[3:6]}-{digits[6:]}"


def shown_a_number(raw: object, missing: str = "") -> str:
    """`display_a_number`, or the text as given when it is not an A-number, or `missing`."""
    if raw is None or raw == "":
        return missing
    return display_a_number(raw) or str(raw)
