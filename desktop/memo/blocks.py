"""Building blocks of the memo's story: paragraphs of any script, tables that never overflow."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterable, Sequence
from contextvars import ContextVar
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.memo.fonts import FAMILIES, LATIN, is_plain_latin, markup, needs_shaping
from desktop.memo.styles import NOTICE_FILL, NOTICE_LINE, grid_table_style, shaped
from desktop.memo.tag_hints import list_item_hint, table_hints
from desktop.memo.text import normalized

CONTENT_WIDTH = 7 * inch
# A value longer than this is shortened in a table cell (the case file keeps it whole): a cell
# taller than a page cannot be laid out.
CELL_LIMIT = 1200
UNVERIFIED_MARK = "\u2020"  # dagger
# Rows are kept whole (a row split across pages is hard to read); a memo whose row is taller
# than a page is laid out again with rows allowed to split (render_memo sets this).
split_rows: ContextVar[bool] = ContextVar("split_rows", default=False)


class MemoParagraph(Paragraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Paragraph that breaks its lines once per width.

    Tables wrap each cell to size a row, again to split across pages and again to draw it; line
    breaking depends only on the width, so the repeats are answered from the first.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


class ListItemParagraph(MemoParagraph):
    """A numbered list item ("1. …"): draws as the paragraph it is, and tells the tagger."""

    def draw(self) -> None:
        list_item_hint(self.canv)
        super().draw()


def list_item(value: object, style: ParagraphStyle) -> Paragraph:
    """A paragraph of plain text (as text() makes it) that is an item of a numbered list."""
    return text(value, style, kind=ListItemParagraph)


_grid_serial = itertools.count()
_TEMPLATE_FRAGS: dict[str, Any] = {}
_TEMPLATE_LOCK = threading.Lock()  # memos render on worker threads


def capped(value: str, limit: int = CELL_LIMIT) -> str:
    """The value, shortened with a note when it is longer than limit characters."""
    if len(value) <= limit:
        return value
    return f"{value[:limit].rstrip()}\u2026 (shortened: {len(value)} characters in the case file)"


def _plain_paragraph(plain: str, style: ParagraphStyle,
                     kind: type[MemoParagraph] = MemoParagraph) -> Paragraph:
    """A paragraph of Latin-only text, built without running ReportLab's markup parser.

    Most cells of the memo are short plain strings; parsing each as markup was the largest
    single cost of a render. The text fragment is a copy of one parsed once per style.
    """
    with _TEMPLATE_LOCK:
        template = _TEMPLATE_FRAGS.get(style.name)
        if template is None:
            template = _TEMPLATE_FRAGS[style.name] = Paragraph("x", style).frags[0]
    return kind(plain, style, frags=[template.clone(text=plain)])


def text(value: object, style: ParagraphStyle, *, bold: bool = False,
         limit: int = CELL_LIMIT, kind: type[MemoParagraph] = MemoParagraph) -> Paragraph:
    """A paragraph of plain text, each script in its own font."""
    plain = capped(" ".join(normalized(value).split()), limit)
    if not bold and is_plain_latin(plain):
        return _plain_paragraph(plain, style, kind)
    return kind(markup(plain, bold=bold), shaped(style) if needs_shaping(plain) else style)


def labelled(label: str, value: object, style: ParagraphStyle) -> Paragraph:
    """'Label: value' with the label in bold."""
    plain = capped(normalized(value))
    body = f"<b>{escape(label)}</b> {markup(plain)}"
    return MemoParagraph(body, shaped(style) if needs_shaping(plain) else style)


def lines(value: str, style: ParagraphStyle, *, muted_from: int | None = None,
          muted: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph that keeps the value's line breaks."""
    plain = capped(normalized(value, multiline=True))
    parts = [markup(line) for line in plain.split("\n")]
    if muted_from is not None and muted is not None and muted_from < len(parts):
        tail = "<br/>".join(parts[muted_from:])
        size = muted.fontSize
        parts = parts[:muted_from] + [f'<font size="{size}" color="#555555">{tail}</font>']
    return MemoParagraph("<br/>".join(parts), shaped(style) if needs_shaping(plain) else style)


def grid(rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1,
         extra: Iterable[tuple[Any, ...]] = (),
         row_heights: Sequence[float | None] | None = None) -> Table:
    """A grid table (rows split across pages only when split_rows is set)."""
    table = Table(rows, colWidths=list(widths), rowHeights=row_heights, repeatRows=header_rows,
                  hAlign="LEFT", splitInRow=int(split_rows.get()),
                  renderCB=table_hints,  # tells the tagger its header rows, cells and spans
                  ident=f"grid-{next(_grid_serial)}")  # kept by the parts of a split table
    style = grid_table_style(header_rows=header_rows)
    for command in extra:
        style.add(*command)
    table.setStyle(style)
    return table


def boxed(paragraphs: list[Any], *, fill: Any = NOTICE_FILL, line: Any = NOTICE_LINE) -> Table:
    """Paragraphs in a shaded box across the page."""
    box = Table([[paragraph] for paragraph in paragraphs], colWidths=[CONTENT_WIDTH],
                splitInRow=int(split_rows.get()))
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILIES[LATIN].regular),
        ("BACKGROUND", (0, 0), (-1, -1), fill),
        ("BOX", (0, 0), (-1, -1), 0.8, line),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return box
