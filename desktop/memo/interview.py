"""The interview sheet: the open questions on one page with room for answers, in the applicant's
language (English, Spanish, Haitian Creole, Portuguese (Brazil) or French: the catalogs in
resources/i18n), the translation handed in by the caller."""

from __future__ import annotations

import io
import re
from datetime import datetime
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer

from desktop import __version__
from desktop.case_rules import shown_a_number
from desktop.engine.text import Translator
from desktop.memo.blocks import CONTENT_WIDTH, grid, list_item, text
from desktop.memo.document import PageDecor, build_document
from desktop.memo.facts import parse_path
from desktop.memo.locale_words import country, partial_date
from desktop.memo.reasoning import open_questions
from desktop.memo.sheet_questions import (
    CLAIM_DECIDED,
    CLAIM_MADE,
    FEAR,
    FIXED,
    STOP_QUESTIONS,
    family_question,
    say,
    stop_claim,
)
from desktop.memo.story import applicant_name, case_reference
from desktop.memo.styles import memo_styles
from desktop.text_catalogs import NoCatalog, TextCatalog, language_tag, text_catalog

SHEET_LANGUAGES = ("en", "es", "fr", "ht", "pt-BR")
# Points the officer settles from the record; not questions for the applicant.
OFFICER_ONLY = ("circumstances.public_interest_exception",
                "circumstances.proclamation_case_by_case_exception", "decision_date")


def sheet_catalog(case: dict[str, Any], language: str | None = None) -> TextCatalog:
    """The sheet's catalog: `language`, else the applicant's first recorded language, else
    English. NoCatalog names the languages there are when the one asked for has none."""
    if language is None:
        recorded = (case.get("applicant") or {}).get("languages") or []
        language = str(recorded[0]) if recorded else "en"
    tag = language_tag(language)
    if tag not in SHEET_LANGUAGES:
        raise NoCatalog(language, SHEET_LANGUAGES)
    return text_catalog(tag)


def _stop_country(case: dict[str, Any], parts: list[str | int], catalog: TextCatalog) -> str:
    index = parts[1] if len(parts) > 1 and isinstance(parts[1], int) else None
    stops = case.get("journey") or []
    if index is None or not 0 <= index < len(stops) or not isinstance(stops[index], dict):
        return catalog.translation.gettext("that country")
    return country(stops[index].get("country"), catalog)


def _stop_question(case: dict[str, Any], parts: list[str | int],
                   catalog: TextCatalog) -> str | None:
    tr, sex = catalog.translation, (case.get("applicant") or {}).get("sex")
    name = _stop_country(case, parts, catalog)
    if "protection_claims" in parts:
        claim = stop_claim(case, parts)
        if isinstance(claim, dict):
            return tr.gettext(CLAIM_DECIDED).format(
                country=name, filed=partial_date(catalog, claim.get("filed")))
        return tr.gettext(CLAIM_MADE).format(country=name)
    key = next((str(p) for p in reversed(parts) if isinstance(p, str) and p != "journey"), "")
    message = STOP_QUESTIONS.get(key)
    return None if message is None else say(tr, sex, message).format(country=name)


def interview_question(field_path: str, fallback: str, case: dict[str, Any],
                       catalog: TextCatalog) -> str | None:
    """The question for the applicant in the language; None when it is the officer's to settle."""
    if field_path in OFFICER_ONLY or "@treaty_status" in fallback:
        return None
    tr, sex = catalog.translation, (case.get("applicant") or {}).get("sex")
    parts = parse_path(field_path)
    dotted = ".".join(str(p) for p in parts)
    if dotted in FIXED:
        return say(tr, sex, FIXED[dotted])
    if parts[:1] == ["journey"] and len(parts) >= 2:
        found = _stop_question(case, parts, catalog)
        if found:
            return found
        if len(parts) == 2 and re.search(r"treaty|party to", fallback):
            return None
    families = (["circumstances", "family_in_us"], ["circumstances", "travelling_with_family"])
    if parts[:2] in families:
        found = family_question(tr, parts)
        if found:
            return found
    if parts[:2] == ["circumstances", "fear_of_receiving_country"] and len(parts) >= 3:
        return say(tr, sex, FEAR).format(country=country(parts[2], catalog))
    return _untranslated(tr, fallback)


