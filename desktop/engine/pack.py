"""The rule pack as typed data: dated parameters with provenance and precomputed lookups."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from desktop.engine.dates import PartialDate, parse_partial_date
from desktop.engine.zones import PlaceTable, parse_places

INSTRUMENT_KEYS = ("refugee_convention_1951", "protocol_1967", "cat")


@dataclass(frozen=True, slots=True)
class Provenance:
    citation: str
    source: str
    verified: bool
    note: str | None

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Provenance:
        return cls(str(raw.get("citation", "")), str(raw.get("source", "")),
                   bool(raw.get("verified", False)), raw.get("note"))


@dataclass(frozen=True, slots=True)
class Window:
    """A span of decision dates (inclusive) with the rule's status in it."""

    start: date
    end: date | None
    status: str
    event: str
    provenance: Provenance
    consequence: str | None = None

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class ExceptionSpec:
    id: str
    text: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class CoveredGroup:
    """Nationalities an agreement covers (`everyone`: no nationality limit, stateless too)."""

    nationalities: frozenset[str]
    start: date | None
    provenance: Provenance
    everyone: bool = False

    def covers(self, nationalities: frozenset[str], stateless: bool) -> bool:
        return self.everyone or bool(self.nationalities & nationalities) or (
            stateless and "stateless" in self.nationalities)


@dataclass(frozen=True, slots=True)
class Exclusion:
    """A group an agreement excludes: receiving_country_nationals, stateless_residents."""

    id: str
    provenance: Provenance


@dataclass(frozen=True, slots=True)
class Agreement:
    id: str
    country: str
    name: str
    in_force_from: PartialDate | None
    in_force_to: date | None
    in_force: Provenance | None
    in_force_note: str | None
    covered: tuple[CoveredGroup, ...] | None
    covered_note: str | None
    unknown_scope: str  # "apply_unverified" or "not_applied" when `covered` is None
    exclusions: Mapping[str, Exclusion]
    transfers_paused_from: date | None
    transfers_paused: Provenance | None
    conditions: tuple[str, ...]
    visa_free: frozenset[str] | None = None  # only nationals who need no visa there (reported)
    visa_provenance: Provenance | None = None


@dataclass(frozen=True, slots=True)
class InstrumentStatus:
    party: bool
    entry_into_force: date | None
    verified: bool
    verified_until: date | None
    note: str | None


@dataclass(frozen=True, slots=True)
class TreatyRecord:
    code: str
    name: str
    instruments: Mapping[str, InstrumentStatus]
    first_party: date | None  # earliest entry into force of any of the three

    def party_from_instrument(self) -> str | None:
        for key in INSTRUMENT_KEYS:
            status = self.instruments[key]
            if status.entry_into_force is not None and status.entry_into_force == self.first_party:
                return key
        return None


@dataclass(frozen=True, slots=True)
class FamilyPack:
    """One rule family's parameters; `raw` keeps the pack file for the rarely read values."""

    rule: str
    title: str
    citations: tuple[str, ...]
    consequence: str
    raw: Mapping[str, Any]
    exceptions: Mapping[str, ExceptionSpec]
    windows: tuple[Window, ...]
    before_first: Window | None
    dates: Mapping[str, tuple[date, Provenance]]
    values: Mapping[str, tuple[Any, Provenance]]

    def window_at(self, day: date) -> Window | None:
        for window in self.windows:
            if window.contains(day):
                return window
        return self.before_first if self.windows and day < self.windows[0].start else None

    def sourced(self, key: str) -> tuple[Any, Provenance]:
        """A value of the pack file with its provenance (precomputed at load)."""
        return self.values[key]


@dataclass(frozen=True, slots=True)
class RulePack:
    version: str
    hash: str
    families: Mapping[str, FamilyPack]
    agreements: tuple[Agreement, ...]
    treaties: Mapping[str, TreatyRecord]
    treaty_instruments: Mapping[str, Mapping[str, Any]]
    unknown_treaty_status: Mapping[str, Mapping[str, str]]
    country_names: Mapping[str, str]
    law_known_through: date | None = None
    places: PlaceTable | None = None  # border_places.json (absent in packs before 2026.12)

    @property
    def label(self) -> str:
        return f"{self.version}+{self.hash[:12]}"

    def country_name(self, code: str) -> str:
        return self.country_names.get(code, code)


