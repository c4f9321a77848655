"""Boundaries that fall at an instant: the entry day, its local time and the place's zone decide.

A rule's effective moment (e.g. 12:01 a.m. EDT on 2024-06-05) is an instant. An entry is placed on
the same time line from its local date, `entry.time` and the time zone of the place of crossing;
what is unknown is asked only when it could put the entry on the other side of the line.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from desktop.engine.dates import PartialDate
from desktop.engine.reasoning import Facts
from desktop.engine.zones import EASTERN_ZONE, PlaceTable, Zone, clock_text, from_utc, to_utc


@dataclass(frozen=True, slots=True)
class Instant:
    """A boundary: the day in the rule's zone, the instant (naive UTC) and its words."""

    day: date
    utc: datetime
    text: str  # "11:59 p.m. EDT on 2023-05-11"


@dataclass(frozen=True, slots=True)
class EntryClock:
    """What places an entry on the time line: its local time and the zones it may lie in."""

    time: str | None  # "HH:MM" local, or None
    time_field: str
    zones: tuple[Zone, ...]  # one when the place is known
    place_field: str  # where to record the place when the zone decides


@dataclass(frozen=True, slots=True)
class Placed:
    """Which side of a boundary an entry falls, with the words that show why (None: by date)."""

    after: bool
    words: str | None


def instant(day: str, clock: str, zone_text: str, zone: Zone = EASTERN_ZONE) -> Instant:
    """A boundary from pack values: "2023-05-11", "23:59", "11:59 p.m. EDT"."""
    hours, minutes = (int(part) for part in clock.split(":"))
    local = datetime.combine(date.fromisoformat(day), time(hours, minutes))
    return Instant(local.date(), to_utc(zone, local), f"{zone_text} on {day}")


def pack_instant(cell: Mapping[str, Any]) -> Instant:
    """A dated pack value with its clock time and zone text (default midnight Eastern)."""
    clock = str(cell.get("time_of_day", "00:00"))
    local = datetime.combine(date.fromisoformat(str(cell["value"])), _clock(clock))
    text = str(cell.get("time_text") or clock_text(*from_utc(EASTERN_ZONE,
                                                             to_utc(EASTERN_ZONE, local))))
    return instant(str(cell["value"]), clock, text.split(" on ")[0])


def _clock(text: str) -> time:
    """'23:30' as a time of day."""
    hours, minutes = (int(part) for part in text.split(":"))
    return time(hours, minutes)


def entry_clock(places: PlaceTable | None, entry_time: str | None, place: str | None,
                port: str | None, border: str) -> EntryClock:
    """The entry's clock: the zones of its place (port, sector or state), else of its border."""
    if places is None:
        return EntryClock(entry_time, "entry.time", (EASTERN_ZONE,), "entry.place")
    zones = tuple(places.zone(z) for z in places.candidates(place, port, border))
    return EntryClock(entry_time, "entry.time", zones, "entry.place")


def at_or_after(facts: Facts, when: PartialDate, field: str, what: str, boundary: Instant,
                clock: EntryClock) -> bool:
    return place_entry(facts, when, field, what, boundary, clock).after


def place_entry(facts: Facts, when: PartialDate, field: str, what: str, boundary: Instant,
                clock: EntryClock) -> Placed:
    """Whether an event dated `when` (timed by `clock`) was at or after `boundary`."""
    decided = _by_days(when.first, when.last, clock.zones, boundary)
    if decided is not None:
        return Placed(decided, None)
    day = when.first if when.exact else _which_day(facts, when, field, what, boundary, clock)
    if isinstance(day, bool):
        return Placed(day, None)
    zones = clock.zones
    if clock.time is not None:
        local = datetime.combine(day, _clock(clock.time))
        results = {z.id: to_utc(z, local) >= boundary.utc for z in zones}
        if len(set(results.values())) > 1:
            zones = (_ask_zone(facts, clock, boundary, f"The local time {clock.time}"),)
        zone = zones[0]
        after = to_utc(zone, local) >= boundary.utc
        return Placed(after, _words(local, zones, boundary, after))
    if len(zones) > 1 and len({_by_days(day, day, (z,), boundary) for z in zones}) > 1:
        zones = (_ask_zone(facts, clock, boundary, f"An entry on {day}"),)
    by_day = _by_days(day, day, zones, boundary)
    if by_day is not None:
        return Placed(by_day, None)
    several = len(zones) > 1
    if several:
        zones = (_ask_zone(facts, clock, boundary, f"An entry on {day}"),)
    zone = zones[0]
    line = clock_text(*from_utc(zone, boundary.utc))
    where = f"If the crossing was in {zone.name}: " if several else ""
    subject = what[0].lower() + what[1:] if several else what
    after = bool(facts.choose(
        f"{clock.time_field}@{boundary.utc.isoformat()}" + (f"@{zone.id}" if several else ""),
        clock.time_field,
        f"{where}{subject} was on {day}, the day a rule's line falls ({boundary.text}, which is "
        f"{line} in {zone.name}): at what local time was the entry?",
        ((f"before {line}", False), (f"at or after {line}", True))))
    return Placed(after, f"{'at or after' if after else 'before'} {line} ({zone.name}, "
                         f"{zone.id}), that is {boundary.text}")


