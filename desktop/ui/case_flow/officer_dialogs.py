"""Small dialogs that ask for the officer's name: finalize a memo, start an amendment."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class OfficerDialog(QDialog):
    """Asks for the officer's name (and optionally a reason); OK stays off until they are given."""

    def __init__(
        self, title: str, explanation: str, parent: QWidget | None = None, *, ask_reason: bool
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        text = QLabel(explanation, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        form = QFormLayout()
        self.officer_edit = QLineEdit(self)
        self.officer_edit.setAccessibleName("Officer's name")
        form.addRow("&Officer's name:", self.officer_edit)
        self.reason_edit: QLineEdit | None = None
        if ask_reason:
            self.reason_edit = QLineEdit(self)
            self.reason_edit.setAccessibleName("Reason for the amendment")
            form.addRow("&Reason:", self.reason_edit)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.officer_edit.textChanged.connect(self._update_ok)
        if self.reason_edit is not None:
            self.reason_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.officer_edit.setFocus()  # the dialog opens on the name it needs

    def officer(self) -> str:
        return self.officer_edit.text().strip()

    def reason(self) -> str:
        return self.reason_edit.text().strip() if self.reason_edit is not None else ""

    def _update_ok(self) -> None:
        ready = bool(self.officer()) and (self.reason_edit is None or bool(self.reason()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def finalize_dialog(parent: QWidget | None = None) -> OfficerDialog:
    return OfficerDialog(
        "Finalize memo",
        "Finalizing stores the final memo under your name and locks the case. "
        "Later changes need an amendment.",
        parent,
        ask_reason=False,
    )


def amendment_dialog(parent: QWidget | None = None) -> OfficerDialog:
    return OfficerDialog(
        "Amend finalized case",
        "The final memo stays on record. Amending unlocks the facts; finalizing again stores a "
        "new memo that supersedes it.",
        parent,
        ask_reason=True,
    )
