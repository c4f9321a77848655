"""The memo's structure tree: every text object of every page is marked (an MCID in the tree,
or a pagination artifact), in drawing order; headings and tables with header cells come out;
pdfinfo says Tagged: yes; the pages look exactly as before; a signature still verifies."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from desktop.memo import render_memo
from desktop.memo.archival import make_archival
from desktop.services import signing
from desktop.services.memo_rendering import memo_law_date, render_case_interview_sheet
from desktop.services.memo_verification import check_memo
from desktop.services.rules import bundled_rule_pack
from tests.memo.helpers import (
    GENERATED_AT,
    determine,
    load_case,
    long_journey_case,
    public_case_files,
    render,
)


def _tree(element: Any, found: list[tuple[str, int | None, Any]]) -> None:
    """(role, mcid or None, element) depth first: the reading order. An element holding
    marked content directly gives its role with each MCID (one, or several beside Spans)."""
    kids = element.K
    if isinstance(kids, pikepdf.Dictionary):  # an object reference (OBJR): an annotation
        found.append((str(element.S), None, element))
        return
    if not isinstance(kids, pikepdf.Array):
        found.append((str(element.S), int(kids), element))
        return
    found.append((str(element.S), None, element))
    for kid in kids:
        if isinstance(kid, pikepdf.Dictionary):
            _tree(kid, found)
        else:
            found.append((str(element.S), int(kid), element))


def _marked_text(page: pikepdf.Page) -> tuple[list[int], int, int]:
    """The MCIDs of the page's marked content in drawing order, how many text objects are
    pagination artifacts, and how many text-showing operators, rules, fills or pictures are
    not marked at all."""
    mcids: list[int] = []
    artifacts = unmarked = 0
    open_marks: list[Any] = []
    for operands, operator in pikepdf.parse_content_stream(page):
        name = str(operator)
        if name == "BDC" and "/MCID" in operands[1]:
            mcids.append(int(operands[1].MCID))
        if name in ("BDC", "BMC"):
            open_marks.append(operands)
        elif name == "EMC":
            open_marks.pop()
        elif name == "BT" and open_marks and str(open_marks[-1][0]) == "/Artifact" \
                and len(open_marks[-1]) > 1:
            artifacts += 1  # a pagination artifact (running header or footer)
        elif name in ("Tj", "TJ", "'", '"', "S", "f", "f*", "B", "Do", "re") \
                and not open_marks:
            unmarked += 1  # text, a rule, fill or picture outside any mark
    return mcids, artifacts, unmarked


def _check_tree(pdf: bytes) -> list[tuple[str, int | None, Any]]:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert document.Root.MarkInfo.Marked is True
        found: list[tuple[str, int | None, Any]] = []
        _tree(document.Root.StructTreeRoot.K, found)
        in_tree = [(int(element.Pg.StructParents), mcid) for _r, mcid, element in found
                   if mcid is not None]
        drawn = []
        for number, page in enumerate(document.pages):
            mcids, artifacts, unmarked = _marked_text(page)
            assert unmarked == 0, f"page {number + 1}: {unmarked} unmarked objects"
            assert artifacts >= 2  # running header and footer
            assert mcids == list(range(len(mcids)))
            drawn += [(number, mcid) for mcid in mcids]
            parents = document.Root.StructTreeRoot.ParentTree.Nums
            assert int(parents[2 * number]) == number
            assert len(parents[2 * number + 1]) == len(mcids)
        assert in_tree == drawn  # every text object once, in drawing order
        return [(role, mcid, None) for role, mcid, _e in found]


@pytest.mark.parametrize("path", public_case_files()[:6], ids=lambda p: p.name.split(".")[0])
def test_every_text_object_is_in_the_tree_in_drawing_order(path: Path) -> None:
    pdf = render(load_case(path.name.split(".")[0]))
    _check_tree(pdf)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    assert b"Tagged:          yes" in info


def test_headings_and_tables_with_header_cells() -> None:
    pdf = render(long_journey_case())  # travel table split over pages
    roles = [role for role, _mcid, _e in _check_tree(pdf)]
    assert roles[:2] == ["/Document", "/H1"]
    assert roles.count("/H2") >= 4
    assert roles.count("/Table") >= 4
    assert "/TH" in roles and "/TD" in roles and "/TR" in roles
    with pikepdf.open(io.BytesIO(pdf)) as document:
        first_table = next(kid for kid in document.Root.StructTreeRoot.K.K
                           if str(kid.S) == "/Table")
        # the details table: label, value, label, value; labels head their row
        first_row = [str(cell.S) for cell in first_table.K[0].K]
        assert first_row == ["/TH", "/TD", "/TH", "/TD"]
        assert first_table.K[0].K[0].A.Scope == pikepdf.Name.Row


def test_tagging_changes_nothing_on_the_page(tmp_path: Path) -> None:
    case = load_case("tb-trafficking-unknown")
    determination = determine(case)
    raw = render_memo(case, determination, generated_at=GENERATED_AT,
                      law_known_through=memo_law_date(determination, bundled_rule_pack()))
    pictures = []
    for name, pdf in (("plain", make_archival(raw, tag=False)), ("tagged", make_archival(raw))):
        (tmp_path / f"{name}.pdf").write_bytes(pdf)
        subprocess.run(["pdftoppm", "-r", "50", "-gray", str(tmp_path / f"{name}.pdf"),
                        str(tmp_path / name)], check=True)
        pictures.append([p.read_bytes() for p in sorted(tmp_path.glob(f"{name}-*.pgm"))])
    assert pictures[0] and pictures[0] == pictures[1]


def test_interview_sheet_is_tagged() -> None:
    case = load_case("tb-trafficking-unknown")
    pdf = render_case_interview_sheet(case, determine(case), language="es",
                                      generated_at=GENERATED_AT)
    roles = [role for role, _mcid, _e in _check_tree(pdf)]
    assert "/H1" in roles and "/Table" in roles


def test_signed_tagged_memo_verifies(tmp_path: Path) -> None:
    signing.create_officer_key(tmp_path, "Ana Pérez", "pass phrase one", now=GENERATED_AT)
    pdf = render(load_case("tb-trafficking-unknown"), status="final", prepared_by="Ana Pérez",
                 finalized_by="Ana Pérez", finalized_at=GENERATED_AT, signed=True)
    signed = signing.sign_final_memo(pdf, tmp_path, "Ana Pérez", "pass phrase one")
    assert check_memo(signed).valid
    _check_tree(signed)
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(signed)
    report = subprocess.run(["pdfsig", str(memo)], capture_output=True, text=True).stdout
    assert "Signature is Valid" in report
