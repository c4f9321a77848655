"""Memos and interview sheets as PDF/A-3b: every font embedded (pikepdf walk), XMP with the
PDF/A identification matching the Info dictionary, an sRGB output intent, the language, and the
case file and decision receipt embedded as associated files."""

from __future__ import annotations

import hashlib
import io
import json
import subprocess
from pathlib import Path
from typing import Any

import pikepdf
import pytest

from desktop.memo.archival import (
    CASE_FILE_NAME,
    RECEIPT_FILE_NAME,
    RECEIPT_FORMAT,
    associated_files,
    case_file_bytes,
)
from desktop.services.memo_rendering import render_case_interview_sheet
from tests.memo.helpers import (
    GENERATED_AT,
    determine,
    load_case,
    long_journey_case,
    public_case_files,
    render,
)

PDF_NS = "{http://www.aiim.org/pdfa/ns/id/}"


def _fonts_in(resources: Any, where: str, seen: set[tuple[int, int]]
              ) -> list[tuple[str, str, bool]]:
    """(where, base font, embedded) for every font in these resources and the form XObjects
    (and their own resources) they draw."""
    found: list[tuple[str, str, bool]] = []
    if resources is None:
        return found
    for _key, font in (resources.get("/Font") or {}).items():
        descriptor = font.get("/FontDescriptor")
        if font.get("/Subtype") == "/Type0":
            descriptor = font.DescendantFonts[0].get("/FontDescriptor")
        embedded = descriptor is not None and any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))
        found.append((where, str(font.get("/BaseFont")), embedded))
    for key, xobject in (resources.get("/XObject") or {}).items():
        if xobject.objgen in seen or xobject.get("/Subtype") != "/Form":
            continue
        seen.add(xobject.objgen)
        found += _fonts_in(xobject.get("/Resources"), f"{where} {key}", seen)
    return found


def every_font(pdf: bytes) -> list[tuple[str, str, bool]]:
    """Every font of every page, its form XObjects, its annotations' appearances and the
    AcroForm's default resources."""
    found: list[tuple[str, str, bool]] = []
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for number, page in enumerate(document.pages, start=1):
            found += _fonts_in(page.obj.get("/Resources"), f"page {number}", set())
            for annotation in page.obj.get("/Annots") or []:
                for state in (annotation.get("/AP") or {}).values():
                    streams = [state] if isinstance(state, pikepdf.Stream) else state.values()
                    for stream in streams:
                        found += _fonts_in(stream.get("/Resources"), f"page {number} annot",
                                           set())
        form = document.Root.get("/AcroForm")
        if form is not None and "/DR" in form:
            found += _fonts_in(form.DR, "AcroForm", set())
    return found


def _assert_all_embedded(pdf: bytes) -> None:
    fonts = every_font(pdf)
    assert fonts, "the walk found no font at all"
    missing = [one for one in fonts if not one[2]]
    assert not missing, f"fonts not embedded: {missing}"


@pytest.mark.parametrize("path", public_case_files(), ids=lambda p: p.name.split(".")[0])
def test_every_font_of_every_public_memo_is_embedded(path: Path) -> None:
    _assert_all_embedded(render(load_case(path.name.split(".")[0])))


def test_fonts_embedded_in_tables_of_a_long_memo_and_other_scripts() -> None:
    case = long_journey_case()  # many table rows over several pages
    case["applicant"]["family_name"] = "الرحمن"
    case["applicant"]["given_names"] = "小明"
    pdf = render(case)
    _assert_all_embedded(pdf)
    names = {base for _where, base, _embedded in every_font(pdf)}
    assert any("NotoNaskhArabic" in name for name in names)
    assert any("DroidSansFallback" in name for name in names)


@pytest.mark.parametrize("language", ["en", "es"])
def test_interview_sheet_fonts_embedded_and_pdfa(language: str) -> None:
    case = load_case("tb-trafficking-unknown")
    pdf = render_case_interview_sheet(case, determine(case), language=language,
                                      generated_at=GENERATED_AT)
    _assert_all_embedded(pdf)
    _assert_pdfa_identified(pdf, "es-US" if language == "es" else "en-US")


