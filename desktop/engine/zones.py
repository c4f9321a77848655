"""US time zones as pack data, and instants: a local clock time in a zone, placed on one time line.

The engine stays pure: no tz database is read. A zone is a standard offset and whether it keeps
US daylight saving time (from 2007: second Sunday of March, 2:00 a.m., to the first Sunday of
November, 2:00 a.m.; before 2007: first Sunday of April to the last Sunday of October).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

EASTERN = "America/New_York"


@dataclass(frozen=True, slots=True)
class Zone:
    """One time zone: IANA id, words for the officer, standard offset and DST."""

    id: str
    name: str  # "Pacific time"
    std_hours: int  # UTC offset in standard time, e.g. -8
    keeps_dst: bool
    std_abbr: str  # "PST"
    dst_abbr: str  # "PDT"


@dataclass(frozen=True, slots=True)
class Place:
    """A border port, Border Patrol sector or state, with the zones it may lie in."""

    names: tuple[str, ...]
    state: str
    zones: tuple[str, ...]
    kind: str  # "port", "sector", "state", "county"


@dataclass(frozen=True, slots=True)
class PlaceTable:
    zones: Mapping[str, Zone]
    places: tuple[Place, ...]
    border_zones: Mapping[str, tuple[str, ...]]  # border kind -> candidate zones
    citation: str
    verified: bool
    note: str | None

    def zone(self, zone_id: str) -> Zone:
        return self.zones[zone_id]

    def candidates(self, place: str | None, port: str | None, border: str) -> tuple[str, ...]:
        """The zones the entry may lie in: one when the place (or port) settles it."""
        for text in (place, port):
            found = self.lookup(text)
            if found:
                return found
        return self.border_zones.get(border, tuple(self.zones))

    def lookup(self, text: str | None) -> tuple[str, ...]:
        if not text:
            return ()
        lowered = text.lower()
        for kind in ("county", "port", "sector"):
            for place in self.places:
                if place.kind == kind and any(n.lower() in lowered for n in place.names):
                    return place.zones
        code = re.search(r"(?:^|,)\s*([A-Za-z]{2})\s*$", text)
        for place in self.places:
            if place.kind == "state" and (
                    (code is not None and code.group(1).upper() == place.state)
                    or any(n.lower() in lowered for n in place.names)):
                return place.zones
        return ()


EASTERN_ZONE = Zone(EASTERN, "Eastern time", -5, True, "EST", "EDT")  # where the rules draw lines


def _nth_sunday(year: int, month: int, nth: int) -> date:
    first = date(year, month, 1)
    sunday = first + timedelta(days=(6 - first.weekday()) % 7)
    if nth > 0:
        return sunday + timedelta(weeks=nth - 1)
    last = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() + 1) % 7)


def _dst_span(year: int) -> tuple[date, date]:
    if year >= 2007:
        return _nth_sunday(year, 3, 2), _nth_sunday(year, 11, 1)
    return _nth_sunday(year, 4, 1), _nth_sunday(year, 10, -1)


def _dst_local(zone: Zone, local: datetime) -> bool:
    if not zone.keeps_dst:
        return False
    begin, end = _dst_span(local.year)
    return (datetime(begin.year, begin.month, begin.day, 2) <= local
            < datetime(end.year, end.month, end.day, 2))


def to_utc(zone: Zone, local: datetime) -> datetime:
    """A local wall-clock time (naive) as naive UTC."""
    offset = zone.std_hours + (1 if _dst_local(zone, local) else 0)
    return local - timedelta(hours=offset)


def from_utc(zone: Zone, utc: datetime) -> tuple[datetime, str]:
    """Naive UTC as local wall-clock time in `zone`, with the abbreviation in force."""
    standard = utc + timedelta(hours=zone.std_hours)
    if zone.keeps_dst:
        begin, end = _dst_span(standard.year)
        # DST runs from 2:00 a.m. standard time to 2:00 a.m. daylight (1:00 a.m. standard).
        if (datetime(begin.year, begin.month, begin.day, 2) <= standard
                < datetime(end.year, end.month, end.day, 1)):
            return standard + timedelta(hours=1), zone.dst_abbr
    return standard, zone.std_abbr


def clock_text(local: datetime, abbr: str) -> str:
    """'11:30 p.m. PDT on 2024-06-04'."""
    hour = local.hour % 12 or 12
    half = "a.m." if local.hour < 12 else "p.m."
    return f"{hour}:{local.minute:02d} {half} {abbr} on {local.date().isoformat()}"


def parse_places(raw: Mapping[str, Any] | None) -> PlaceTable | None:
    """The table of border places (pack file border_places.json), or None in older packs."""
    if not raw:
        return None
    zones = {key: Zone(key, str(z["name"]), int(z["std_hours"]), bool(z["dst"]),
                       str(z["std_abbr"]), str(z["dst_abbr"]))
             for key, z in raw["zones"].items()}
    places = tuple(Place(tuple(p["names"]), str(p["state"]), tuple(p["zones"]), str(p["kind"]))
                   for p in raw["places"])
    borders: dict[str, tuple[str, ...]] = {k: tuple(v) for k, v in raw["border_zones"].items()}
    return PlaceTable(zones, places, borders, str(raw.get("citation", "")),
                      bool(raw.get("verified", False)), raw.get("note"))


def zone_words(table: PlaceTable, zone_ids: Sequence[str]) -> str:
    return " or ".join(table.zone(z).name for z in zone_ids)
