"""CaseMergeDialog: someone saved the case first; compare both versions and merge field by field."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.flow.case_merge import (
    FieldDifference,
    differences,
    merged,
    shown,
    you_changed,
)
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

KEEP_MINE, KEEP_SAVED = (
    QT_TRANSLATE_NOOP("MergeDialog", "Keep yours"),
    QT_TRANSLATE_NOOP("MergeDialog", "Keep saved"),
)


class CaseMergeDialog(QDialog):
    """Your unsaved version beside the saved one; nothing is overwritten until you choose."""

    def __init__(
        self,
        mine: dict[str, Any],
        theirs: dict[str, Any],
        your_version: int,
        saved_version: int,
        parent: QWidget | None = None,
        *,
        base: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("MergeDialog", "Someone else saved this case"))
        self.setAccessibleName(translate("MergeDialog", "Merge two versions of the case"))
        self.theirs = theirs
        self.saved_version = saved_version
        self.differences: list[FieldDifference] = differences(mine, theirs)
        intro = QLabel(
            translate(
                "MergeDialog",
                "You were editing version {your_version}; someone saved version {saved_version}"
                " meanwhile. Your changes are not lost and nothing was overwritten. For each "
                "field that differs, choose which value to keep, then save the merged case.",
            ).format(your_version=your_version, saved_version=saved_version),
            self,
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self.differences), 4, self)
        self.table.setAccessibleName(translate("MergeDialog", "Fields that differ"))
        self.table.setHorizontalHeaderLabels(
            [
                translate("MergeDialog", "Field"),
                translate("MergeDialog", "Your version"),
                translate("MergeDialog", "Saved version ({saved_version})").format(
                    saved_version=saved_version
                ),
                translate("MergeDialog", "Keep"),
            ]
        )
        self.choices: list[QComboBox] = []
        self._fill_rows(base)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.save_button = buttons.addButton(
            translate("MergeDialog", "Save merged case"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(900, 420)

    def _fill_rows(self, base: dict[str, Any] | None) -> None:
        """One row per differing field: its label, both values and a choice of which to keep."""
        for row, difference in enumerate(self.differences):
            for column, text in enumerate(
                (difference.label, shown(difference.mine), shown(difference.theirs))
            ):
                self.table.setItem(row, column, QTableWidgetItem(text))
            choice = QComboBox(self.table)
            choice.addItems([translate("MergeDialog", KEEP_MINE),
                             translate("MergeDialog", KEEP_SAVED)])
            # Start from what each person changed: yours where you edited the field since
            # you opened it, theirs where only they did (without a base: yours).
            if base is not None and not you_changed(base, difference):
                choice.setCurrentIndex(1)
            choice.setAccessibleName(
                translate("MergeDialog", "Keep which value of {label}").format(
                    label=difference.label
                )
            )
            self.table.setCellWidget(row, 3, choice)
            self.choices.append(choice)

    def keep(self, row: int, mine: bool) -> None:
        self.choices[row].setCurrentIndex(0 if mine else 1)

    def merged_data(self) -> dict[str, Any]:
        """The saved version with each field where you chose yours set to your value."""
        kept = [
            d
            for d, choice in zip(self.differences, self.choices, strict=True)
            if choice.currentIndex() == 0
        ]
        return merged(self.theirs, kept)
