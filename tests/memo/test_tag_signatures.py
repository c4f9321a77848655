"""Signature widgets in the structure tree (Form elements with an OBJR, /StructParent in the
parent tree, a description), before and after signing and counter-signing; and tagging changes
nothing that is drawn: pages rendered to pixels are identical with and without the tags, for a
draft in three scripts, the interview sheet and the signed final memo."""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pikepdf
import pytest

from desktop.memo import render_memo
from desktop.memo.archival import make_archival
from desktop.memo.interview import render_interview_sheet
from desktop.memo.signature_fields import OFFICER, OFFICER_FIELD, REVIEWER_FIELD
from desktop.services import signing
from desktop.services.memo_verification import check_memo
from tests.memo.helpers import GENERATED_AT, determine, load_case, render

FINAL = {"status": "final", "prepared_by": "Ana Pérez", "finalized_by": "Ana Pérez",
         "finalized_at": GENERATED_AT, "signed": True}


def _tagged_widgets(pdf: bytes) -> list[str]:
    """The field names of every annotation, each checked to be in the structure tree."""
    names = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        tree = document.Root.StructTreeRoot
        nums = tree.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        assert int(tree.ParentTreeNextKey) == max(parents) + 1
        forms = [kid for kid in tree.K.K if str(kid.S) == "/Form"]
        for page in document.pages:
            assert page.obj.Tabs == pikepdf.Name.S
            for annotation in page.obj.get("/Annots") or []:
                element = parents[int(annotation.StructParent)]
                assert str(element.S) == "/Form" and element.K.Type == pikepdf.Name.OBJR
                assert element.K.Obj.objgen == annotation.objgen
                assert element.K.Pg.objgen == page.obj.objgen == annotation.P.objgen
                assert str(annotation.TU) and str(element.Alt) == str(annotation.TU)
                assert int(annotation.F) & 4  # printed, as PDF/A wants
                names.append(str(annotation.T))
        assert len(forms) == len(names) == len(document.Root.AcroForm.Fields)
    return names


def test_signature_fields_are_tagged_before_and_after_signing(tmp_path: Path) -> None:
    signing.create_officer_key(tmp_path, "Ana Pérez", "pass phrase one", now=GENERATED_AT)
    signing.create_officer_key(tmp_path, "Rosa Díaz", "pass phrase two", now=GENERATED_AT)
    pdf = render(load_case("tb-trafficking-unknown"), review_pending=True, **FINAL)
    assert _tagged_widgets(pdf) == [OFFICER_FIELD, REVIEWER_FIELD]
    signed = signing.sign_final_memo(pdf, tmp_path, "Ana Pérez", "pass phrase one")
    assert _tagged_widgets(signed) == [OFFICER_FIELD, REVIEWER_FIELD]  # filled, not added
    both = signing.countersign(signed, tmp_path, "Rosa Díaz", "pass phrase two")
    assert _tagged_widgets(both) == [OFFICER_FIELD, REVIEWER_FIELD]
    check = check_memo(both)
    assert check.valid and [one.valid for one in check.signatures] == [True, True]
    (tmp_path / "both.pdf").write_bytes(both)  # pdfsig reads no standard input
    report = subprocess.run(["pdfsig", str(tmp_path / "both.pdf")], capture_output=True).stdout
    assert report.count(b"Signature is Valid") == 2


def test_a_memo_rendered_without_its_field_gets_it_tagged_when_signed(tmp_path: Path) -> None:
    signing.create_officer_key(tmp_path, "Ana Pérez", "pass phrase one", now=GENERATED_AT)
    pdf = render(load_case("tb-trafficking-unknown"), **{**FINAL, "signed": False})
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert "/AcroForm" not in document.Root
    signed = signing.sign_final_memo(pdf, tmp_path, "Ana Pérez", "pass phrase one")
    assert _tagged_widgets(signed) == [OFFICER_FIELD]
    assert check_memo(signed).valid


def _pixels(pdf: bytes, folder: Path, name: str) -> list[bytes]:
    (folder / f"{name}.pdf").write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "72", str(folder / f"{name}.pdf"), str(folder / name)],
                   check=True)
    return [page.read_bytes() for page in sorted(folder.glob(f"{name}-*.ppm"))]


@pytest.mark.parametrize("kind", ["scripts", "sheet", "signed"])
def test_tags_change_no_pixel(kind: str, tmp_path: Path) -> None:
    case = load_case("tb-trafficking-unknown")
    determination = determine(case)
    fields = ()
    if kind == "sheet":
        case["entry"]["metered_before_2019_07_16"] = None  # two questions: a list of two
        raw = render_interview_sheet(case, determine(case), language="es",
                                     generated_at=GENERATED_AT)
    elif kind == "scripts":
        case["applicant"]["family_name"] = "Иванова"
        raw = render_memo(case, determination, generated_at=GENERATED_AT,
                          officer_notes="Her name is also written محمد عبد and 王小明.")
    else:
        raw = render_memo(case, determination, generated_at=GENERATED_AT, **FINAL)
        fields = (OFFICER,)
    plain, tagged = make_archival(raw, tag=False), make_archival(raw, signature_fields=fields)
    assert plain != tagged
    if kind == "signed":
        signing.create_officer_key(tmp_path, "Ana Pérez", "pass phrase one", now=GENERATED_AT)
        plain, tagged = (signing.sign_final_memo(pdf, tmp_path, "Ana Pérez", "pass phrase one")
                         for pdf in (plain, tagged))
        assert check_memo(tagged).valid
    before, after = _pixels(plain, tmp_path, "plain"), _pixels(tagged, tmp_path, "tagged")
    assert before and before == after


def test_a_signed_memo_is_never_rewritten_to_add_a_field(tmp_path: Path) -> None:
    """Counter-signing a memo that was not rendered awaiting review: its tree cannot change
    after the first signature, so pyHanko's own widget for the reviewer stays out of it (a
    known gap, said in the README) and the first signature stays valid."""
    signing.create_officer_key(tmp_path, "Ana Pérez", "pass phrase one", now=GENERATED_AT)
    signing.create_officer_key(tmp_path, "Rosa Díaz", "pass phrase two", now=GENERATED_AT)
    pdf = render(load_case("tb-trafficking-unknown"), **FINAL)
    signed = signing.sign_final_memo(pdf, tmp_path, "Ana Pérez", "pass phrase one")
    both = signing.countersign(signed, tmp_path, "Rosa Díaz", "pass phrase two")
    assert both.startswith(signed)  # an incremental update: the signed bytes are untouched
    check = check_memo(both)
    assert [one.valid for one in check.signatures] == [True, True]
    with pikepdf.open(io.BytesIO(both)) as document:
        widgets = {str(one.T): one for one in document.Root.AcroForm.Fields}
        assert "/StructParent" in widgets[OFFICER_FIELD]
        assert "/StructParent" not in widgets[REVIEWER_FIELD]
