"""Asks how exported case files leave the laptop: encrypted (the default) or plain JSON."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate
from desktop.ui.passphrase_dialog import secret_field, strength

PLAIN_WARNING = QT_TRANSLATE_NOOP(
    "ExportDialog",
    "A plain file can be read by anyone who gets it: the applicant's name, route and claims "
    "leave the encrypted store. Choose it only for a receiver who cannot open a bundle.",
)


class ExportProtectionDialog(QDialog):
    """Encrypted waypoint-bundle/1 with its own passphrase (typed twice), or plain JSON.

    Read the answer after accept(): bundle_passphrase() is None for plain JSON.
    """

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExportDialog", "Export: protect the file"))
        self.setObjectName("exportProtectionDialog")
        self.setModal(True)
        what = (
            translate("ExportDialog", "this case")
            if count == 1
            else translate("ExportDialog", "these {count} cases").format(count=count)
        )
        intro = QLabel(
            translate(
                "ExportDialog",
                "The exported file holds {what}. Encrypt it with a passphrase that you give"
                " the receiver by another way (phone, in person).",
            ).format(what=what)
        )
        intro.setWordWrap(True)
        self.encrypted_button = QRadioButton(
            translate("ExportDialog", "Encrypted bundle (recommended)")
        )
        self.plain_button = QRadioButton(translate("ExportDialog", "Plain JSON, not encrypted"))
        self.encrypted_button.setChecked(True)
        self.passphrase_field = secret_field(translate("ExportDialog", "Bundle passphrase"))
        self.again_field = secret_field(translate("ExportDialog", "Bundle passphrase again"))
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName(translate("ExportDialog", "Passphrase strength"))
        self.warning = QLabel(translate("ExportDialog", PLAIN_WARNING))
        self.warning.setWordWrap(True)
        self.warning.setObjectName("plainExportWarning")
        self.warning.setStyleSheet("color: #8a1c12;")
        form = QFormLayout()
        form.addRow(translate("ExportDialog", "Passphrase:"), self.passphrase_field)
        form.addRow(translate("ExportDialog", "Again:"), self.again_field)
        form.addRow("", self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.encrypted_button)
        layout.addLayout(form)
        layout.addWidget(self.plain_button)
        layout.addWidget(self.warning)
        layout.addWidget(self.buttons)
        for signal in (
            self.passphrase_field.textChanged,
            self.again_field.textChanged,
            self.encrypted_button.toggled,
        ):
            signal.connect(self._update)
        self._update()

    def _update(self) -> None:
        encrypted = self.encrypted_button.isChecked()
        for widget in (self.passphrase_field, self.again_field, self.hint):
            widget.setEnabled(encrypted)
        self.warning.setVisible(not encrypted)
        acceptable, hint = strength(self.passphrase_field.text())
        same = self.passphrase_field.text() == self.again_field.text()
        if acceptable and not same and self.again_field.text():
            hint += translate("ExportDialog", " The two entries differ.")
        self.hint.setText(hint)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(not encrypted or (acceptable and same))

    def bundle_passphrase(self) -> str | None:
        """The bundle's passphrase, or None when the person chose plain JSON."""
        return self.passphrase_field.text() if self.encrypted_button.isChecked() else None
