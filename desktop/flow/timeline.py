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


def _stop_dates(stop: dict[str, Any]) -> tuple[PartialDate | None, PartialDate | None]:
    return try_parse(stop.get("arrived")), try_parse(stop.get("departed"))


def _edge(
    known: PartialDate | None,
    earliest: date,
    latest: date,
    *,
    open_end: bool,
    axis: tuple[date, date],
    rising: bool = True,
) -> Edge:
    """A known date's edge, or the range the neighbours leave for an unknown one. With no
    neighbour on that side the range is open: a short fade at the axis end."""
    if known is not None:
        return Edge(known.first_day, known.last_day, True)
    if open_end:
        if rising:
            return Edge(axis[0], max(axis[0], min(axis[0] + _OPEN_EDGE, latest)), False)
        return Edge(min(axis[1], max(axis[1] - _OPEN_EDGE, earliest)), axis[1], False)
    if latest < earliest:  # the neighbours contradict each other; keep a drawable range
        earliest, latest = latest, earliest
    return Edge(earliest, latest, False)


def _axis(journey: list[Any], entry: PartialDate | None, today: date | None
          ) -> tuple[date, date]:
    """The date axis: the known dates with a margin (a year up to today if none is known)."""
    days = _known_days(journey, entry)
    if days:
        first, last = min(days), max(days)
    else:
        last = today or date.today()
        first = last - timedelta(days=365)
    span = max((last - first).days, 30)
    padding = timedelta(days=max(span // 12, 7))
    return first - padding, last + padding


def _gaps_and_overlaps(bands: list[Band]) -> list[Marker]:
    """Between neighbouring stops whose dates are known: a gap, or an overlap."""
    markers: list[Marker] = []
    for band, following in zip(bands, bands[1:], strict=False):
        if not (band.end.known and following.start.known):
            continue
        if following.start.earliest > band.end.latest + timedelta(days=1):
            markers.append(Marker("gap", band.index, band.end.latest, following.start.earliest))
        elif following.start.latest < band.end.earliest:
            markers.append(Marker("overlap", band.index, following.start.latest, band.end.earliest))
    return markers


def timeline_layout(case: dict[str, Any], today: date | None = None) -> TimelineLayout:
    """Lay out the journey of a case-file dict on a date axis."""
    raw_journey = case.get("journey")
    journey: list[Any] = raw_journey if isinstance(raw_journey, list) else []
    raw_entry = case.get("entry")
    entry_data: dict[str, Any] = raw_entry if isinstance(raw_entry, dict) else {}
    entry = try_parse(entry_data.get("date"))
    axis_start, axis_end = _axis(journey, entry, today)

    stops = [stop if isinstance(stop, dict) else {} for stop in journey]
    known = [_stop_dates(stop) for stop in stops]
    bands: list[Band] = []
    markers: list[Marker] = []
    for index, stop in enumerate(stops):
        arrived, departed = known[index]
        # The journey's order bounds what is not known: after every date of the stops before,
        # before every date of the stops after (and the entry into the US).
        earlier = [d.first_day for pair in known[:index] for d in pair if d is not None]
        later = [d.last_day for pair in known[index + 1 :] for d in pair if d is not None]
        if entry is not None:
            later.append(entry.last_day)
        lower = max(earlier) if earlier else None
        upper = min(later) if later else None
        for own in (arrived, departed):
            if own is not None and (
                (lower is not None and own.last_day < lower)
                or (upper is not None and own.first_day > upper)
            ):
                markers.append(Marker("contradiction", index, own.first_day, own.last_day))
        start = _edge(
            arrived,
            lower or axis_start,
            departed.last_day if departed else (upper or axis_end),
            open_end=lower is None,
            axis=(axis_start, axis_end),
        )
        end = _edge(
            departed,
            arrived.first_day if arrived else (lower or axis_start),
            upper or axis_end,
            open_end=upper is None,
            axis=(axis_start, axis_end),
            rising=False,
        )
        bands.append(Band(index, stop.get("country"), start, end))

    markers += _gaps_and_overlaps(bands)
    # Two neighbours whose dates cross are already an overlap; a contradiction is the rest.
    overlapping = {m.index for m in markers if m.kind == "overlap"}
    overlapping |= {index + 1 for index in overlapping}
    markers = [m for m in markers if m.kind != "contradiction" or m.index not in overlapping]
    return TimelineLayout(
        axis_start, axis_end, tuple(bands), tuple(markers), entry, entry_data.get("coming_from")
    )
