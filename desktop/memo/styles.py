"""Paragraph and table styles of the memo."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import TableStyle

from desktop.memo.fonts import FAMILIES, LATIN, register_fonts

INK = colors.HexColor("#1a1a1a")
MUTED = colors.HexColor("#555555")
RULE_LINE = colors.HexColor("#9a9a9a")
HEADER_FILL = colors.HexColor("#e6e9ee")
NOTICE_FILL = colors.HexColor("#fff6db")
NOTICE_LINE = colors.HexColor("#c9a227")
OUTCOME_FILLS = {
    "applies": colors.HexColor("#f6dcdc"),
    "exception": colors.HexColor("#dcefdc"),
    "not_applicable": colors.HexColor("#e9e9e9"),
    "not_in_force": colors.HexColor("#dde7f4"),
    "needs_information": colors.HexColor("#fbeccd"),
}


@dataclass(frozen=True)
class MemoStyles:
    """Every paragraph style the story uses."""

    title: ParagraphStyle
    subtitle: ParagraphStyle
    heading: ParagraphStyle
    table_heading: ParagraphStyle
    subheading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_header: ParagraphStyle
    notice: ParagraphStyle
    outcome: ParagraphStyle


@cache
def memo_styles() -> MemoStyles:
    """The memo's styles (fonts are registered first)."""
    register_fonts()
    regular = FAMILIES[LATIN].regular
    bold = FAMILIES[LATIN].bold
    body = ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=12.5, textColor=INK,
                          spaceAfter=4)
    return MemoStyles(
        title=ParagraphStyle("title", parent=body, fontName=bold, fontSize=17, leading=21,
                             spaceAfter=2),
        subtitle=ParagraphStyle("subtitle", parent=body, textColor=MUTED, fontSize=9,
                                spaceAfter=8),
        heading=ParagraphStyle("heading", parent=body, fontName=bold, fontSize=12.5, leading=16,
                               spaceBefore=7, spaceAfter=4, keepWithNext=1),
        # above a long table: keepWithNext would drag the whole table to the next page
        table_heading=ParagraphStyle("table_heading", parent=body, fontName=bold, fontSize=12.5,
                                     leading=16, spaceBefore=7, spaceAfter=4),
        subheading=ParagraphStyle("subheading", parent=body, fontName=bold, fontSize=10,
                                  leading=13, spaceBefore=6, spaceAfter=3, keepWithNext=1),
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=9.5, textColor=MUTED),
        cell=ParagraphStyle("cell", parent=body, fontSize=8, leading=9.5, spaceAfter=0),
        cell_header=ParagraphStyle("cell_header", parent=body, fontName=bold, fontSize=8,
                                   leading=10, spaceAfter=0),
        notice=ParagraphStyle("notice", parent=body, fontSize=9, leading=12, spaceAfter=0),
        outcome=ParagraphStyle("outcome", parent=body, fontName=bold, fontSize=10, leading=13,
                               spaceAfter=0, alignment=TA_CENTER),
    )


_SHAPED: dict[str, ParagraphStyle] = {}
_SHAPED_LOCK = threading.Lock()  # memos render on worker threads


def shaped(style: ParagraphStyle) -> ParagraphStyle:
    """The same style with HarfBuzz shaping on, for text that holds Arabic."""
    with _SHAPED_LOCK:
        variant = _SHAPED.get(style.name)
        if variant is None:
            variant = _SHAPED[style.name] = ParagraphStyle(f"{style.name}-shaped", parent=style,
                                                           shaping=1)
    return variant


def grid_table_style(*, header_rows: int = 1) -> TableStyle:
    """A light grid with a shaded header row, cells aligned at the top."""
    commands: list[tuple[object, ...]] = [
        # Tables set a cell font even for Paragraph cells; keep it an embedded one, not Helvetica
        ("FONT", (0, 0), (-1, -1), FAMILIES[LATIN].regular),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE_LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), HEADER_FILL))
    return TableStyle(commands)
