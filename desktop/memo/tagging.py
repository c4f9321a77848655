"""A structure tree for what ReportLab drew (it cannot tag): each text object of each page is
marked with an MCID and becomes a heading, a paragraph or a table cell; the running header and
footer become pagination artifacts, and rules, fills and pictures layout artifacts.

Roles are read from how the memo draws (desktop.memo.styles and blocks): a text object's font
size and weight give its heading level; a flowable that draws two or more cells, each in its own
translated graphics state, is a table whose rows are the cells' vertical offsets, and a small
bold cell is a header cell. Reading order is drawing order, which for ReportLab is the story's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, Operator

from desktop.memo.document import MARGIN

PAINTING = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n"}
CONSTRUCTION = {"m", "re", "l", "c", "v", "y", "h", "W", "W*"}
HEADER_CELL_SIZE = 8.5  # the cell_header style is 8 pt bold; body text in cells is 8 pt regular


@dataclass
class TextRun:
    """One marked text object: its MCID, where it was drawn and how."""

    mcid: int
    block: int  # which top-level flowable (graphics state at depth 1) drew it
    cell: tuple[float, float] | None  # the cell's offset inside the block, if any
    size: float
    bold: bool
    artifact: bool


@dataclass
class _Walk:
    """What the operator walk keeps: translations by q depth, the current block and cell."""

    bold_fonts: set[str]
    height: float
    out: list[Any] = field(default_factory=list)
    runs: list[TextRun] = field(default_factory=list)
    stack: list[tuple[float, float, tuple[float, float] | None]] = field(default_factory=list)
    origin: tuple[float, float] = (0.0, 0.0)
    cell: tuple[float, float] | None = None
    block: int = 0
    blocks: int = 0


def _bold_fonts(resources: Any) -> set[str]:
    fonts = (resources or {}).get("/Font") or {}
    return {str(key) for key, font in fonts.items() if "Bold" in str(font.get("/BaseFont"))}


def _wrap(walk: _Walk, ops: list[Any], tag: str, properties: Dictionary | None) -> None:
    if properties is None:
        walk.out.append(([Name("/" + tag)], Operator("BMC")))
    else:
        walk.out.append(([Name("/" + tag), properties], Operator("BDC")))
    walk.out.extend(ops)
    walk.out.append(([], Operator("EMC")))


def _text_object(walk: _Walk, ops: list[Any]) -> None:
    """Mark one BT…ET: a pagination artifact at the page's top or bottom, else an MCID."""
    size, bold, rise = 0.0, False, 0.0
    for instruction in ops:
        name, operands = str(instruction.operator), instruction.operands
        if name == "Tf":
            bold, size = str(operands[0]) in walk.bold_fonts, float(operands[1])
        elif name == "Tm" and not rise:
            rise = float(operands[5])
    y = walk.origin[1] + rise
    if y > walk.height - MARGIN or y < MARGIN - 6:
        _wrap(walk, ops, "Artifact", Dictionary(Type=Name.Pagination))
        return
    mcid = len([run for run in walk.runs if not run.artifact])
    walk.runs.append(TextRun(mcid, walk.block, walk.cell, size, bold, False))
    _wrap(walk, ops, "Span", Dictionary(MCID=mcid))


def _state(walk: _Walk, operands: list[Any], name: str) -> None:
    """Follow q, Q and translations: which block and which cell is being drawn."""
    if name == "q":
        walk.stack.append((*walk.origin, walk.cell))
        if len(walk.stack) == 1:
            walk.blocks += 1
            walk.block = walk.blocks
    elif name == "Q" and walk.stack:
        x, y, cell = walk.stack.pop()
        walk.origin, walk.cell = (x, y), cell
    elif name == "cm":
        dx, dy = float(operands[4]), float(operands[5])
        walk.origin = (walk.origin[0] + dx, walk.origin[1] + dy)
        if len(walk.stack) == 3:  # a table cell (or a box's inset) inside a flowable
            walk.cell = (round(dy, 1), round(dx, 1))


def mark_page(document: pikepdf.Pdf, page: pikepdf.Page) -> list[TextRun]:
    """Rewrite the page's content with every text object, path and picture marked."""
    height = float(page.mediabox[3])
    walk = _Walk(_bold_fonts(page.obj.get("/Resources")), height)
    ops = list(pikepdf.parse_content_stream(page))
    index, path_start = 0, None
    while index < len(ops):
        operands, name = ops[index].operands, str(ops[index].operator)
        if name == "BT":
            end = next(i for i in range(index, len(ops)) if str(ops[i].operator) == "ET")
            _text_object(walk, ops[index:end + 1])
            index = end + 1
            continue
        if name in CONSTRUCTION and path_start is None:
            path_start = len(walk.out)
        if name in PAINTING:
            start = len(walk.out) if path_start is None else path_start
            path = walk.out[start:] + [ops[index]]
            del walk.out[start:]
            _wrap(walk, path, "Artifact", None)
            path_start = None
        elif name in ("Do", "sh", "INLINE IMAGE"):
            _wrap(walk, [ops[index]], "Artifact", None)
        elif path_start is None:
            _state(walk, list(operands), name)
            walk.out.append(ops[index])
        else:
            walk.out.append(ops[index])
        index += 1
    page.obj.Contents = document.make_stream(pikepdf.unparse_content_stream(walk.out))
    return walk.runs


