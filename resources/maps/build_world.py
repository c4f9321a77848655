"""Build countries-50m.json (the route map's country shapes) from world-atlas's TopoJSON.

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python resources/maps/build_world.py package/countries-50m.json

Each TopoJSON country (ISO 3166-1 numeric id) becomes its alpha-2 code (pycountry; Kosovo,
which has no ISO code, is XK as in the case file) with its rings stitched from the shared arcs,
kept in the source's quantized integers, each ring delta-encoded, plus the bounding box and a
label point (the centroid of its largest ring) in degrees. Nothing is simplified: 1:50m keeps
small transit states (Belize, Singapore) as shapes.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pycountry

OUT = Path(__file__).resolve().parent / "countries-50m.json"
NAMED = {"Kosovo": "XK"}  # no numeric ISO code


def _arc_points(arcs: list[list[list[int]]], index: int) -> list[tuple[int, int]]:
    """One arc's absolute quantized points; a negative index (~i) is arc i reversed."""
    arc = arcs[~index if index < 0 else index]
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x, y))
    return points[::-1] if index < 0 else points


def _ring(arcs: list[list[list[int]]], indexes: list[int]) -> list[tuple[int, int]]:
    ring: list[tuple[int, int]] = []
    for number, index in enumerate(indexes):
        points = _arc_points(arcs, index)
        ring.extend(points if number == 0 else points[1:])  # arcs share their end points
    return ring


def _area_and_centroid(ring: list[tuple[float, float]]) -> tuple[float, float, float]:
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    if abs(area) < 1e-12:
        xs, ys = zip(*ring, strict=True)
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return abs(area) / 2, cx / (3 * area), cy / (3 * area)


def _code(geometry: dict[str, Any]) -> str | None:
    name = str(geometry.get("properties", {}).get("name", ""))
    if name in NAMED:
        return NAMED[name]
    found = pycountry.countries.get(numeric=str(geometry.get("id", "")).zfill(3))
    return found.alpha_2 if found is not None else None


def build(source: Path) -> dict[str, Any]:
    topology = json.loads(source.read_text("utf-8"))
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = topology["arcs"]
    countries: dict[str, Any] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = _code(geometry)
        if code is None or geometry.get("type") not in ("Polygon", "MultiPolygon"):
            continue
        polygons = ([geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"])
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        degrees = [[(x * sx + tx, y * sy + ty) for x, y in ring] for ring in rings]
        largest = max(degrees, key=lambda ring: _area_and_centroid(ring)[0])
        _area, lon, lat = _area_and_centroid(largest)
        every = [point for ring in degrees for point in ring]
        entry = countries.setdefault(code, {"rings": [], "bbox": None, "label": None})
        entry["rings"].extend(_delta(ring) for ring in rings)
        entry["label"] = [round(lon, 3), round(lat, 3)]
        entry["bbox"] = [round(min(p[0] for p in every), 3), round(min(p[1] for p in every), 3),
                         round(max(p[0] for p in every), 3), round(max(p[1] for p in every), 3)]
    return {"source": "world-atlas 2.0.2 countries-50m.json (Natural Earth 4.1.0, 1:50m "
                      "Admin 0 countries, public domain)",
            "scale": [sx, sy], "translate": [tx, ty], "countries": countries}


def _delta(ring: list[tuple[int, int]]) -> list[int]:
    flat: list[int] = []
    last_x = last_y = 0
    for x, y in ring:
        flat.extend((x - last_x, y - last_y))
        last_x, last_y = x, y
    return flat


if __name__ == "__main__":
    built = build(Path(sys.argv[1]))
    OUT.write_text(json.dumps(built, separators=(",", ":")), "utf-8")
    print(f"{len(built['countries'])} countries -> {OUT} ({OUT.stat().st_size:,} bytes)")
