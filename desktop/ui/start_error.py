"""The start error box: why the database did not open, and the latest backup where one helps.

A wrong passphrase or server password goes back to the lock page; anything else is explained
in a message box (never a traceback) whose only ways out are Quit and, for a damaged or
missing database with a backup, "Restore latest backup" (the damaged file is kept aside).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

if TYPE_CHECKING:
    from desktop.ui.storage_opener import StorageOpener

log = logging.getLogger(__name__)

RESTORE_TEXT = QT_TRANSLATE_NOOP("StartError", "Restore latest backup")
UNLOCK_PROMPT = QT_TRANSLATE_NOOP(
    "StartError", "Enter the passphrase (or the recovery key) to open the cases."
)


def explain_start_error(opener: StorageOpener, error: BaseException) -> None:
    """Ask again (wrong passphrase or password) or show the start error box."""
    from desktop.services import opening

    opening.release_collector()  # no warm-up follows
    if opening.is_wrong_passphrase(error):
        opener.lock.ask_at_start(UNLOCK_PROMPT, opener.begin, str(error))
        return
    sign_in = opening.server_sign_in(opener.database_url)
    if sign_in is not None and opening.is_wrong_server_password(error):
        opener.lock.ask_at_start(
            sign_in,
            opener.sign_in,
            translate("StartError", "The server did not accept this login and password."),
            login=opener.lock.page.login(),
        )
        return
    if opening.is_database_error(error):
        log.error("The database could not be opened: %s", error)
        text = str(error)
    else:
        log.error("Unexpected error opening the database", exc_info=error)
        text = translate("StartError", "Waypoint could not open its database: {error}").format(
            error=error
        )
        if opener.paths.log_dir.is_dir():  # never point at a log that cannot exist
            text += f"\n\nDetails are in the log in {opener.paths.log_dir}."
    opener.window.show_storage_unavailable(text.splitlines()[0][:120])
    show_start_error_box(opener, error, text)


def show_start_error_box(opener: StorageOpener, error: BaseException, text: str) -> None:
    """The box: Quit, and Restore where the database itself is damaged or gone."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.opening import restorable_over

    box = QMessageBox(
        QMessageBox.Icon.Critical,
        translate("StartError", "Waypoint cannot open its database"),
        text,
        QMessageBox.StandardButton.NoButton,
        opener.window,
    )
    box.setAccessibleName(translate("StartError", "Waypoint cannot open its database"))
    box.setObjectName("startErrorBox")
    restore = None
    if restorable_over(error) is not None:
        restore = box.addButton(
            translate("StartError", RESTORE_TEXT), QMessageBox.ButtonRole.AcceptRole
        )
    quit_button = box.addButton(translate("StartError", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setEscapeButton(quit_button)
    # Restore is the default only where the database itself is damaged or gone (a key-file
    # problem offers none: over the intact file it would throw recent work aside).
    box.setDefaultButton(restore or quit_button)

    def answered(_result: int) -> None:
        chosen = box.clickedButton()
        opener.error_box = None
        if restore is not None and chosen is restore:
            restore_latest_backup(opener, error)
        else:
            opener.window.close()

    box.finished.connect(answered)
    opener.error_box = box
    opener.failed.emit(text)
    box.open()


def restore_latest_backup(opener: StorageOpener, error: Any) -> None:
    """Restore in a worker, then open as at start (or explain why not)."""
    from desktop.services.opening import restore_and_open

    opener.window.location_label.setText(
        translate("StartError", "Restoring {name}…").format(name=error.latest_backup.name)
    )
    paths, database_url, secret = opener.paths, opener.database_url, opener.secret
    opener.window.runner.run(
        lambda: restore_and_open(error, paths, database_url, secret),
        opener.opened_storage,
        opener.open_failed,
    )
