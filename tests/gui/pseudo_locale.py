"""A pseudo catalog of the window and the checks the pseudo-locale run makes with it.

Every message of waypoint_es.ts gets a pseudo translation: its text wrapped in ⟦ ⟧ and
lengthened by about 40 % (accented letters and a tail of `·`), placeholders, HTML tags,
accelerators and file-filter patterns kept. With it installed, any visible text without
⟦ did not pass through a catalog, and text that no longer fits shows clipping.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QWidget,
)

from desktop.resources import resource_path

OPEN, CLOSE = "⟦", "⟧"
# Kept as they are: placeholders, plural numbers, tags, entities, accelerators, line breaks.
KEEP = re.compile(r"\{[^}]*\}|%L?n|<[^>]+>|&\w+;|&(?=\S)|\n|\(\*[^)]*\)|;;")
ACCENTS = str.maketrans("aeiouAEIOUnNcC", "áéíóúÁÉÍÓÚñÑçÇ")
STRFTIME = re.compile(r"^(%[a-zA-Z][ /.-]?)+$")


def pseudo_text(source: str) -> str:
    """⟦source⟧ in accented letters, about 40 % longer, with what must stay kept."""
    if STRFTIME.match(source.strip()):
        return source  # a date format, not words
    pieces, last = [], 0
    for found in KEEP.finditer(source):
        pieces.append(source[last:found.start()].translate(ACCENTS))
        pieces.append(found.group())
        last = found.end()
    pieces.append(source[last:].translate(ACCENTS))
    body = "".join(pieces)
    tail = "·" * max(1, round(len(KEEP.sub("", source)) * 0.4) - 2)
    if "(*" in source:  # a file filter: Qt reads the pattern at the end of each entry
        return ";;".join(f"{OPEN}{entry.split('(')[0]}{tail}{CLOSE} ({entry.split('(', 1)[1]}"
                         if "(" in entry else entry for entry in body.split(";;"))
    return f"{OPEN}{body}{tail}{CLOSE}"


def build_pseudo_catalog(folder: Path) -> Path:
    """The pseudo .qm, from the committed Spanish catalog's messages."""
    tree = ET.parse(resource_path("i18n", "qt", "waypoint_es.ts"))
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in translation.iter("numerusform"):
                form.text = pseudo_text(source)
        else:
            translation.text = pseudo_text(source)
    ts, qm = folder / "waypoint_pseudo.ts", folder / "waypoint_pseudo.qm"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@dataclass(frozen=True)
class Finding:
    where: str  # the widget's class and object name, or its accessible name
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r}"


def describe(widget: QObject) -> str:
    name = widget.objectName() or (widget.accessibleName() if isinstance(widget, QWidget)
                                   else "")
    parent = widget.parent()
    owner = type(parent).__name__ if parent is not None else "-"
    return f"{type(widget).__name__}[{name}] in {owner}"


def visible_texts(root: QWidget) -> list[tuple[QWidget, str]]:
    """(widget, text) of what a person reads in `root`: labels, buttons, boxes, fields."""
    found: list[tuple[QWidget, str]] = [(root, root.windowTitle())] if root.isWindow() else []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.pixmap().isNull():
            found.append((widget, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((widget, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((widget, widget.title()))
        elif isinstance(widget, QLineEdit) and not widget.text():
            found.append((widget, widget.placeholderText()))
        elif isinstance(widget, QComboBox) and not widget.isEditable():
            found.append((widget, widget.currentText()))
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            header = getattr(widget, "header", None) or getattr(widget, "horizontalHeader", None)
            if header is None or not header().isVisible():
                continue
            for column in range(header().count()):
                if not header().isSectionHidden(column):
                    found.append((widget, str(model.headerData(column, _horizontal()) or "")))
    return [(widget, text) for widget, text in found if text.strip()]


def _horizontal():  # noqa: ANN202 (a Qt enum)
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text)


def untranslated(root: QWidget, exempt: Callable[[QWidget, str], bool]) -> list[Finding]:
    """Visible texts with no ⟦: they did not pass through the catalog (`exempt` excepted)."""
    return [Finding(describe(widget), text) for widget, text in visible_texts(root)
            if OPEN not in text and not exempt(widget, plain(text).strip())]


def clipped(root: QWidget) -> list[Finding]:
    """Text cut off: labels and buttons wider (or, wrapped, taller) than the room they got,
    table headers narrower than their title, widgets past the window's right edge, pages
    that need a horizontal scroll bar."""
    found = []
    window = root.window()
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible() or widget.width() <= 0:
            continue
        if isinstance(widget, QScrollArea) and widget.horizontalScrollBar().isVisible():
            inner = widget.widget()
            needed = inner.minimumSizeHint().width() if inner is not None else 0
            found.append(Finding(describe(widget), f"needs a horizontal scroll bar "
                                 f"({widget.viewport().width()} px for {needed})"))
        if _past_right_edge(widget, window):
            found.append(Finding(describe(widget), "reaches past the window's right edge"))
        if isinstance(widget, QHeaderView) and widget.orientation() == _horizontal():
            found += _cut_headers(widget)
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            room = widget.contentsRect()
            if widget.wordWrap():
                needed = widget.heightForWidth(room.width())
                if needed > room.height() + 2:
                    found.append(Finding(describe(widget), widget.text()))
            elif widget.sizeHint().width() > widget.width() + 2 and not _elides(widget):
                found.append(Finding(describe(widget), widget.text()))
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > widget.width() + 2:
                found.append(Finding(describe(widget), widget.text()))
    return found


def _elides(label: QLabel) -> bool:
    """A label made to be cut short: a date's reading and the header's decision date, whole
    in their tooltips; the database path in the status bar (Ignored width), in the About box."""
    if label.text() and label.text() in label.toolTip():
        return True
    if type(label).__name__ == "ElidedLabel":  # paints its middle as "…" on purpose
        return True
    return label.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored


def _inside_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea | QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _past_right_edge(widget: QWidget, window: QWidget) -> bool:
    if widget is window or widget.isWindow() or _inside_scroll_area(widget):
        return False
    right = widget.mapTo(window, widget.rect().topRight()).x()
    return right > window.width() + 1


def _cut_headers(header: QHeaderView) -> list[Finding]:
    found = []
    model = header.model()
    if model is None:
        return found
    for section in range(header.count()):
        if header.isSectionHidden(section):
            continue
        title = str(model.headerData(section, _horizontal()) or "")
        margin = header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        needed = header.fontMetrics().horizontalAdvance(title) + 2 * margin
        if title and header.sectionSize(section) < needed:
            found.append(Finding(describe(header), f"column title cut: {title} "
                                 f"({header.sectionSize(section)} < {needed} px)"))
    return found
