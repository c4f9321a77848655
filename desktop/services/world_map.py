"""The country shapes of the route map (resources/maps, Natural Earth 1:50m via world-atlas)
and the route over them: which stops, in order, where, and whether their dates are certain.
Pure data for the window to draw; loaded once, decoded a country at a time."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from desktop.resources import resource_path

Ring = list[tuple[float, float]]  # (longitude, latitude) in degrees


@dataclass(frozen=True)
class MapStop:
    """One numbered point of the route; `uncertain` when a date is missing or not a day."""

    number: int
    country: str
    lon: float
    lat: float
    uncertain: bool


@cache
def _atlas() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path("maps", "countries-50m.json")
                                      .read_text("utf-8"))
    return data


def country_codes() -> list[str]:
    return sorted(_atlas()["countries"])


def bbox(code: str) -> tuple[float, float, float, float] | None:
    entry = _atlas()["countries"].get(code)
    if entry is None:
        return None
    west, south, east, north = (float(value) for value in entry["bbox"])
    return west, south, east, north


@cache
def rings(code: str) -> tuple[Ring, ...]:
    """The country's outline rings (islands and holes alike) in degrees; () if not mapped."""
    atlas = _atlas()
    entry = atlas["countries"].get(code)
    if entry is None:
        return ()
    (sx, sy), (tx, ty) = atlas["scale"], atlas["translate"]
    decoded = []
    for flat in entry["rings"]:
        x = y = 0
        ring = []
        for index in range(0, len(flat), 2):
            x += flat[index]
            y += flat[index + 1]
            ring.append((x * sx + tx, y * sy + ty))
        decoded.append(ring)
    return tuple(decoded)


def _certain(value: object) -> bool:
    return isinstance(value, str) and len(value) == 10  # YYYY-MM-DD: a day


def route_stops(case_data: dict[str, Any]) -> list[MapStop]:
    """The journey's stops in order, then the United States, each at its country's label
    point; a stop whose arrival or departure is unknown or only a month or year is uncertain
    (the first stop's arrival is not asked: only its departure counts)."""
    countries = _atlas()["countries"]
    stops: list[MapStop] = []
    journey = list(case_data.get("journey") or [])
    for index, stop in enumerate(journey):
        code = str(stop.get("country") or "")
        if code not in countries:
            continue
        dates = [stop.get("departed")] if index == 0 else [stop.get("arrived"),
                                                             stop.get("departed")]
        lon, lat = countries[code]["label"]
        stops.append(MapStop(len(stops) + 1, code, lon, lat,
                             not all(_certain(value) for value in dates)))
    entry = case_data.get("entry") or {}
    if stops and stops[-1].country != "US":
        lon, lat = countries["US"]["label"]
        stops.append(MapStop(len(stops) + 1, "US", lon, lat, not _certain(entry.get("date"))))
    return stops


def view_box(stops: list[MapStop], margin: float = 0.12) -> tuple[float, float, float, float]:
    """(west, south, east, north) in degrees: the route's countries with a margin around."""
    boxes = [found for stop in stops if (found := bbox(stop.country)) is not None
             and stop.country != "US"]
    points = [(stop.lon, stop.lat) for stop in stops]
    west = min([b[0] for b in boxes] + [p[0] for p in points] or [-180.0])
    south = min([b[1] for b in boxes] + [p[1] for p in points] or [-60.0])
    east = max([b[2] for b in boxes] + [p[0] for p in points] or [180.0])
    north = max([b[3] for b in boxes] + [p[1] for p in points] or [80.0])
    pad_x, pad_y = (east - west) * margin + 1.0, (north - south) * margin + 1.0
    return west - pad_x, max(-85.0, south - pad_y), east + pad_x, min(85.0, north + pad_y)


def countries_in(box: tuple[float, float, float, float]) -> list[str]:
    """The codes of every country whose bounding box meets `box`."""
    west, south, east, north = box
    return [code for code, entry in _atlas()["countries"].items()
            if entry["bbox"][0] <= east and entry["bbox"][2] >= west
            and entry["bbox"][1] <= north and entry["bbox"][3] >= south]
