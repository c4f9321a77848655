"""File → Take cases to the field… and Bring cases back…: the window's `waypoint field
checkout --to FILE` and `waypoint field checkin FILE` (desktop.services.sync_office).

Take: the cases selected in the list, a file (for a USB stick), the transfer's passphrase
(twice) and the signer's key passphrase. Bring back: a laptop's return file and its
passphrase; the summary (applied, conflicts, refused) is shown, and Resolve conflicts… opens
the merge view. The work runs in the background runner; a problem is said in plain words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.i18n import translate
from desktop.ui.passphrase_dialog import secret_field
from desktop.ui.signing_key_dialog import ERROR_STYLE


class _TransferDialog(QDialog):
    """The shared frame: a file row, a form, a message and the buttons."""

    def __init__(
        self, title: str, action: str, runner: BackgroundRunner, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.runner, self.busy = runner, False
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self.file_edit = QLineEdit(self)
        self.file_edit.setAccessibleName(translate("FieldTransfer", "Transfer file"))
        browse = QPushButton(translate("FieldTransfer", "&Browse…"), self)
        browse.clicked.connect(self.browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        self.form = QFormLayout()
        self.form.addRow(translate("FieldTransfer", "Transfer &file:"), row)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("FieldTransfer", "Transfer result"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.go_button = self.buttons.addButton(action, QDialogButtonBox.ButtonRole.ActionRole)
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.file_edit.setFocus()

    def browse(self) -> None:  # overridden: open or save
        raise NotImplementedError

    def start(self) -> None:  # overridden
        raise NotImplementedError

    def run(self, work: Callable[[], Any], done: Callable[[Any], None], busy: str) -> None:
        self.busy = True
        self.go_button.setEnabled(False)
        self.show_message(busy, error=False)
        self.runner.run(
            work, on_done=while_alive(self, done), on_error=while_alive(self, self.failed)
        )

    def show_message(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    def failed(self, error: BaseException) -> None:
        from desktop.services.security import DatabaseError
        from desktop.services.sync_format import TransferError

        self.busy = False
        self.go_button.setEnabled(True)
        if isinstance(error, (TransferError, DatabaseError)):
            self.show_message(str(error), error=True)
        elif isinstance(error, OSError):
            self.show_message(
                translate("FieldTransfer", "The file could not be used: {problem}.").format(
                    problem=error.strerror or error
                ),
                error=True,
            )
        else:
            self.show_message(
                translate("FieldTransfer", "The transfer did not go through: {problem}").format(
                    problem=error
                ),
                error=True,
            )


class BringBackDialog(_TransferDialog):
    """A laptop's return file applied here; its summary; the way to the conflicts."""

    def __init__(
        self,
        database: Any,
        actor: str | None,
        clock: Callable[[], datetime],
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("FieldTransfer", "Bring cases back"),
            translate("FieldTransfer", "Bring &back"),
            runner,
            parent,
        )
        self.database, self.actor, self.clock = database, actor, clock
        self.setObjectName("bringBackDialog")
        self.passphrase_edit = secret_field(translate("FieldTransfer", "Transfer passphrase"))
        self.form.addRow(translate("FieldTransfer", "Transfer &passphrase:"), self.passphrase_edit)
        self.conflicts_button = self.buttons.addButton(
            translate("FieldTransfer", "&Resolve conflicts…"),
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.conflicts_button.clicked.connect(self.open_conflicts)
        self.conflicts_button.hide()
        self.conflicts_dialog: QDialog | None = None
        self.finish_layout()

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, translate("FieldTransfer", "A laptop's transfer file")
        )
        if chosen:
            self.file_edit.setText(chosen)

    def start(self) -> None:
        from desktop.services.sync_format import read_transfer
        from desktop.services.sync_office import checkin

        path, secret = Path(self.file_edit.text().strip()), self.passphrase_edit.text()
        if not self.file_edit.text().strip() or not secret:
            self.show_message(
                translate("FieldTransfer", "Choose the transfer file and type its passphrase."),
                error=True,
            )
            return
        database, actor, now = self.database, self.actor, self.clock()
        self.run(
            lambda: checkin(database, read_transfer(path, secret), actor=actor, now=now),
            self.done,
            translate("FieldTransfer", "Bringing the cases back…"),
        )

    def done(self, summary: Any) -> None:
        self.busy = False
        self.passphrase_edit.clear()
        self.show_message("\n".join(summary.lines()), error=bool(summary.refused))
        if summary.conflicts or summary.proposals:
            self.conflicts_button.show()
            self.conflicts_button.setFocus()

    def open_conflicts(self) -> None:
        from desktop.ui.field_merge_dialog import FieldConflictsDialog

        self.conflicts_dialog = FieldConflictsDialog(self.database, self.actor, self.clock, self)
        self.conflicts_dialog.open()


