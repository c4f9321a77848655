"""Set (first start, or encrypting a plain database) or change the database passphrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.services.security import passphrase_strength
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

LOST_WARNING = QT_TRANSLATE_NOOP(
    "PassphraseDialog",
    "Waypoint encrypts every case with this passphrase. If it is lost, the cases cannot be "
    "recovered by anyone — unless you save a recovery key now and keep it apart from the laptop.",
)


def secret_field(name: str) -> QLineEdit:
    """A line edit that hides what is typed, named for screen readers."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    field.setObjectName(name.replace(" ", "_"))
    return field


# The strength rule's hints (desktop.services.security.passphrase_strength), in the window's
# language; tests/test_qt_catalog.py checks every hint the rule gives is here.
STRENGTH_HINTS = (
    QT_TRANSLATE_NOOP("PassphraseStrength",
                      "Too short: use at least 10 characters (4 or more words is best)."),
    QT_TRANSLATE_NOOP("PassphraseStrength", "Too repetitive: use different words or characters."),
    QT_TRANSLATE_NOOP("PassphraseStrength", "Strong: a long passphrase."),
    QT_TRANSLATE_NOOP("PassphraseStrength", "Fair: longer is stronger (4 or more words is best)."),
    QT_TRANSLATE_NOOP("PassphraseStrength",
                      "Weak: add words, or mix capitals, digits and symbols."),
)


def strength(passphrase: str) -> tuple[bool, str]:
    """passphrase_strength, its hint in the window's language."""
    acceptable, hint = passphrase_strength(passphrase)
    return acceptable, translate("PassphraseStrength", hint)


class PassphraseDialog(QDialog):
    """Choose a passphrase (twice), see its strength; optionally a recovery key and the keyring.

    change=True also asks for the current passphrase. Read the answers after accept():
    current(), passphrase(), wants_recovery_key(), remember_in_keyring().
    """

    def __init__(
        self, title: str, intro: str, *, change: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("passphraseDialog")
        self.setModal(True)
        intro_label = QLabel(intro)
        intro_label.setWordWrap(True)
        warning = QLabel(translate("PassphraseDialog", LOST_WARNING))
        warning.setWordWrap(True)
        warning.setObjectName("lostPassphraseWarning")
        self.current_field = (
            secret_field(translate("PassphraseDialog", "Current passphrase")) if change else None
        )
        self.new_field = secret_field(translate("PassphraseDialog", "New passphrase"))
        self.again_field = secret_field(translate("PassphraseDialog", "New passphrase again"))
        self.strength_label = QLabel(strength("")[1])
        self.strength_label.setObjectName("strengthHint")
        self.strength_label.setAccessibleName(translate("PassphraseDialog", "Passphrase strength"))
        self.recovery_box = QCheckBox(
            translate("PassphraseDialog", "Make a recovery key (shown once; write it down)")
        )
        self.recovery_box.setChecked(True)
        self.keyring_box = QCheckBox(
            translate(
                "PassphraseDialog",
                "Remember the passphrase in this computer's keyring (anyone who can log in "
                "as you can then open Waypoint)",
            )
        )
        self.keyring_box.setVisible(not change)
        form = QFormLayout()
        if self.current_field is not None:
            form.addRow(translate("PassphraseDialog", "Current passphrase:"), self.current_field)
        form.addRow(translate("PassphraseDialog", "New passphrase:"), self.new_field)
        form.addRow(translate("PassphraseDialog", "Again:"), self.again_field)
        form.addRow("", self.strength_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro_label)
        layout.addWidget(warning)
        layout.addLayout(form)
        layout.addWidget(self.recovery_box)
        layout.addWidget(self.keyring_box)
        layout.addWidget(self.buttons)
        self.new_field.textChanged.connect(self._update)
        self.again_field.textChanged.connect(self._update)
        if self.current_field is not None:
            self.current_field.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        acceptable, hint = strength(self.new_field.text())
        same = self.new_field.text() == self.again_field.text()
        if acceptable and not same and self.again_field.text():
            hint += translate("PassphraseDialog", " The two entries differ.")
        self.strength_label.setText(hint)
        has_current = self.current_field is None or bool(self.current_field.text())
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(acceptable and same and has_current)

    def current(self) -> str:
        return self.current_field.text() if self.current_field is not None else ""

    def passphrase(self) -> str:
        return self.new_field.text()

    def wants_recovery_key(self) -> bool:
        return self.recovery_box.isChecked()

    def remember_in_keyring(self) -> bool:
        return self.keyring_box.isVisible() and self.keyring_box.isChecked()

    def clear(self) -> None:
        """Drop the typed secrets from the widgets."""
        for field in (self.current_field, self.new_field, self.again_field):
            if field is not None:
                field.clear()


def show_recovery_key(parent: QWidget, recovery: str) -> QDialog:
    """The recovery key, shown once: selected in a read-only field (Ctrl+C copies it) and a
    Copy button."""
    from PySide6.QtCore import Qt

    dialog = QDialog(parent)
    dialog.setWindowTitle(translate("PassphraseDialog", "Recovery key"))
    dialog.setObjectName("recoveryKeyDialog")
    text = QLabel(
        translate(
            "PassphraseDialog",
            "Write this recovery key down and keep it apart from the laptop. It opens the "
            "database wherever Waypoint asks for the passphrase. It is shown only now.",
        )
    )
    text.setWordWrap(True)
    key = QLineEdit(recovery)  # read-only: Tab reaches it, Ctrl+A / Ctrl+C copy it
    key.setObjectName("recoveryKey")
    key.setReadOnly(True)
    key.setAccessibleName(translate("PassphraseDialog", "Recovery key"))
    font = key.font()
    font.setPointSize(font.pointSize() + 4)
    key.setFont(font)
    key.setMinimumWidth(key.fontMetrics().horizontalAdvance(recovery) + 24)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
    copy = buttons.addButton(
        translate("PassphraseDialog", "&Copy"), QDialogButtonBox.ButtonRole.ActionRole
    )
    copy.setObjectName("copyRecoveryKey")
    copy.setAutoDefault(False)

    def copy_key() -> None:
        QApplication.clipboard().setText(recovery)
        copy.setText(translate("PassphraseDialog", "Copied"))

    copy.clicked.connect(copy_key)
    buttons.accepted.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(text)
    layout.addWidget(key)
    layout.addWidget(buttons)
    key.setFocus()
    key.selectAll()
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
