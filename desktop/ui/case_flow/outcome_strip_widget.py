"""The Review page's strip of when each outcome holds: for each rule whose outcome changes with
the decision date (or that reaches the case), a bar over decision dates coloured by outcome,
a tick at each boundary (strong where this case's outcome changes), the decision date marked
and the time past the pack's law date shaded. The same words are the widget's accessible
description and its What's This text (Shift+F1), so the strip is readable without a mouse."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.engine.outcome_dates import OutcomeStrip
from desktop.memo.strip_words import strip_lines
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.engine import RulePack

FILLS = {
    "applies": "#f2c4c1",
    "exception": "#c8e6c9",
    "not_applicable": "#e3e3e3",
    "not_in_force": "#d3def0",
    "needs_information": "#f8dfb0",
}
ROW_HEIGHT = 18
TOP = 18  # the heading line
HEADING = QT_TRANSLATE_NOOP(
    "OutcomeStripWidget", "When each outcome holds, by decision date (Shift+F1: in words)"
)
LABEL_WIDTH = 190
TAIL_DAYS = 120  # shown past the last boundary, so "onward" reads as onward


def shown_strips(strips: Sequence[OutcomeStrip], reaching: set[str]) -> list[OutcomeStrip]:
    return [s for s in strips if len(s.spans) > 1 or s.rule in reaching]


class OutcomeStripWidget(QWidget):
    """Painted rows, one per rule shown; empty (and hidden) when there is nothing to show."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.strips: list[OutcomeStrip] = []
        self.setObjectName("outcomeStrip")
        self.setAccessibleName(translate("OutcomeStripWidget", "When each outcome holds"))
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setVisible(False)

    def set_strips(self, strips: Sequence[OutcomeStrip], reaching: set[str]) -> None:
        self.strips = shown_strips(strips, reaching)
        words = "\n".join(f"{s.title}: " + "; ".join(strip_lines(s)) for s in self.strips)
        self.setAccessibleDescription(words)
        self.setWhatsThis(words)
        self.setToolTip(words)
        self.setVisible(bool(self.strips))
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, TOP + ROW_HEIGHT * len(self.strips) + 20)

    def minimumSizeHint(self) -> QSize:
        return QSize(LABEL_WIDTH + 120, TOP + ROW_HEIGHT * len(self.strips) + 20)

    def span_of_days(self) -> tuple[date, date]:
        first = min(s.spans[0].start for s in self.strips)
        ends = [b.day for s in self.strips for b in s.boundaries if b.day > first]
        ends += [s.decision_date for s in self.strips]
        return first, max(ends) + timedelta(days=TAIL_DAYS)

    def x_of(self, day: date, left: float, width: float) -> float:
        first, last = self.span_of_days()
        share = (day - first).days / max(1, (last - first).days)
        return left + max(0.0, min(1.0, share)) * width

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        if not self.strips:
            return
        painter = QPainter(self)
        left, width = float(LABEL_WIDTH), float(max(40, self.width() - LABEL_WIDTH - 8))
        first, last = self.span_of_days()
        font = painter.font()
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(
            QRectF(0, 0, self.width(), TOP), int(Qt.AlignmentFlag.AlignVCenter),
            translate("OutcomeStripWidget", HEADING)
        )
        font.setBold(False)
        painter.setFont(font)
        for row, strip in enumerate(self.strips):
            top = TOP + 4 + row * ROW_HEIGHT
            painter.setPen(self.palette().windowText().color())
            painter.drawText(
                QRectF(0, top, LABEL_WIDTH - 6, ROW_HEIGHT),
                int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                self.fontMetrics().elidedText(
                    strip.title, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 6
                ),
            )
            for span in strip.spans:
                x0 = self.x_of(span.start, left, width)
                x1 = self.x_of(span.end + timedelta(days=1) if span.end else last, left, width)
                painter.fillRect(
                    QRectF(x0, top + 2, max(1.0, x1 - x0), ROW_HEIGHT - 4),
                    QColor(FILLS.get(span.outcome, "#eeeeee")),
                )
            for boundary in strip.boundaries:
                x = self.x_of(boundary.day, left, width)
                strong = boundary.changes_outcome
                painter.setPen(QPen(QColor("#202020" if strong else "#9a9a9a"), 2 if strong else 1))
                painter.drawLine(
                    int(x),
                    top + (1 if strong else 5),
                    int(x),
                    top + ROW_HEIGHT - (1 if strong else 5),
                )
        self._paint_marks(painter, left, width)
        painter.end()

    def _paint_marks(self, painter: QPainter, left: float, width: float) -> None:
        bottom = TOP + 4 + ROW_HEIGHT * len(self.strips)
        known = self.strips[0].law_known_through
        if known is not None:
            x = self.x_of(known + timedelta(days=1), left, width)
            painter.fillRect(
                QRectF(x, TOP + 4, left + width - x, bottom - TOP - 4), QColor(128, 128, 128, 70)
            )
        decided = self.x_of(self.strips[0].decision_date, left, width)
        first, last = self.span_of_days()
        painter.setPen(QPen(QColor("#505050"), 1))
        for year in range(first.year + 1, last.year + 1):
            x = self.x_of(date(year, 1, 1), left, width)
            if abs(x - decided) > 70:
                painter.drawLine(int(x), bottom, int(x), bottom + 3)
                painter.drawText(
                    QRectF(x - 20, bottom + 1, 40, 14), int(Qt.AlignmentFlag.AlignCenter), str(year)
                )
        painter.setPen(QPen(QColor("#000000"), 2))
        painter.drawLine(int(decided), TOP + 2, int(decided), bottom + 2)
        painter.drawText(
            QRectF(decided - 60, bottom + 1, 120, 14),
            int(Qt.AlignmentFlag.AlignCenter),
            translate("OutcomeStripWidget", "decision date"),
        )
        if self.hasFocus():
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.drawRect(self.rect().adjusted(0, 0, -1, -1))


def with_outcome_dates(
    result: dict[str, Any], case_data: dict[str, Any], pack: RulePack
) -> dict[str, Any]:
    """In the worker, after the evaluation under `pack`: its determination's strips (if any)."""
    from desktop.services.outcome_dates import when_outcomes_hold

    determination = result.get("determination")
    if determination is not None:
        result["outcome_dates"] = when_outcomes_hold(case_data, determination, pack)
    return result
