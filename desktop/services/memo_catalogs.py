"""Which catalog words a memo: light, so `waypoint evaluate --language` needs no renderer.

desktop.services.memo_rendering (ReportLab, pikepdf: ~200 ms to import) re-exports both names.
"""

from __future__ import annotations

from desktop.text_catalogs import NoCatalog, TextCatalog, language_tag, text_catalog

MEMO_LANGUAGES = ("en", "es")  # the catalogs that word the whole memo (the others: the sheet)


def memo_catalog(language: str | None) -> TextCatalog:
    """The catalog a memo is worded in; NoCatalog (naming en and es) for any other language."""
    tag = language_tag(language or "en")
    if tag not in MEMO_LANGUAGES:
        raise NoCatalog(language or "", MEMO_LANGUAGES)
    return text_catalog(tag)