def _iso(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _window(raw: Mapping[str, Any], start: date, end: date | None) -> Window:
    return Window(start, end, str(raw["status"]), str(raw.get("event", "")), Provenance.of(raw),
                  raw.get("consequence"))


def _family(raw: Mapping[str, Any]) -> FamilyPack:
    windows = tuple(
        _window(w, date.fromisoformat(w["from"]), _iso(w.get("to")))
        for w in raw.get("decision_windows", ())
    )
    before = raw.get("before_first_window")
    dates: dict[str, tuple[date, Provenance]] = {}
    values = {key: (value["value"], Provenance.of(value)) for key, value in raw.items()
              if isinstance(value, Mapping) and "value" in value}
    for key, value in raw.items():
        if isinstance(value, Mapping) and isinstance(value.get("value"), str) \
                and len(value["value"]) == 10 and value["value"][4] == "-":
            dates[key] = (date.fromisoformat(value["value"]), Provenance.of(value))
    return FamilyPack(
        rule=str(raw["rule"]),
        title=str(raw["title"]),
        citations=tuple(raw.get("citations", ())),
        consequence=str(raw.get("consequence", "")),
        raw=raw,
        exceptions={e["id"]: ExceptionSpec(e["id"], str(e.get("text", "")), Provenance.of(e))
                    for e in raw.get("exceptions", ())},
        windows=windows,
        before_first=_window(before, date.min, windows[0].start) if before and windows else None,
        dates=dates,
        values=values,
    )


def _agreement(raw: Mapping[str, Any]) -> Agreement:
    in_force = raw.get("in_force")
    covered = raw.get("covered")
    paused = raw.get("transfers_paused")
    return Agreement(
        id=str(raw["id"]),
        country=str(raw["country"]),
        name=str(raw["name"]),
        in_force_from=parse_partial_date(in_force["value"]["from"]) if in_force else None,
        in_force_to=_iso(in_force["value"].get("to")) if in_force else None,
        in_force=Provenance.of(in_force) if in_force else None,
        in_force_note=raw.get("in_force_note"),
        covered=None if covered is None else tuple(
            CoveredGroup(frozenset(() if g["nationalities"] == "all" else g["nationalities"]),
                         _iso(g.get("from")), Provenance.of(g), g["nationalities"] == "all")
            for g in covered
        ),
        covered_note=raw.get("covered_note"),
        unknown_scope=str(raw.get("unknown_scope", "not_applied")),
        exclusions={e["id"]: Exclusion(e["id"], Provenance.of(e))
                    for e in raw.get("exclusions", ())},
        transfers_paused_from=_iso(paused["value"]["from"]) if paused else None,
        transfers_paused=Provenance.of(paused) if paused else None,
        conditions=tuple(raw.get("conditions", ())),
        visa_free=(frozenset(raw["visa_condition"]["value"]["visa_free"])
                   if raw.get("visa_condition") else None),
        visa_provenance=(Provenance.of(raw["visa_condition"]) if raw.get("visa_condition")
                         else None),
    )


def _treaty(code: str, raw: Mapping[str, Any]) -> TreatyRecord:
    instruments = {}
    for key in INSTRUMENT_KEYS:
        cell = raw[key]
        instruments[key] = InstrumentStatus(
            party=bool(cell["party"]),
            entry_into_force=_iso(cell.get("entry_into_force")),
            verified=bool(cell["verified"]),
            verified_until=_iso(cell.get("verified_until")),
            note=cell.get("note"),
        )
    starts = [s.entry_into_force for s in instruments.values() if s.entry_into_force is not None]
    return TreatyRecord(code, str(raw["name"]), instruments, min(starts) if starts else None)


def parse_pack(files: Mapping[str, Any], content_hash: str) -> RulePack:
    """Build the typed pack from the parsed pack files (file name -> JSON value)."""
    manifest = files["pack.json"]
    families = {}
    for name in manifest["families"]:
        family = _family(files[f"{name}.json"])
        families[family.rule] = family
    treaties_raw = files["treaties.json"]
    treaties = {code: _treaty(code, raw) for code, raw in treaties_raw["states"].items()}
    names = {code: record.name for code, record in treaties.items()}
    names.update({code: str(v["name"]) for code, v in treaties_raw["unknown_status"].items()})
    names.setdefault("US", "United States")
    return RulePack(
        version=str(manifest["version"]),
        hash=content_hash,
        families=families,
        agreements=tuple(_agreement(a) for a in files["aca.json"]["agreements"]),
        treaties=treaties,
        treaty_instruments=treaties_raw["instruments"],
        unknown_treaty_status=treaties_raw["unknown_status"],
        country_names=names,
        law_known_through=_iso(manifest.get("law_known_through")),
        places=parse_places(files.get("border_places.json")),
    )
