"""Boundaries that fall at a time of day: the entry day, then the local time, decide."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.engine.case_view import port_state
from desktop.engine.dates import PartialDate
from desktop.engine.reasoning import Facts


@dataclass(frozen=True, slots=True)
class Instant:
    """A boundary: a day and a clock time in the zone the rule names (e.g. 23:59 EDT)."""

    day: date
    minutes: int  # minutes after midnight in the rule's zone
    text: str  # "11:59 p.m. EDT on 2023-05-11"


@dataclass(frozen=True, slots=True)
class LocalTime:
    """Where an entry's local time can be placed: recorded time and candidate offsets."""

    time: str | None  # "HH:MM" local, or None
    time_field: str  # the field to ask for the time
    offsets: Mapping[int, str]  # hours from the rule's zone -> where, for the question
    place_field: str  # the field to ask for the place when the offset matters


def instant(day: str, clock: str, zone_text: str) -> Instant:
    """A boundary from pack values: "2023-05-11", "23:59", "11:59 p.m. EDT"."""
    hours, minutes = (int(part) for part in clock.split(":"))
    return Instant(date.fromisoformat(day), hours * 60 + minutes, f"{zone_text} on {day}")


def at_or_after(facts: Facts, when: PartialDate, field: str, what: str, boundary: Instant,
                local: LocalTime) -> bool:
    """Whether an event dated `when` (and timed by `local`) was at or after `boundary`."""
    day = boundary.day
    if when.first > day:
        return True
    if when.last < day:
        return False
    if not when.exact:
        position = int(facts.choose(
            f"{field}@{day}~day", field,
            f"{what} is recorded only as {when.text}: was it before {day}, on {day}, or "
            f"after {day}?",
            ((f"before {day}", -1), (f"on {day}", 0), (f"after {day}", 1))))
        if position != 0:
            return position > 0
    return _clock_at_or_after(facts, boundary, local)


def _clock_at_or_after(facts: Facts, boundary: Instant, local: LocalTime) -> bool:
    if local.time is None:
        return bool(facts.choose(
            f"{local.time_field}@{boundary.day}", local.time_field,
            f"The entry was on {boundary.day}, the day the rule's boundary falls "
            f"({boundary.text}): at what time? Was it before or at/after {boundary.text}?",
            ((f"before {boundary.text}", False), (f"at or after {boundary.text}", True))))
    hours, minutes = (int(part) for part in local.time.split(":"))
    results = {offset: hours * 60 + minutes - offset * 60 >= boundary.minutes
               for offset in local.offsets}
    if len(set(results.values())) == 1:
        return next(iter(results.values()))
    offset = int(facts.choose(
        f"{local.place_field}@time_zone", local.place_field,
        f"Where on the border was the entry? The local time {local.time} falls before or after "
        f"{boundary.text} depending on the time zone.",
        tuple((where, offset) for offset, where in local.offsets.items())))
    return results[offset]


def border_offsets(port: str | None, ports: Mapping[str, Sequence[str]],
                   offsets: Mapping[str, int], mountain_ports: Sequence[str],
                   zone_names: Mapping[str, str]) -> dict[int, str]:
    """The candidate offsets of a southern-border entry: one when the port is placed."""
    state = port_state(port, ports)
    if state is not None:
        lowered = (port or "").lower()
        key = ("TX-mountain" if state == "TX" and any(p.lower() in lowered
                                                     for p in mountain_ports) else state)
        offset = offsets[key]
        return {offset: zone_names[str(offset)]}
    return {int(k): v for k, v in zone_names.items()}
