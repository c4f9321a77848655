"""The Unicode text a content stream's text-showing operators draw, read back through each
font's /ToUnicode map (ReportLab writes one for every subset font, one byte per glyph code).

The tagger uses it to give each marked span its language; tests use it to check the tags."""

from __future__ import annotations

import re
from typing import Any

import pikepdf

_BFCHAR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_BFRANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_SECTION = re.compile(rb"begin(bfchar|bfrange)(.*?)end\1", re.S)


def _utf16(hex_digits: bytes) -> str:
    return bytes.fromhex(hex_digits.decode()).decode("utf-16-be", errors="replace")


def to_unicode_map(font: Any) -> dict[int, str]:
    """Glyph code -> text for one font (empty when it has no /ToUnicode)."""
    stream = font.get("/ToUnicode") if font is not None else None
    if not isinstance(stream, pikepdf.Stream):
        return {}
    found: dict[int, str] = {}
    for kind, body in _SECTION.findall(stream.read_bytes()):
        if kind == b"bfchar":
            for code, text in _BFCHAR.findall(body):
                found[int(code, 16)] = _utf16(text)
        else:
            for low, high, start in _BFRANGE.findall(body):
                first = int(start, 16)
                for offset, code in enumerate(range(int(low, 16), int(high, 16) + 1)):
                    found[code] = chr(first + offset)
    return {code: text for code, text in found.items() if text != "\x00"}


class FontMaps:
    """The /ToUnicode maps of a resources dictionary's fonts, read once each."""

    def __init__(self, resources: Any) -> None:
        self._fonts = (resources or {}).get("/Font") or {}
        self._maps: dict[str, dict[int, str]] = {}
        self._tables: dict[str, dict[int, str | None]] = {}

    def _map(self, font_key: str) -> dict[int, str]:
        if font_key not in self._maps:
            self._maps[font_key] = to_unicode_map(self._fonts.get(font_key))
            # one-byte codes as str.translate wants them: unmapped codes show nothing
            self._tables[font_key] = {code: self._maps[font_key].get(code)
                                      for code in range(256)}
        return self._maps[font_key]

    def decode(self, font_key: str, data: bytes) -> str:
        self._map(font_key)
        return data.decode("latin-1").translate(self._tables[font_key])

    def code_of(self, font_key: str, text: str) -> int | None:
        """The one-byte code that shows `text` in this font, if the font has one."""
        return next((code for code, shown in self._map(font_key).items()
                     if shown == text and code < 256), None)


def shown_text(maps: FontMaps, font_key: str, instruction: Any) -> str:
    """The text one Tj, TJ, ' or \" operator shows in the font `font_key` ('' otherwise)."""
    name, operands = str(instruction.operator), instruction.operands
    if name in ("Tj", "'") and operands:
        return maps.decode(font_key, bytes(operands[-1]))
    if name == '"' and operands:
        return maps.decode(font_key, bytes(operands[-1]))
    if name == "TJ" and operands:
        return "".join(maps.decode(font_key, bytes(item)) for item in operands[0]
                       if isinstance(item, pikepdf.String))
    return ""
