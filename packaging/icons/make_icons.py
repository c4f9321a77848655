"""Builds the app icon in every size the three systems need, from one PNG or a drawn placeholder.

Usage: python packaging/icons/make_icons.py [--source PNG]

Writes next to this script: waypoint-<size>.png (16…1024, for Linux hicolor and the spec),
waypoint.ico (Windows: 16…256 in one file) and waypoint.icns (macOS: 16…1024 in one file).
The master image, 1024 px: --source if given; else the app's own icon drawing
(resources/icons/make_icon.py, draw_icon) so the packaged icon matches the window icon;
else a placeholder drawn here. Runs offscreen, no display needed.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

from PIL import Image

HERE = Path(__file__).resolve().parent
APP_ICON_SCRIPT = HERE.parent.parent / "resources" / "icons" / "make_icon.py"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512, 1024)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def draw_placeholder(size: int = 1024) -> Image.Image:
    """A rounded teal square with a white waypoint marker on a dotted route."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
    from PySide6.QtGui import QBrush, QColor, QGuiApplication, QImage, QPainter, QPainterPath, QPen

    app = QGuiApplication.instance() or QGuiApplication([])
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    unit = size / 16.0
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("#11606b")))
    painter.drawRoundedRect(
        QRectF(unit * 0.5, unit * 0.5, unit * 15, unit * 15), unit * 3, unit * 3
    )

    route = QPen(QColor("#9fd8df"), unit * 0.9, Qt.PenStyle.DotLine, Qt.PenCapStyle.RoundCap)
    painter.setPen(route)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    path = QPainterPath(QPointF(unit * 2.5, unit * 13.5))
    path.cubicTo(
        QPointF(unit * 6, unit * 13), QPointF(unit * 5, unit * 10), QPointF(unit * 8, unit * 10.5)
    )
    painter.drawPath(path)

    marker = QPainterPath()
    marker.moveTo(QPointF(unit * 10, unit * 12.5))
    marker.cubicTo(
        QPointF(unit * 7, unit * 8.5), QPointF(unit * 6.5, unit * 7), QPointF(unit * 6.5, unit * 6)
    )
    marker.arcTo(QRectF(unit * 6.5, unit * 2.5, unit * 7, unit * 7), 180, -180)
    marker.cubicTo(
        QPointF(unit * 13.5, unit * 7),
        QPointF(unit * 13, unit * 8.5),
        QPointF(unit * 10, unit * 12.5),
    )
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor("white")))
    painter.drawPath(marker)
    painter.setBrush(QBrush(QColor("#11606b")))
    painter.drawEllipse(QPointF(unit * 10, unit * 6), unit * 1.4, unit * 1.4)
    painter.end()

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    del app
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def draw_app_icon(size: int = 1024) -> Image.Image | None:
    """The window icon's own drawing (resources/icons/make_icon.py) at size, if it is there."""
    if not APP_ICON_SCRIPT.is_file():
        return None
    import importlib.util

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication

    spec = importlib.util.spec_from_file_location("waypoint_make_icon", APP_ICON_SCRIPT)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    draw = getattr(module, "draw_icon", None)
    if draw is None:
        return None
    app = QGuiApplication.instance() or QGuiApplication([])
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(size).save(buffer, "PNG")
    buffer.close()
    del app
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def write_icons(master: Image.Image, out_dir: Path) -> list[Path]:
    """Write every PNG size, the .ico and the .icns; return the paths written."""
    master = master.convert("RGBA")
    if master.size != (1024, 1024):
        master = master.resize((1024, 1024), Image.Resampling.LANCZOS)
    written = []
    for size in PNG_SIZES:
        target = out_dir / f"waypoint-{size}.png"
        master.resize((size, size), Image.Resampling.LANCZOS).save(target, optimize=True)
        written.append(target)
    ico = out_dir / "waypoint.ico"
    master.save(ico, sizes=[(s, s) for s in ICO_SIZES])
    icns = out_dir / "waypoint.icns"
    master.save(icns, sizes=[(s, s) for s in ICNS_SIZES])
    return written + [ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="a square PNG, ideally 1024 px")
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args(argv)
    master = Image.open(args.source) if args.source else draw_app_icon() or draw_placeholder()
    for path in write_icons(master, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
