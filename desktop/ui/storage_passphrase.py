"""The passphrase steps of the start: a first passphrase, encrypting a plain file, changing it.

Each step is a dialog opened window-modal (never exec()); its answer continues the storage
opener's flow (desktop.ui.storage_opener), which holds the open dialog so tests can answer it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.services.startup import Storage
    from desktop.ui.storage_opener import StorageOpener


def ask_new_passphrase(opener: StorageOpener, *, encrypt_plain: bool) -> None:
    """A first passphrase (a new store), or one to encrypt a plain file with."""
    from desktop.ui.passphrase_dialog import PassphraseDialog

    intro = (
        translate(
            "StoragePassphrase",
            "Your database is not encrypted yet. Choose a passphrase to encrypt it and its "
            "backups.",
        )
        if encrypt_plain
        else translate(
            "StoragePassphrase",
            "Welcome to Waypoint. Choose a passphrase: it encrypts the cases on this laptop.",
        )
    )
    dialog = PassphraseDialog(
        translate("StoragePassphrase", "Protect your cases"), intro, parent=opener.window
    )

    def answered(result: int) -> None:
        opener.passphrase_dialog = None
        if result != PassphraseDialog.DialogCode.Accepted:
            if encrypt_plain:
                opener.begin(None)  # stays plain; offered again next start
            else:
                opener.window.close()  # nothing is created without a passphrase
            return
        secret = dialog.passphrase()
        opener.wants_recovery = dialog.wants_recovery_key()
        if dialog.remember_in_keyring():
            remember(opener, secret)
        dialog.clear()
        opener.begin(secret, encrypt_plain=encrypt_plain)

    dialog.finished.connect(answered)
    opener.passphrase_dialog = dialog
    dialog.open()


def remember(opener: StorageOpener, secret: str) -> None:
    """Keep the passphrase in the OS keyring (chosen in the dialog); say so if it cannot."""
    from desktop.services.security import database_file, remember_passphrase
    from desktop.ui.case_list.messages import show_message

    target = database_file(opener.database_url)
    problem = (
        remember_passphrase(target, secret)
        if target
        else translate("StoragePassphrase", "no database file")
    )
    if problem is not None:
        show_message(
            opener.window,
            translate("StoragePassphrase", "The passphrase was not remembered"),
            translate(
                "StoragePassphrase", "{problem} Waypoint will ask for it at each start."
            ).format(problem=problem),
        )


def offer_encryption(opener: StorageOpener) -> None:
    """A plain database: offer to encrypt it (No opens it as it is)."""
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("StoragePassphrase", "Encrypt the database?"),
        translate(
            "StoragePassphrase",
            "This Waypoint database is not encrypted: anyone who copies the data "
            "folder can read every case. Encrypt it (and its backups) now?",
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        opener.window,
    )
    box.setObjectName("encryptOfferBox")

    def answered(result: int) -> None:
        opener.passphrase_dialog = None
        if result == QMessageBox.StandardButton.Yes:
            ask_new_passphrase(opener, encrypt_plain=True)
        else:
            opener.begin(None)

    box.finished.connect(answered)
    opener.passphrase_dialog = box
    box.open()


def make_recovery_key(opener: StorageOpener, storage: Storage, secret: str) -> None:
    """Add a recovery key in a worker and show it once."""
    from desktop.services.opening import add_recovery_key
    from desktop.ui.passphrase_dialog import show_recovery_key

    database_file = storage.database.sqlite_file
    assert database_file is not None

    def made(recovery: str) -> None:
        show_recovery_key(opener.window, recovery)

    opener.window.runner.run(lambda: add_recovery_key(database_file, secret), made)


def add_passphrase_action(opener: StorageOpener, storage: Storage) -> None:
    """File → Change passphrase…, above Lock (an encrypted database only)."""
    if not storage.database.encrypted:
        return
    from PySide6.QtGui import QAction

    action = QAction(translate("StoragePassphrase", "Change &passphrase…"), opener.window)
    action.setObjectName("changePassphraseAction")
    opener.window.file_menu.insertAction(opener.lock.lock_action, action)
    opener.change_passphrase_action = action
    action.triggered.connect(lambda _checked=False: opener.change_passphrase())


def change_passphrase(opener: StorageOpener) -> Any:
    """Ask for the current and a new passphrase; re-key the database in a worker."""
    from desktop.ui.case_list.messages import show_message
    from desktop.ui.passphrase_dialog import PassphraseDialog, show_recovery_key

    storage = opener.storage
    if storage is None:
        return None
    new_secret = ""
    dialog = PassphraseDialog(
        translate("StoragePassphrase", "Change the passphrase"),
        translate(
            "StoragePassphrase",
            "The database is re-encrypted with a new key. Backups made before keep "
            "their old passphrase.",
        ),
        change=True,
        parent=opener.window,
    )

    def changed(recovery: str | None) -> None:
        update_remembered(opener, new_secret)
        if recovery:
            show_recovery_key(opener.window, recovery)
        else:
            show_message(
                opener.window,
                translate("StoragePassphrase", "Passphrase changed"),
                translate("StoragePassphrase", "The passphrase was changed."),
            )

    def refused(error: BaseException) -> None:
        show_message(
            opener.window,
            translate("StoragePassphrase", "The passphrase was not changed"),
            str(error),
        )

    def answered(result: int) -> None:
        opener.passphrase_dialog = None
        if result != PassphraseDialog.DialogCode.Accepted:
            return
        nonlocal new_secret
        old, new, recovery = dialog.current(), dialog.passphrase(), dialog.wants_recovery_key()
        new_secret = new
        dialog.clear()
        opener.window.runner.run(
            lambda: storage.database.change_passphrase(old, new, with_recovery=recovery),
            changed,
            refused,
        )

    dialog.finished.connect(answered)
    opener.passphrase_dialog = dialog
    dialog.open()
    return dialog


def update_remembered(opener: StorageOpener, secret: str) -> None:
    """A passphrase kept in the keyring follows a change (it is only there if chosen)."""
    from desktop.services.security import (
        database_file,
        remember_passphrase,
        remembered_passphrase,
    )

    target = database_file(opener.database_url)
    if target is not None and remembered_passphrase(target) is not None:
        remember_passphrase(target, secret)
