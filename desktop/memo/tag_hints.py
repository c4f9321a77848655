"""What the memo's layout tells its tagger, written into the page content as marked-content
points (MP/DP), which draw nothing: where a grid table starts and how many header rows it has,
which cell (row, column, spans) the text that follows is in, whether a table continues one split
from the page before (its repeated header rows are then page furniture), and which paragraph is
a list item.

ReportLab cannot tag, but it can write these; memo.marking reads them back (and drops them)
when it marks the content, so tables keep their empty and spanning cells and lists are lists."""

from __future__ import annotations

import re
from typing import Any

TABLE = "WaypointTable"
CELL = "WaypointCell"
TABLE_END = "WaypointTableEnd"
LIST_ITEM = "WaypointListItem"
HINTS = frozenset({TABLE, CELL, TABLE_END, LIST_ITEM})


def _write(canvas: Any, line: str) -> None:
    canvas._code.append(line)  # the canvas's own content buffer: what drawString appends to


def table_hints(table: Any, event: str, *args: Any) -> None:
    """A ReportLab Table renderCB: the table's header rows, then each drawn cell's position."""
    canvas = table.canv
    if event == "startTable":
        repeat = table.repeatRows or 0
        headers = repeat if isinstance(repeat, int) else len(repeat)
        # a table split over pages: its parts share the ident (memo.blocks.grid sets one)
        drawn = canvas.__dict__.setdefault("_waypoint_tables_drawn", set())
        whole = re.sub(r"(\[\d+\])+$", "", str(table.ident))  # a part's ident is "grid-7[0]"
        continued = "true" if whole in drawn else "false"
        drawn.add(whole)
        _write(canvas, f"/{TABLE} <</HeaderRows {headers} /Columns {table._ncols}"
                       f" /Continued {continued}>> DP")
    elif event == "startCell":
        row, column = int(args[0]), int(args[1])
        spans = getattr(table, "_spanRanges", None) or {}  # only made when the table spans
        first_col, first_row, last_col, last_row = spans.get((column, row)) or (
            column, row, column, row)
        _write(canvas, f"/{CELL} <</Row {row} /Column {column}"
                       f" /RowSpan {last_row - first_row + 1}"
                       f" /ColSpan {last_col - first_col + 1}>> DP")
    elif event == "endTable":
        _write(canvas, f"/{TABLE_END} MP")


def list_item_hint(canvas: Any) -> None:
    """Says the paragraph drawn next (inside the same graphics state) is a list item."""
    _write(canvas, f"/{LIST_ITEM} MP")
