"""The window's translation: `translate(context, text)` through Qt's catalogs (.qm).

Every user-visible string of desktop/ui goes through `translate` with its source text as a
literal, so `pyside6-lupdate` finds it (it reads calls named `translate` and
`QT_TRANSLATE_NOOP`). Placeholders are filled after translation with str.format; plurals
pass n (the catalog holds one form per plural of the language, `%n` is the number).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language (itself when no catalog holds it)."""
    return QCoreApplication.translate(context, text, disambiguation, n)
