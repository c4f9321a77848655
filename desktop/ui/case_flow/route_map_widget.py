"""The route on a map: the countries around the journey (Natural Earth 1:50m), the route's
countries shaded, the stops numbered in order and joined up to the United States; a stop
whose dates are not known to the day has a dashed ring. Shapes are made into painter paths
once per route; a repaint only transforms and fills them."""

from __future__ import annotations

import copy
import math
import threading
from dataclasses import dataclass
from functools import cache
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.services.world_map import MapStop, countries_in, rings, route_stops, view_box
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

WATER, LAND, ROUTE_LAND = QColor("#e6eef5"), QColor("#f4f3ef"), QColor("#dde8d4")
BORDER, ROUTE, INK = QColor("#9a9a9a"), QColor("#b3261e"), QColor("#202020")
MARKER_RADIUS = 9.0
LEGEND = QT_TRANSLATE_NOOP("RouteMapWidget",
                           "Dashed ring: a date of that stop is not known to the day")


@dataclass(frozen=True)
class _Prepared:
    """What a repaint needs, made off the GUI thread: the stops, the countries in view (with
    whether each is on the route) and the view box in (longitude, -latitude)."""

    stops: list[MapStop]
    paths: list[tuple[QPainterPath, bool]]
    box: QRectF
    squeeze: float  # longitude scale at the view's middle latitude


def prepare(case: dict[str, Any]) -> _Prepared:
    """Reading the shapes (~40 ms) and making their paths (~40 ms the first time) is work for
    a worker thread: QPainterPath is a value, not a QObject, and may be made in any thread."""
    stops = route_stops(case)
    if not stops:
        return _Prepared([], [], QRectF(), 1.0)
    west, south, east, north = view_box(stops)
    on_route = {stop.country for stop in stops}
    paths = [(country_path(code), code in on_route)
             for code in countries_in((west, south, east, north))]
    return _Prepared(stops, paths, QRectF(QPointF(west, -north), QPointF(east, -south)),
                     math.cos(math.radians((south + north) / 2)))


class RouteMapWidget(QWidget):
    """Draws the route of a case; set_case() after each change of the journey."""

    prepared = Signal(int, object)  # generation, _Prepared: from the worker thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("RouteMapWidget", "Route map"))
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.view = _Prepared([], [], QRectF(), 1.0)
        self._generation = 0
        self.prepared.connect(self._show)

    @property
    def stops(self) -> list[MapStop]:
        return self.view.stops

    def sizeHint(self) -> QSize:
        return QSize(480, 240)

    def set_case(self, case: dict[str, Any]) -> None:
        """Prepare the map of `case`'s route in a worker; shown when ready (a later call wins)."""
        self._generation += 1
        generation = self._generation
        journey = {"journey": copy.deepcopy(case.get("journey") or []),
                   "entry": dict(case.get("entry") or {})}

        def work() -> None:
            result = prepare(journey)
            try:
                self.prepared.emit(generation, result)
            except RuntimeError:  # the widget went while the worker ran: nothing to show
                pass

        threading.Thread(target=work, name="route-map", daemon=True).start()

    def _show(self, generation: int, view: _Prepared) -> None:
        if generation != self._generation:
            return
        self.view = view
        uncertain = translate("RouteMapWidget", " (dates uncertain)")
        described = ", ".join(f"{s.number} {s.country}" + (uncertain if s.uncertain else "")
                              for s in view.stops)
        self.setAccessibleDescription(
            translate("RouteMapWidget", "Route: {stops}").format(stops=described) if view.stops
            else translate("RouteMapWidget", "No stops yet"))
        self.update()

    def _transform(self) -> QTransform:
        """(longitude, -latitude) to the widget: longitudes shortened by the cosine of the
        view's middle latitude, the whole view box shown, its aspect kept."""
        area = QRectF(self.rect()).adjusted(4, 4, -4, -22)  # the legend line below
        width, height = self.view.box.width() * self.view.squeeze, self.view.box.height()
        scale = min(area.width() / width, area.height() / height)
        dx = area.left() + (area.width() - width * scale) / 2
        dy = area.top() + (area.height() - height * scale) / 2
        return QTransform(scale * self.view.squeeze, 0, 0, scale,
                          dx - self.view.box.left() * scale * self.view.squeeze,
                          dy - self.view.box.top() * scale)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), WATER)
        if not self.view.paths or self.view.box.isEmpty():
            painter.setPen(INK)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             translate("RouteMapWidget", "No stops yet"))
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self._transform()
        painter.setTransform(transform)
        border = QPen(BORDER, 0)  # cosmetic: one pixel at any scale
        painter.setPen(border)
        for path, on_route in self.view.paths:
            painter.setBrush(QBrush(ROUTE_LAND if on_route else LAND))
            painter.drawPath(path)
        painter.resetTransform()
        painter.setPen(INK)
        route = " · ".join(f"{stop.number} {stop.country}" for stop in self.stops)
        painter.drawText(QRectF(6, self.height() - 20, self.width() - 12, 18),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         f"{route}   ({translate('RouteMapWidget', LEGEND)})")
        points = spread([transform.map(QPointF(stop.lon, -stop.lat)) for stop in self.stops])
        self._draw_route(painter, points)
        painter.end()

    def _draw_route(self, painter: QPainter, points: list[QPointF]) -> None:
        painter.setPen(QPen(ROUTE, 2))
        for start, end in zip(points, points[1:], strict=False):
            painter.drawLine(start, end)
        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for stop, point in zip(self.stops, points, strict=True):
            ring = QPen(ROUTE, 2, Qt.PenStyle.DashLine if stop.uncertain else Qt.PenStyle.SolidLine)
            painter.setPen(ring)
            painter.setBrush(QBrush(QColor("white")))
            painter.drawEllipse(point, MARKER_RADIUS, MARKER_RADIUS)
            painter.setPen(INK)
            box = QRectF(point.x() - MARKER_RADIUS, point.y() - MARKER_RADIUS,
                         2 * MARKER_RADIUS, 2 * MARKER_RADIUS)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(stop.number))


@cache
def country_path(code: str) -> QPainterPath:
    """A country's outline in (longitude, -latitude), holes and islands alike."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for ring in rings(code):
        path.addPolygon(QPolygonF([QPointF(lon, -lat) for lon, lat in ring]))
        path.closeSubpath()
    return path


def spread(points: list[QPointF]) -> list[QPointF]:
    """The markers moved apart where two would overlap (neighbours such as GT and HN)."""
    placed: list[QPointF] = []
    for point in points:
        moved = QPointF(point)
        while any((moved - other).manhattanLength() < 2 * MARKER_RADIUS for other in placed):
            moved += QPointF(0, 2 * MARKER_RADIUS + 2)
        placed.append(moved)
    return placed
