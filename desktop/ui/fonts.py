"""Registers the bundled fonts so Latin with accents, Vietnamese, Arabic and Chinese all render."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtGui import QFontDatabase, QGuiApplication

from desktop.resources import resource_path

log = logging.getLogger(__name__)

# Tried in this order after the platform's own UI font, for characters it lacks.
FALLBACK_FILES = (
    "DejaVuSans.ttf",
    "NotoNaskhArabic-Regular.ttf",
    "DroidSansFallbackFull.ttf",
)
EXTRA_FILES = ("DejaVuSans-Bold.ttf", "NotoNaskhArabic-Bold.ttf")


def _add_font(path: Path) -> list[str]:
    if not path.is_file():
        log.warning("Bundled font missing: %s", path)
        return []
    font_id = QFontDatabase.addApplicationFont(str(path))
    if font_id < 0:
        log.warning("Qt refused the bundled font %s", path)
        return []
    return list(QFontDatabase.applicationFontFamilies(font_id))


def register_bundled_fonts(fonts_dir: Path | None = None) -> list[str]:
    """Add the bundled fonts and make them the application font's fallbacks; return the families.

    Call after the QGuiApplication exists. The platform UI font stays first, so the window
    looks native; the bundled families only fill in scripts it cannot draw.
    """
    folder = fonts_dir or resource_path("fonts")
    fallbacks: list[str] = []
    for name in FALLBACK_FILES:
        for family in _add_font(folder / name):
            if family not in fallbacks:
                fallbacks.append(family)
    for name in EXTRA_FILES:
        _add_font(folder / name)
    font = QGuiApplication.font()
    families = [font.family(), *(f for f in fallbacks if f != font.family())]
    font.setFamilies(families)
    QGuiApplication.setFont(font)
    return fallbacks
