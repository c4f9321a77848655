"""The engine's text layer: the same summary as the engine in English, whole sentences with
their plural forms in Spanish, and a translation object passed in, never a global locale."""

from __future__ import annotations

import copy
import gettext
import json
from datetime import date
from pathlib import Path

import pytest

from desktop.engine.text import law_notice, summary
from desktop.text_catalogs import NoCatalog, text_catalog
from tests.case_paths import CASES_DIR, EXTRA_CASES_DIR
from tests.evaluated import evaluated

CASE_FILES = sorted([*CASES_DIR.glob("*.case.json"), *EXTRA_CASES_DIR.glob("*.case.json")])


def _spanish_date(day: date) -> str:
    from babel.dates import format_date

    return format_date(day, "long", locale="es")


@pytest.mark.parametrize("case_file", CASE_FILES, ids=lambda p: p.name)
def test_english_text_layer_words_the_summary_as_the_engine_does(case_file: Path) -> None:
    """The text layer through the identity translation gives the engine's own summary, for
    every acceptance case: the Spanish summary is a translation of the same sentences."""
    determination = evaluated(json.loads(case_file.read_text("utf-8")))
    english = summary(gettext.NullTranslations(), determination, date.isoformat)
    assert english == determination["summary"]


def test_spanish_summary_counts_and_dates() -> None:
    determination = evaluated(json.loads(
        (CASES_DIR / "aca-salvadoran-to-guatemala.case.json").read_text("utf-8")))
    spanish = summary(text_catalog("es").translation, determination, _spanish_date)
    assert spanish.startswith("Evaluado el 10 de diciembre de 2019 con 7 familias de normas")
    assert "5 normas más no alcanzan el caso." in spanish
    assert "Acuerdos de cooperación en materia de asilo: se aplican." in spanish
    one = copy.deepcopy(determination)
    one["findings"] = [f for f in one["findings"] if f["rule"] != "aca"]
    assert "Prohibición por tránsito por un tercer país (2019): se aplica." in summary(
        text_catalog("es").translation, one, _spanish_date)


def test_the_law_notice_takes_a_long_date() -> None:
    notice = law_notice(text_catalog("es").translation, date(2026, 3, 14), _spanish_date)
    assert "14 de marzo de 2026" in notice and "14/3/2026" not in notice


def test_a_language_without_a_catalog_names_the_ones_there_are() -> None:
    with pytest.raises(NoCatalog) as raised:
        text_catalog("de")
    assert "'de'" in str(raised.value) and "es" in str(raised.value)
    assert "pt-BR" in raised.value.available
