"""The people in the memo's case details: the applicant's sex and languages, the family
travelling with them (names as recorded, languages by their ISO 639 names)."""

from __future__ import annotations

from functools import cache
from typing import Any

from desktop.memo.language import N_, _, active, english
from desktop.memo.text import UNKNOWN, format_partial_date, normalized
from desktop.resources import resource_path

SEX_WORDS = {"female": N_("Female"), "male": N_("Male"), "x": N_("X (neither female nor male)")}
NOT_RECORDED = N_("not recorded")


@cache
def _language_names() -> dict[str, str]:
    """ISO 639 code (two-letter where there is one) -> English name, from the shipped table."""
    names: dict[str, str] = {}
    table = resource_path("codes", "languages.tsv").read_text(encoding="utf-8")
    for line in table.splitlines():
        if line and not line.startswith("#"):
            code, _alpha_3, name = line.split("\t", 3)[:3]
            names[code] = name
    return names


def sex_words(applicant: dict[str, Any]) -> str:
    """'Female', 'Male', 'X (…)' or 'not recorded'."""
    return _(SEX_WORDS.get(str(applicant.get("sex") or ""), NOT_RECORDED))


def languages_words(applicant: dict[str, Any]) -> str:
    """The applicant's languages by name, in the order recorded ('Spanish, Mam')."""
    codes = [str(code) for code in applicant.get("languages") or []]
    names = _language_names()
    return ", ".join(_language_name(code, names) for code in codes) or _(NOT_RECORDED)


def _language_name(code: str, english_names: dict[str, str]) -> str:
    """A language's name in the memo's language (Babel's CLDR names; else the English one)."""
    if not english():
        from babel import Locale

        name = Locale.parse(active().locale).languages.get(code)
        if isinstance(name, str) and name:
            return name
    return english_names.get(code, code)


def _member_words(member: dict[str, Any]) -> str:
    relation = normalized(member.get("relation")).strip() or _("relation not recorded")
    name = " ".join(part for part in (normalized(member.get("family_name")).strip(),
                                      normalized(member.get("given_names")).strip()) if part)
    born = member.get("date_of_birth")
    details = [name or _("name not recorded")]
    if born:
        details.append(_("born {date}").format(date=format_partial_date(born)))
    return _("{relation}: {details}").format(relation=relation, details=", ".join(details))


def family_words(circumstances: dict[str, Any]) -> str:
    """Everyone travelling with the applicant, '; ' between them; 'none recorded' or unknown."""
    family = circumstances.get("travelling_with_family")
    if family is None:
        return _(UNKNOWN)
    return "; ".join(_member_words(member) for member in family
                     if isinstance(member, dict)) or _("nobody (travelling alone)")
