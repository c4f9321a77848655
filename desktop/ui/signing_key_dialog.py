"""Imports an organisation-issued PKCS#12 (.p12/.pfx) as an officer's signing key."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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

from desktop.services.signing import OfficerKey, SigningError, has_key, import_officer_key_file
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_flow.lifetime import while_alive
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.passphrase_dialog import secret_field

KEY_FILTER = QT_TRANSLATE_NOOP("SigningKeyDialog", "PKCS#12 key (*.p12 *.pfx);;All files (*)")
ERROR_STYLE = "color: #8a1c12;"


def grouped(fingerprint: str) -> str:
    """A hex fingerprint in groups of four, easier to read aloud and compare."""
    return " ".join(fingerprint[i:i + 4] for i in range(0, len(fingerprint), 4))


class ImportKeyDialog(QDialog):
    """The .p12 file, the officer's name and the file's passphrase; Import stays off until all
    are given (and, when the officer has a key, replacing it is confirmed).

    The import runs in the runner; a problem is shown here in plain words and nothing is
    written; success names the officer and the certificate's fingerprint and emits imported.
    """

    imported = Signal(object)  # OfficerKey

    def __init__(self, data_dir: Path, runner: BackgroundRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.runner = runner
        self.busy = False
        self.result_key: OfficerKey | None = None
        self.file_dialog: QFileDialog | None = None
        self.setWindowTitle(translate("SigningKeyDialog", "Import signing key (PKCS#12)"))
        self.setObjectName("importKeyDialog")
        self.setMinimumWidth(560)
        intro = QLabel(
            translate(
                "SigningKeyDialog",
                "Import a signing key and certificate your organisation issued as a PKCS#12 "
                "file (.p12 or .pfx). Finalizing a memo as this officer then signs it with this"
                " key. The key is kept as issued, still encrypted with the file's passphrase, "
                "in Waypoint's data folder: type that passphrase when you finalize."), self)
        intro.setWordWrap(True)
        form = self._make_form()
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setAccessibleName(translate("SigningKeyDialog", "Import result"))
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = self.buttons.addButton(translate("SigningKeyDialog", "&Import"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.import_button.setDefault(True)
        self.import_button.clicked.connect(self.start_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        for edit in (self.file_edit, self.officer_edit, self.passphrase_edit):
            edit.textChanged.connect(self._update)
        self.replace_check.toggled.connect(self._update)
        self._update()
        self.file_edit.setFocus()

    def _make_form(self) -> QFormLayout:
        """The key file (typed or chosen), the officer's name, the file's passphrase and the
        confirmation to replace the officer's key (shown only when she has one)."""
        self.file_edit = QLineEdit(self)
        self.file_edit.setAccessibleName(translate("SigningKeyDialog", "PKCS#12 key file"))
        self.file_edit.setPlaceholderText(translate("SigningKeyDialog", "the .p12 or .pfx file"))
        self.choose_button = QPushButton(translate("SigningKeyDialog", "&Choose…"), self)
        self.choose_button.setAccessibleName(translate("SigningKeyDialog", "Choose the key file"))
        self.choose_button.clicked.connect(self.choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(self.choose_button)
        self.officer_edit = QLineEdit(self)
        self.officer_edit.setAccessibleName(translate("SigningKeyDialog", "Officer's name"))
        self.passphrase_edit = secret_field(translate(
            "SigningKeyDialog", "Passphrase of the key file"))
        self.replace_check = QCheckBox(self)
        self.replace_check.hide()
        form = QFormLayout()
        file_label = QLabel(translate("SigningKeyDialog", "Key &file:"), self)
        file_label.setBuddy(self.file_edit)  # a row of two widgets has no buddy of its own
        form.addRow(file_label, file_row)
        form.addRow(translate("SigningKeyDialog", "&Officer's name:"), self.officer_edit)
        form.addRow(translate("SigningKeyDialog", "File's &passphrase:"), self.passphrase_edit)
        form.addRow("", self.replace_check)
        return form

    def officer(self) -> str:
        return self.officer_edit.text().strip()

    def _replacing(self) -> bool:
        return bool(self.officer()) and has_key(self.data_dir, self.officer())

    def _update(self) -> None:
        replacing = self._replacing() and self.result_key is None
        self.replace_check.setVisible(replacing)
        if replacing:
            self.replace_check.setText(translate(
                        "SigningKeyDialog",
                        "Replace {officer}'s existing signing key (memos already signed with it"
                        " stay valid)").format(
                        officer=self.officer()))
        ready = (bool(self.file_edit.text().strip()) and bool(self.officer())
                 and bool(self.passphrase_edit.text())
                 and (not replacing or self.replace_check.isChecked()))
        self.import_button.setEnabled(ready and not self.busy and self.result_key is None)

    def choose_file(self) -> QFileDialog:
        """The file chooser, opened window-modal; the chosen file fills the field."""
        start = str(Path(self.file_edit.text()).parent) if self.file_edit.text() else ""
        dialog = QFileDialog(self, translate(
            "SigningKeyDialog", "Choose the PKCS#12 key file"), start,
            translate("SigningKeyDialog", KEY_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.file_edit.setText)
        self.file_dialog = dialog
        dialog.open()
        return dialog

    def start_import(self) -> None:
        """Check and keep the key in the runner; the dialog waits, then says how it went."""
        if not self.import_button.isEnabled():
            return
        source = Path(self.file_edit.text().strip()).expanduser()
        officer, passphrase = self.officer(), self.passphrase_edit.text()
        replace = self.replace_check.isChecked()
        self.busy = True
        self._show(translate("SigningKeyDialog", "Checking the key file…"), error=False)
        self._update()
        self.runner.run(
            lambda: import_officer_key_file(self.data_dir, officer, source, passphrase,
                                            replace=replace),
            on_done=while_alive(self, self._imported),
            on_error=while_alive(self, self._failed))

    def _show(self, text: str, *, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
        self.adjustSize()  # room for a message of several lines, fields kept their height

    def _imported(self, key: OfficerKey) -> None:
        self.busy = False
        self.result_key = key
        self._show(translate(
                    "SigningKeyDialog",
                    "Imported {officer}'s signing key. Certificate fingerprint (SHA-256): "
                    "{grouped}").format(
                    officer=key.officer, grouped=grouped(key.fingerprint)), error=False)
        for widget in (self.file_edit, self.choose_button, self.officer_edit,
                       self.passphrase_edit, self.replace_check):
            widget.setEnabled(False)
        self.passphrase_edit.clear()
        self.import_button.hide()
        close = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close.setText(translate("SigningKeyDialog", "Close"))
        close.setFocus()
        self._update()
        self.imported.emit(key)

    def _failed(self, error: BaseException) -> None:
        self.busy = False
        if isinstance(error, SigningError):
            text = str(error)
        elif isinstance(error, OSError):
            text = translate(
                       "SigningKeyDialog",
                       "The key could not be kept: {value}. Nothing was written.").format(
                       value=error.strerror or error)
        else:
            text = translate(
                       "SigningKeyDialog",
                       "The key could not be imported: {error}").format(
                       error=error)
        self._show(text, error=True)
        self._update()
        self.passphrase_edit.setFocus()
        self.passphrase_edit.selectAll()
