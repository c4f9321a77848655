"""The window's language: a setting, else the system's; its catalogs installed at start.

The choice is stored as `ui/language` in settings.ini ("en", "es"; absent or "" = the
system's language when Waypoint has a catalog for it, else English). It applies when the
window is built: changing it asks for a restart (the window's texts are set once, when each
page is made). Qt's own catalog (qtbase_xx.qm, shipped with PySide6) translates the standard
dialogs' buttons (file dialogs, message boxes, print dialog).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from desktop.resources import resource_path

LANGUAGE_KEY = "ui/language"
# Each language named in itself: the menu shows them so whatever language is on screen.
LANGUAGES = {"en": "English", "es": "Español"}
SOURCE_LANGUAGE = "en"

_installed: list[QTranslator] = []
_current = [SOURCE_LANGUAGE]  # the language the window was built in


def current_language() -> str:
    """The window's language now ("en" until install_language chose another)."""
    return _current[0]


def system_language(locale: QLocale | None = None) -> str:
    """The system locale's language when Waypoint speaks it, else English."""
    code = (locale or QLocale.system()).name().split("_")[0]
    return code if code in LANGUAGES else SOURCE_LANGUAGE


def stored_language(settings: QSettings) -> str:
    """The language chosen in the menu, or "" for the system's."""
    stored = str(settings.value(LANGUAGE_KEY, "") or "")
    return stored if stored in LANGUAGES else ""


def chosen_language(settings: QSettings) -> str:
    return stored_language(settings) or system_language()


def store_language(settings: QSettings, language: str) -> None:
    """Remember the choice ("" = follow the system)."""
    if language:
        settings.setValue(LANGUAGE_KEY, language)
    else:
        settings.remove(LANGUAGE_KEY)
    settings.sync()


def catalog_file(language: str) -> Path:
    return resource_path("i18n", "qt", f"waypoint_{language}.qm")


def remove_translators() -> None:
    app = QCoreApplication.instance()
    while _installed:
        translator = _installed.pop()
        if app is not None:
            app.removeTranslator(translator)


def install_language(language: str, catalog: Path | None = None) -> bool:
    """Translate the window into `language` (its .qm, or `catalog`); False when none loaded.

    English is the source language: it needs no catalog. Replaces any earlier choice.
    """
    app = QCoreApplication.instance()
    remove_translators()
    _current[0] = language if language in LANGUAGES else SOURCE_LANGUAGE
    if app is None or (language == SOURCE_LANGUAGE and catalog is None):
        return language == SOURCE_LANGUAGE
    QLocale.setDefault(QLocale(language))  # %Ln and the standard dialogs' numbers
    ours = QTranslator(app)
    loaded = ours.load(str(catalog or catalog_file(language)))
    if loaded:
        app.installTranslator(ours)
        _installed.append(ours)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    return loaded
