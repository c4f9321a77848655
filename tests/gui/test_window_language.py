"""The window's language: the setting, the system locale at first, the menu, Qt's own dialogs."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox

from desktop.app import Launched, launch
from desktop.paths import resolve_database_url, resolve_paths
from desktop.ui.i18n import translate
from desktop.ui.language import (
    LANGUAGE_KEY,
    chosen_language,
    install_language,
    system_language,
)
from desktop.ui.language_menu import choose_language

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]


@pytest.fixture(name="english_after")
def english_after_fixture() -> Iterator[None]:
    yield
    install_language("en")


def start(qtbot: Any, data_dir: Path, language: str | None) -> Launched:
    paths = resolve_paths(data_dir)
    if language is not None:
        paths.settings_file.parent.mkdir(parents=True, exist_ok=True)
        settings = QSettings(str(paths.settings_file), QSettings.Format.IniFormat)
        settings.setValue(LANGUAGE_KEY, language)
        settings.sync()
    launched = launch(paths, resolve_database_url(paths))
    qtbot.addWidget(launched.window)
    model = launched.window.case_list.model
    qtbot.waitUntil(lambda: launched.window.services is not None and not model.is_loading()
                    and model.rowCount() == 1, timeout=20_000)
    return launched


def test_the_setting_opens_the_window_in_spanish(
    qtbot: Any, tmp_path: Path, english_after: None
) -> None:
    launched = start(qtbot, tmp_path / "data", "es")
    try:
        window = launched.window
        titles = [action.text() for action in window.menuBar().actions()]
        assert titles == ["&Archivo", "&Caso", "A&yuda"]
        assert window.case_list.count_label.text() == "1 caso"
        assert window.new_action.text() == "&Nuevo caso"
        languages = window.findChild(QMenu, "languageMenu")
        assert languages is not None and languages.title() == "I&dioma"
        # Qt's own catalog: the standard buttons of a dialog
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.text().replace("&", "") == "Cancelar"
    finally:
        launched.shutdown()


def test_spanish_plurals_and_english_ones() -> None:
    assert translate("Transfer", "Imported %n case(s).", None, 1) == "Imported 1 case."
    assert translate("Transfer", "Imported %n case(s).", None, 3) == "Imported 3 cases."
    assert install_language("es")
    try:
        assert translate("Transfer", "Imported %n case(s).", None, 1) == "Se importó 1 caso."
        assert translate("Transfer", "Imported %n case(s).", None, 3) == (
            "Se importaron 3 casos.")
        assert translate("CaseListPage", "%Ln case(s)", None, 1200) == "1200 casos".replace(
            "1200", QLocale().toString(1200))
    finally:
        install_language("en")


def test_without_a_setting_the_system_language_decides(tmp_path: Path) -> None:
    assert system_language(QLocale("es_MX")) == "es"
    assert system_language(QLocale("es_ES")) == "es"
    assert system_language(QLocale("fr_FR")) == "en"  # no French window catalog: English
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert chosen_language(settings) == system_language()
    settings.setValue(LANGUAGE_KEY, "xx")  # not a language Waypoint has: the system's
    assert chosen_language(settings) == system_language()


def test_the_menu_stores_the_choice_and_asks_for_a_restart(
    qtbot: Any, tmp_path: Path, english_after: None
) -> None:
    launched = start(qtbot, tmp_path / "data", None)
    try:
        window = launched.window
        languages = window.findChild(QMenu, "languageMenu")
        assert languages is not None
        names = [action.text() for action in languages.actions()]
        assert names[1:] == ["English", "Español"]
        spanish = next(a for a in languages.actions() if a.text() == "Español")
        spanish.trigger()
        box = window.findChild(QMessageBox, "languageChangedMessage")
        assert box is not None and "Español" in box.text()
        assert window.settings.value(LANGUAGE_KEY) == "es"
        assert spanish.isChecked()
        box.close()
        # Choosing what is already in force changes nothing and asks nothing.
        assert choose_language(window, "es") is None
        system = languages.actions()[0]
        system.trigger()
        assert window.settings.value(LANGUAGE_KEY) is None
    finally:
        launched.shutdown()
    relaunched = start(qtbot, tmp_path / "data2", "es")
    try:
        assert relaunched.window.file_menu.title() == "&Archivo"
    finally:
        relaunched.shutdown()
