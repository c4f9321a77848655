"""Names in every script come out as real glyphs from a font that has them, never boxes."""

from __future__ import annotations

import unicodedata

import pytest
from reportlab.pdfbase import pdfmetrics

from desktop.memo.fonts import (
    ARABIC,
    CJK,
    EMBEDDED_NAMES,
    FAMILIES,
    LATIN,
    register_fonts,
    script_runs,
)
from tests.memo.helpers import embedded_fonts, load_case, pages_text, render, squeeze

NAMES = {
    "spanish": ("Ramírez Núñez", "Ana Lucía", LATIN),
    "vietnamese": ("Nguyễn", "Thị Ánh Tuyết", LATIN),
    "arabic": ("الرحمن", "محمد عبد", ARABIC),
    "chinese": ("王", "小明", CJK),
    "russian": ("Иванова", "Мария Сергеевна", LATIN),
}


def _case_named(family: str, given: str) -> dict:
    case = load_case("tb-claim-pending-in-mexico")
    case["applicant"]["family_name"] = family
    case["applicant"]["given_names"] = given
    return case


@pytest.mark.parametrize("language", sorted(NAMES))
def test_name_is_extractable_and_drawn_with_the_font_of_its_script(language: str) -> None:
    family, given, script = NAMES[language]
    pdf = render(_case_named(family, given))
    text = unicodedata.normalize("NFKC", "\n".join(pages_text(pdf)))
    for word in (family + " " + given).split():
        # right-to-left words come back in visual order from some extractors
        assert word in text or word[::-1] in text, word
    fonts = embedded_fonts(pdf)
    assert EMBEDDED_NAMES[script] in {name.split("-")[0] for name in fonts}
    assert not any(name.startswith(("Helvetica", "Times", "Courier")) for name in fonts), fonts


@pytest.mark.parametrize("language", sorted(NAMES))
def test_every_character_of_the_name_is_in_the_font_chosen_for_it(language: str) -> None:
    register_fonts()
    family, given, _ = NAMES[language]
    for script, run in script_runs(f"{family} {given}"):
        font = pdfmetrics.getFont(FAMILIES[script].regular)
        for char in run:
            if not char.isspace():
                assert ord(char) in font.face.charToGlyph, (char, FAMILIES[script].regular)


def test_all_five_scripts_in_one_memo() -> None:
    family = " ".join(NAMES[k][0] for k in ("spanish", "vietnamese", "russian"))
    given = "王小明"
    case = _case_named(family, given)
    case["notes"] = "Also known as محمد عبد الرحمن."
    pdf = render(case)
    flat = squeeze("\n".join(pages_text(pdf)))
    for word in ("RamírezNúñez", "Nguyễn", "Иванова", "王小明"):
        assert squeeze(word) in flat
    fonts = {name.split("-")[0] for name in embedded_fonts(pdf)}
    assert set(EMBEDDED_NAMES.values()) <= fonts


def test_script_runs_keep_an_arabic_name_in_one_run() -> None:
    runs = script_runs("Name: محمد عبد الرحمن · 王小明 Lucía")
    assert runs == [(LATIN, "Name: "), (ARABIC, "محمد عبد الرحمن"), (LATIN, " · "),
                    (CJK, "王小明"), (LATIN, " Lucía")]


def test_punctuation_next_to_other_scripts_keeps_its_glyph_when_arabic_is_shaped() -> None:
    case = _case_named("الرحمن", "محمد")
    case["notes"] = "Interpreter: السيد أحمد. Alias 王小明."
    text = unicodedata.normalize("NFKC", "\n".join(pages_text(render(case))))
    line = next(line for line in text.splitlines() if "Alias" in line)
    after = line.split("王小明", 1)[1].strip()
    assert after.startswith("."), line
