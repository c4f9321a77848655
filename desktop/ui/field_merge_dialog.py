"""File → Field conflicts…: the merge view of conflicts and amendment proposals from the field.

A list of the open ones on the left; on the right the field, its base value, and side by side
the office's value and the field's, each with who and when. Alt+O keeps the office's value,
Alt+F takes the field's (desktop.services.sync_conflicts.resolve: audited), and the next open
one is selected; nothing is resolved without a person choosing. A refusal (taking a proposal
into a finalized case) is said in words.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.services.sync_conflicts import OpenConflict
    from desktop.ui.main_window import MainWindow


def _value(leaf: list[Any]) -> str:
    return (
        translate("FieldMerge", "(absent)") if not leaf else json.dumps(leaf[0], ensure_ascii=False)
    )


class FieldConflictsDialog(QDialog):
    """The open conflicts, one shown side by side; keyboard: Up/Down, Alt+O, Alt+F."""

    def __init__(
        self, database: Any, actor: str | None, clock: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.database, self.actor, self.clock = database, actor, clock
        self.setWindowTitle(translate("FieldMerge", "Conflicts from the field"))
        self.setObjectName("fieldConflictsDialog")
        self.setMinimumSize(760, 360)
        self.conflicts: list[OpenConflict] = []
        self.list = QListWidget(self)
        self.list.setAccessibleName(translate("FieldMerge", "Open conflicts"))
        self.list.currentRowChanged.connect(self._show)
        self.path_label = QLabel(self)
        self.base_label = QLabel(self)
        self.office_value, self.office_who = QLabel(self), QLabel(self)
        self.field_value, self.field_who = QLabel(self), QLabel(self)
        for label in (self.office_value, self.field_value):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keep_button = QPushButton(translate("FieldMerge", "Keep the &office's value"), self)
        self.take_button = QPushButton(translate("FieldMerge", "Take the &field's value"), self)
        self.keep_button.clicked.connect(lambda: self.resolve("office"))
        self.take_button.clicked.connect(lambda: self.resolve("field"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self._lay_out()
        self.reload()

    def _lay_out(self) -> None:
        sides = QGridLayout()
        sides.addWidget(QLabel(translate("FieldMerge", "<b>Office</b>"), self), 0, 0)
        sides.addWidget(QLabel(translate("FieldMerge", "<b>Field</b>"), self), 0, 1)
        sides.addWidget(self.office_value, 1, 0)
        sides.addWidget(self.field_value, 1, 1)
        sides.addWidget(self.office_who, 2, 0)
        sides.addWidget(self.field_who, 2, 1)
        sides.addWidget(self.keep_button, 3, 0)
        sides.addWidget(self.take_button, 3, 1)
        right = QVBoxLayout()
        for widget in (self.path_label, self.base_label):
            right.addWidget(widget)
        right.addLayout(sides)
        right.addWidget(self.message)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(right, 2)

    def reload(self, select: int = 0) -> None:
        from desktop.services.sync_conflicts import list_conflicts

        self.conflicts = list_conflicts(self.database)
        self.list.clear()
        for one in self.conflicts:
            item = (
                translate("FieldMerge", "{case}  {field}  (proposal)")
                if one.kind == "amendment"
                else translate("FieldMerge", "{case}  {field}  (conflict)")
            )
            QListWidgetItem(item.format(case=one.case_id[:8], field=one.path), self.list)
        has_any = bool(self.conflicts)
        self.keep_button.setEnabled(has_any)
        self.take_button.setEnabled(has_any)
        if has_any:
            self.list.setCurrentRow(min(select, len(self.conflicts) - 1))
            self.list.setFocus()
        else:
            self._show(-1)

    def _show(self, row: int) -> None:
        if not 0 <= row < len(self.conflicts):
            self.path_label.setText(translate("FieldMerge", "No open conflicts."))
            for label in (
                self.base_label,
                self.office_value,
                self.office_who,
                self.field_value,
                self.field_who,
            ):
                label.clear()
            return
        one = self.conflicts[row]
        self.path_label.setText(
            translate("FieldMerge", "Case {case}, field {field}").format(
                case=one.case_id, field=one.path
            )
        )
        self.base_label.setText(
            translate("FieldMerge", "Both started from: {value}").format(value=_value(one.base))
        )
        self.office_value.setText(_value(one.office))
        self.office_who.setText(f"{one.office_by or '?'}, {one.office_at or '?'}")
        self.field_value.setText(_value(one.field))
        self.field_who.setText(
            translate("FieldMerge", "{person}, device {device}, {when}").format(
                person=one.field_by, device=one.field_device[:8], when=one.field_at
            )
        )

    def resolve(self, choice: str) -> bool:
        """Resolve the selected conflict with choice ('office' or 'field'); True when done."""
        from desktop.services.sync_conflicts import resolve
        from desktop.services.sync_format import TransferError

        row = self.list.currentRow()
        if not 0 <= row < len(self.conflicts):
            return False
        try:
            resolve(
                self.database,
                self.conflicts[row].conflict_id,
                choice,  # type: ignore[arg-type]  # the two buttons' choices
                actor=self.actor,
                now=self.clock(),
            )
        except TransferError as problem:
            self.message.setText(str(problem))
            return False
        done = (
            translate("FieldMerge", "Resolved: kept the office's value of {field}.")
            if choice == "office"
            else translate("FieldMerge", "Resolved: took the field's value of {field}.")
        )
        self.message.setText(done.format(field=self.conflicts[row].path))
        self.reload(row)
        return True


def show_field_conflicts(window: MainWindow) -> QWidget | None:
    """Open the merge view over the window's database (window-modal)."""
    if window.is_locked() or window.services is None:
        return None
    cases = window.services.cases
    dialog = FieldConflictsDialog(cases.database, cases.actor, window.services.clock, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
