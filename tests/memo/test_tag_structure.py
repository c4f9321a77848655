"""The structure tree read back from real memos and interview sheets: a language on every part
of the text not in the document's language (names in other scripts, a Spanish passage), the
document's language taken from the rendering; grid tables with empty and spanning cells and
data cells naming their header cells; the interview sheet's questions as a numbered list."""

from __future__ import annotations

import io
import subprocess
from typing import Any

import pikepdf
import pytest

from desktop.memo import render_memo
from desktop.memo.archival import make_archival
from desktop.memo.interview import sheet_questions
from desktop.memo.pdf_text import FontMaps, shown_text
from desktop.memo.span_language import passage_language, script_tag, span_language
from desktop.services.memo_rendering import render_case_interview_sheet
from tests.memo.helpers import GENERATED_AT, determine, load_case, long_journey_case, render

SPANISH_NOTE = ("La solicitante dijo que no tenía miedo de volver a su país y que el viaje "
                "fue largo.")
INLINE_NOTE = "The applicant wrote her name as محمد عبد and also 王小明 on the form."


def _elements(document: pikepdf.Pdf) -> list[Any]:
    """Every structure element, depth first."""
    found: list[Any] = []

    def walk(element: Any) -> None:
        found.append(element)
        kids = element.get("/K")
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                if isinstance(kid, pikepdf.Dictionary):
                    walk(kid)

    walk(document.Root.StructTreeRoot.K)
    return found


def _mcid_texts(document: pikepdf.Pdf) -> dict[tuple[int, int], str]:
    """(page index, MCID) -> the text drawn inside that marked content."""
    texts: dict[tuple[int, int], str] = {}
    for index, page in enumerate(document.pages):
        maps = FontMaps(page.obj.get("/Resources"))
        font, open_mcids = "", []
        for instruction in pikepdf.parse_content_stream(page):
            name, operands = str(instruction.operator), instruction.operands
            if name in ("BDC", "BMC"):
                open_mcids.append(int(operands[1].MCID) if name == "BDC"
                                  and "/MCID" in operands[1] else None)
            elif name == "EMC":
                open_mcids.pop()
            elif name == "Tf":
                font = str(operands[0])
            elif open_mcids and open_mcids[-1] is not None:
                key = (index, open_mcids[-1])
                texts[key] = texts.get(key, "") + shown_text(maps, font, instruction)
    return texts


def _text_of(element: Any, texts: dict[tuple[int, int], str]) -> str:
    page = int(element.Pg.StructParents)
    kids = element.K
    if not isinstance(kids, pikepdf.Array):
        return texts.get((page, int(kids)), "")
    return "".join(_text_of(kid, texts) if isinstance(kid, pikepdf.Dictionary)
                   else texts.get((page, int(kid)), "") for kid in kids)


