"""CI gates on the gettext catalogs: in step with the sources, compiled, complete for Spanish,
and every translation keeping its message's placeholders."""

from __future__ import annotations

import difflib
import gettext
import io
import re
from pathlib import Path
from typing import Any

import pytest
from babel.messages.mofile import read_mo

from tests.i18n.catalog_tool import catalog_tool

TOOL = catalog_tool()
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
SHEET_SOURCES = ("desktop/memo/sheet_questions.py", "desktop/memo/interview.py",
                 "desktop/memo/locale_words.py")


def _strings(message: Any) -> list[str]:
    value = message.string
    return list(value) if isinstance(value, tuple) else [value]


def _ids(message: Any) -> list[str]:
    return list(message.id) if isinstance(message.id, tuple) else [message.id]


def test_template_is_what_extraction_gives_now(tmp_path: Path) -> None:
    """Extraction run afresh into a temporary folder equals the committed waypoint.pot: a new
    or changed message in the code without `python resources/i18n/catalogs.py` fails here."""
    fresh = TOOL.template_bytes(TOOL.extract()).decode("utf-8")
    (tmp_path / "waypoint.pot").write_text(fresh, encoding="utf-8")
    committed = TOOL.POT.read_text(encoding="utf-8")
    diff = "\n".join(difflib.unified_diff(committed.splitlines(), fresh.splitlines(),
                                          "committed waypoint.pot", "extracted", lineterm=""))
    assert not diff, f"catalogs out of date: run python resources/i18n/catalogs.py\n{diff}"


@pytest.mark.parametrize("locale", TOOL.LOCALES)
def test_each_po_is_merged_with_the_template(locale: str) -> None:
    """Merging the .po with the template changes nothing (same messages, nothing obsolete)."""
    committed = TOOL.po_path(locale).read_bytes()
    assert TOOL.po_bytes(TOOL.merged(TOOL.read_catalog(TOOL.POT), locale)) == committed


@pytest.mark.parametrize("locale", TOOL.LOCALES)
def test_each_mo_is_compiled_from_its_po(locale: str) -> None:
    po = TOOL.read_catalog(TOOL.po_path(locale), locale)
    mo_file = TOOL.po_path(locale).with_suffix(".mo")
    assert mo_file.read_bytes() == TOOL.mo_bytes(po), f"{mo_file}: recompile it"


def test_spanish_is_complete() -> None:
    """Engine text, memo, sheet and CLI messages: none empty, none fuzzy, in Spanish."""
    catalog = TOOL.read_catalog(TOOL.po_path("es"), "es")
    gaps = [_ids(m)[0] for m in catalog if m.id and (m.fuzzy or not all(_strings(m)))]
    assert not gaps, f"{len(gaps)} Spanish messages untranslated or fuzzy: {gaps[:5]}"
    assert len(catalog) > 200


@pytest.mark.parametrize("locale", ["fr", "ht", "pt_BR"])
def test_sheet_languages_are_complete_for_the_sheet(locale: str) -> None:
    catalog = TOOL.read_catalog(TOOL.po_path(locale), locale)
    sheet = [m for m in catalog
             if m.id and any(path.startswith(SHEET_SOURCES) for path, _line in m.locations)]
    gaps = [_ids(m)[0] for m in sheet if m.fuzzy or not all(_strings(m))]
    assert len(sheet) > 40 and not gaps, gaps[:5]


@pytest.mark.parametrize("locale", TOOL.LOCALES)
def test_translations_keep_every_placeholder(locale: str) -> None:
    """A translation names exactly the variables its message names (no lost {country})."""
    catalog = TOOL.read_catalog(TOOL.po_path(locale), locale)
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        wanted = set(PLACEHOLDER.findall(_ids(message)[-1]))
        for text in _strings(message):
            if text and set(PLACEHOLDER.findall(text)) != wanted:
                wrong.append((_ids(message)[0], text))
    assert not wrong, wrong[:3]


def test_spanish_plural_forms_are_cldr_and_used() -> None:
    """Spanish has one, many (millions) and other; the compiled catalog picks them by count."""
    data = TOOL.po_path("es").with_suffix(".mo").read_bytes()
    assert read_mo(io.BytesIO(data)).num_plurals == 3
    spanish = gettext.GNUTranslations(io.BytesIO(data))
    one, many = "{count} question must be answered before every finding can be made.", \
        "{count} questions must be answered before every finding can be made."
    assert spanish.ngettext(one, many, 1).startswith("Hay que responder {count} pregunta ")
    assert spanish.ngettext(one, many, 2).startswith("Hay que responder {count} preguntas ")
    assert " de preguntas " in spanish.ngettext(one, many, 1_000_000)
