"""The route on a map (issue 27): the walk case's stops in order up to the United States on
the Journey step, a stop with a date not known to the day marked uncertain, the markers drawn
where the stops are, and the 1:50m shapes shipped with their source (Belize and Singapore
kept as shapes)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor
from test_case_flow_support import (  # noqa: F401  (services_fixture provides `services`)
    open_page,
    services_fixture,
)

from desktop.flow.steps import Step
from desktop.resources import resource_path
from desktop.services.world_map import bbox, rings, route_stops
from desktop.ui.case_flow.route_map_widget import ROUTE
from tests.memo.walk_case import walk_case

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


def test_small_transit_states_are_shapes_and_the_source_is_noted() -> None:
    for code, (west, south, east, north) in (("BZ", (-89.3, 15.8, -87.4, 18.6)),
                                             ("SG", (103.6, 1.2, 104.1, 1.5))):
        shape = rings(code)
        assert shape and max(len(ring) for ring in shape) >= 8, code  # a shape, not a dot
        found = bbox(code)
        assert found is not None
        assert west <= found[0] < found[2] <= east and south <= found[1] < found[3] <= north
    notes = (resource_path("maps", "README.md").read_text("utf-8"))
    assert "Natural Earth" in notes and "public domain" in notes and "ISC" in notes
    assert resource_path("maps", "world-atlas-LICENSE.txt").is_file()


def test_stops_in_order_and_uncertain_dates() -> None:
    case = walk_case()
    assert [(s.number, s.country, s.uncertain) for s in route_stops(case)] == [
        (1, "HN", False), (2, "GT", False), (3, "MX", False), (4, "US", False)]
    case["journey"][1]["arrived"] = "2024-06"  # Guatemala: the month only
    assert [s.uncertain for s in route_stops(case)] == [False, True, False, False]


def test_the_journey_step_draws_the_route(qtbot, services) -> None:
    page = open_page(qtbot, services, services.cases.create_case(walk_case()))
    page.go_to_step(Step.JOURNEY)
    route_map = page.pages[Step.JOURNEY].route_map
    qtbot.waitUntil(lambda: len(route_map.stops) == 4, timeout=10_000)
    assert "1 HN, 2 GT, 3 MX, 4 US" in route_map.accessibleDescription()
    image = route_map.grab().toImage()
    transform = route_map._transform()
    for stop in route_map.stops[2:]:  # Mexico and the US: apart from the others
        centre = transform.map(QPointF(stop.lon, -stop.lat))
        ring = [QColor(image.pixel(int(centre.x()) + dx, int(centre.y())))
                for dx in range(-11, -6)]
        assert any(abs(c.red() - ROUTE.red()) < 40 and c.green() < 90 for c in ring), stop
