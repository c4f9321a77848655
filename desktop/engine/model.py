"""The case file `waypoint-case/1` as frozen dataclasses, parsed from already-validated dicts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from desktop.engine.dates import PartialDate, parse_partial_date


@dataclass(frozen=True, slots=True)
class ProtectionClaim:
    kind: str | None
    filed: PartialDate | None
    outcome: str | None
    final: bool | None
    decided: PartialDate | None


@dataclass(frozen=True, slots=True)
class Stop:
    """One country on the way; `index` is its position in `journey`."""

    index: int
    country: str
    arrived: PartialDate | None
    departed: PartialDate | None
    status_held: str | None
    permanent_status_offered: bool | None
    returned_later: bool | None
    onward_travel_only: bool | None
    residence_restricted: bool | None
    protection_claims: tuple[ProtectionClaim, ...] | None  # None: never asked (unknown)
    left_how: str | None = None
    place: str | None = None

    @property
    def claims(self) -> tuple[ProtectionClaim, ...]:
        """The claims recorded (none when the question was not asked: see `claims_asked`)."""
        return self.protection_claims or ()

    @property
    def claims_asked(self) -> bool:
        return self.protection_claims is not None


@dataclass(frozen=True, slots=True)
class Applicant:
    nationalities: tuple[str, ...]
    stateless: bool
    last_habitual_residence: str | None
    date_of_birth: PartialDate | None


@dataclass(frozen=True, slots=True)
class Entry:
    date: PartialDate
    border: str
    at_port_of_entry: bool | None
    port: str | None
    coming_from: str
    unaccompanied_child: bool | None
    documents: str | None
    scheduled_appointment: bool | None
    scheduling_obstacle: str | None
    metered_before_2019_07_16: bool | None
    claimed_within_days: int | None
    time: str | None = None
    proceeding: str | None = None
    place: str | None = None  # port of entry, Border Patrol sector or state (free text)


@dataclass(frozen=True, slots=True)
class RelativeInUS:
    relation: str | None
    status: str | None
    age: int | None


@dataclass(frozen=True, slots=True)
class FamilyMember:
    """A family member travelling with the applicant (8 CFR 208.33(a)(2)(ii) facts)."""

    index: int
    relation: str | None
    parole_authorization: bool | None
    scheduled_appointment: bool | None
    final_denial_country: str | None
    date_of_birth: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Circumstances:
    trafficking_victim: bool | None
    medical_emergency_at_entry: bool | None
    imminent_threat_at_entry: bool | None
    travelling_with_family: tuple[FamilyMember, ...]
    family_in_us: tuple[RelativeInUS, ...]
    fear_of_receiving_country: Mapping[str, str]
    public_interest_exception: bool | None
    proclamation_case_by_case_exception: bool | None = None
    needs_visa_to_enter: Mapping[str, bool | None] | None = None  # receiving country -> visa

    @property
    def travelling_with_family_count(self) -> int:
        return len(self.travelling_with_family)


@dataclass(frozen=True, slots=True)
class Case:
    decision_date: PartialDate | None
    applicant: Applicant
    entry: Entry
    journey: tuple[Stop, ...]
    circumstances: Circumstances


def _date(value: Any) -> PartialDate | None:
    return None if value is None else parse_partial_date(value)


def _claim(raw: Mapping[str, Any]) -> ProtectionClaim:
    return ProtectionClaim(
        kind=raw.get("kind"),
        filed=_date(raw.get("filed")),
        outcome=raw.get("outcome"),
        final=raw.get("final"),
        decided=_date(raw.get("decided")),
    )


def _stop(index: int, raw: Mapping[str, Any]) -> Stop:
    return Stop(
        index=index,
        country=raw["country"],
        arrived=_date(raw.get("arrived")),
        departed=_date(raw.get("departed")),
        status_held=raw.get("status_held"),
        permanent_status_offered=raw.get("permanent_status_offered"),
        returned_later=raw.get("returned_later"),
        onward_travel_only=raw.get("onward_travel_only"),
        residence_restricted=raw.get("residence_restricted"),
        protection_claims=(None if raw.get("protection_claims") is None else
                           tuple(_claim(c) for c in raw["protection_claims"])),
        left_how=raw.get("left_how"),
        place=raw.get("place"),
    )


def _member(index: int, raw: Mapping[str, Any]) -> FamilyMember:
    return FamilyMember(
        index=index,
        relation=raw.get("relation"),
        parole_authorization=raw.get("parole_authorization"),
        scheduled_appointment=raw.get("scheduled_appointment"),
        final_denial_country=raw.get("final_denial_country"),
        date_of_birth=_date(raw.get("date_of_birth")),
    )


def parse_case(data: Mapping[str, Any]) -> Case:
    """Build the typed case from a dict that has already passed validation."""
    applicant = data["applicant"]
    entry = data["entry"]
    circumstances = data.get("circumstances") or {}
    return Case(
        decision_date=_date(data.get("decision_date")),
        applicant=Applicant(
            nationalities=tuple(applicant.get("nationalities") or ()),
            stateless=bool(applicant.get("stateless")),
            last_habitual_residence=applicant.get("last_habitual_residence"),
            date_of_birth=_date(applicant.get("date_of_birth")),
        ),
        entry=Entry(
            date=parse_partial_date(entry["date"]),
            border=entry["border"],
            at_port_of_entry=entry.get("at_port_of_entry"),
            port=entry.get("port"),
            coming_from=entry["coming_from"],
            unaccompanied_child=entry.get("unaccompanied_child"),
            documents=entry.get("documents"),
            scheduled_appointment=entry.get("scheduled_appointment"),
            scheduling_obstacle=entry.get("scheduling_obstacle"),
            metered_before_2019_07_16=entry.get("metered_before_2019_07_16"),
            claimed_within_days=entry.get("claimed_within_days"),
            time=entry.get("time"),
            proceeding=entry.get("proceeding"),
            place=entry.get("place"),
        ),
        journey=tuple(_stop(i, s) for i, s in enumerate(data.get("journey") or ())),
        circumstances=Circumstances(
            trafficking_victim=circumstances.get("trafficking_victim"),
            medical_emergency_at_entry=circumstances.get("medical_emergency_at_entry"),
            imminent_threat_at_entry=circumstances.get("imminent_threat_at_entry"),
            travelling_with_family=tuple(
                _member(i, m) for i, m in enumerate(circumstances.get("travelling_with_family")
                                                    or ())),
            family_in_us=tuple(
                RelativeInUS(r.get("relation"), r.get("status"), r.get("age"))
                for r in circumstances.get("family_in_us") or ()
            ),
            fear_of_receiving_country=dict(circumstances.get("fear_of_receiving_country") or {}),
            public_interest_exception=circumstances.get("public_interest_exception"),
            proclamation_case_by_case_exception=circumstances.get(
                "proclamation_case_by_case_exception"),
            needs_visa_to_enter=dict(circumstances.get("needs_visa_to_enter") or {}),
        ),
    )