def _words(local: datetime, zones: tuple[Zone, ...], boundary: Instant, after: bool) -> str:
    side = "at or after" if after else "before"
    if len(zones) == 1:
        zone = zones[0]
        utc = to_utc(zone, local)
        here = clock_text(*from_utc(zone, utc))
        eastern = clock_text(*from_utc(EASTERN_ZONE, utc))
        return (f"at {here} ({zone.name}, {zone.id}), which is {eastern} in Eastern time, "
                f"{side} {boundary.text}")
    names = ", ".join(z.name for z in zones)
    return (f"at {local.strftime('%H:%M')} local time on {local.date()}: {side} {boundary.text} "
            f"in every time zone the place could lie in ({names})")


def _by_days(first: date, last: date, zones: tuple[Zone, ...], boundary: Instant) -> bool | None:
    """Decided by the dates alone: every local moment of the days on one side in every zone."""
    lows = [to_utc(z, datetime.combine(first, time(0, 0))) for z in zones]
    highs = [to_utc(z, datetime.combine(last, time(23, 59))) for z in zones]
    if min(lows) >= boundary.utc:
        return True
    if max(highs) < boundary.utc:
        return False
    return None


def _which_day(facts: Facts, when: PartialDate, field: str, what: str, boundary: Instant,
               clock: EntryClock) -> date | bool:
    """Asks which day of a partial date the entry was, naming only the days the line crosses."""
    days = [boundary.day + timedelta(days=k) for k in (-1, 0, 1)]
    open_days = [d for d in days if when.first <= d <= when.last
                 and _by_days(d, d, clock.zones, boundary) is None]
    if not open_days:  # the line falls between two days: ask which side
        return bool(facts.choose(
            f"{field}@{boundary.day}~day", field,
            f"{what} is recorded only as {when.text}: was it before or on/after "
            f"{boundary.day}?", ((f"before {boundary.day}", False),
                                 (f"on or after {boundary.day}", True))))
    options: list[tuple[str, Any]] = []
    if when.first < open_days[0]:
        options.append((f"before {open_days[0]}", False))
    options.extend((f"on {d}", d.isoformat()) for d in open_days)
    if when.last > open_days[-1]:
        options.append((f"after {open_days[-1]}", True))
    answer = facts.choose(
        f"{field}@{boundary.day}~day", field,
        f"{what} is recorded only as {when.text}: on which day was it? The line falls at "
        f"{boundary.text}.", tuple(options))
    return date.fromisoformat(answer) if isinstance(answer, str) else bool(answer)


def _ask_zone(facts: Facts, clock: EntryClock, boundary: Instant, what: str) -> Zone:
    by_id = {z.id: z for z in clock.zones}
    chosen = facts.choose(
        f"{clock.place_field}@zone", clock.place_field,
        f"Where was the crossing (port of entry, Border Patrol sector or state)? {what} falls "
        f"before or after {boundary.text} depending on the time zone.",
        tuple((f"in {z.name}", z.id) for z in clock.zones))
    return by_id[str(chosen)]


def entry_on_or_after(facts: Facts, places: PlaceTable | None, entry: Any, when: PartialDate,
                      cell: Mapping[str, Any]) -> tuple[bool, str]:
    """An entry against a rule's start instant (pack cell): the answer and the words for it.

    The words name the start instant and, when the day alone does not decide, the entry's local
    time, its zone and the Eastern instant.
    """
    start = pack_instant(cell)
    clock = entry_clock(places, entry.time, entry.place, entry.port, entry.border)
    placed = place_entry(facts, when, "entry.date", "The entry", start, clock)
    side = "on or after" if placed.after else "before"
    words = (f"on {when}, {side} {start.text}" if placed.words is None else placed.words)
    return placed.after, words
