"""Marks the content ReportLab drew (it cannot tag): each text object of each page gets MCIDs
(one, or one per part when it holds text in another language or a list item's label), the
running header and footer become pagination artifacts, and rules, fills and pictures layout
artifacts. The layout's hints (memo.tag_hints) say which grid cell or list item a text is in;
they draw nothing and are dropped here. Nothing that is drawn changes: only marks are added
(and a list label's Tj split in two, which draws the same glyphs at the same places).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, NamedTuple

import pikepdf
from pikepdf import Dictionary, Name, Operator

from desktop.memo import tag_hints
from desktop.memo.document import MARGIN
from desktop.memo.pdf_text import FontMaps, shown_text
from desktop.memo.span_language import script_tag, span_language

PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
CONSTRUCTION = {"m", "re", "l", "c", "v", "y", "h", "W", "W*"}
SHOWING = {"Tj", "TJ", "'", '"'}
LABEL = re.compile(r"\s*\d{1,3}[.)]\s+")  # "1. " before a list item's text
LBL = "Lbl"
NEW_LINE = {"T*", "Td", "TD", "Tm", "'", '"'}
NO_SPACE_AFTER = ("-", "\u00ad", "/")  # a line ending in a hyphen goes on in the same word


@dataclass(frozen=True)
class GridCell:
    """One drawn cell of a grid table, as the layout's hint gave it."""

    table: int
    row: int
    column: int
    row_span: int
    col_span: int


@dataclass
class GridTable:
    """A grid table drawn on this page: its header rows and every cell drawn, empty ones too."""

    serial: int
    header_rows: int
    continued: bool  # the rest of a table split from the page before
    cells: list[GridCell] = field(default_factory=list)


@dataclass
class TextRun:
    """One text object: its marked parts (MCID, language when not the document's, role: ''
    or Lbl), which top-level flowable drew it, its grid cell, font size and weight."""

    parts: list[tuple[int, str | None, str]]
    block: int
    cell: GridCell | None
    size: float
    bold: bool
    list_item: bool = False

    @property
    def mcid(self) -> int:
        return self.parts[0][0]


@dataclass
class _Walk:
    """What the operator walk keeps: q depth, the current block, table, cell and hints."""

    bold_fonts: set[str]
    height: float
    fonts: FontMaps
    language: str
    out: list[Any] = field(default_factory=list)
    runs: list[TextRun] = field(default_factory=list)
    tables: dict[int, GridTable] = field(default_factory=dict)
    depth: int = 0
    origin_y: list[float] = field(default_factory=lambda: [0.0])
    block: int = 0
    blocks: int = 0
    table: GridTable | None = None
    cell: GridCell | None = None
    repeated_row: bool = False  # a header row a continued table repeats: page furniture
    list_item_block: int | None = None
    mcids: int = 0


def _bold_fonts(resources: Any) -> set[str]:
    fonts = (resources or {}).get("/Font") or {}
    return {str(key) for key, font in fonts.items() if "Bold" in str(font.get("/BaseFont"))}


class Op(NamedTuple):
    """A content-stream instruction with its operator's name read once (pikepdf's Operator
    costs a conversion each time it is read)."""

    operator: str
    operands: Any  # pikepdf's list of operands, or a list
    raw: Any  # what pikepdf writes back


def _op(operator: str, operands: list[Any]) -> Op:
    return Op(operator, operands, pikepdf.ContentStreamInstruction(operands, Operator(operator)))


def _raw(op: Any) -> Any:
    return op.raw if isinstance(op, Op) else op


def _wrap(out: list[Any], ops: list[Any], tag: str, properties: Dictionary | None) -> None:
    if properties is None:
        out.append(([Name("/" + tag)], Operator("BMC")))
    else:
        out.append(([Name("/" + tag), properties], Operator("BDC")))
    out.extend(_raw(op) for op in ops)
    out.append(([], Operator("EMC")))


def _pieces(walk: _Walk, ops: list[Any]) -> list[tuple[list[Any], str]]:
    """The text object's inner operators cut where the font changes, with each piece's text."""
    pieces: list[tuple[list[Any], str]] = [([], "")]
    font = ""
    for instruction in ops:
        if instruction.operator == "Tf" and str(instruction.operands[0]) != font:
            font = str(instruction.operands[0])
            if pieces[-1][1]:
                pieces.append(([], ""))
        body, text = pieces[-1]
        pieces[-1] = (body + [instruction], text + shown_text(walk.fonts, font, instruction))
    return pieces


