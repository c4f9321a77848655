"""Draws the Waypoint app icon with QPainter and writes waypoint-<size>.png for each size.

Run: QT_QPA_PLATFORM=offscreen python resources/icons/make_icon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent


def draw_icon(size: int) -> QImage:
    """The icon on a 100-unit canvas: a route of three stops ending at a map pin."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 100, size / 100)

    # Tile: deep blue with a slight gradient.
    gradient = QLinearGradient(0, 0, 0, 100)
    gradient.setColorAt(0, QColor("#1f5f99"))
    gradient.setColorAt(1, QColor("#123a63"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(4, 4, 92, 92), 20, 20)

    # The route: a dashed curve from bottom left to the pin (dashes only where they show).
    route = QPainterPath(QPointF(22, 78))
    route.cubicTo(QPointF(40, 84), QPointF(32, 62), QPointF(48, 66))
    route.cubicTo(QPointF(62, 70), QPointF(64, 60), QPointF(66, 58))
    pen = QPen(QColor("#f2c14e"), 6 if size < 32 else 5)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    if size >= 48:
        pen.setDashPattern([1.6, 1.6])
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(route)

    # Stops on the way.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#f2c14e"))
    painter.drawEllipse(QPointF(22, 78), 7, 7)
    if size >= 24:
        painter.drawEllipse(QPointF(48, 66), 5, 5)

    # The pin: a white drop with a blue hole, its point at the end of the route.
    pin = QPainterPath()
    pin.moveTo(66, 60)
    pin.cubicTo(QPointF(58, 50), QPointF(47, 42), QPointF(47, 32))
    pin.arcTo(QRectF(47, 13, 38, 38), 180, -180)
    pin.cubicTo(QPointF(85, 42), QPointF(74, 50), QPointF(66, 60))
    pin.closeSubpath()
    painter.setBrush(QColor("#ffffff"))
    painter.drawPath(pin)
    painter.setBrush(QColor("#1a4f82"))
    painter.drawEllipse(QPointF(66, 32), 7.5, 7.5)
    painter.end()
    return image


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    for size in SIZES:
        target = HERE / f"waypoint-{size}.png"
        if not draw_icon(size).save(str(target)):
            print(f"could not write {target}", file=sys.stderr)
            return 1
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
