"""Tab order in reading order: collect a page's focusable controls by its layouts, chain them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLayout,
    QLineEdit,
    QScrollArea,
    QWidget,
)

# Controls that take the focus as a whole: their inner widgets are not separate tab stops.
_LEAVES = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit)


def _takes_tab(widget: QWidget) -> bool:
    return bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)


def focusable_widgets(root: QWidget) -> list[QWidget]:
    """Every control under `root` that Tab can reach, in the order its layouts show them.

    Hidden and disabled controls are included (Tab skips them by itself), so one chain
    serves whatever the page shows at the moment.
    """
    found: list[QWidget] = []
    _collect(root, found, set())
    return found


def _collect(widget: QWidget, found: list[QWidget], seen: set[int]) -> None:
    if id(widget) in seen:
        return
    seen.add(id(widget))
    if isinstance(widget, _LEAVES) or (
        isinstance(widget, QAbstractScrollArea) and not isinstance(widget, QScrollArea)
    ):
        if _takes_tab(widget):
            found.append(widget)
        return
    if isinstance(widget, QLabel):
        if _takes_tab(widget):  # a label with keyboard-reachable links
            found.append(widget)
        return
    if isinstance(widget, QScrollArea):
        inner = widget.widget()
        if inner is not None:
            _collect(inner, found, seen)
        return
    layout = widget.layout()
    if layout is not None:
        _collect_layout(layout, found, seen)
    # Children no layout manages (rare) still count, after the laid-out ones.
    for child in widget.children():
        if isinstance(child, QWidget) and not child.isWindow():
            _collect(child, found, seen)


def _collect_layout(layout: QLayout, found: list[QWidget], seen: set[int]) -> None:
    for position in range(layout.count()):
        item = layout.itemAt(position)
        if item is None:
            continue
        child_widget = item.widget()
        if child_widget is not None:
            _collect(child_widget, found, seen)
            continue
        child_layout = item.layout()
        if child_layout is not None:
            _collect_layout(child_layout, found, seen)


def chain_tab_order(widgets: Iterable[QWidget]) -> None:
    """Make Tab visit `widgets` in this order (each pair linked with QWidget.setTabOrder)."""
    previous: QWidget | None = None
    for widget in widgets:
        if previous is not None and widget is not previous:
            QWidget.setTabOrder(previous, widget)
        previous = widget


def is_reachable(widget: QWidget) -> bool:
    """Enabled, and neither it nor a parent was hidden on purpose.

    Controls a page just built are not visible until the layout shows them (a queued call),
    so visibility alone would skip them; only an explicit hide() counts.
    """
    if not widget.isEnabled() or widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        return False
    current: QWidget | None = widget
    while current is not None and not current.isWindow():
        if current.isHidden() and current.testAttribute(
            Qt.WidgetAttribute.WA_WState_ExplicitShowHide
        ):
            return False
        current = current.parentWidget()
    return True


def first_reachable(widgets: Iterable[QWidget]) -> QWidget | None:
    """The first control the keyboard can use now."""
    for widget in widgets:
        if is_reachable(widget):
            return widget
    return None


def step_in_chain(chain: list[QWidget], focused: QWidget | None, forward: bool) -> QWidget | None:
    """The control after (or before) the focused one in `chain`, wrapping around.

    The focused widget may be inside a chain member (an editable combo's line edit).
    """
    usable = [widget for widget in chain if is_reachable(widget)]
    if not usable:
        return None
    position = -1
    current = focused
    while current is not None and position < 0:
        for index, widget in enumerate(usable):
            if widget is current:
                position = index
                break
        current = current.parentWidget()
    if position < 0:
        return usable[0] if forward else usable[-1]
    return usable[(position + (1 if forward else -1)) % len(usable)]
