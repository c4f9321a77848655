"""What is wrong with a window's layout, in words: widgets cut off (narrower or shorter than
they need to show their words), past the window's edge, overlapping a sibling, or a scroll
area that needs a horizontal scrollbar (issue 27: every step at 1024x700 and at 150%)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QStackedWidget,
    QWidget,
)

_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
# Widgets whose own words are shown in one piece: narrower than their size hint cuts them.
_WHOLE_WORDS = (QAbstractButton, QComboBox)


def _name(widget: QWidget) -> str:
    words = ""
    if isinstance(widget, QLabel | QAbstractButton):
        words = widget.text()
    elif isinstance(widget, QLineEdit):
        words = widget.placeholderText()
    label = widget.accessibleName() or widget.objectName() or words[:40]
    return f"{type(widget).__name__} {label!r}"


def _viewport_of(widget: QWidget, top: QWidget) -> QWidget | None:
    """The nearest scroll-area viewport `widget` sits in (below `top`), if any."""
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        owner = parent.parentWidget()
        if isinstance(owner, QAbstractScrollArea) and owner.viewport() is parent:
            return parent
        parent = owner
    return None


def _shown(widget: QWidget, top: QWidget) -> bool:
    return widget.isVisibleTo(top) and not widget.isWindow()


def _inside_item_view(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _rect_in(widget: QWidget, other: QWidget) -> QRect:
    return QRect(widget.mapTo(other, QPoint(0, 0)), widget.size())


def _cut_off(widget: QWidget) -> str | None:
    if widget.width() <= 0 or widget.height() <= 0:
        return None
    if isinstance(widget, QLabel):
        text = widget.text()
        if not text.strip():
            return None
        if widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 1:
                return f"{widget.height()} px high, needs {needed}"
            return None
        hint = widget.minimumSizeHint()
        if hint.width() > widget.width() + 1:
            return f"{widget.width()} px wide, needs {hint.width()}"
        if hint.height() > widget.height() + 1:
            return f"{widget.height()} px high, needs {hint.height()}"
        return None
    if isinstance(widget, _WHOLE_WORDS):
        hint = widget.sizeHint() if isinstance(widget, QAbstractButton) \
            else widget.minimumSizeHint()
        if hint.width() > widget.width() + 1:
            return f"{widget.width()} px wide, needs {hint.width()}"
        if hint.height() > widget.height() + 1:
            return f"{widget.height()} px high, needs {hint.height()}"
        return None
    if isinstance(widget, QLineEdit):
        hint = widget.minimumSizeHint()
        if hint.height() > widget.height() + 1:
            return f"{widget.height()} px high, needs {hint.height()}"
        placeholder = widget.placeholderText()
        if placeholder and not widget.text():
            needed = widget.fontMetrics().horizontalAdvance(placeholder) + 12
            if needed > widget.width():
                return f"placeholder {widget.width()} px wide, needs {needed}"
    return None


def _outside(widget: QWidget, top: QWidget) -> str | None:
    viewport = _viewport_of(widget, top)
    if viewport is None:
        shown = _rect_in(widget, top)
        if not top.rect().contains(shown):
            return f"at {shown.getRect()}, past the window {top.width()}x{top.height()}"
        return None
    shown = _rect_in(widget, viewport)
    if shown.right() > viewport.width() + 1 or shown.left() < -1:
        return f"at x {shown.left()}..{shown.right()}, past its scroll area's {viewport.width()}"
    return None


def _overlaps(parent: QWidget, top: QWidget) -> list[str]:
    if isinstance(parent, QStackedWidget | QAbstractScrollArea) or parent.layout() is None:
        return []
    layout = parent.layout()
    children = [child for child in parent.findChildren(QWidget, options=_DIRECT)
                if _shown(child, top) and _layout_holds(layout, child)]
    found = []
    for index, first in enumerate(children):
        for second in children[index + 1:]:
            both = first.geometry().intersected(second.geometry())
            if both.width() > 1 and both.height() > 1:
                found.append(f"{_name(first)} overlaps {_name(second)} in {_name(parent)}")
    return found


def _layout_holds(layout: QLayout, child: QWidget) -> bool:
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item is None:
            continue
        if item.widget() is child:
            return True
        sub = item.layout()
        if sub is not None and _layout_holds(sub, child):
            return True
    return False



def layout_problems(top: QWidget) -> list[str]:
    """Every layout fault under `top` (a shown window), one line each."""
    problems: list[str] = []
    widgets = [top, *top.findChildren(QWidget)]
    for widget in widgets:
        if widget is not top and not _shown(widget, top):
            continue
        if widget is not top and _inside_item_view(widget, top):
            continue
        if isinstance(widget, QAbstractScrollArea):
            bar = widget.horizontalScrollBar()
            # a list or tree with its bar switched off elides on purpose (its tooltip says all)
            hidden_bar = isinstance(widget, QAbstractItemView) and not bar.isVisible()
            if bar.maximum() > 0 and not hidden_bar:
                problems.append(f"{_name(widget)} scrolls sideways by {bar.maximum()} px")
        if widget is top:
            continue
        for check in (_cut_off(widget), _outside(widget, top)):
            if check:
                problems.append(f"{_name(widget)}: {check}")
        problems.extend(_overlaps(widget, top))
    return problems
