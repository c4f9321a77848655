"""Treaty participation at the time of transit, using entry into force, with provenance."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.engine.pack import INSTRUMENT_KEYS, RulePack, TreatyRecord

INSTRUMENT_SHORT = {"refugee_convention_1951": "1951 Convention", "protocol_1967": "1967 Protocol",
                    "cat": "CAT"}


@dataclass(frozen=True, slots=True)
class PartyAt:
    """Whether a state was party to at least one of the three instruments on a day."""

    known: bool
    party: bool
    text: str
    verified: bool
    note: str | None


def party_to_any(pack: RulePack, code: str, day: date) -> PartyAt:
    record = pack.treaties.get(code)
    name = pack.country_name(code)
    if record is None:
        note = pack.unknown_treaty_status.get(code, {}).get(
            "note", f"{name} is not in the treaty table; treaty status unknown")
        return PartyAt(False, False, f"{name}: treaty status unknown", False, note)
    if record.first_party is not None and record.first_party <= day:
        key = _first_instrument(record, day)
        status = record.instruments[key]
        text = (f"{name} party to the {INSTRUMENT_SHORT[key]} from "
                f"{status.entry_into_force} (entry into force)")
        return PartyAt(True, True, text, status.verified, status.note)
    verified = True
    notes = []
    for key in INSTRUMENT_KEYS:
        status = record.instruments[key]
        if status.party and not status.verified:
            verified = False
            notes.append(f"{INSTRUMENT_SHORT[key]}: {status.note}")
        if not status.party and status.verified_until is not None and day > status.verified_until:
            verified = False
            notes.append(f"{INSTRUMENT_SHORT[key]}: {status.note}")
    return PartyAt(True, False, f"{name} party to none of the three on {day}", verified,
                   "; ".join(notes) or None)


def _first_instrument(record: TreatyRecord, day: date) -> str:
    """The verified instrument in force on `day` if any, else the earliest one."""
    in_force = [k for k in INSTRUMENT_KEYS if record.instruments[k].entry_into_force is not None
                and record.instruments[k].entry_into_force <= day]  # type: ignore[operator]  # None ruled out just before
    for key in in_force:
        if record.instruments[key].verified:
            return key
    return in_force[0]
