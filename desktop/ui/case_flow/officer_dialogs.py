"""Small dialogs that ask for the officer's name: finalize a memo (and sign it), amend."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import translate

NOTE_LINES = 3  # the "no key yet" note wraps to at most this many lines at the dialog's width


def keep_layout_stable(dialog: QDialog, layout: QLayout, note: QLabel | None) -> None:
    """A note that appears later must not squeeze the fields: its lines are reserved from the
    start, no field is allowed below its own height, and the dialog grows rather than shrinks."""
    layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    for edit in dialog.findChildren(QLineEdit):
        edit.setMinimumHeight(edit.sizeHint().height())
    if note is not None:
        note.setMinimumHeight(note.fontMetrics().lineSpacing() * NOTE_LINES)


class OfficerDialog(QDialog):
    """Asks for the officer's name (and optionally a reason); OK stays off until they are given."""

    def __init__(
        self,
        title: str,
        explanation: str,
        parent: QWidget | None = None,
        *,
        ask_reason: bool,
        ask_passphrase: bool = False,
        has_key: Callable[[str], bool] | None = None,
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
        self.officer_edit.setAccessibleName(translate("OfficerDialogs", "Officer's name"))
        form.addRow(translate("OfficerDialogs", "&Officer's name:"), self.officer_edit)
        self.reason_edit: QLineEdit | None = None
        if ask_reason:
            self.reason_edit = QLineEdit(self)
            self.reason_edit.setAccessibleName(translate(
                "OfficerDialogs", "Reason for the amendment"))
            form.addRow(translate("OfficerDialogs", "&Reason:"), self.reason_edit)
        # Finalizing signs the memo with the officer's key: its passphrase is asked here, twice
        # when the officer has no key yet (the key is made with it).
        self.passphrase_edit: QLineEdit | None = None
        self.repeat_edit: QLineEdit | None = None
        self._has_key = has_key or (lambda _name: True)
        if ask_passphrase:
            self.passphrase_edit = QLineEdit(self)
            self.passphrase_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.passphrase_edit.setAccessibleName(translate(
                "OfficerDialogs", "Signing key passphrase"))
            form.addRow(translate("OfficerDialogs", "Signing &passphrase:"), self.passphrase_edit)
            self.repeat_edit = QLineEdit(self)
            self.repeat_edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.repeat_edit.setAccessibleName(translate(
                "OfficerDialogs", "Repeat the new passphrase"))
            form.addRow(translate("OfficerDialogs", "&Repeat (new key):"), self.repeat_edit)
        layout.addLayout(form)
        self.key_note = QLabel("", self)
        self.key_note.setWordWrap(True)
        layout.addWidget(self.key_note)
        keep_layout_stable(self, layout, self.key_note if ask_passphrase else None)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.officer_edit.textChanged.connect(self._update_ok)
        for edit in (self.reason_edit, self.passphrase_edit, self.repeat_edit):
            if edit is not None:
                edit.textChanged.connect(self._update_ok)
        self._update_ok()
        self.officer_edit.setFocus()  # the dialog opens on the name it needs

    def officer(self) -> str:
        return self.officer_edit.text().strip()

    def reason(self) -> str:
        return self.reason_edit.text().strip() if self.reason_edit is not None else ""

    def passphrase(self) -> str:
        return self.passphrase_edit.text() if self.passphrase_edit is not None else ""

    def _needs_new_key(self) -> bool:
        return self.passphrase_edit is not None and bool(self.officer()) and not self._has_key(
            self.officer())

    def _update_ok(self) -> None:
        ready = bool(self.officer()) and (self.reason_edit is None or bool(self.reason()))
        if self.passphrase_edit is not None and self.repeat_edit is not None:
            new_key = self._needs_new_key()
            self.repeat_edit.setEnabled(new_key)
            ready = ready and bool(self.passphrase())
            if new_key:
                ready = ready and self.repeat_edit.text() == self.passphrase()
                self.key_note.setText(translate(
                            "OfficerDialogs",
                            "No signing key under this name yet: one is made now and protected "
                            "with this passphrase."))
            else:
                self.key_note.setText("")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ready)


def finalize_dialog(
    parent: QWidget | None = None, has_key: Callable[[str], bool] | None = None
) -> OfficerDialog:
    return OfficerDialog(
        translate("OfficerDialogs", "Finalize memo"),
        translate(
            "OfficerDialogs",
            "Finalizing signs the memo with your digital signature, stores it under your name "
            "and locks the case. Later changes need an amendment."),
        parent,
        ask_reason=False,
        ask_passphrase=True,
        has_key=has_key,
    )


def amendment_dialog(
    parent: QWidget | None = None, has_key: Callable[[str], bool] | None = None
) -> OfficerDialog:
    return OfficerDialog(
        translate("OfficerDialogs", "Amend finalized case"),
        translate(
            "OfficerDialogs",
            "The final memo stays on record. Amending unlocks the facts; finalizing again "
            "stores a new memo that supersedes it. Your signing key's passphrase shows the "
            "amendment is yours."),
        parent,
        ask_reason=True,
        ask_passphrase=True,
        has_key=has_key,
    )
