"""The language one memo is rendered in: render_memo is handed a TextCatalog and sets it here
for the length of that render (a context variable, like blocks.split_rows), so the memo's
many small builders word their text through it without each taking one more argument.

Nothing else sets it, and it is reset when the render ends: there is no process-wide locale.
Outside a render the catalog is English, the source text, and every message is itself.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from desktop.text_catalogs import SOURCE_LANGUAGE, TextCatalog, text_catalog

_active: ContextVar[TextCatalog | None] = ContextVar("memo_language", default=None)


def active() -> TextCatalog:
    """The catalog of the memo being rendered (English outside a render)."""
    return _active.get() or text_catalog(SOURCE_LANGUAGE)


def english() -> bool:
    return active().language == SOURCE_LANGUAGE


@contextmanager
def rendering_in(catalog: TextCatalog | None) -> Iterator[TextCatalog]:
    """Render in `catalog` (None: English) inside the block."""
    token = _active.set(catalog)
    try:
        yield active()
    finally:
        _active.reset(token)


def _(message: str) -> str:
    """The message in the memo's language."""
    return active().translation.gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The plural form of the message for `count` in the memo's language."""
    return active().translation.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    return active().translation.pgettext(context, message)


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is shown."""
    return message
