"""The legal-terms glossary: every term with its Spanish, its source and whether that source
was read; and the Spanish catalog follows it wherever the English term is in a message."""

from __future__ import annotations

import csv
import re
from typing import Any

from tests.case_paths import REPO
from tests.i18n.catalog_tool import catalog_tool

GLOSSARY = REPO / "resources" / "i18n" / "glossary.csv"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
REQUIRED = ("asylum", "withholding of removal", "credible fear", "firm resettlement", "parole",
            "safe third country agreement", "asylum cooperative agreement", "transit bar")


def rows() -> list[dict[str, str]]:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_term_has_spanish_a_source_and_a_verified_flag() -> None:
    terms = rows()
    assert {r["english"] for r in terms} >= set(REQUIRED)
    for row in terms:
        assert row["spanish"].strip() and row["catalog_form"].strip(), row
        assert row["verified"] in ("yes", "no"), row
        assert row["source"].strip(), row  # "none found" is said, not left blank
        if row["verified"] == "yes":
            assert row["source_url"].startswith("https://www.uscis.gov/es/"), row


def _texts(message: Any) -> tuple[str, str]:
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    words = PLACEHOLDER.sub("", " ".join(ids))  # {officer} is a variable, not the word
    return words.lower(), " ".join(strings).lower()


def test_spanish_catalog_uses_the_glossary_term() -> None:
    tool = catalog_tool()
    catalog = tool.read_catalog(tool.po_path("es"), "es")
    misses = []
    checked = 0
    for row in rows():
        english, spanish = row["english"].lower(), row["catalog_form"].lower()
        for message in catalog:
            source, translation = _texts(message)
            if message.id and english in source:
                checked += 1
                if spanish not in translation:
                    misses.append((row["english"], source[:60], translation[:60]))
    assert checked >= 10 and not misses, misses
