"""Case-file fields named as the caseworker knows them: 'Stop 8 — Guatemala — claim filed …'."""

from __future__ import annotations

import re
from typing import Any

from desktop.memo import lookups
from desktop.memo.case_values import VALUE_WORDS, value_words
from desktop.memo.language import N_, _
from desktop.memo.text import UNKNOWN, format_partial_date, humanize

DASH = "\u2014"
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_DATE_KEYS = {"date", "arrived", "departed", "filed", "decided", "date_of_birth", "decision_date"}
_COUNTRY_KEYS = {"coming_from", "country", "last_habitual_residence", "final_denial_country"}

# The fields a caseworker knows by another name than the case file's key.
LABELS = {
    "decision_date": N_("Decision date"),
    "case_reference": N_("Case reference"),
    "applicant.nationalities": N_("Nationality"),
    "applicant.stateless": N_("Stateless"),
    "applicant.date_of_birth": N_("Date of birth"),
    "applicant.last_habitual_residence": N_("Last habitual residence"),
    "applicant.a_number": N_("A-number"),
    "entry.date": N_("Date of entry"),
    "entry.time": N_("Time of entry"),
    "entry.border": N_("Border crossed"),
    "entry.at_port_of_entry": N_("Presented at a port of entry"),
    "entry.port": N_("Port of entry"),
    "entry.place": N_("Place of crossing"),
    "entry.coming_from": N_("Crossed from"),
    "entry.unaccompanied_child": N_("Unaccompanied child at entry"),
    "entry.documents": N_("Documents held at entry"),
    "entry.scheduled_appointment": N_("Pre-scheduled appointment (CBP One)"),
    "entry.scheduling_obstacle": N_("Obstacle to scheduling an appointment"),
    "entry.metered_before_2019_07_16": N_("Turned back at a port before 16 Jul 2019 (metering)"),
    "entry.claimed_within_days": N_("Days from crossing to protection claim"),
    "entry.proceeding": N_("Proceeding"),
    "circumstances.trafficking_victim": N_("Victim of a severe form of trafficking"),
    "circumstances.medical_emergency_at_entry": N_("Medical emergency at entry"),
    "circumstances.imminent_threat_at_entry": N_("Imminent threat to life or safety at entry"),
    "circumstances.public_interest_exception": N_("Public-interest exception granted"),
    "circumstances.proclamation_case_by_case_exception": N_("Proclamation case-by-case exception"),
    "circumstances.travelling_with_family": N_("Family travelling with the applicant"),
    "circumstances.family_in_us": N_("Family in the United States"),
    "circumstances.fear_of_receiving_country": N_("Fear of the receiving country"),
    "circumstances.needs_visa_to_enter": N_("Visa needed to enter the receiving country"),
    "journey": N_("Travel history"),
}
STOP_LABELS = {
    "arrived": N_("arrived"),
    "departed": N_("departed"),
    "status_held": N_("status held"),
    "permanent_status_offered": N_("offered permanent status"),
    "returned_later": N_("left and returned later"),
    "onward_travel_only": N_("stayed only to arrange onward travel"),
    "residence_restricted": N_("residence restricted"),
    "protection_claims": N_("protection claims"),
    "left_how": N_("how the stay ended"),
    "place": N_("city or region"),
}
# Identity and bookkeeping fields: never listed as 'unknown facts' of the case.
NOT_FACTS = {"format", "case_id", "case_reference", "notes", "applicant.family_name",
             "applicant.given_names", "applicant.a_number", "applicant.sex", "applicant.languages"}


def parse_path(path: str) -> list[str | int]:
    """'journey[7].protection_claims[0]' -> ['journey', 7, 'protection_claims', 0]."""
    parts: list[str | int] = []
    for name, index in _TOKEN.findall(str(path)):
        parts.append(int(index) if index else name.split("@", 1)[0])
    return parts


def resolve(case: dict[str, Any], parts: list[str | int]) -> tuple[bool, Any]:
    """The value at parts, and whether the path exists in the case."""
    value: Any = case
    for part in parts:
        if isinstance(part, int):
            if not isinstance(value, list) or not -len(value) <= part < len(value):
                return False, None
            value = value[part]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            return False, None
    return True, value


def show_value(key: str, value: Any) -> str:
    """A recorded value in plain words."""
    if value is None:
        return _(UNKNOWN)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if key in _DATE_KEYS:
        return format_partial_date(value)
    if key in _COUNTRY_KEYS or key == "nationalities":
        codes = value if isinstance(value, list) else [value]
        return ", ".join(lookups.country_name(str(c)) for c in codes) or _("none")
    if isinstance(value, list):
        return _("{count} recorded").format(count=len(value)) if value else _("none")
    if isinstance(value, dict):
        return _("recorded") if value else _("none recorded")
    if isinstance(value, str) and value in VALUE_WORDS:
        return value_words(value)
    words = humanize(value).lower() if isinstance(value, str) and "_" in value else str(value)
    return _shorten(words)


def _shorten(words: str, limit: int = 80) -> str:
    return words if len(words) <= limit else words[:limit - 1].rstrip() + "\u2026"