def _assert_pdfa_identified(pdf: bytes, lang: str) -> None:
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == lang
        assert document.Root.ViewerPreferences.DisplayDocTitle is True
        assert "/Encrypt" not in document.trailer
        assert "/Filter" not in document.Root.Metadata  # XMP readable as it is
        with document.open_metadata(set_pikepdf_as_editor=False) as meta:
            assert meta["pdfaid:part"] == "3"
            assert meta["pdfaid:conformance"] == "B"
            assert meta["dc:title"] == str(document.docinfo.Title)
            assert set(meta["dc:language"]) == {lang}  # a set (pikepdf 10), a list (8)
            assert meta["pdf:Producer"] == str(document.docinfo.Producer)
            # ReportLab writes D:20240501120000+00'00'; XMP the same instant
            assert meta["xmp:CreateDate"] == "2024-05-01T12:00:00+00:00"
            assert meta["xmp:ModifyDate"] == "2024-05-01T12:00:00+00:00"
        assert "/Trapped" not in document.docinfo
        intents = document.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.S == pikepdf.Name.GTS_PDFA1
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        assert int(profile.N) == 3
        icc = profile.read_bytes()
        assert icc[12:20] == b"mntrRGB " and icc[36:40] == b"acsp"
        assert int.from_bytes(icc[:4], "big") == len(icc)
    info = subprocess.run(["pdfinfo", "-"], input=pdf, capture_output=True, check=True).stdout
    assert b"JavaScript:      no" in info and b"Encrypted:       no" in info
    assert b"PDF version:     1.7" in info


def test_memo_is_identified_as_pdfa_3b() -> None:
    _assert_pdfa_identified(render(load_case("aca-salvadoran-to-guatemala")), "en-US")


def test_case_file_and_receipt_are_embedded_byte_for_byte() -> None:
    case = load_case("tb-trafficking-unknown")
    determination = determine(case)
    pdf = render(case, determination)
    found = associated_files(pdf)
    assert sorted(found) == [CASE_FILE_NAME, RECEIPT_FILE_NAME]
    relationship, data = found[CASE_FILE_NAME]
    assert relationship == "Source"
    assert hashlib.sha256(data).digest() == hashlib.sha256(case_file_bytes(case)).digest()
    assert json.loads(data) == case
    relationship, data = found[RECEIPT_FILE_NAME]
    assert relationship == "Data"
    receipt = json.loads(data)
    assert receipt["format"] == RECEIPT_FORMAT
    assert receipt["rules_hash"] == determination["rules_hash"]
    assert receipt["facts_digest"] == determination["facts_digest"]
    assert receipt["engine_version"] == determination["engine_version"]
    assert receipt["decision_date"] == determination["decision_date"]
    assert [f["rule"] for f in receipt["findings"]] == [
        f["rule"] for f in determination["findings"]]
    # poppler sees the same files, as /AF and the EmbeddedFiles name tree list them
    listed = subprocess.run(["pdfdetach", "-list", "-"], input=pdf, capture_output=True)
    if listed.returncode != 0:  # older pdfdetach reads no stdin: use a file
        return
    assert CASE_FILE_NAME.encode() in listed.stdout


def test_embedded_files_carry_pdfa3_keys() -> None:
    pdf = render(load_case("tb-trafficking-unknown"))
    with pikepdf.open(io.BytesIO(pdf)) as document:
        specs = list(document.Root.AF)
        tree = list(document.Root.Names.EmbeddedFiles.Names)
        assert [str(name) for name in tree[::2]] == sorted(str(name) for name in tree[::2])
        for spec in specs:
            assert spec.Type == pikepdf.Name.Filespec
            assert str(spec.F) == str(spec.UF)
            assert str(spec.AFRelationship) in ("/Source", "/Data")
            stream = spec.EF.F
            assert stream.Subtype == pikepdf.Name("/application/json")
            assert int(stream.Params.Size) == len(stream.read_bytes())
            assert str(stream.Params.ModDate).startswith("D:2024")


def test_post_processing_keeps_the_same_bytes_for_the_same_inputs() -> None:
    case = load_case("tb-trafficking-unknown")
    determination = determine(case)
    assert render(case, determination) == render(case, determination)


def test_cli_interview_sheet_is_pdfa_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.cli import main
    from tests.memo.helpers import CASES_DIR

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(GENERATED_AT.timestamp())))  # XMP dates

    sheet = tmp_path / "sheet.pdf"
    assert main(["--data-dir", str(tmp_path / "data"), "memo",
                 str(CASES_DIR / "tb-trafficking-unknown.case.json"), "--interview-sheet",
                 "--language", "es", "-o", str(sheet)]) == 0
    pdf = sheet.read_bytes()
    _assert_all_embedded(pdf)
    _assert_pdfa_identified(pdf, "es-US")
