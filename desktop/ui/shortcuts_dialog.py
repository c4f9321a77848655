"""Help -> Keyboard shortcuts: every shortcut the window has, read from its actions and key
shortcuts when the dialog opens, so the list cannot drift from what the keys do."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

SHORTCUTS_KEY = "Ctrl+/"  # F1 is left to the hints: it shows the focused hint's text
NO_CASE_NOTE = QT_TRANSLATE_NOOP(
    "ShortcutsDialog",
    "The case shortcuts (next and previous step, go to a step, save, print, "
    "finalize) are listed here once a case has been opened.",
)


@dataclass(frozen=True)
class ShortcutRow:
    """One line of the list: the keys, what they do, and where they work."""

    keys: str
    does: str
    where: str


def _words(text: str) -> str:
    """A menu text as a sentence fragment: no mnemonic ampersands, no ellipsis."""
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return plain.rstrip("…").strip().lstrip("←→ ")


def _where(widget: QWidget | None, window: QWidget) -> str:
    if widget is None or widget is window:
        return translate("ShortcutsDialog", "Anywhere")
    names = []
    while widget is not None and widget is not window:
        names.append(type(widget).__name__)
        widget = widget.parentWidget()
    if any(name == "CaseFlowPage" for name in names):
        inner = names[0].replace("Page", "").replace("Box", "").strip()
        return (
            translate("ShortcutsDialog", "In a case")
            if names[0] == "CaseFlowPage"
            else translate("ShortcutsDialog", "In a case: {inner}").format(inner=inner)
        )
    return names[-1].replace("Page", "")


def shortcut_rows(window: QWidget) -> list[ShortcutRow]:
    """Every action and key shortcut under the window that has keys, with what it does."""
    rows: list[ShortcutRow] = []
    seen: set[tuple[str, str]] = set()
    for action in window.findChildren(QAction):
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
        keys = [k for k in keys if k]
        if not keys or not action.text() or isinstance(action.parent(), QMenu):
            continue
        parent = action.parent()
        row = ShortcutRow(
            translate("ShortcutsDialog", " or ").join(keys),
            _words(action.text()),
            _where(parent if isinstance(parent, QWidget) else None, window),
        )
        if (row.keys, row.does) not in seen:
            seen.add((row.keys, row.does))
            rows.append(row)
    for shortcut in window.findChildren(QShortcut):
        key_text = shortcut.key().toString(QKeySequence.SequenceFormat.NativeText)
        if key_text and shortcut.whatsThis() and (key_text, shortcut.whatsThis()) not in seen:
            seen.add((key_text, shortcut.whatsThis()))
            parent = shortcut.parent()
            rows.append(
                ShortcutRow(
                    key_text,
                    shortcut.whatsThis(),
                    _where(parent if isinstance(parent, QWidget) else None, window),
                )
            )
    return sorted(rows, key=lambda row: (row.where != "Anywhere", row.where))


class ShortcutsDialog(QDialog):
    """A read-only table of the shortcuts; arrow keys move through it, Esc closes it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.rows = shortcut_rows(window)
        self.table = QTableWidget(len(self.rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("ShortcutsDialog", "Keys"),
                translate("ShortcutsDialog", "What it does"),
                translate("ShortcutsDialog", "Where"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        for index, row in enumerate(self.rows):
            for column, value in enumerate((row.keys, row.does, row.where)):
                self.table.setItem(index, column, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        if not any(row.where.startswith("In a case") for row in self.rows):
            note = QLabel(translate("ShortcutsDialog", NO_CASE_NOTE), self)
            note.setWordWrap(True)
            layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 460)
        self.table.setFocus()
        if self.rows:
            self.table.selectRow(0)


def add_shortcuts_action(window: QMainWindow, menu: QMenu) -> QAction:
    """Help -> Keyboard shortcuts (F1), opening the dialog over the window."""
    action = QAction(translate("ShortcutsDialog", "&Keyboard shortcuts"), window)
    action.setShortcut(QKeySequence(SHORTCUTS_KEY))

    def show() -> None:
        dialog = ShortcutsDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(lambda _checked=False: show())
    menu.addAction(action)
    return action
