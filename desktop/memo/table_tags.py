"""A grid table's structure: Table, TR, TH and TD in the layout's rows and columns (empty cells
too, cells hidden under a span left out), /RowSpan and /ColSpan on cells that span, and each
data cell's /Headers naming its column's header cells and its row's label cell (by /ID).

Header cells: the table's header rows (its repeated rows) head their columns; a table without
header rows whose first row is all bold has that row as its header; otherwise the bold cells of
the first row's bold columns are labels, each heading the cells to its right in its row.
A table split over pages is one Table: the later parts' rows join it (their repeated header rows
are artifacts, memo.marking) and are headed by the first part's header cells.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from desktop.memo.marking import GridCell, GridTable, TextRun
from desktop.memo.struct_elements import content, element

if TYPE_CHECKING:
    from collections.abc import Iterable


def _bold(runs: list[TextRun]) -> bool:
    return bool(runs) and all(run.bold for run in runs)


def header_cells(table: GridTable, cell_runs: dict[GridCell, list[TextRun]]
                 ) -> dict[GridCell, str]:
    """Which cells are header cells, each with its scope ('Column' or 'Row')."""
    if table.header_rows:
        return {cell: "Column" for cell in table.cells if cell.row < table.header_rows}
    if not table.cells:
        return {}
    top = min(cell.row for cell in table.cells)
    first = [cell for cell in table.cells if cell.row == top]
    if all(_bold(cell_runs[cell]) for cell in first):
        return {cell: "Column" for cell in first}
    labels = {cell.column for cell in first if _bold(cell_runs[cell])}
    return {cell: "Row" for cell in table.cells
            if cell.column in labels and _bold(cell_runs[cell])}


def _overlap(start: int, span: int, other_start: int, other_span: int) -> bool:
    return start < other_start + other_span and other_start < start + span


def headers_of(cell: GridCell, heads: dict[GridCell, str]) -> list[GridCell]:
    """The header cells of a data cell: those heading its columns, then its row's label (the
    nearest label to its left)."""
    columns = [head for head, scope in heads.items() if scope == "Column"
               and _overlap(head.column, head.col_span, cell.column, cell.col_span)]
    labels = [head for head, scope in heads.items() if scope == "Row"
              and _overlap(head.row, head.row_span, cell.row, cell.row_span)
              and head.column < cell.column]
    return columns + ([max(labels, key=lambda head: head.column)] if labels else [])


def _attributes(cell: GridCell, scope: str | None, header_ids: Iterable[str]) -> Dictionary:
    attributes = Dictionary(O=Name.Table)
    if scope is not None:
        attributes.Scope = Name("/" + scope)
    else:
        found = [String(one) for one in header_ids]
        if found:
            attributes.Headers = Array(found)
    if cell.row_span > 1:
        attributes.RowSpan = cell.row_span
    if cell.col_span > 1:
        attributes.ColSpan = cell.col_span
    return attributes


@dataclass
class TableTrail:
    """A Table element made, with its header cells (scope) and their IDs: a part of the table
    on the next page adds its rows to it, headed by the same header cells."""

    element: Any
    heads: dict[GridCell, str]
    names: dict[GridCell, str]


def grid_table(document: pikepdf.Pdf, table: GridTable, runs: list[TextRun], parent: Any,
               page: Any, by_mcid: dict[int, Any], ids: dict[str, Any], prefix: str,
               continues: TableTrail | None = None) -> TableTrail:
    """The Table element of one grid table drawn on a page, with every cell drawn; a table
    continued from the page before adds its rows to the element it `continues`."""
    cell_runs: dict[GridCell, list[TextRun]] = {cell: [] for cell in table.cells}
    for run in runs:
        if run.cell is not None:
            cell_runs.setdefault(run.cell, []).append(run)
    own = header_cells(table, cell_runs)
    names = {cell: f"{prefix}t{table.serial}r{cell.row}c{cell.column}" for cell in own}
    if continues is None:
        continues = TableTrail(element(document, "Table", parent, page, []), {}, {})
    heads, made = {**continues.heads, **own}, continues.element
    names = {**continues.names, **names}
    for row in sorted({cell.row for cell in table.cells}):
        tr = element(document, "TR", made, page, [])
        made.K.append(tr)
        for cell in [one for one in table.cells if one.row == row]:
            scope = own.get(cell)
            kind = "TH" if scope is not None else "TD"
            cell_element = element(document, kind, tr, page, [])
            cell_element.A = _attributes(cell, scope,
                                         (names[head] for head in headers_of(cell, heads)))
            if scope is not None:
                cell_element.ID = String(names[cell])
                ids[names[cell]] = cell_element
            for run in cell_runs[cell]:
                cell_element.K.append(content(document, "P", cell_element, page, run.parts,
                                              by_mcid))
            tr.K.append(cell_element)
    return TableTrail(made, heads, names)
