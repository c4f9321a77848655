"""Languages are typed by name (or ISO 639 code) and stored as the case file's codes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from desktop.ui.widgets.language_list_edit import LanguageListEdit, resolve_language

# The completer's popup asks the offscreen platform for things it cannot do; harmless.
pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        "propagateSizeHints", "does not support raise", "grabbing the keyboard"
    ),
]


@pytest.mark.parametrize("typed", ["Vietnamese", "vietnamese", "vi", "vie", "Vietnamese (vi)"])
def test_each_common_spelling_gives_the_two_letter_code(typed: str) -> None:
    assert resolve_language(typed) == "vi"


def test_a_language_without_a_two_letter_code_keeps_its_three_letters() -> None:
    assert resolve_language("K'iche'") == "quc"
    assert resolve_language("quc") == "quc"


@pytest.mark.parametrize(("typed", "code"), [
    ("Nawat", "ppl"), ("Náhuat", "ppl"), ("nahuat", "ppl"),  # Pipil's other names (El Salvador)
    ("Bangla", "bn"),  # the ISO 639-3 table's own common name for Bengali
    ("Nahuatl, Guerrero", "ngu"),  # the table's inverted name
    ("Farsi", "fa"), ("Haitian Creole", "ht"), ("Q'eqchi'", "kek"),
])
def test_other_names_find_the_iso_language(typed: str, code: str) -> None:
    assert resolve_language(typed) == code


def test_what_is_no_language_is_refused() -> None:
    assert resolve_language("Klingonish") is None
    assert resolve_language("xx") is None


def test_typed_names_are_stored_as_codes_and_a_wrong_one_is_named(qtbot) -> None:
    edit = LanguageListEdit()
    qtbot.addWidget(edit)
    edit.show()
    stored: list[object] = []
    problems: list[str] = []
    edit.value_edited.connect(stored.append)
    edit.invalid.connect(problems.append)
    edit.setFocus()
    QTest.keyClicks(edit, "Vietnamese, spa")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert stored[-1] == ["vi", "es"] and not problems
    edit.selectAll()
    QTest.keyClicks(edit, "Vietnamese, Klingonish")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    assert problems and "Klingonish" in problems[-1]
    assert edit.value() == ["vi", "es"]  # the last good answer stays until it is corrected
