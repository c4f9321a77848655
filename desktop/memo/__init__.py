"""The determination memo: a case and its determination rendered as a PDF with ReportLab.

render_memo is loaded on first use: importing a pure part of the package (its text helpers,
desktop.memo.strip_words) must not load ReportLab and the fonts on the window's thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.memo.render import render_memo

__all__ = ["render_memo"]


def __getattr__(name: str) -> Any:
    if name == "render_memo":
        from desktop.memo.render import render_memo

        return render_memo
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
