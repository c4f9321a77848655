"""File → Language: English, Español or the system's; the change applies at the next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox

from desktop.ui.i18n import translate
from desktop.ui.language import (
    LANGUAGES,
    chosen_language,
    store_language,
    stored_language,
    system_language,
)

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow


def add_language_menu(window: MainWindow, menu: QMenu) -> QMenu:
    """The Language submenu of `menu`: one checkable entry per choice ("" = the system's)."""
    languages = menu.addMenu(translate("LanguageMenu", "&Language"))
    languages.setObjectName("languageMenu")
    group = QActionGroup(languages)
    current = stored_language(window.settings)
    system_name = LANGUAGES[system_language()]
    choices = [("", translate("LanguageMenu", "System language ({name})").format(
        name=system_name))] + list(LANGUAGES.items())
    for code, name in choices:
        action = QAction(name, languages)
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        action.triggered.connect(lambda _checked=False, c=code: choose_language(window, c))
        group.addAction(action)
        languages.addAction(action)
    return languages


def choose_language(window: MainWindow, language: str) -> QMessageBox | None:
    """Store the choice; when it changes the window's language, say a restart applies it."""
    before = chosen_language(window.settings)
    store_language(window.settings, language)
    after = chosen_language(window.settings)
    if after == before:
        return None
    box = QMessageBox(QMessageBox.Icon.Information, translate("LanguageMenu", "Language"),
                      translate("LanguageMenu", "Waypoint will be in {language} the next time "
                                "it starts. Nothing else changes: your cases stay as they "
                                "are.").format(language=LANGUAGES[after]),
                      QMessageBox.StandardButton.Ok, window)
    box.setObjectName("languageChangedMessage")
    box.open()
    return box
