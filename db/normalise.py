"""Derive the searchable columns from case-file JSON: folded names, A-numbers, search text."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

# The case file's rules live in desktop.case_rules (pure; the one import db makes of desktop);
# re-exported for db's callers.
from desktop.case_rules import canonical_json, content_hash, normalise_a_number

__all__ = ["CaseColumns", "JourneyRow", "a_number_query_digits", "canonical_json",
           "content_hash", "derive_columns", "fold", "normalise_a_number"]

# Letters NFKD does not decompose but a caseworker types without the mark.
_EXTRA_FOLDS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ß": "ss",
     "ı": "i", "ħ": "h"}
)
_NON_TOKEN = re.compile(r"[^\w]+|_")
_A_NUMBER_LIKE = re.compile(r"^\s*[aA]?[\s\-.#:]*\d[\d\s\-.]*$")


def fold(text: str) -> str:
    """Lower-case, strip diacritics, turn punctuation into spaces (the index's token rules)."""
    if text.isascii():
        return " ".join(_NON_TOKEN.sub(" ", text.lower()).split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = unicodedata.normalize("NFKC", bare).translate(_EXTRA_FOLDS)
    return " ".join(_NON_TOKEN.sub(" ", bare).split())


def a_number_query_digits(query: str) -> str | None:
    """The digits of a query written like an A-number ("A-212-3", "212 345"), else None."""
    if not _A_NUMBER_LIKE.match(query):
        return None
    digits = re.sub(r"\D", "", query)
    return digits if len(digits) >= 2 else None


def _text(value: object) -> str:
    return value.strip() if isinstance(value, str) else ""


def _mapping(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


@dataclass(frozen=True)
class JourneyRow:
    """One journey stop as listed; claims flattened beside it."""

    position: int
    country: str | None
    arrived: str | None
    departed: str | None
    status_held: str | None
    claims: tuple[tuple[str | None, str | None, str | None], ...]  # kind, filed, outcome


@dataclass(frozen=True)
class CaseColumns:
    """Everything the cases table derives from the JSON (the JSON stays the truth)."""

    case_ref: str | None
    display_name: str
    family_name: str
    given_names: str
    a_number: str | None
    nationality: str | None
    entry_date: str | None
    search_text: str
    journey: tuple[JourneyRow, ...]


def _short(value: object) -> str | None:
    return value[:64] if isinstance(value, str) and value else None


def derive_columns(case_data: dict[str, Any]) -> CaseColumns:
    """Read what lists and search need from a case dict that may be incomplete or odd."""
    applicant = _mapping(case_data.get("applicant"))
    family = _text(applicant.get("family_name"))
    given = _text(applicant.get("given_names"))
    display = ", ".join(part for part in (family, given) if part) or "(no name yet)"
    a_number = normalise_a_number(applicant.get("a_number"))
    nationalities = applicant.get("nationalities")
    nationality = None
    if isinstance(nationalities, list):
        codes = [code for code in nationalities if isinstance(code, str) and code]
        nationality = ",".join(codes)[:64] or None
    if nationality is None and applicant.get("stateless") is True:
        nationality = "stateless"
    entry_date = _short(_mapping(case_data.get("entry")).get("date"))
    case_ref = _text(case_data.get("case_id"))[:200] or None
    notes = _text(case_data.get("notes"))
    search_parts = [family, given, notes, case_ref or ""]
    if a_number is not None:
        # Every tail of the digits is a token, so FTS5's prefix match finds any part of the
        # number ("345678" finds 012345678): seven short tokens per case.
        search_parts += [a_number[start:] for start in range(len(a_number) - 2)]
    journey_rows: list[JourneyRow] = []
    stops = case_data.get("journey")
    if isinstance(stops, list):
        for position, stop in enumerate(stops):
            stop_map = _mapping(stop)
            claims = stop_map.get("protection_claims")
            claim_rows = tuple(
                (_short(c.get("kind")), _short(c.get("filed")), _short(c.get("outcome")))
                for c in (claims if isinstance(claims, list) else [])
                if isinstance(c, dict)
            )
            journey_rows.append(
                JourneyRow(
                    position=position,
                    country=_short(stop_map.get("country")),
                    arrived=_short(stop_map.get("arrived")),
                    departed=_short(stop_map.get("departed")),
                    status_held=_short(stop_map.get("status_held")),
                    claims=claim_rows,
                )
            )
    return CaseColumns(
        case_ref=case_ref,
        display_name=display,
        family_name=family,
        given_names=given,
        a_number=a_number,
        nationality=nationality,
        entry_date=entry_date,
        search_text=fold(" ".join(search_parts)),
        journey=tuple(journey_rows),
    )
