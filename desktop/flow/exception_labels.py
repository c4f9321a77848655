"""Plain-English labels for the exception ids a determination lists (the why tree, the memo)."""

from __future__ import annotations

from collections.abc import Mapping

# Short names a caseworker recognises; the rule pack's own `text` is the long form.
EXCEPTION_LABELS: Mapping[str, str] = {
    "canadian_citizen_or_stateless_resident": "Canadian citizen or stateless resident of Canada",
    "case_by_case_exception": "Case-by-case exception granted by DHS",
    "family_with_lawful_status": "Relative in the US with asylum, refugee or other lawful status",
    "family_with_pending_asylum": "Adult relative in the US with a pending asylum application",
    "fear_of_receiving_country": "Likely persecution or torture in the receiving country",
    "final_denial_in_transit_country": "Sought protection in a transit country and was denied",
    "imminent_threat": "Imminent and extreme threat to life or safety",
    "lawful_permission_or_appointment": "Visa, other lawful permission or scheduled appointment",
    "medical_emergency": "Acute medical emergency",
    "onward_travel_only": "Stayed only to arrange onward travel",
    "only_non_party_countries": "Travelled only through countries outside the refugee treaties",
    "parole_travel_authorization": "Authorized to travel to the US to seek parole",
    "public_interest": "Public-interest exception",
    "receiving_country_national": "National of the receiving country",
    "residence_restricted": "Residence so restricted that there was no resettlement",
    "scheduled_appointment": "Came at a pre-scheduled appointment (CBP One)",
    "scheduling_not_possible": "Could not use the appointment scheduling system",
    "trafficking_victim": "Victim of a severe form of trafficking",
    "trafficking_victim_3b": "Victim of a severe form of trafficking",
    "unaccompanied_child": "Unaccompanied child",
    "us_national": "US national",
    "valid_visa_or_admission_document": "Valid US visa or admission document",
}

_ACRONYMS = {"us": "US", "dhs": "DHS", "cbp": "CBP", "uscis": "USCIS", "aca": "ACA"}


def humanize_id(identifier: str) -> str:
    """`fear_of_receiving_country` -> `Fear of receiving country` (the fallback for new ids)."""
    words = [w for w in identifier.replace("-", "_").split("_") if w]
    if not words:
        return identifier
    shown = [_ACRONYMS.get(word.lower(), word) for word in words]
    first = shown[0]
    shown[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(shown)


def exception_label(exception: Mapping[str, object] | str) -> str:
    """The plain-English name of an exception: its own label, the mapping, or the id reworded."""
    if isinstance(exception, str):
        identifier, own = exception, None
    else:
        identifier = str(exception.get("id") or "")
        own = exception.get("label") or exception.get("title")
    if isinstance(own, str) and own.strip():
        return own.strip()
    return EXCEPTION_LABELS.get(identifier) or humanize_id(identifier)
