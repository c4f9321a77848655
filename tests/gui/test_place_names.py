"""Country names in the window's language; typing either language's name finds the country."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from desktop.ui.language import install_language
from desktop.ui.place_names import local_country_name, local_language_name, sort_key
from desktop.ui.widgets.country_combo_box import (
    CountryComboBox,
    country_entries,
    country_label,
    resolve_country,
)

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("This plugin does not support")]


@pytest.fixture(name="spanish")
def spanish_fixture(qapp: Any) -> Iterator[None]:
    assert install_language("es")
    yield
    install_language("en")


def test_names_follow_the_window_language(spanish: None) -> None:
    assert country_label("DE") == "Alemania (DE)"
    assert country_label("US") == "Estados Unidos (US)"
    assert country_label("XK") == "Kosovo (XK)"
    assert local_language_name("Vietnamese") == "Vietnamita"
    names = [name for _code, name in country_entries()]
    assert names == sorted(names, key=sort_key)  # Spanish order: Austria before Azerbaiyán
    assert names.index("Alemania") < names.index("Belice")


def test_english_names_without_a_catalog() -> None:
    assert country_label("DE") == "Germany (DE)"
    assert local_country_name("Germany") == "Germany"


def test_either_language_resolves(spanish: None) -> None:
    assert resolve_country("Alemania") == "DE"
    assert resolve_country("alemania") == "DE"
    assert resolve_country("Germany") == "DE"  # the English name still works
    assert resolve_country("México (MX)") == "MX"
    assert resolve_country("México (MX) · Mexico") == "MX"  # a completion's text
    assert resolve_country("Atlántida") is None


def completions(combo: CountryComboBox, typed: str) -> list[str]:
    completer = combo.completer()
    completer.setCompletionPrefix(typed)
    model = completer.completionModel()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def test_completion_accepts_both_languages(qtbot: Any, spanish: None) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    combo = CountryComboBox(holder)
    holder.show()
    assert "Alemania (DE)" in completions(combo, "Alema")
    assert "Alemania (DE)" in completions(combo, "Germ")  # English typed, Spanish shown
    edited: list[object] = []
    combo.value_edited.connect(edited.append)
    combo.lineEdit().selectAll()
    QTest.keyClicks(combo, "Germany")
    QTest.keyClick(combo, Qt.Key.Key_Return)
    popup = combo.completer().popup()
    if popup.isVisible():
        popup.hide()
    assert combo.value() == "DE"
    assert combo.currentText() == "Alemania (DE)"
    assert edited and edited[-1] == "DE"


def test_language_names_in_either_language(qtbot: Any, spanish: None) -> None:
    from desktop.flow import languages
    from desktop.ui.widgets.language_list_edit import (
        LanguageListEdit,
        completion_names,
        language_name,
        resolve_language,
    )

    languages.language_entries()  # the table, read now rather than in the background
    assert language_name("vi") == "Vietnamita"
    assert resolve_language("Vietnamita") == resolve_language("Vietnamese") == "vi"
    names = completion_names()
    assert "Vietnamita" in names and "Vietnamese" in names
    edit = LanguageListEdit()
    qtbot.addWidget(edit)
    edit.set_value(["vi", "es"])
    qtbot.waitUntil(lambda: edit.text() == "Vietnamita, Español", timeout=10_000)