def _languages(pdf: bytes) -> list[tuple[str, str, str]]:
    """(role, /Lang, text) of every element that has its own language."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        texts = _mcid_texts(document)
        return [(str(element.S), str(element.Lang), _text_of(element, texts))
                for element in _elements(document) if "/Lang" in element]


def _named(family: str, given: str) -> dict[str, Any]:
    case = load_case("tb-claim-pending-in-mexico")
    case["applicant"]["family_name"] = family
    case["applicant"]["given_names"] = given
    return case


def test_words_tell_their_language_only_when_they_can() -> None:
    assert script_tag("Иванова") == "und-Cyrl"
    assert script_tag("محمد") == "und-Arab"
    assert script_tag("こんにちは") == "ja" and script_tag("김") == "ko"
    assert script_tag("Ramírez Núñez Nguyễn") is None  # Latin letters say nothing
    assert passage_language(SPANISH_NOTE, "en-US") == "es"
    assert passage_language(SPANISH_NOTE, "es-US") is None
    assert passage_language("Juan de la Cruz", "en-US") is None  # a name, too short
    assert passage_language("Turned back at a port before 16 Jul 2019 (metering): no",
                            "en-US") is None
    assert passage_language("the applicant was in Mexico for a year", "es-US") == "en"
    assert span_language("Ελένη", "el-GR") is None  # the document's own language


def test_names_in_other_scripts_and_a_spanish_passage_get_their_language() -> None:
    pdf = render(_named("Иванова", "王 小明"), officer_notes=SPANISH_NOTE)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        assert str(document.Root.Lang) == "en-US"
    found = _languages(pdf)
    assert ("/P", "und-Cyrl", "Иванова") in found
    assert ("/P", "und-Hani", "王 小明") in found
    assert ("/P", "es", SPANISH_NOTE) in found
    assert {language for _role, language, _text in found} == {"und-Cyrl", "und-Hani", "es"}


def test_other_scripts_inside_an_english_paragraph_are_spans() -> None:
    pdf = render(load_case("tb-claim-pending-in-mexico"), officer_notes=INLINE_NOTE)
    found = _languages(pdf)
    assert [(role, language) for role, language, _text in found] == [
        ("/Span", "und-Arab"), ("/Span", "und-Hani")]
    assert found[1][2] == "王小明"
    tree = subprocess.run(["pdfinfo", "-struct-text", "-"], input=pdf, capture_output=True,
                          check=True).stdout.decode()
    # poppler reads the paragraph as text, a Span, text, a Span, text: the order drawn
    assert '"The applicant wrote her name as "\n' in tree
    assert 'Span (inline)\n      "王小明"\n    " on the form."' in tree


def test_document_language_comes_from_the_rendering() -> None:
    """A memo whose rendering says Spanish: the Spanish passage is in the document language
    and English passages are the ones marked."""
    case = load_case("tb-claim-pending-in-mexico")
    raw = render_memo(case, determine(case), generated_at=GENERATED_AT,
                      officer_notes=SPANISH_NOTE)
    with pikepdf.open(io.BytesIO(raw)) as document:
        document.Root.Lang = pikepdf.String("es-MX")
        out = io.BytesIO()
        document.save(out)
    found = _languages(make_archival(out.getvalue()))
    assert found and all(language == "en" for _role, language, _text in found)
    assert SPANISH_NOTE not in [text for _role, _language, text in found]
    sheet = render_case_interview_sheet(case, determine(case), language="es",
                                        generated_at=GENERATED_AT)
    with pikepdf.open(io.BytesIO(sheet)) as document:
        assert str(document.Root.Lang) == "es-US"
    assert not any(language.startswith("es") for _r, language, _t in _languages(sheet))


def _tables(pdf: bytes) -> tuple[list[Any], dict[str, Any], pikepdf.Pdf]:
    document = pikepdf.open(io.BytesIO(pdf))
    tree = document.Root.StructTreeRoot
    names = tree.IDTree.Names
    ids = {str(names[i]): names[i + 1] for i in range(0, len(names), 2)}
    return [one for one in _elements(document) if str(one.S) == "/Table"], ids, document


def test_spanning_cells_and_headers_are_associated() -> None:
    tables, ids, document = _tables(render(load_case("tb-trafficking-unknown")))
    with document:
        texts = _mcid_texts(document)
        details = tables[0]
        last_row = [str(cell.S) for cell in details.K[-1].K]
        assert last_row == ["/TH", "/TD"]  # "Travelling with" and one cell over 3 columns
        assert int(details.K[-1].K[1].A.ColSpan) == 3
        questions = next(table for table in tables
                         if _text_of(table.K[0].K[1], texts) == "Question")
        assert [str(cell.A.Scope) for cell in questions.K[0].K] == ["/Column"] * 4
        first, second = questions.K[1], questions.K[2]
        assert [int(cell.A.get("/RowSpan", 1)) for cell in first.K] == [2, 2, 1, 1]
        assert len(second.K) == 2  # the question's cells span down: not repeated
        for cell in [*first.K, *second.K]:
            headers = [ids[str(name)] for name in cell.A.Headers]
            assert all(str(head.S) == "/TH" for head in headers)
        # wrapped over two lines, and still two words where it wraps
        assert [_text_of(ids[str(name)], texts) for name in second.K[0].A.Headers] == \
            ["If the answer is"]
        # a value in the details table is headed by the label to its left, not the row's first
        value = details.K[0].K[3]
        assert [_text_of(ids[str(name)], texts) for name in value.A.Headers] == ["A-number"]
        for key, head in ids.items():
            assert str(head.ID) == key


@pytest.mark.parametrize("language", ["en", "es"])
def test_interview_questions_are_a_numbered_list(language: str) -> None:
    case = load_case("tb-trafficking-unknown")
    case["entry"]["metered_before_2019_07_16"] = None  # a second question
    determination = determine(case)
    questions, _officer = sheet_questions(case, determination, language)
    assert len(questions) == 2
    pdf = render_case_interview_sheet(case, determination, language=language,
                                      generated_at=GENERATED_AT)
    with pikepdf.open(io.BytesIO(pdf)) as document:
        texts = _mcid_texts(document)
        elements = _elements(document)
        lists = [one for one in elements if str(one.S) == "/L"]
        assert len(lists) == 1 and lists[0].A.ListNumbering == pikepdf.Name.Decimal
        items = list(lists[0].K)
        assert len(items) == len(questions)
        for number, (item, question) in enumerate(zip(items, questions, strict=True), 1):
            assert [str(kid.S) for kid in item.K] == ["/Lbl", "/LBody"]
            assert _text_of(item.K[0], texts) == f"{number}. "
            assert " ".join(_text_of(item.K[1], texts).split()) == question
        # the ruled answer lines are layout, not tables of empty cells
        assert all(_text_of(one, texts).strip() for one in elements if str(one.S) == "/Table")


def test_a_table_split_over_pages_is_one_table_with_one_header_row() -> None:
    tables, ids, document = _tables(render(long_journey_case()))
    with document:
        texts = _mcid_texts(document)
        travel = next(table for table in tables
                      if _text_of(table.K[0].K[1], texts) == "Country")
        pages = [int(row.Pg.StructParents) for row in travel.K]
        assert len(set(pages)) >= 2 and pages == sorted(pages)  # rows from every page, in order
        cells = [cell for row in travel.K for cell in row.K]
        assert [str(cell.S) for cell in cells].count("/TH") == 7  # the header row once
        later = [cell for row in travel.K[1:] for cell in row.K]
        assert all(str(cell.S) == "/TD" for cell in later)
        for cell in later:  # rows on later pages are headed by the first page's header row
            names = [str(name) for name in cell.A.Headers]
            assert len(names) == 1 and names[0].startswith(f"p{pages[0]}t")
            assert ids[names[0]].P == travel.K[0]
    drawn = subprocess.run(["pdftotext", "-layout", "-", "-"], input=render(long_journey_case()),
                           capture_output=True, check=True).stdout.decode()
    assert drawn.count("Treaty participation at the time") == len(set(pages))  # still drawn
