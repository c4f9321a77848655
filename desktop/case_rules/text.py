"""The text rule: which characters a name, a reference or the notes may hold (docs/text-fields.md).

Text is kept in NFC. A single-line field (names, relations, references, the port) refuses
every control character (NUL, ESC, BEL, CR, LF, DEL, C1), every bidirectional control
(embeddings, overrides, isolates, LRM/RLM/ALM) and every invisible format character (zero-width
space, word joiner, BOM, soft hyphen, tags): each can make one name look like another, or
carry a line such as "DECISION: DENIED" into another field of the memo. ZWNJ and ZWJ are kept
between two letters of a script that needs them (Persian, the Indic scripts), never beside
Latin letters. The notes are free text: line feeds and tabs are kept, CR LF becomes LF; the
directional marks LRM, RLM and ALM are allowed there (mixed right-to-left text needs them)
and shown visibly wherever the notes are printed.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# Bidirectional embeddings, overrides and isolates: they reorder what is shown.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")  # LRM, RLM, ALM
JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ
MULTI_LINE_KEPT = frozenset("\n\t")
LINE_SEPARATORS = frozenset("\u2028\u2029\x85")


@dataclass(frozen=True)
class TextProblem:
    """One refused character: where (1-based), which, and why, in words."""

    position: int
    character: str
    why: str

    def __str__(self) -> str:
        return (f"contains {code_point(self.character)} ({self.why}) at character "
                f"{self.position}; retype the text without it")


def code_point(character: str) -> str:
    """'U+202E RIGHT-TO-LEFT OVERRIDE' (or 'U+0000' where Unicode gives no name)."""
    name = unicodedata.name(character, "")
    return f"U+{ord(character):04X}" + (f" {name}" if name else "")


def normalise_text(text: str, *, multiline: bool = False) -> str:
    """NFC; in multi-line text CR LF and a lone CR become LF."""
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def text_problem(text: str, *, multiline: bool = False) -> TextProblem | None:
    """The first character `text` may not hold, or None (text is taken as already NFC)."""
    plain = text.replace("\n", "").replace("\t", "") if multiline else text
    if plain.isprintable():  # str.isprintable is False for every character refused below
        return None
    for index, character in enumerate(text):
        why = _why_refused(text, index, character, multiline)
        if why is not None:
            return TextProblem(index + 1, character, why)
    return None


def _why_refused(text: str, index: int, character: str, multiline: bool) -> str | None:
    if character.isprintable() and character not in LINE_SEPARATORS:
        return None  # the common case, fast: letters, digits, punctuation, spaces
    if multiline and (character in MULTI_LINE_KEPT or character in DIRECTION_MARKS):
        return None
    if character in BIDI_CONTROLS:
        return "a bidirectional override or isolate, which reorders the text shown"
    if character in DIRECTION_MARKS:
        return "an invisible direction mark"
    if character in "\r\n" or character in LINE_SEPARATORS:
        return "a line break, in a one-line field"
    if character in JOINERS:
        return None if _joins_letters(text, index) else "an invisible joiner between letters"
    category = unicodedata.category(character)
    if category == "Cc":
        return "a control character"
    if category == "Cf":
        return "an invisible formatting character"
    return None  # other non-printables (e.g. unassigned, private use) are shown as they are


def _joins_letters(text: str, index: int) -> bool:
    """ZWNJ/ZWJ between two non-Latin letters or marks (Persian, Devanagari), not beside Latin."""
    if index == 0 or index == len(text) - 1:
        return False
    return all(_script_letter(text[i]) for i in (index - 1, index + 1))


def _script_letter(character: str) -> bool:
    if not unicodedata.category(character).startswith(("L", "M")) or character.isascii():
        return False
    return not unicodedata.name(character, "LATIN").startswith(("LATIN", "GREEK", "CYRILLIC"))


def visible_text(text: str, *, multiline: bool = False) -> str:
    """The text with every character `text_problem` would refuse spelt out, e.g. '⟨U+202E⟩'.

    For the memo and the terminal: a stored value written before the rule (or a direction
    mark in the notes) is shown, never obeyed. Line feeds and tabs stay in multi-line text.
    """
    if text.isprintable():
        return text
    shown = []
    for index, character in enumerate(text):
        kept = _why_refused(text, index, character, multiline=False) is None or (
            multiline and character in MULTI_LINE_KEPT)
        shown.append(character if kept else f"⟨U+{ord(character):04X}⟩")
    return "".join(shown)