def _language_parts(walk: _Walk, ops: list[Any], pieces: list[tuple[list[Any], str]]
                    ) -> list[tuple[list[Any], str | None]]:
    """The inner operators (cut into `pieces` by font) in parts of one language each (None:
    the document's)."""
    whole = "".join(text for _ops, text in pieces)
    if script_tag(whole) is None:  # one script: a passage in another language, or not
        return [(ops, span_language(whole, walk.language))]
    parts: list[tuple[list[Any], str | None]] = []
    for body, text in pieces:
        language = span_language(text, walk.language) if text.strip(" .,;:-()") else (
            parts[-1][1] if parts else None)
        if parts and parts[-1][1] == language:
            parts[-1] = (parts[-1][0] + body, language)
        else:
            parts.append((body, language))
    return parts


def _line_ends_spaced(walk: _Walk, ops: list[Any]) -> list[Any]:
    """The operators with a space shown at the end of each wrapped line of Latin text (after
    the last glyph, so nothing moves): read back, the words either side of a wrap stay two
    words ("If the answer is", not "If theanswer is")."""
    out = list(ops)
    font, fonts, marks = "", {}, []
    for index, instruction in enumerate(ops):  # the text ops in order, with their fonts
        name = instruction.operator
        if name == "Tf":
            font = str(instruction.operands[0])
        elif name in NEW_LINE or name in SHOWING:
            marks.append((index, name))
            fonts[index] = font
    for position, (index, name) in enumerate(marks):
        following = [one for _index, one in marks[position + 1:position + 3]]
        if name != "Tj" or len(following) < 2 or following[0] not in ("T*", "Td", "TD") \
                or following[1] not in SHOWING:
            continue
        data = bytes(ops[index].operands[0])
        shown = walk.fonts.decode(fonts[index], data)
        space = walk.fonts.code_of(fonts[index], " ")
        if not shown or shown[-1].isspace() or shown.endswith(NO_SPACE_AFTER) \
                or script_tag(shown) is not None or space is None:
            continue
        out[index] = _op("Tj", [pikepdf.String(data + bytes([space]))])
    return out


def _split_label(walk: _Walk, body: list[Any]) -> tuple[list[Any], list[Any]] | None:
    """A list item's first operators up to its label ("1. "), and the rest; None if none."""
    font = ""
    for index, instruction in enumerate(body):
        name = instruction.operator
        if name == "Tf":
            font = str(instruction.operands[0])
        if name not in SHOWING:
            continue
        if name != "Tj":
            return None
        data = bytes(instruction.operands[0])
        match = LABEL.match(walk.fonts.decode(font, data))
        if match is None:
            return None
        cut = next(k for k in range(1, len(data) + 1)
                   if walk.fonts.decode(font, data[:k]) == match.group(0))
        first = _op("Tj", [pikepdf.String(data[:cut])])
        rest = _op("Tj", [pikepdf.String(data[cut:])])
        return body[:index] + [first], [rest] + body[index + 1:]
    return None


def _text_object(walk: _Walk, ops: list[Any]) -> None:
    """Mark one BT…ET: a pagination artifact at the page's top or bottom or in a repeated
    header row, else MCIDs."""
    size, bold, rise = 0.0, False, 0.0
    for instruction in ops:
        name, operands = instruction.operator, instruction.operands
        if name == "Tf":
            bold, size = str(operands[0]) in walk.bold_fonts, float(operands[1])
        elif name == "Tm" and not rise:
            rise = float(operands[5])
    y = walk.origin_y[-1] + rise
    if y > walk.height - MARGIN or y < MARGIN - 6 or walk.repeated_row:
        _wrap(walk.out, ops, "Artifact", Dictionary(Type=Name.Pagination))
        return
    ops = [ops[0], *_line_ends_spaced(walk, ops[1:-1]), ops[-1]]
    pieces = _pieces(walk, ops[1:-1])
    if not any(text.strip() for _body, text in pieces):
        _wrap(walk.out, ops, "Artifact", None)  # an empty cell's drawString(""): no text
        return
    parts = [(body, language, "") for body, language in _language_parts(walk, ops[1:-1],
                                                                          pieces)]
    list_item = walk.list_item_block == walk.block
    if list_item and not any(run.block == walk.block for run in walk.runs):
        split = _split_label(walk, parts[0][0])
        if split is not None:
            parts[0:1] = [(split[0], None, LBL), (split[1], parts[0][1], "")]
    marked: list[tuple[int, str | None, str]] = []
    if len(parts) == 1:
        _wrap(walk.out, ops, "Span", Dictionary(MCID=walk.mcids))
        marked.append((walk.mcids, parts[0][1], ""))
        walk.mcids += 1
    else:
        walk.out.append(_raw(ops[0]))
        for body, language, role in parts:
            _wrap(walk.out, body, role or "Span", Dictionary(MCID=walk.mcids))
            marked.append((walk.mcids, language, role))
            walk.mcids += 1
        walk.out.append(_raw(ops[-1]))
    walk.runs.append(TextRun(marked, walk.block, walk.cell, size, bold, list_item))


