"""The main window's dialogs: open a case, About, import or issue a signing key.

Each opens window-modal (never exec()), deletes itself on close, and is kept on the window
so tests can answer it. None opens while the window is locked or before the database is open.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.main_window import MainWindow
    from desktop.ui.signing_key_dialog import ImportKeyDialog


def show_open_dialog(window: MainWindow) -> QWidget | None:
    """Ctrl+O: a picker with search; it never opens a case by itself."""
    from PySide6.QtCore import Qt

    from desktop.ui.case_list.open_case_dialog import OpenCaseDialog

    if window.is_locked() or window.services is None:
        return None
    dialog = OpenCaseDialog(window.services, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open_requested.connect(window.open_case)
    window.open_dialog = dialog
    dialog.open()
    return dialog


def show_about(window: MainWindow, database: str) -> AboutDialog:
    """About Waypoint: version, data folder, database and rule pack."""
    from PySide6.QtCore import Qt

    from desktop.ui.about_dialog import AboutDialog

    window.about_dialog = AboutDialog(str(window.paths.data_dir), database, window.rule_pack,
                                      window)
    window.about_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.about_dialog.open()
    return window.about_dialog


def show_import_key_dialog(window: MainWindow) -> ImportKeyDialog | None:
    """Import an organisation-issued PKCS#12 as an officer's signing key (window-modal)."""
    from PySide6.QtCore import Qt

    from desktop.ui.signing_key_dialog import ImportKeyDialog

    if window.is_locked() or window.services is None:
        return None
    dialog = ImportKeyDialog(window.services.paths.data_dir, window.services.runner, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.imported.connect(lambda key: window.statusBar().showMessage(
        translate(
            "WindowDialogs",
            "Signing key imported for {officer}").format(
            officer=key.officer), 10_000))
    window.import_key_dialog = dialog
    dialog.open()
    return dialog


def show_issue_key_dialog(window: MainWindow) -> QWidget | None:
    """The office authority issues a person a registered signing key (window-modal)."""
    from PySide6.QtCore import Qt

    from desktop.ui.issue_key_dialog import IssueKeyDialog

    if window.is_locked() or window.services is None:
        return None
    cases = window.services.cases
    dialog = IssueKeyDialog(window.services.paths.data_dir, cases.database,
                            window.services.runner, cases.actor, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.issue_key_dialog = dialog
    dialog.open()
    return dialog
