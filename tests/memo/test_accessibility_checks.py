"""What can be checked here of PDF/UA-1 and PDF/A-3a beyond the structure tests: the partial
checker from PyPI (pdfua: 16 of PDF/UA-1's 106 machine-checkable rules) finds nothing but the
missing PDF/UA claim, which Waypoint does not make (no full validator runs here); only standard
structure types; headings that never skip a level; every glyph drawn maps to real Unicode text
(PDF/A-3a, PDF/UA 7.21.7); every figure has alternative text."""

from __future__ import annotations

import io
from itertools import pairwise
from pathlib import Path

import pikepdf
import pytest
from pdfua import validate

from desktop.memo import render_memo
from desktop.memo.archival import make_archival
from desktop.memo.pdf_text import to_unicode_map
from desktop.services import signing
from desktop.services.memo_rendering import render_case_interview_sheet
from tests.memo.helpers import GENERATED_AT, determine, load_case, long_journey_case, render

NOT_CLAIMED = {"UA-28-004"}  # no pdfuaid:part in the XMP: PDF/UA is not claimed
STANDARD_TYPES = {"/Document", "/H1", "/H2", "/H3", "/P", "/Span", "/Table", "/TR", "/TH",
                  "/TD", "/L", "/LI", "/Lbl", "/LBody", "/Form", "/Figure"}


def _memos(tmp_path: Path) -> dict[str, bytes]:
    case = load_case("tb-trafficking-unknown")
    case["applicant"]["family_name"] = "王"
    signing.create_officer_key(tmp_path, "Ana Pérez", "pass phrase one", now=GENERATED_AT)
    signing.create_officer_key(tmp_path, "Rosa Díaz", "pass phrase two", now=GENERATED_AT)
    final = render(case, status="final", prepared_by="Ana Pérez", finalized_by="Ana Pérez",
                   finalized_at=GENERATED_AT, signed=True, review_pending=True)
    signed = signing.sign_final_memo(final, tmp_path, "Ana Pérez", "pass phrase one")
    return {
        "draft": render(long_journey_case()),
        "sheet": render_case_interview_sheet(case, determine(case), language="es",
                                             generated_at=GENERATED_AT),
        "countersigned": signing.countersign(signed, tmp_path, "Rosa Díaz", "pass phrase two"),
    }


def _findings(pdf: bytes, path: Path) -> set[str]:
    path.write_bytes(pdf)
    return {finding.rule_id for finding in validate(str(path)).findings}


def test_partial_pdfua_checker_finds_only_the_claim_not_made(tmp_path: Path) -> None:
    for name, pdf in _memos(tmp_path).items():
        assert _findings(pdf, tmp_path / f"{name}.pdf") == NOT_CLAIMED, name
    case = load_case("tb-trafficking-unknown")
    untagged = make_archival(render_memo(case, determine(case), generated_at=GENERATED_AT),
                             tag=False)
    assert "UA-01-005" in _findings(untagged, tmp_path / "untagged.pdf")  # it does look


def _elements(element: pikepdf.Dictionary) -> list[pikepdf.Dictionary]:
    found = [element]
    kids = element.get("/K")
    for kid in kids if isinstance(kids, pikepdf.Array) else []:
        if isinstance(kid, pikepdf.Dictionary) and "/S" in kid:
            found += _elements(kid)
    return found


@pytest.mark.parametrize("name", ["draft", "sheet", "countersigned"])
def test_structure_types_headings_figures_and_glyph_text(name: str, tmp_path: Path) -> None:
    pdf = _memos(tmp_path)[name]
    with pikepdf.open(io.BytesIO(pdf)) as document:
        elements = _elements(document.Root.StructTreeRoot.K)
        assert "/RoleMap" not in document.Root.StructTreeRoot
        assert {str(one.S) for one in elements} <= STANDARD_TYPES
        levels = [int(str(one.S)[2]) for one in elements
                  if str(one.S) in ("/H1", "/H2", "/H3")]
        assert levels[0] == 1
        assert all(after <= before + 1 for before, after in pairwise(levels))
        assert all("/Alt" in one for one in elements if str(one.S) == "/Figure")
        _assert_glyphs_have_text(document)


def _assert_glyphs_have_text(document: pikepdf.Pdf) -> None:
    """Every character code shown on every page maps to Unicode that is not 0, FEFF, FFFE."""
    shown = 0
    for page in document.pages:
        fonts = page.obj.Resources.Font
        maps = {str(key): to_unicode_map(font) for key, font in fonts.items()}
        font = ""
        for operands, operator in pikepdf.parse_content_stream(page):
            if str(operator) == "Tf":
                font = str(operands[0])
            elif str(operator) == "Tj":
                for code in bytes(operands[0]):
                    assert maps[font].get(code, "\x00") not in ("\x00", "\ufeff", "\ufffe"), \
                        (font, code)
                    shown += 1
    assert shown > 100
