"""A structure tree for what ReportLab drew (memo.marking marks the content): headings and
paragraphs, grid tables with their header cells, spans and header associations, lists of
numbered items, and a /Lang on every part of the text not in the document's language.

Roles are read from how the memo draws (desktop.memo.styles and blocks): a text object's font
size and weight give its heading level; grid tables and list items say what they are through
the layout's hints (memo.tag_hints). Reading order is drawing order, which for ReportLab is the
story's. The document language is the catalog's /Lang, which the rendering sets.
"""

from __future__ import annotations

from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, String

from desktop.memo.marking import LBL, GridCell, GridTable, TextRun, mark_page
from desktop.memo.struct_elements import content, element
from desktop.memo.table_tags import TableTrail, grid_table


def _role(run: TextRun) -> str:
    if run.bold and run.size >= 16:
        return "H1"
    if run.bold and run.size >= 12:
        return "H2"
    if run.bold and run.size >= 10 and run.cell is None:
        return "H3"
    return "P"


def _list_item(document: pikepdf.Pdf, runs: list[TextRun], parent: Any, page: Any,
               by_mcid: dict[int, Any]) -> Any:
    """LI: the label (when the item's text starts with one) and LBody with the paragraphs."""
    item = element(document, "LI", parent, page, [])
    parts = list(runs[0].parts)
    if parts[0][2] == LBL:
        label = parts.pop(0)
        by_mcid[label[0]] = element(document, "Lbl", item, page, label[0])
        item.K.append(by_mcid[label[0]])
    body = element(document, "LBody", item, page, [])
    item.K.append(body)
    body.K.append(content(document, "P", body, page, parts, by_mcid))
    for run in runs[1:]:
        body.K.append(content(document, "P", body, page, run.parts, by_mcid))
    return item


def _group_key(run: TextRun) -> tuple[str, int]:
    if run.cell is not None:
        return ("table", run.cell.table)
    return ("item", run.block) if run.list_item else ("text", -1)


def _groups(runs: list[TextRun]) -> list[tuple[str, list[TextRun]]]:
    """Runs in drawing order cut into ("table", runs of one grid table), ("item", runs of one
    list item's block) and ("text", one run)."""
    groups: list[tuple[tuple[str, int], list[TextRun]]] = []
    for run in runs:
        key = _group_key(run)
        if key[0] != "text" and groups and groups[-1][0] == key:
            groups[-1][1].append(run)
        else:
            groups.append((key, [run]))
    return [(key[0], group) for key, group in groups]


def _page_elements(document: pikepdf.Pdf, page: Any, runs: list[TextRun],
                   tables: dict[int, GridTable], parent: Any, ids: dict[str, Any],
                   trail: list[TableTrail | None]) -> tuple[list[Any], dict[int, Any]]:
    """The page's elements in drawing order, and each MCID's element (for the parent tree);
    `trail` holds the last table made, which a table split from the page before continues."""
    elements: list[Any] = []
    by_mcid: dict[int, Any] = {}
    open_list: Any = None
    page_number = int(page.StructParents)
    for kind, group in _groups(runs):
        if kind == "item":
            if open_list is None:
                open_list = element(document, "L", parent, page, [])
                open_list.A = Dictionary(O=Name.List, ListNumbering=Name.Decimal)
                elements.append(open_list)
            open_list.K.append(_list_item(document, group, open_list, page, by_mcid))
            continue
        open_list = None
        if kind == "table":
            first: GridCell = group[0].cell  # type: ignore[assignment]  # kind says it is set
            table = tables[first.table]
            continues = trail[0] if table.continued else None
            made = trail[0] = grid_table(document, table, group, parent, page, by_mcid, ids,
                                         f"p{page_number}", continues)
            if continues is None:
                elements.append(made.element)
            continue
        elements.append(content(document, _role(group[0]), parent, page, group[0].parts,
                                by_mcid))
    return elements, by_mcid


def tag_document(document: pikepdf.Pdf) -> None:
    """Mark every page and build /StructTreeRoot (a Document element), its parent tree, its
    ID tree (table header cells) and /MarkInfo."""
    language = str(document.Root.get("/Lang") or "en-US")
    root = document.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    top = document.make_indirect(Dictionary(Type=Name.StructElem, S=Name.Document, P=root,
                                            K=Array()))
    nums: list[Any] = []
    ids: dict[str, Any] = {}
    trail: list[TableTrail | None] = [None]
    for index, page in enumerate(document.pages):
        runs, tables = mark_page(document, page, language)
        page.obj.StructParents = index
        page.obj.Tabs = Name.S
        elements, by_mcid = _page_elements(document, page.obj, runs, tables, top, ids,
                                           trail)
        top.K.extend(elements)
        nums += [index, Array([by_mcid[mcid] for mcid in sorted(by_mcid)])]
    root.K = top
    root.ParentTree = document.make_indirect(Dictionary(Nums=Array(nums)))
    root.ParentTreeNextKey = len(document.pages)
    if ids:
        root.IDTree = document.make_indirect(Dictionary(Names=Array(
            [item for key in sorted(ids) for item in (String(key), ids[key])])))
    document.Root.StructTreeRoot = root
    document.Root.MarkInfo = Dictionary(Marked=True)
