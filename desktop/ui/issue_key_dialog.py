"""File → Issue signing key…: the office authority issues a person a registered key (PKCS#12).

The window's counterpart of `waypoint admin issue-key`: the person's name and role, the office
authority's passphrase and the new key's passphrase (twice). The key is made, registered and
installed in the runner (desktop.services.office_identity); a problem is said here in plain
words, and success names the person, the role and the certificate's fingerprint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.signing import SigningError
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.i18n import translate
from desktop.ui.passphrase_dialog import secret_field
from desktop.ui.signing_key_dialog import ERROR_STYLE, grouped


class IssueKeyDialog(QDialog):
    """Person, role and the two passphrases; Issue stays off until all are given and the new
    passphrase is typed the same twice. Emits issued(IssuedKey)."""

    issued = Signal(object)

    def __init__(self, data_dir: Path, database: Any, runner: BackgroundRunner,
                 actor: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir, self.database, self.runner, self.actor = data_dir, database, runner, actor
        self.busy = False
        self.done_once = False
        self.setWindowTitle(translate("IssueKeyDialog", "Issue a signing key"))
        self.setObjectName("issueKeyDialog")
        self.setMinimumWidth(520)
        intro = QLabel(
            translate(
                "IssueKeyDialog",
                "The office's certificate authority signs a new key for this person and "
                "registers its fingerprint with the role: 'waypoint memo verify' then names "
                "them as the signer. The key is installed here; the person types its passphrase"
                " to sign."), self)
        intro.setWordWrap(True)
        self.person_edit = QLineEdit(self)
        self.person_edit.setAccessibleName(translate("IssueKeyDialog", "Person's name"))
        self.role_box = QComboBox(self)
        self.role_box.addItem(translate("IssueKeyDialog", "caseworker"), "caseworker")
        self.role_box.addItem(translate("IssueKeyDialog", "supervisor"), "supervisor")
        self.role_box.setAccessibleName(translate("IssueKeyDialog", "Role"))
        self.ca_edit = secret_field(translate("IssueKeyDialog", "Office authority passphrase"))
        self.new_edit = secret_field(translate("IssueKeyDialog", "New key passphrase"))
        self.again_edit = secret_field(translate("IssueKeyDialog", "Repeat the new key passphrase"))
        form = QFormLayout()
        form.addRow(translate("IssueKeyDialog", "&Person's name:"), self.person_edit)
        form.addRow(translate("IssueKeyDialog", "&Role:"), self.role_box)
        form.addRow(translate("IssueKeyDialog", "&Authority's passphrase:"), self.ca_edit)
        form.addRow(translate("IssueKeyDialog", "&New key's passphrase:"), self.new_edit)
        form.addRow(translate("IssueKeyDialog", "R&epeat:"), self.again_edit)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("IssueKeyDialog", "Issue result"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.issue_button = self.buttons.addButton(translate("IssueKeyDialog", "&Issue"),
                                                   QDialogButtonBox.ButtonRole.ActionRole)
        self.issue_button.setDefault(True)
        self.issue_button.clicked.connect(self.start_issue)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (intro, form, self.message, self.buttons):
            layout.addWidget(part) if isinstance(part, QWidget) else layout.addLayout(part)
        for edit in (self.person_edit, self.ca_edit, self.new_edit, self.again_edit):
            edit.textChanged.connect(self._update)
        self._update()
        self.person_edit.setFocus()

    def _update(self) -> None:
        new = self.new_edit.text()
        ready = (bool(self.person_edit.text().strip()) and bool(self.ca_edit.text())
                 and bool(new) and new == self.again_edit.text())
        self.issue_button.setEnabled(ready and not self.busy and not self.done_once)

    def start_issue(self) -> None:
        from desktop.services.office_identity import issue_officer_key

        if not self.issue_button.isEnabled():
            return
        person, role = self.person_edit.text().strip(), str(self.role_box.currentData())
        ca_secret, key_secret = self.ca_edit.text(), self.new_edit.text()
        data_dir, database, actor = self.data_dir, self.database, self.actor
        self.busy = True
        self._show(translate("IssueKeyDialog", "Issuing the key…"), error=False)
        self._update()
        self.runner.run(
            lambda: issue_officer_key(data_dir, database, person, role,
                                      ca_passphrase=ca_secret, key_passphrase=key_secret,
                                      actor=actor),
            on_done=while_alive(self, self._issued), on_error=while_alive(self, self._failed))

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.adjustSize()

    def _issued(self, issued: Any) -> None:
        self.busy, self.done_once = False, True
        entry = issued.registered
        self._show(
            translate(
                "IssueKeyDialog",
                "Issued {person} ({role}) a signing key, valid to {not_after:%d %b %Y}. "
                "Certificate fingerprint (SHA-256): {grouped}",
            ).format(
                person=entry.person,
                role=entry.role,
                not_after=entry.not_after,
                grouped=grouped(entry.fingerprint),
            ),
            error=False,
        )
        for edit in (self.ca_edit, self.new_edit, self.again_edit):
            edit.clear()
        self.issue_button.hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(translate("IssueKeyDialog", "Close"))
        close.setFocus()
        self._update()
        self.issued.emit(issued)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        from desktop.services.security import DatabaseError

        if isinstance(error, (SigningError, DatabaseError)):
            text = str(error)
        elif isinstance(error, OSError):
            text = translate("IssueKeyDialog", "The key could not be kept: {value}.").format(
                value=error.strerror or error
            )
        else:
            text = translate("IssueKeyDialog", "The key could not be issued: {error}").format(
                error=error
            )
        self._show(text, error=True)
        self._update()
        self.ca_edit.setFocus()
        self.ca_edit.selectAll()
