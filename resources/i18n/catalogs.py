"""Builds Waypoint's gettext catalogs with Babel: extract, update, compile.

    python resources/i18n/catalogs.py        # waypoint.pot from the sources, each .po merged
                                             # with it, each .mo compiled from its .po

Messages are extracted from the Qt-free code (engine text layer, memo, interview sheet,
services, commands) by the gettext keywords, plus the rule pack's family titles (data, with
the context "rule title"). The .mo files are committed so a fresh clone needs no build step;
tests/i18n/test_catalogs.py fails when any of the three files is out of step with the sources.
"""

from __future__ import annotations

import io
import json
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
SOURCE_DIRS = ("desktop/engine", "desktop/memo", "desktop/services", "desktop/commands")
KEYWORDS = {"gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2), "N_": None,
            "_": None}
LOCALES = ("es", "fr", "ht", "pt_BR")
DOMAIN = "waypoint"
POT = HERE / f"{DOMAIN}.pot"
GENDER_CONTEXTS = ("female applicant", "male applicant")  # desktop/memo/sheet_questions.py
PROJECT = "Waypoint"
FIXED_DATE = datetime(2026, 1, 1, tzinfo=UTC)
TRANSLATOR = "Waypoint developers (written by the engineer, not yet reviewed by a native speaker)"


def po_path(locale: str) -> Path:
    return HERE / "locale" / locale / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(root: Path = ROOT) -> Catalog:
    """Every message of the sources and the rule pack's titles, in a fresh template."""
    catalog = Catalog(project=PROJECT, fuzzy=False)
    for folder in SOURCE_DIRS:
        for name, line, message, comments, context in extract_from_dir(
                root / folder, method_map=[("**.py", "python")], keywords=KEYWORDS,
                comment_tags=("Translators:",), strip_comment_tags=True):
            location = (f"{folder}/{name}".replace("\\", "/"), line)
            catalog.add(message, locations=[location], auto_comments=comments,
                        context=context)
            if any(comment.startswith("gendered") for comment in comments):
                for gender in GENDER_CONTEXTS:  # the applicant's gender, where it shows
                    catalog.add(message, locations=[location], auto_comments=comments,
                                context=gender)
    for pack_file in sorted((root / "resources" / "rules").glob("*.json")):
        family = json.loads(pack_file.read_text(encoding="utf-8"))
        if isinstance(family, dict) and isinstance(family.get("title"), str) and \
                "rule" in family:
            catalog.add(family["title"], locations=[(f"resources/rules/{pack_file.name}", 1)],
                        context="rule title")
    return catalog


def template_bytes(catalog: Catalog) -> bytes:
    """The .pot as written: no creation date, no line numbers, so it changes only with text."""
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, omit_header=False, sort_output=True,
             include_lineno=False)
    return _without_dates(buffer.getvalue())


def _without_dates(data: bytes) -> bytes:
    lines = data.split(b"\n")
    return b"\n".join(line for line in lines if not line.startswith(
        (b'"POT-Creation-Date', b'"PO-Revision-Date', b'"Generated-By')))


def read_catalog(path: Path, locale: str | None = None) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, locale=locale)


def merged(template: Catalog, locale: str) -> Catalog:
    """The locale's .po brought up to the template (new messages empty, gone ones dropped)."""
    existing = read_catalog(po_path(locale), locale) if po_path(locale).exists() else \
        Catalog(locale=locale, project=PROJECT)
    existing.update(template, no_fuzzy_matching=True)
    existing.obsolete.clear()
    existing.fuzzy = False
    existing.last_translator = TRANSLATOR
    existing.language_team = TRANSLATOR
    return existing


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=True, include_lineno=False,
             ignore_obsolete=True)
    return _without_dates(buffer.getvalue())


def mo_bytes(catalog: Catalog) -> bytes:
    """The compiled catalog; its header dates fixed, so the same .po compiles to the same bytes
    (and the catalog hash a memo records changes only with the text)."""
    catalog.creation_date = catalog.revision_date = FIXED_DATE
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def main() -> int:
    template = extract()
    POT.write_bytes(template_bytes(template))
    for locale in LOCALES:
        catalog = merged(read_catalog(POT), locale)
        po_path(locale).parent.mkdir(parents=True, exist_ok=True)
        po_path(locale).write_bytes(po_bytes(catalog))
        po_path(locale).with_suffix(".mo").write_bytes(
            mo_bytes(read_catalog(po_path(locale), locale)))
        missing = sum(1 for m in catalog if m.id and not m.string)
        print(f"{locale}: {len(catalog) - 1} messages, {missing} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
