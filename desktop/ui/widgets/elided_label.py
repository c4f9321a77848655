"""A one-line label that gives way in a narrow window: it paints its text with the middle
replaced by "…" (the start and the end, a path's file name, stay). text(), what a screen
reader and the tests read, stays whole; the tooltip can carry it too."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel

ELLIPSIS = "…"
KEPT_AT_LEAST = 12  # characters still shown however narrow: the label stays recognisable


def elide_middle(text: str, advance: Callable[[str], int], width: int) -> str:
    """`text` with its middle cut until its advance in pixels is at most `width`."""
    if advance(text) <= width:
        return text
    head, tail = len(text) // 2, len(text) - len(text) // 2
    while head + tail > 0:
        if head >= tail:
            head -= 1
        else:
            tail -= 1
        shown = text[:head] + ELLIPSIS + text[len(text) - tail:]
        if advance(shown) <= width:
            return shown
    return ELLIPSIS


class ElidedLabel(QLabel):
    """A plain one-line QLabel whose middle gives way when it is narrower than its text."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        least = self.fontMetrics().horizontalAdvance(self.text()[:KEPT_AT_LEAST] + ELLIPSIS)
        return QSize(min(hint.width(), least), hint.height())

    def shown_text(self) -> str:
        """What is painted at the current width."""
        margin = 2 * self.margin() + self.contentsMargins().left() + self.contentsMargins().right()
        return elide_middle(self.text(), self.fontMetrics().horizontalAdvance,
                            self.width() - margin)

    def paintEvent(self, event: QPaintEvent) -> None:
        shown = self.shown_text()
        if shown == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        baseline = (self.height() + metrics.ascent() - metrics.descent()) // 2
        painter.drawText(QPoint(self.contentsMargins().left() + self.margin(), baseline), shown)
        painter.end()
