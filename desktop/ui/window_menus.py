"""The main window's actions and its changing menus: Recent cases, and the open case's actions.

The menu titles paint in the window's first frame; the actions are made here right after it
(MainWindow.finish_setup), each Qt class imported where it is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QAction, QKeySequence

    from desktop.ui.main_window import MainWindow

RECENT_KEY = "main_window/recent_cases"  # case ids only: no names outside the database
MAX_RECENT = 8


def make_action(window: MainWindow, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                ) -> QAction:
    """An action of the window that calls `slot` (without the checked flag)."""
    from PySide6.QtGui import QAction, QKeySequence

    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(lambda _checked=False: slot())
    return action


def make_window_actions(window: MainWindow) -> None:
    """The File and Help menus' actions, kept on the window (tests and the lock use them)."""
    from PySide6.QtGui import QAction, QKeySequence

    page = window.case_list
    window.new_action = make_action(window, translate("WindowMenus", "&New case"), page.new_case,
                                    QKeySequence.StandardKey.New)
    window.open_action = make_action(window, translate(
        "WindowMenus", "&Open case…"), window.show_open_dialog, "Ctrl+O")
    window.back_action = make_action(window, translate(
        "WindowMenus", "&Back to the case list"), window.show_case_list,
                                     "Alt+Home")
    window.back_action.setToolTip(translate("WindowMenus", "Back to the case list (Alt+Home)"))
    window.back_action.setEnabled(False)
    window.import_action = make_action(window, translate("WindowMenus", "&Import case files…"),
                                      page.transfer.choose_and_import, "Ctrl+I")
    window.export_action = make_action(window, translate("WindowMenus", "&Export selected cases…"),
                                      page.choose_and_export, "Ctrl+E")
    window.quit_action = make_action(window, translate(
        "WindowMenus", "&Quit"), window.close, QKeySequence.StandardKey.Quit)
    window.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
    window.rules_action = make_action(window, translate(
        "WindowMenus", "&Rule packs…"), window.show_rules_page)
    window.signing_key_action = make_action(window, translate(
        "WindowMenus", "Import &signing key (PKCS#12)…"),
                                            window.show_import_key_dialog)
    window.issue_key_action = make_action(window, translate(
        "WindowMenus", "Iss&ue a signing key (office authority)…"),
                                          window.show_issue_key_dialog)
    window.take_field_action = make_action(window, translate(
        "WindowMenus", "&Take cases to the field…"), lambda: _field(window, "take"))
    window.bring_back_action = make_action(window, translate(
        "WindowMenus", "Brin&g cases back…"), lambda: _field(window, "back"))
    window.field_conflicts_action = make_action(window, translate(
        "WindowMenus", "Field &conflicts…"), lambda: _field(window, "conflicts"))
    window.about_action = make_action(window, translate(
        "WindowMenus", "&About Waypoint"), window.show_about)
    window.about_action.setMenuRole(QAction.MenuRole.AboutRole)


def _field(window: MainWindow, which: str) -> object:
    """The field-sync dialogs (desktop.ui.field_transfer_dialog, field_merge_dialog)."""
    from desktop.ui.field_merge_dialog import show_field_conflicts
    from desktop.ui.field_transfer_dialog import show_bring_back, show_take_to_field

    show = {"take": show_take_to_field, "back": show_bring_back,
            "conflicts": show_field_conflicts}[which]
    return show(window)


def add_navigation_toolbar(window: MainWindow) -> None:
    """The Back button above the page, shown while a case is open."""
    window.toolbar = window.addToolBar(translate("WindowMenus", "Navigation"))
    window.toolbar.setObjectName("navigationToolbar")
    window.toolbar.setMovable(False)
    window.back_action.setText(translate("WindowMenus", "← &Back to the case list"))
    window.toolbar.addAction(window.back_action)
    window.toolbar.setVisible(window.current_case_page() is not None)


def set_storage_actions_enabled(window: MainWindow, enabled: bool) -> None:
    """The actions that need the database, on or off."""
    for action in (window.new_action, window.open_action, window.import_action,
                   window.export_action, window.rules_action, window.signing_key_action,
                   window.issue_key_action, window.take_field_action,
                   window.bring_back_action, window.field_conflicts_action):
        action.setEnabled(enabled)


def recent_case_ids(settings: QSettings) -> list[str]:
    """The ids of the cases opened last, newest first."""
    stored = settings.value(RECENT_KEY, [])
    if isinstance(stored, str):
        stored = [stored]
    return [str(item) for item in stored] if isinstance(stored, list) else []


def remember_recent(settings: QSettings, case_id: str) -> None:
    recent = [case_id] + [known for known in recent_case_ids(settings) if known != case_id]
    settings.setValue(RECENT_KEY, recent[:MAX_RECENT])


def fill_recent_menu(window: MainWindow) -> None:
    """File → Recent cases, filled as it opens (names from the list, never from settings)."""
    menu = window.recent_menu
    menu.clear()
    names = window.case_list.model.names_by_id()
    recent = recent_case_ids(window.settings)
    if not recent:
        menu.addAction(translate("WindowMenus", "No recent cases")).setEnabled(False)
        return
    for number, case_id in enumerate(recent, start=1):
        label = names.get(case_id) or translate("WindowMenus", "Case {case_id}").format(
            case_id=case_id[:8])
        action = menu.addAction(f"&{number} {label}")
        action.triggered.connect(lambda _checked=False, c=case_id: window.open_case(c))


def rebuild_case_menu(window: MainWindow) -> None:
    """The Case menu mirrors the actions of the case page while it is shown."""
    menu = window.case_menu
    menu.clear()
    page = window.current_case_page()
    shown = page is not None and window.stack.currentWidget() is page
    actions = page.actions() if page is not None and shown else []
    if not actions:
        hint = menu.addAction(translate("WindowMenus", "Open a case to work on it"))
        hint.setEnabled(False)
        return
    for action in actions:
        menu.addAction(action)
