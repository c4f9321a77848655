"""Field paths in words: `journey[1].arrived` → "Stop 2 (Guatemala), arrived"."""

from __future__ import annotations

from typing import Any

from desktop import case_rules
from desktop.flow.field_paths import FieldPath, get_value

_SECTIONS = {
    "applicant": "Applicant",
    "entry": "Entry",
    "journey": "Journey",
    "circumstances": "Circumstances",
    "notes": "Notes",
    "decision_date": "Decision date",
    "case_reference": "Case reference",
}

_FIELDS = {
    "family_name": "family name",
    "given_names": "given names",
    "a_number": "A-number",
    "date_of_birth": "date of birth",
    "nationalities": "nationalities",
    "stateless": "stateless",
    "last_habitual_residence": "last habitual residence",
    "languages": "languages",
    "date": "date",
    "time": "time",
    "proceeding": "proceeding",
    "border": "border",
    "at_port_of_entry": "at a port of entry",
    "port": "port",
    "coming_from": "coming from",
    "unaccompanied_child": "unaccompanied child",
    "documents": "documents held",
    "scheduled_appointment": "scheduled appointment",
    "scheduling_obstacle": "obstacle to scheduling",
    "metered_before_2019_07_16": "metered before 16 July 2019",
    "claimed_within_days": "days until the claim",
    "country": "country",
    "arrived": "arrived",
    "departed": "departed",
    "status_held": "status held",
    "permanent_status_offered": "permanent status offered",
    "protection_claims": "protection claims",
    "kind": "kind of claim",
    "filed": "filed",
    "outcome": "outcome",
    "final": "final decision",
    "decided": "decided",
    "trafficking_victim": "trafficking victim",
    "medical_emergency_at_entry": "medical emergency at entry",
    "imminent_threat_at_entry": "imminent threat at entry",
    "travelling_with_family": "family travelling along",
    "family_in_us": "family in the US",
    "fear_of_receiving_country": "fear of a receiving country",
    "public_interest_exception": "public-interest exception",
    "proclamation_case_by_case_exception": "proclamation case-by-case exception",
    "relation": "relation",
    "parole_authorization": "parole authorization",
    "final_denial_country": "final denial in",
    "status": "status",
    "age": "age",
    "left_how": "how the stay ended",
    "place": "place",
    "authority": "authority",
    "needs_visa_to_enter": "visa needed to enter",
}


def country_name(code: object) -> str:
    """`Guatemala` for `GT`, `Kosovo` for `XK`; the text itself when the code is unknown."""
    if not isinstance(code, str) or not code:
        return "country not chosen"
    return case_rules.country_name(code.upper()) if len(code) == 2 else code


def describe_path(path: FieldPath, case: dict[str, Any] | None = None) -> str:
    """The field at `path` in words a caseworker reads, never the internal path."""
    if not path:
        return "The case"
    words: list[str] = []
    head = path[0]
    rest = list(path[1:])
    if head == "journey":
        if rest and isinstance(rest[0], int):
            index = rest.pop(0)
            country = get_value(case or {}, ("journey", index, "country"))
            stop = f"Stop {int(index) + 1}"
            words.append(f"{stop} ({country_name(country)})" if country else stop)
        else:
            words.append("Journey")
    else:
        words.append(_SECTIONS.get(str(head), str(head).replace("_", " ").capitalize()))
    parent = ""
    for part in rest:
        if isinstance(part, int):
            if parent == "protection_claims":
                words[-1] = f"claim {part + 1}"
            elif parent in ("travelling_with_family", "family_in_us"):
                words[-1] = f"{words[-1]}, person {part + 1}"
            elif parent in ("nationalities", "languages"):
                words[-1] = f"{words[-1]} (entry {part + 1})"
            continue
        text = str(part)
        if parent == "fear_of_receiving_country":
            words.append(country_name(text))
        else:
            words.append(_FIELDS.get(text, text.replace("_", " ")))
        parent = text
    return ", ".join(words)