class TakeToFieldDialog(_TransferDialog):
    """The selected cases into a signed, encrypted transfer file for a laptop."""

    def __init__(
        self,
        case_ids: list[str],
        data_dir: Path,
        database: Any,
        actor: str | None,
        clock: Callable[[], datetime],
        runner: BackgroundRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(
            translate("FieldTransfer", "Take cases to the field"),
            translate("FieldTransfer", "&Take"),
            runner,
            parent,
        )
        self.case_ids, self.data_dir = case_ids, data_dir
        self.database, self.actor, self.clock = database, actor, clock
        self.setObjectName("takeToFieldDialog")
        count = len(case_ids)
        selected = translate("FieldTransfer", "%n selected case(s).", None, count)
        self.form.insertRow(0, QLabel(selected, self))
        self.device_edit = QLineEdit(self)
        self.device_edit.setAccessibleName(
            translate("FieldTransfer", "Device id (empty: a new laptop)")
        )
        self.name_edit = QLineEdit(translate("FieldTransfer", "laptop"), self)
        self.signer_edit = QLineEdit(actor or "", self)
        self.passphrase_edit = secret_field(translate("FieldTransfer", "Transfer passphrase"))
        self.again_edit = secret_field(translate("FieldTransfer", "Repeat the transfer passphrase"))
        self.key_edit = secret_field(translate("FieldTransfer", "Signing key passphrase"))
        for label, widget in (
            (translate("FieldTransfer", "&Device id (empty: new):"), self.device_edit),
            (translate("FieldTransfer", "Device &name:"), self.name_edit),
            (translate("FieldTransfer", "&Signer's name:"), self.signer_edit),
            (translate("FieldTransfer", "Transfer &passphrase:"), self.passphrase_edit),
            (translate("FieldTransfer", "R&epeat:"), self.again_edit),
            (translate("FieldTransfer", "Signing &key passphrase:"), self.key_edit),
        ):
            self.form.addRow(label, widget)
        self.finish_layout()

    def browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self, translate("FieldTransfer", "Save the transfer file"), "cases.wpfield"
        )
        if chosen:
            self.file_edit.setText(chosen)

    def start(self) -> None:
        from desktop.services.sync_conflicts import signer_from_key
        from desktop.services.sync_office import checkout

        secret = self.passphrase_edit.text()
        if not self.file_edit.text().strip() or not secret or not self.case_ids:
            self.show_message(
                translate("FieldTransfer", "Select cases, choose a file and type a passphrase."),
                error=True,
            )
            return
        if secret != self.again_edit.text():
            self.show_message(
                translate("FieldTransfer", "The two transfer passphrases differ."), error=True
            )
            return
        target, data_dir = Path(self.file_edit.text().strip()), self.data_dir
        signer_name, key_secret = self.signer_edit.text().strip(), self.key_edit.text()
        device = self.device_edit.text().strip() or None
        name, ids, database = self.name_edit.text().strip(), self.case_ids, self.database
        actor, now = self.actor, self.clock()
        self.run(
            lambda: checkout(
                database,
                ids,
                target,
                secret,
                signer_from_key(data_dir, signer_name, key_secret),
                device=device,
                device_name=name,
                actor=actor,
                now=now,
            ),
            self.done,
            translate("FieldTransfer", "Writing the transfer…"),
        )

    def done(self, device: Any) -> None:
        self.busy = False
        for edit in (self.passphrase_edit, self.again_edit, self.key_edit):
            edit.clear()
        count = len(self.case_ids)
        text = translate(
            "FieldTransfer",
            "{file}: %n case(s) out to device {device}; on the laptop: waypoint field checkin FILE",
            None,
            count,
        )
        self.show_message(
            text.format(device=device, file=self.file_edit.text().strip()), error=False
        )


def show_take_to_field(window: Any) -> QWidget | None:
    """File → Take cases to the field… for the cases selected in the list (window-modal)."""
    if window.is_locked() or window.services is None:
        return None
    page, services = window.case_list, window.services
    rows = sorted({index.row() for index in page.table.selectionModel().selectedRows()})
    ids = [page.model.summary(row).case_id for row in rows]
    dialog = TakeToFieldDialog(
        ids,
        services.paths.data_dir,
        services.cases.database,
        services.cases.actor,
        services.clock,
        services.runner,
        window,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def show_bring_back(window: Any) -> QWidget | None:
    """File → Bring cases back… (window-modal)."""
    if window.is_locked() or window.services is None:
        return None
    services = window.services
    dialog = BringBackDialog(
        services.cases.database, services.cases.actor, services.clock, services.runner, window
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