def stop_name(case: dict[str, Any], index: int) -> str:
    """'Stop 8 — Guatemala' (stops counted from 1, as in the travel history)."""
    _found, stop = resolve(case, ["journey", index])
    country = lookups.country_name(stop.get("country")) if isinstance(stop, dict) else _(UNKNOWN)
    return _("Stop {number} \u2014 {country}").format(number=index + 1, country=country)


CLAIM_KINDS = {"asylum": N_("asylum claim"), "refugee_status": N_("refugee status claim"),
               "complementary_protection": N_("complementary protection claim"),
               "torture_protection": N_("torture protection claim")}
A_CLAIM = N_("claim")  # a claim of a kind not named above


def _claim_name(claim: Any) -> str:
    if not isinstance(claim, dict):
        return _("protection claim")
    kind = _(CLAIM_KINDS.get(claim.get("kind") or "", A_CLAIM))
    filed = claim.get("filed")
    if filed:
        return _("{claim} filed {date}").format(claim=kind, date=format_partial_date(filed))
    return _("{claim} (date not known)").format(claim=kind)


def _stop_fact(case: dict[str, Any], parts: list[str | int]) -> str:
    index = parts[1]
    assert isinstance(index, int)
    name = stop_name(case, index)
    rest = parts[2:]
    if not rest:
        return name
    if rest[0] == "protection_claims" and len(rest) >= 2 and isinstance(rest[1], int):
        _found, claim = resolve(case, parts[:4])
        label = f"{name} {DASH} {_claim_name(claim)}"
        if len(rest) >= 3:
            key = str(rest[2])
            _found, value = resolve(case, parts)
            label = _("{fact} \u2014 {what}: {value}").format(
                fact=label, what=humanize(key).lower(), value=show_value(key, value))
        return label
    key = str(rest[0])
    _found, value = resolve(case, parts[:3])
    if key == "protection_claims":
        claims = value if isinstance(value, list) else None
        words = (_("not asked") if claims is None else
                 _("none made") if not claims else "; ".join(_claim_name(c) for c in claims))
        return _("{stop} \u2014 protection claims: {claims}").format(stop=name, claims=words)
    what = _(STOP_LABELS[key]) if key in STOP_LABELS else humanize(key).lower()
    return _("{fact} \u2014 {what}: {value}").format(fact=name, what=what,
                                                     value=show_value(key, value))


def _family_fact(case: dict[str, Any], parts: list[str | int]) -> str:
    group = str(parts[1])
    label = _label(f"circumstances.{group}") or humanize(group)
    if len(parts) < 3 or not isinstance(parts[2], int):
        _found, value = resolve(case, parts)
        return _("{label}: {value}").format(label=label, value=show_value(group, value))
    member = _("{label}, person {number}").format(label=label, number=parts[2] + 1)
    if len(parts) < 4:
        return member
    key = str(parts[3])
    _found, value = resolve(case, parts)
    return _("{fact} \u2014 {what}: {value}").format(fact=member, what=humanize(key).lower(),
                                                     value=show_value(key, value))


def _label(dotted: str) -> str | None:
    return _(LABELS[dotted]) if dotted in LABELS else None


def describe_fact(path: str, case: dict[str, Any]) -> str:
    """A case-file field named as the caseworker knows it, with its recorded value."""
    parts = parse_path(path)
    if not parts:
        return _(UNKNOWN)
    if parts[0] == "journey":
        if len(parts) >= 2 and isinstance(parts[1], int):
            return _stop_fact(case, parts)
        stops = [s for s in case.get("journey") or [] if isinstance(s, dict)]
        countries = ", ".join(lookups.country_name(s.get("country")) for s in stops)
        return _("Travel history: {countries}").format(
            countries=countries or _("no stops recorded"))
    if (parts[0] == "circumstances" and len(parts) >= 2
            and parts[1] in ("travelling_with_family", "family_in_us")):
        return _family_fact(case, parts)
    if parts[:2] == ["circumstances", "fear_of_receiving_country"] and len(parts) >= 3:
        _found, value = resolve(case, parts)
        country = lookups.country_name(str(parts[2]))
        return _("Fear of {country}: {value}").format(country=country,
                                                       value=show_value("fear", value))
    dotted = ".".join(str(p) for p in parts)
    key = str(parts[-1])
    label = _label(dotted) or humanize(key)
    _found, value = resolve(case, parts)
    return _("{label}: {value}").format(label=label, value=show_value(key, value))


def unknown_fields(case: dict[str, Any]) -> list[str]:
    """Every field recorded as unknown (null), as a path: 'entry.port', 'journey[2].arrived'."""
    paths: list[str] = []

    def walk(value: Any, path: str) -> None:
        if path in NOT_FACTS:
            return
        if value is None:
            paths.append(path)
        elif isinstance(value, dict):
            for key, inner in value.items():
                walk(inner, f"{path}.{key}" if path else str(key))
        elif isinstance(value, list) and path.endswith(("journey", "protection_claims",
                                                        "travelling_with_family",
                                                        "family_in_us")):
            for index, inner in enumerate(value):
                walk(inner, f"{path}[{index}]")

    for key in ("decision_date", "applicant", "entry", "circumstances", "journey"):
        if key in case:
            walk(case[key], key)
    return paths
