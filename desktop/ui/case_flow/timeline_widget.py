"""TimelineWidget: the journey as bands on a date axis, partial dates as fuzzy edges."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.flow.timeline import Band, TimelineLayout, timeline_layout
from desktop.ui.i18n import translate

MARGIN_LEFT = 12.0
MARGIN_RIGHT = 70.0  # room for the "US" entry flag
MARGIN_TOP = 8.0
LANE_HEIGHT = 22.0
LANE_GAP = 4.0
AXIS_HEIGHT = 22.0

BAND_COLOURS = ("#3d6fb6", "#2e8b6e", "#8a5fb8", "#c07a2b", "#3b8fa8", "#a8485a")
GAP_COLOUR = QColor(200, 40, 40, 60)
OVERLAP_COLOUR = QColor(230, 140, 0, 90)
ENTRY_COLOUR = QColor("#b3261e")
ENTRY_RANGE_COLOUR = QColor(179, 38, 30, 60)


@dataclass(frozen=True)
class BandGeometry:
    """Where one band is drawn: its solid middle and its two fuzzy (or open) edges."""

    band: Band
    solid: QRectF
    start_edge: QRectF
    end_edge: QRectF


class TimelineWidget(QWidget):
    """Draws a TimelineLayout; call set_case() whenever the stops change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_data: TimelineLayout | None = None
        self._palette = QPalette(self.palette())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(translate("TimelineWidget", "Journey timeline"))
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(self._wanted_height(1))

    def set_case(self, case: dict[str, Any]) -> None:
        self.layout_data = timeline_layout(case)
        lanes = max(len(self.layout_data.bands), 1)
        self.setMinimumHeight(self._wanted_height(lanes))
        self.setAccessibleDescription(self.describe())
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        lanes = len(self.layout_data.bands) if self.layout_data else 1
        return QSize(600, self._wanted_height(max(lanes, 1)))

    @staticmethod
    def _wanted_height(lanes: int) -> int:
        return int(MARGIN_TOP + lanes * (LANE_HEIGHT + LANE_GAP) + AXIS_HEIGHT + 4)

    def describe(self) -> str:
        """A text version of the picture (screen readers, tooltips)."""
        if not self.layout_data:
            return translate("TimelineWidget", "No journey yet")
        parts = []
        for marker in self.layout_data.markers:
            if marker.kind == "contradiction":
                parts.append(translate(
                            "TimelineWidget",
                            "stop {value}'s dates contradict the journey's order").format(
                            value=marker.index + 1))
            else:
                parts.append(
                    translate(
                        "TimelineWidget", "{kind} after stop {value}: {start} to {end}"
                    ).format(
                        kind=marker.kind, value=marker.index + 1, start=marker.start, end=marker.end
                    )
                )
        bands = len(self.layout_data.bands)
        return translate("TimelineWidget", "%n stop(s)", None, bands) + (
            "; " + "; ".join(parts)
            if parts
            else translate("TimelineWidget", "; no gaps or overlaps")
        )

    # -- geometry (pure arithmetic on the widget's size; tested directly) ----------------------
    def x_for(self, day: date) -> float:
        assert self.layout_data is not None
        width = max(self.width() - MARGIN_LEFT - MARGIN_RIGHT, 1.0)
        return MARGIN_LEFT + self.layout_data.fraction(day) * width

    def band_geometry(self) -> list[BandGeometry]:
        if not self.layout_data:
            return []
        shapes = []
        for lane, band in enumerate(self.layout_data.bands):
            top = MARGIN_TOP + lane * (LANE_HEIGHT + LANE_GAP)
            start_left, start_right = self.x_for(band.start.earliest), self.x_for(band.start.latest)
            end_left, end_right = self.x_for(band.end.earliest), self.x_for(band.end.latest)
            # An exact day still gets one day's width so the band has a visible end.
            start_right = max(start_right, start_left + 1.0)
            end_right = max(end_right, end_left + 1.0)
            shapes.append(
                BandGeometry(
                    band,
                    QRectF(
                        QPointF(start_right, top),
                        QPointF(max(end_left, start_right), top + LANE_HEIGHT),
                    ),
                    QRectF(QPointF(start_left, top), QPointF(start_right, top + LANE_HEIGHT)),
                    QRectF(QPointF(end_left, top), QPointF(end_right, top + LANE_HEIGHT)),
                )
            )
        return shapes

    # -- painting ------------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        # Keep the palette alive while its brushes are used (PySide returns references into it).
        self._palette = QPalette(self.palette())
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QBrush(self._palette.base()))
        if not self.layout_data or not self.layout_data.bands:
            painter.setPen(QColor(self._palette.placeholderText().color()))
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                translate("TimelineWidget", "Add stops to see the journey"),
            )
            painter.end()
            return
        lanes_bottom = MARGIN_TOP + len(self.layout_data.bands) * (LANE_HEIGHT + LANE_GAP)
        self._paint_markers(painter, lanes_bottom)
        for shape in self.band_geometry():
            self._paint_band(painter, shape)
        self._paint_entry(painter, lanes_bottom)
        self._paint_axis(painter, lanes_bottom)
        painter.end()

    def _paint_band(self, painter: QPainter, shape: BandGeometry) -> None:
        colour = QColor(BAND_COLOURS[shape.band.index % len(BAND_COLOURS)])
        clear = QColor(colour)
        clear.setAlpha(0)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.fillRect(shape.solid, colour)
        for edge, rect, rising in (
            (shape.band.start, shape.start_edge, True),
            (shape.band.end, shape.end_edge, False),
        ):
            if edge.known and not edge.fuzzy:
                painter.fillRect(rect, colour)
                continue
            gradient = QLinearGradient(rect.topLeft(), rect.topRight())
            gradient.setColorAt(0.0, clear if rising else colour)
            gradient.setColorAt(1.0, colour if rising else clear)
            painter.fillRect(rect, QBrush(gradient))
            if not edge.known:  # unknown date: a dashed outline says "open"
                pen = QPen(colour, 1.0, Qt.PenStyle.DashLine)
                painter.setPen(pen)
                painter.drawRect(rect.adjusted(0.5, 0.5, -0.5, -0.5))
                painter.setPen(Qt.PenStyle.NoPen)
        label = shape.band.country or "?"
        # White on the solid part when it is wide enough; otherwise dark text after the band.
        if shape.solid.width() > 30:
            painter.setPen(QColor("white"))
            text_rect = shape.solid.adjusted(4, 0, 0, 0)
        else:
            painter.setPen(QColor(self._palette.text().color()))
            text_rect = QRectF(shape.end_edge.right() + 4, shape.solid.top(), 60, LANE_HEIGHT)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(text_rect, align, label)

    def _paint_markers(self, painter: QPainter, bottom: float) -> None:
        assert self.layout_data is not None
        for marker in self.layout_data.markers:
            left, right = self.x_for(marker.start), self.x_for(marker.end)
            rect = QRectF(
                QPointF(min(left, right), MARGIN_TOP),
                QPointF(max(left, right, min(left, right) + 2), bottom),
            )
            colour = GAP_COLOUR if marker.kind == "gap" else OVERLAP_COLOUR  # and contradiction
            painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.SolidPattern))
            painter.fillRect(rect, QBrush(colour.darker(150), Qt.BrushStyle.BDiagPattern))
            painter.setPen(colour.darker(250))
            painter.drawText(rect.adjusted(2, 0, 40, 0), Qt.AlignmentFlag.AlignBottom, marker.kind)

    def _paint_entry(self, painter: QPainter, bottom: float) -> None:
        assert self.layout_data is not None
        entry = self.layout_data.entry
        if entry is None:
            return
        left, right = self.x_for(entry.first_day), self.x_for(entry.last_day)
        painter.fillRect(
            QRectF(QPointF(left, MARGIN_TOP), QPointF(max(right, left + 2), bottom)),
            ENTRY_RANGE_COLOUR if right - left > 2 else ENTRY_COLOUR,  # a month: see-through
        )
        painter.setPen(ENTRY_COLOUR)
        flag = QRectF(
            QPointF(max(right, left + 2) + 4, MARGIN_TOP),
            QPointF(self.width(), MARGIN_TOP + LANE_HEIGHT),
        )
        painter.drawText(
            flag,
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            translate("TimelineWidget", "→ US ") + entry.iso(),
        )

    def _paint_axis(self, painter: QPainter, top: float) -> None:
        assert self.layout_data is not None
        painter.setPen(QColor(self._palette.text().color()))
        painter.drawLine(
            QPointF(MARGIN_LEFT, top + 2), QPointF(self.width() - MARGIN_RIGHT, top + 2)
        )
        start, end = self.layout_data.axis_start, self.layout_data.axis_end
        span_days = (end - start).days
        ticks: list[date] = []
        if span_days < 120:  # a short journey: weekly ticks
            tick = start + timedelta(days=(7 - start.weekday()) % 7)
            while tick <= end:
                ticks.append(tick)
                tick += timedelta(days=7)
            label_format = translate("TimelineWidget", "%d %b")
        else:
            by_month = span_days < 800
            year, month = start.year, start.month
            while True:
                if by_month:
                    year, month = (year + 1, 1) if month == 12 else (year, month + 1)
                else:
                    year, month = year + 1, 1
                tick = date(year, month, 1)
                if tick > end:
                    break
                ticks.append(tick)
            label_format = (
                translate("TimelineWidget", "%b %Y")
                if by_month
                else translate("TimelineWidget", "%Y")
            )
        last_label_x = -1000.0
        for tick in ticks:
            x = self.x_for(tick)
            painter.drawLine(QPointF(x, top), QPointF(x, top + 5))
            text = tick.strftime(label_format)
            if x - last_label_x > 60:
                painter.drawText(
                    QRectF(x - 30, top + 5, 60, AXIS_HEIGHT - 5),
                    Qt.AlignmentFlag.AlignHCenter,
                    text,
                )
                last_label_x = x
