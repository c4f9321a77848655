"""F1 shows the hint of what has the keyboard focus: a field's "(?)" explanation, a strip's
words, any control's tooltip. Hints were mouse tooltips only; this makes each one a key away."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWhatsThis, QWidget

from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

HINT_KEY = "F1"
NO_HINT = QT_TRANSLATE_NOOP(
    "HintKey", "No hint for this control. Help → Keyboard shortcuts (Ctrl+/) lists the keys."
)


def hint_of(widget: QWidget | None) -> str:
    """The focused control's hint: its What's This, tooltip or accessible description; a
    child of a compound control (a combo box's line edit) gives its parent's."""
    while widget is not None:
        for text in (widget.whatsThis(), widget.toolTip(), widget.accessibleDescription()):
            if text.strip():
                return text
        if widget.isWindow():
            break
        widget = widget.parentWidget()
    return ""


def show_hint() -> str:
    """Show the hint of the focused control below it (until the next key or click)."""
    widget = QApplication.focusWidget()
    text = hint_of(widget) or translate("HintKey", NO_HINT)
    if widget is not None:
        QWhatsThis.showText(widget.mapToGlobal(QPoint(0, widget.height())), text, widget)
    return text


def install_hint_key(window: QWidget) -> QShortcut:
    """F1 anywhere in the window."""
    shortcut = QShortcut(QKeySequence(HINT_KEY), window)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    shortcut.setWhatsThis(translate("HintKey", "Show the hint of the focused field or control"))
    shortcut.activated.connect(show_hint)
    return shortcut