def _hint(walk: _Walk, operands: list[Any]) -> bool:
    """Take in a layout hint; False when the marked-content point is not one of ours."""
    tag = str(operands[0]).lstrip("/") if operands else ""
    if tag not in tag_hints.HINTS:
        return False
    if tag == tag_hints.TABLE:
        hint = operands[1]
        walk.table = GridTable(len(walk.tables), int(hint.HeaderRows), bool(hint.Continued))
        walk.tables[walk.table.serial] = walk.table
    elif tag == tag_hints.CELL and walk.table is not None:
        hint = operands[1]
        walk.cell = GridCell(walk.table.serial, int(hint.Row), int(hint.Column),
                             int(hint.RowSpan), int(hint.ColSpan))
        walk.repeated_row = walk.table.continued and walk.cell.row < walk.table.header_rows
        if not walk.repeated_row:
            walk.table.cells.append(walk.cell)
    elif tag == tag_hints.TABLE_END:
        walk.table = walk.cell = None
        walk.repeated_row = False
    elif tag == tag_hints.LIST_ITEM:
        walk.list_item_block = walk.block
    return True


def _state(walk: _Walk, operands: list[Any], name: str) -> None:
    """Follow q, Q and translations: which block is being drawn, and at what height."""
    if name == "q":
        walk.depth += 1
        walk.origin_y.append(walk.origin_y[-1])
        if walk.depth == 1:
            walk.blocks += 1
            walk.block = walk.blocks
    elif name == "Q" and walk.depth:
        walk.depth -= 1
        walk.origin_y.pop()
        if walk.depth == 0:
            walk.table = walk.cell = None
            walk.repeated_row = False
    elif name == "cm":
        walk.origin_y[-1] += float(operands[5])


def mark_page(document: pikepdf.Pdf, page: pikepdf.Page, language: str
              ) -> tuple[list[TextRun], dict[int, GridTable]]:
    """Rewrite the page's content with every text object, path and picture marked; the text
    runs in drawing order and the grid tables drawn."""
    resources = page.obj.get("/Resources")
    walk = _Walk(_bold_fonts(resources), float(page.mediabox[3]), FontMaps(resources), language)
    ops = [Op(str(one.operator), one.operands, one)
           for one in pikepdf.parse_content_stream(page)]
    index, path_start = 0, None
    while index < len(ops):
        operands, name = ops[index].operands, ops[index].operator
        if name == "BT":
            end = next(i for i in range(index, len(ops)) if ops[i].operator == "ET")
            _text_object(walk, ops[index:end + 1])
            index = end + 1
            continue
        if name in CONSTRUCTION and path_start is None:
            path_start = len(walk.out)
        if name in ("MP", "DP") and _hint(walk, operands):
            pass
        elif name in PAINTING:
            start = len(walk.out) if path_start is None else path_start
            path = walk.out[start:] + [ops[index]]
            del walk.out[start:]
            _wrap(walk.out, path, "Artifact", None)
            path_start = None
        elif name in ("Do", "sh", "INLINE IMAGE"):
            _wrap(walk.out, [ops[index]], "Artifact", None)
        else:
            if path_start is None:
                _state(walk, operands, name)
            walk.out.append(ops[index].raw)
        index += 1
    page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(walk.out))
    return walk.runs, walk.tables
