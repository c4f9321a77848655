"""Where the journey's stops lie in time: bands with fuzzy edges, gaps, overlaps, the entry."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.flow.partial_dates import PartialDate, try_parse


@dataclass(frozen=True)
class Edge:
    """One end of a stay: certain somewhere in [earliest, latest]; open when unknown."""

    earliest: date
    latest: date
    known: bool

    @property
    def fuzzy(self) -> bool:
        return self.known and self.earliest != self.latest


@dataclass(frozen=True)
class Band:
    """One stop drawn as a band from its arrival edge to its departure edge."""

    index: int
    country: str | None
    start: Edge
    end: Edge


@dataclass(frozen=True)
class Marker:
    """A gap (time unaccounted for) or an overlap between stop `index` and the next."""

    kind: str
    index: int
    start: date
    end: date


@dataclass(frozen=True)
class TimelineLayout:
    """Everything the timeline draws, in dates; the widget maps dates to pixels."""

    axis_start: date
    axis_end: date
    bands: tuple[Band, ...]
    markers: tuple[Marker, ...]
    entry: PartialDate | None
    entry_from: str | None

    def fraction(self, day: date) -> float:
        """Where a day lies on the axis, 0.0 at the start and 1.0 at the end."""
        span = (self.axis_end - self.axis_start).days or 1
        return (day - self.axis_start).days / span


_OPEN_EDGE = timedelta(days=30)


def _known_days(journey: list[Any], entry: PartialDate | None) -> list[date]:
    days: list[date] = []
    for stop in journey:
        for key in ("arrived", "departed"):
            parsed = try_parse(stop.get(key) if isinstance(stop, dict) else None)
            if parsed:
                days += [parsed.first_day, parsed.last_day]
    if entry:
        days += [entry.first_day, entry.last_day]
    return days


def timeline_layout(case: dict[str, Any], today: date | None = None) -> TimelineLayout:
    """Lay out the journey of a case-file dict on a date axis."""
    raw_journey = case.get("journey")
    journey: list[Any] = raw_journey if isinstance(raw_journey, list) else []
    raw_entry = case.get("entry")
    entry_data: dict[str, Any] = raw_entry if isinstance(raw_entry, dict) else {}
    entry = try_parse(entry_data.get("date"))
    days = _known_days(journey, entry)
    if days:
        first, last = min(days), max(days)
    else:
        last = today or date.today()
        first = last - timedelta(days=365)
    span = max((last - first).days, 30)
    padding = timedelta(days=max(span // 12, 7))
    axis_start, axis_end = first - padding, last + padding

    bands: list[Band] = []
    for index, raw_stop in enumerate(journey):
        stop: dict[str, Any] = raw_stop if isinstance(raw_stop, dict) else {}
        arrived = try_parse(stop.get("arrived"))
        departed = try_parse(stop.get("departed"))
        # An unknown arrival fades in from the axis start; it must not run past the departure.
        start_limit = departed.first_day if departed else axis_end
        end_limit = arrived.last_day if arrived else axis_start
        start = (
            Edge(arrived.first_day, arrived.last_day, True)
            if arrived
            else Edge(axis_start, min(axis_start + _OPEN_EDGE, start_limit), False)
        )
        end = (
            Edge(departed.first_day, departed.last_day, True)
            if departed
            else Edge(max(axis_end - _OPEN_EDGE, end_limit), axis_end, False)
        )
        bands.append(Band(index, stop.get("country"), start, end))

    markers: list[Marker] = []
    for band, following in zip(bands, bands[1:], strict=False):
        if not (band.end.known and following.start.known):
            continue
        if following.start.earliest > band.end.latest + timedelta(days=1):
            markers.append(Marker("gap", band.index, band.end.latest, following.start.earliest))
        elif following.start.latest < band.end.earliest:
            markers.append(Marker("overlap", band.index, following.start.latest, band.end.earliest))
    return TimelineLayout(
        axis_start, axis_end, tuple(bands), tuple(markers), entry, entry_data.get("coming_from")
    )
