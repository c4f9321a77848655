"""Other names of languages ("Nawat" for Pipil, `ppl`): the ISO table's own common and inverted
names, and a small data file (resources/languages/alternate_names.json) of alternative names."""

from __future__ import annotations

import json
import os
import re
from functools import cache

import pycountry

from desktop.flow import languages
from desktop.resources import resource_path

_ENTRY = re.compile(r"\{[^{}]*\}")
_FIELD = re.compile(r'"(alpha_2|alpha_3|common_name|inverted_name)":\s*"((?:[^"\\]|\\.)*)"')


def _text(raw: str) -> str:
    return raw.encode().decode("unicode_escape") if "\\" in raw else raw


@cache
def _table_names() -> dict[str, str]:
    """Common and inverted names carried by the ISO 639-3 table, folded -> stored code."""
    path = os.path.join(pycountry.DATABASE_DIR, "iso639-3.json")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    found: dict[str, str] = {}
    for match in _ENTRY.finditer(text):
        fields = dict(_FIELD.findall(match.group(0)))
        code = fields.get("alpha_2") or fields.get("alpha_3")
        for key in ("common_name", "inverted_name"):
            if code and fields.get(key):
                found.setdefault(_text(fields[key]).casefold(), code)
    return found


@cache
def _listed_names() -> dict[str, str]:
    raw = json.loads(resource_path("languages", "alternate_names.json").read_text("utf-8"))
    return {name.casefold(): str(code) for name, code in raw["names"].items()}


def code_for_other_name(text: str) -> str | None:
    """The stored code for an alternative name ("Nawat" -> "ppl"); None when none matches."""
    folded = text.strip().casefold()
    if not folded:
        return None
    code = _listed_names().get(folded) or _table_names().get(folded)
    if code is None:
        return None
    return languages.two_letter_code(code) or code


def other_names() -> tuple[tuple[str, str], ...]:
    """(name, code) of every listed alternative name, for completion lists."""
    raw = json.loads(resource_path("languages", "alternate_names.json").read_text("utf-8"))
    return tuple((name, languages.two_letter_code(code) or code)
                 for name, code in raw["names"].items())
