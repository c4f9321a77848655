"""The window's translation: `translate(context, text)` through Qt's catalogs (.qm).

Every user-visible string of desktop/ui goes through `translate` with its source text as a
literal, so `pyside6-lupdate` finds it (it reads calls named `translate` and
`QT_TRANSLATE_NOOP`). Placeholders are filled after translation with str.format; plurals
pass n (the catalog holds one form per plural of the language, `%n` is the number).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """`text` in the window's language (itself when no catalog holds it).

    With n (a plural), `%n` is the number; the English source writes its plural as "(s)",
    which reads "" for one and "s" for any other number when no catalog translated it.
    """
    result = QCoreApplication.translate(context, text, disambiguation, n)
    if n >= 0 and "(s)" in result:
        result = result.replace("(s)", "" if n == 1 else "s")
    return result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate reads)
    """Marks `text` for the catalog where it is defined (a module constant); it is
    translated where it is shown, with translate(context, constant)."""
    return text
