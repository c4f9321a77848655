"""The open questions print as a one-page interview sheet in English and in Spanish."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.cli import main
from desktop.memo.interview import render_interview_sheet, sheet_questions
from tests.memo.helpers import CASES_DIR, GENERATED_AT, determine, load_case, pages_text


@pytest.mark.parametrize("language", ["en", "es"])
def test_sheet_is_one_page_with_each_question(language: str) -> None:
    case = load_case("tb-trafficking-unknown")
    pdf = render_interview_sheet(case, determine(case), language=language,
                                 generated_at=GENERATED_AT)
    pages = pages_text(pdf)
    assert len(pages) == 1
    expected = {"en": "victim of trafficking", "es": "víctima de trata de personas"}[language]
    assert expected in " ".join(pages[0].split())


def test_spanish_names_countries_in_spanish() -> None:
    case = load_case("tb-claim-pending-in-mexico")
    determination = determine(case)
    determination["findings"][0]["missing_facts"] = [
        {"field": "journey[2].protection_claims[0].final", "question": "Final?",
         "answers": {"true": "exception", "false": "applies"}},
        {"field": "circumstances.fear_of_receiving_country.GT", "question": "Fear?",
         "answers": {"established": "exception"}},
        {"field": "circumstances.public_interest_exception", "question": "Granted?",
         "answers": {"true": "exception"}}]
    questions, officer = sheet_questions(case, determination, "es")
    assert any("México" in q for q in questions)
    assert any("Guatemala" in q and "tortur" in q for q in questions)
    assert officer == 1


def test_many_questions_still_fit_on_one_page() -> None:
    case = load_case("tb-trafficking-unknown")
    determination = determine(case)
    determination["findings"][0]["missing_facts"] = [
        {"field": f"entry.question_{n}", "question": f"Question number {n} about the entry?",
         "answers": {"true": "applies"}} for n in range(10)]
    pdf = render_interview_sheet(case, determination, language="en", generated_at=GENERATED_AT)
    assert len(pages_text(pdf)) == 1


def test_cli_writes_the_spanish_sheet(tmp_path: Path) -> None:
    out = tmp_path / "hoja.pdf"
    assert main(["memo", str(CASES_DIR / "tb-trafficking-unknown.case.json"),
                 "--interview-sheet", "--language", "es", "-o", str(out)]) == 0
    assert "Hoja de entrevista" in pages_text(out.read_bytes())[0]


def test_spanish_sheet_numbers_its_page_in_spanish() -> None:
    case = load_case("tb-trafficking-unknown")
    pdf = render_interview_sheet(case, determine(case), language="es", generated_at=GENERATED_AT)
    assert "Página 1 de 1" in pages_text(pdf)[0]