def _untranslated(tr: Translator, fallback: str) -> str:
    """The engine's English question, said to be English where the sheet is not."""
    # Translators: {question} is the engine's English question, left as it is.
    marked = tr.gettext("{question} (question not translated; interpret it)")
    return fallback if marked.startswith("{question} (question not translated") else \
        marked.format(question=fallback)


def sheet_questions(case: dict[str, Any], determination: dict[str, Any],
                    language: TextCatalog | str) -> tuple[list[str], int]:
    """The applicant's questions in the language, and how many points are the officer's."""
    catalog = language if isinstance(language, TextCatalog) else sheet_catalog(case, language)
    asked: list[str] = []
    officer = 0
    for question in open_questions(determination):
        words = interview_question(question.field, question.question, case, catalog)
        if words is None:
            officer += 1
        elif words not in asked:
            asked.append(words)
    return asked, officer


def _who_rows(case: dict[str, Any], tr: Translator) -> list[tuple[str, str]]:
    applicant = case.get("applicant") or {}
    reference = case_reference(case)
    if reference == "not given":
        reference = tr.gettext("not given")
    return [(tr.gettext("Case reference"), reference),
            (tr.gettext("A-number"), shown_a_number(applicant.get("a_number"), "\u2014")),
            (tr.gettext("Name"), applicant_name(applicant)), (tr.gettext("Date"), ""),
            (tr.gettext("Interpreter"), "")]


def render_interview_sheet(case: dict[str, Any], determination: dict[str, Any], *,
                           generated_at: datetime, catalog: TextCatalog | None = None,
                           language: str | None = None) -> bytes:
    """One page: who, then each open question with ruled room for the answer, in `catalog`'s
    language (else `language`'s, else the applicant's first recorded language's)."""
    catalog = catalog or sheet_catalog(case, language)
    styles = memo_styles()
    tr = catalog.translation
    title = tr.gettext("Interview sheet: questions still open")
    questions, officer = sheet_questions(case, determination, catalog)
    who = _who_rows(case, tr)
    rows = [[text(label, styles.cell_header), text(value, styles.cell, limit=200)]
            for label, value in who]
    story: list[Flowable] = [
        text(title, styles.title),
        text(tr.gettext("Please answer these questions. Your answers help the officer apply the "
                        "law to your case. If you do not know an answer, say so."), styles.body),
        Spacer(1, 4), grid(rows, [1.6 * inch, CONTENT_WIDTH - 1.6 * inch], header_rows=0),
        Spacer(1, 8)]
    if not questions:
        story.append(text(tr.gettext("No question is open: the facts recorded were enough for "
                                     "every finding."), styles.body))
    # as many ruled lines per answer as fit on the one page
    answer_lines = max(1, min(6, int((470 / max(1, len(questions)) - 30) / 16)))
    for number, question in enumerate(questions, start=1):
        story.append(list_item(f"{number}. {question}", styles.subheading))
        story.append(grid([[""] for _ in range(answer_lines)], [CONTENT_WIDTH], header_rows=0,
                          row_heights=[16] * answer_lines,
                          extra=[("GRID", (0, 0), (-1, -1), 0, "white"),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#9a9a9a")]))
    if officer:
        story.append(Spacer(1, 6))
        story.append(text(tr.ngettext(
            "{count} further point is for the officer to settle from the record.",
            "{count} further points are for the officer to settle from the record.",
            officer).format(count=officer), styles.small))
    reference, a_number = who[0][1], who[1][1]
    decor = PageDecor(
        running_title=f"{who[0][0]} {reference} \u00b7 {who[1][0]} {a_number}",
        footer_lines=(tr.gettext("Interview sheet \u00b7 Waypoint {version} \u00b7 {generated}")
                      .format(version=__version__,
                              generated=partial_date(catalog, generated_at.date())),),
        draft=False, page_words=tr.gettext("Page {number} of {total}"))
    buffer = io.BytesIO()
    build_document(buffer, story, decor, created_at=generated_at, title=title,
                   subject=f"{title}: {reference}", author=f"Waypoint {__version__}",
                   keywords=f"waypoint-interview-sheet; language {catalog.language}",
                   lang=catalog.document_lang)
    return buffer.getvalue()
