"""Registers the bundled fonts once per process and picks a font for each run of text by script."""

from __future__ import annotations

import re
import threading
import unicodedata
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.resources import resource_path

LATIN = "latin"  # also Cyrillic, Greek, Vietnamese and the symbols DejaVu Sans covers
ARABIC = "arabic"
CJK = "cjk"


@dataclass(frozen=True)
class FontFamily:
    """The registered names of one family: regular and bold."""

    regular: str
    bold: str


# ReportLab font name -> file in resources/fonts. Droid Sans Fallback has no bold face.
FONT_FILES = {
    "WaypointSans": "DejaVuSans.ttf",
    "WaypointSans-Bold": "DejaVuSans-Bold.ttf",
    "WaypointArabic": "NotoNaskhArabic-Regular.ttf",
    "WaypointArabic-Bold": "NotoNaskhArabic-Bold.ttf",
    "WaypointCJK": "DroidSansFallbackFull.ttf",
}
FAMILIES = {
    LATIN: FontFamily("WaypointSans", "WaypointSans-Bold"),
    ARABIC: FontFamily("WaypointArabic", "WaypointArabic-Bold"),
    CJK: FontFamily("WaypointCJK", "WaypointCJK"),
}
# The PDF base font names each script's glyphs are drawn with (for checks on the output).
EMBEDDED_NAMES = {LATIN: "DejaVuSans", ARABIC: "NotoNaskhArabic", CJK: "DroidSansFallback"}

# Every character script_of() sends to a non-Latin font; text without any is one Latin run.
_NON_LATIN = re.compile(
    "[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff"
    "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")

_registered = False
_lock = threading.Lock()


def register_fonts() -> None:
    """Register the bundled fonts with ReportLab; later calls return at once."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, filename in FONT_FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
        for family in FAMILIES.values():
            # <b> in paragraph markup switches to the family's bold face
            addMapping(family.regular, 0, 0, family.regular)
            addMapping(family.regular, 1, 0, family.bold)
            addMapping(family.regular, 0, 1, family.regular)
            addMapping(family.regular, 1, 1, family.bold)
            addMapping(family.bold, 0, 0, family.bold)
            addMapping(family.bold, 1, 0, family.bold)
        _registered = True


def script_of(char: str) -> str | None:
    """The script a character needs a font for, or None for spaces and common punctuation."""
    code = ord(char)
    if (0x0600 <= code <= 0x06FF or 0x0750 <= code <= 0x077F or 0x08A0 <= code <= 0x08FF
            or 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFF):
        return ARABIC
    if (0x2E80 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF or 0xF900 <= code <= 0xFAFF
            or 0xFF00 <= code <= 0xFFEF or 0x20000 <= code <= 0x3FFFF):
        return CJK
    category = unicodedata.category(char)
    if category[0] in "ZP" or category == "Cf":
        return None
    return LATIN


def script_runs(text: str) -> list[tuple[str, str]]:
    """Split text into (script, run) pairs.

    Spaces and punctuation between two letters of the same script stay in that script's run,
    so a multi-word Arabic name is shaped (and laid out right to left) as one run.
    """
    if not _NON_LATIN.search(text):
        return [(LATIN, text)] if text else []
    scripts = [script_of(char) for char in text]
    resolved: list[str] = []
    for index, script in enumerate(scripts):
        if script is None:
            before = next((s for s in reversed(scripts[:index]) if s is not None), None)
            after = next((s for s in scripts[index + 1:] if s is not None), None)
            script = before if before is not None and before == after else LATIN
        resolved.append(script)
    runs: list[tuple[str, str]] = []
    for char, script in zip(text, resolved, strict=True):
        if runs and runs[-1][0] == script:
            runs[-1] = (script, runs[-1][1] + char)
        else:
            runs.append((script, char))
    return runs


def is_plain_latin(text: str) -> bool:
    """True when the whole text is drawn with the Latin font (no Arabic, no CJK)."""
    return _NON_LATIN.search(text) is None


def needs_shaping(text: str) -> bool:
    """True when the text holds Arabic, which must be shaped and laid out right to left."""
    return _ARABIC.search(text) is not None


def markup(text: str, *, bold: bool = False) -> str:
    """Paragraph markup for plain text: XML-escaped, each non-Latin run in its script's font."""
    parts = []
    shaping = needs_shaping(text)
    previous = ""
    for script, run in script_runs(text):
        if shaping and previous and not previous[-1].isspace() and not run[0].isspace():
            # ReportLab shapes a whole word with the font of its first run, so a word that mixes
            # scripts loses glyphs; a space makes two words of it (a zero-width one is not split).
            parts.append(" ")
        previous = run
        escaped = escape(run)
        if script == LATIN:
            parts.append(escaped)
        else:
            family = FAMILIES[script]
            parts.append(f'<font name="{family.bold if bold else family.regular}">{escaped}</font>')
    joined = "".join(parts)
    return f"<b>{joined}</b>" if bold else joined
