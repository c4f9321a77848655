"""Case-file fields named as the caseworker knows them: 'Stop 8 — Guatemala — claim filed …'."""

from __future__ import annotations

import re
from typing import Any

from desktop.memo import lookups
from desktop.memo.text import UNKNOWN, format_partial_date, humanize

DASH = "\u2014"
_TOKEN = re.compile(r"([^.\[\]]+)|\[(\d+)\]")
_DATE_KEYS = {"date", "arrived", "departed", "filed", "decided", "date_of_birth", "decision_date"}
_COUNTRY_KEYS = {"coming_from", "country", "last_habitual_residence", "final_denial_country"}

# The fields a caseworker knows by another name than the case file's key.
LABELS = {
    "decision_date": "Decision date",
    "case_reference": "Case reference",
    "applicant.nationalities": "Nationality",
    "applicant.stateless": "Stateless",
    "applicant.date_of_birth": "Date of birth",
    "applicant.last_habitual_residence": "Last habitual residence",
    "applicant.a_number": "A-number",
    "entry.date": "Date of entry",
    "entry.time": "Time of entry",
    "entry.border": "Border crossed",
    "entry.at_port_of_entry": "Presented at a port of entry",
    "entry.port": "Port of entry",
    "entry.place": "Place of crossing",
    "entry.coming_from": "Crossed from",
    "entry.unaccompanied_child": "Unaccompanied child at entry",
    "entry.documents": "Documents held at entry",
    "entry.scheduled_appointment": "Pre-scheduled appointment (CBP One)",
    "entry.scheduling_obstacle": "Obstacle to scheduling an appointment",
    "entry.metered_before_2019_07_16": "Turned back at a port before 16 Jul 2019 (metering)",
    "entry.claimed_within_days": "Days from crossing to protection claim",
    "entry.proceeding": "Proceeding",
    "circumstances.trafficking_victim": "Victim of a severe form of trafficking",
    "circumstances.medical_emergency_at_entry": "Medical emergency at entry",
    "circumstances.imminent_threat_at_entry": "Imminent threat to life or safety at entry",
    "circumstances.public_interest_exception": "Public-interest exception granted",
    "circumstances.proclamation_case_by_case_exception": "Proclamation case-by-case exception",
    "circumstances.travelling_with_family": "Family travelling with the applicant",
    "circumstances.family_in_us": "Family in the United States",
    "circumstances.fear_of_receiving_country": "Fear of the receiving country",
    "circumstances.needs_visa_to_enter": "Visa needed to enter the receiving country",
    "journey": "Travel history",
}
STOP_LABELS = {
    "arrived": "arrived",
    "departed": "departed",
    "status_held": "status held",
    "permanent_status_offered": "offered permanent status",
    "returned_later": "left and returned later",
    "onward_travel_only": "stayed only to arrange onward travel",
    "residence_restricted": "residence restricted",
    "protection_claims": "protection claims",
    "left_how": "how the stay ended",
    "place": "city or region",
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
        return UNKNOWN
    if isinstance(value, bool):
        return "yes" if value else "no"
    if key in _DATE_KEYS:
        return format_partial_date(value)
    if key in _COUNTRY_KEYS or key == "nationalities":
        codes = value if isinstance(value, list) else [value]
        return ", ".join(lookups.country_name(str(c)) for c in codes) or "none"
    if isinstance(value, list):
        return f"{len(value)} recorded" if value else "none"
    if isinstance(value, dict):
        return "recorded" if value else "none recorded"
    words = humanize(value).lower() if isinstance(value, str) and "_" in value else str(value)
    return _shorten(words)


def _shorten(words: str, limit: int = 80) -> str:
    return words if len(words) <= limit else words[:limit - 1].rstrip() + "\u2026"


def stop_name(case: dict[str, Any], index: int) -> str:
    """'Stop 8 — Guatemala' (stops counted from 1, as in the travel history)."""
    _found, stop = resolve(case, ["journey", index])
    country = lookups.country_name(stop.get("country")) if isinstance(stop, dict) else UNKNOWN
    return f"Stop {index + 1} {DASH} {country}"


def _claim_name(claim: Any) -> str:
    if not isinstance(claim, dict):
        return "protection claim"
    kind = {"asylum": "asylum claim", "refugee_status": "refugee status claim",
            "complementary_protection": "complementary protection claim",
            "torture_protection": "torture protection claim"}.get(claim.get("kind") or "", "claim")
    filed = claim.get("filed")
    return f"{kind} filed {format_partial_date(filed)}" if filed else f"{kind} (date not known)"


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
            label += f" {DASH} {humanize(key).lower()}: {show_value(key, value)}"
        return label
    key = str(rest[0])
    _found, value = resolve(case, parts[:3])
    if key == "protection_claims":
        claims = value if isinstance(value, list) else None
        words = ("not asked" if claims is None else
                 "none made" if not claims else "; ".join(_claim_name(c) for c in claims))
        return f"{name} {DASH} protection claims: {words}"
    return f"{name} {DASH} {STOP_LABELS.get(key, humanize(key).lower())}: {show_value(key, value)}"


def _family_fact(case: dict[str, Any], parts: list[str | int]) -> str:
    group = str(parts[1])
    label = LABELS.get(f"circumstances.{group}", humanize(group))
    if len(parts) < 3 or not isinstance(parts[2], int):
        _found, value = resolve(case, parts)
        return f"{label}: {show_value(group, value)}"
    member = f"{label}, person {parts[2] + 1}"
    if len(parts) < 4:
        return member
    key = str(parts[3])
    _found, value = resolve(case, parts)
    return f"{member} {DASH} {humanize(key).lower()}: {show_value(key, value)}"


def describe_fact(path: str, case: dict[str, Any]) -> str:
    """A case-file field named as the caseworker knows it, with its recorded value."""
    parts = parse_path(path)
    if not parts:
        return UNKNOWN
    if parts[0] == "journey":
        if len(parts) >= 2 and isinstance(parts[1], int):
            return _stop_fact(case, parts)
        stops = [s for s in case.get("journey") or [] if isinstance(s, dict)]
        countries = ", ".join(lookups.country_name(s.get("country")) for s in stops)
        return f"Travel history: {countries or 'no stops recorded'}"
    if (parts[0] == "circumstances" and len(parts) >= 2
            and parts[1] in ("travelling_with_family", "family_in_us")):
        return _family_fact(case, parts)
    if parts[:2] == ["circumstances", "fear_of_receiving_country"] and len(parts) >= 3:
        _found, value = resolve(case, parts)
        country = lookups.country_name(str(parts[2]))
        return f"Fear of {country}: {show_value('fear', value)}"
    dotted = ".".join(str(p) for p in parts)
    key = str(parts[-1])
    label = LABELS.get(dotted) or humanize(key)
    _found, value = resolve(case, parts)
    return f"{label}: {show_value(key, value)}"


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