def _role(run: TextRun) -> str:
    if run.bold and run.size >= 16:
        return "H1"
    if run.bold and run.size >= 12:
        return "H2"
    if run.bold and run.size >= 10 and run.cell is None:
        return "H3"
    return "P"


def _element(document: pikepdf.Pdf, role: str, parent: Any, page: Any,
             kids: list[Any] | int) -> Any:
    element = document.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + role),
                                                 P=parent, Pg=page))
    element.K = Array(kids) if isinstance(kids, list) else kids
    return element


def table_rows(runs: list[TextRun]) -> list[list[list[TextRun]]]:
    """Rows of cells of text runs. ReportLab draws a table row by row, left to right, each
    paragraph of a cell at the cell's left edge: a run further left than the one before starts
    a row, one at the same left edge continues the cell."""
    rows: list[list[list[TextRun]]] = []
    previous_x: float | None = None
    for run in runs:
        x = run.cell[1] if run.cell is not None else 0.0
        if previous_x is None or x < previous_x:
            rows.append([[run]])
        elif x == previous_x:
            rows[-1][-1].append(run)
        else:
            rows[-1].append([run])
        previous_x = x
    return rows


def _header_cells(rows: list[list[list[TextRun]]]) -> list[list[bool]]:
    """Which cells are header cells: the first row's bold cells; when that row is not all
    bold, its bold cells head their columns' cells in every row (label, value pairs)."""
    def bold(cell: list[TextRun]) -> bool:
        return all(run.bold for run in cell)

    first = [bold(cell) for cell in rows[0]]
    label_columns = {index for index, is_bold in enumerate(first) if is_bold}
    by_row = [first]
    for row in rows[1:]:
        by_row.append([not all(first) and index in label_columns and bold(cell)
                       for index, cell in enumerate(row)])
    return by_row


def _table(document: pikepdf.Pdf, runs: list[TextRun], parent: Any, page: Any,
           by_mcid: dict[int, Any]) -> Any:
    table = _element(document, "Table", parent, page, [])
    rows = table_rows(runs)
    heads = _header_cells(rows)
    scope = Name.Column if all(heads[0]) else Name.Row  # a header row, or label columns
    for row, headers in zip(rows, heads, strict=True):
        row_element = _element(document, "TR", table, page, [])
        table.K.append(row_element)
        for cell, header in zip(row, headers, strict=True):
            element = _element(document, "TH" if header else "TD", row_element, page, [])
            if header:
                element.A = Dictionary(O=Name.Table, Scope=scope)
            for run in cell:
                paragraph = by_mcid[run.mcid] = _element(document, "P", element, page,
                                                         run.mcid)
                element.K.append(paragraph)
            row_element.K.append(element)
    return table


def _page_elements(document: pikepdf.Pdf, page: Any, runs: list[TextRun], parent: Any
                   ) -> tuple[list[Any], dict[int, Any]]:
    """The page's elements in drawing order, and each MCID's element (for the parent tree)."""
    elements: list[Any] = []
    by_mcid: dict[int, Any] = {}
    marked = [run for run in runs if not run.artifact]
    for block in dict.fromkeys(run.block for run in marked):
        in_block = [run for run in marked if run.block == block]
        columns = {run.cell[1] for run in in_block if run.cell is not None}
        if len(columns) >= 2:
            elements.append(_table(document, in_block, parent, page, by_mcid))
            continue
        for run in in_block:  # a paragraph, or a box or one-column table of paragraphs
            by_mcid[run.mcid] = _element(document, _role(run), parent, page, run.mcid)
            elements.append(by_mcid[run.mcid])
    return elements, by_mcid


def tag_document(document: pikepdf.Pdf) -> None:
    """Mark every page and build /StructTreeRoot (a Document element), its parent tree, and
    /MarkInfo; the catalog's /Lang is the language of every element."""
    root = document.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    top = document.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root,
                                            K=Array()))
    nums: list[Any] = []
    for index, page in enumerate(document.pages):
        runs = mark_page(document, page)
        page.obj.StructParents = index
        page.obj.Tabs = Name.S
        elements, by_mcid = _page_elements(document, page.obj, runs, top)
        top.K.extend(elements)
        nums += [index, Array([by_mcid[mcid] for mcid in sorted(by_mcid)])]
    root.K = top
    root.ParentTree = document.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = len(document.pages)
    document.Root.StructTreeRoot = root
    document.Root.MarkInfo = Dictionary(Marked=True)
