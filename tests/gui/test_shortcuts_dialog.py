"""Help -> Keyboard shortcuts lists what the keys really do: read from the window's actions."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.ui.shortcuts_dialog import ShortcutsDialog, shortcut_rows
from tests.gui.test_main_window import Starter, start_app, wait_for_cases  # noqa: F401

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

README = Path(__file__).resolve().parents[2] / "README.md"


def _listed(rows: list, keys: str) -> str | None:
    return next((row.does for row in rows if keys in row.keys.split(" or ")), None)


def test_help_menu_opens_the_list_with_the_window_and_case_shortcuts(
    qtbot, start_app: Starter  # noqa: F811
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    assert "&Keyboard shortcuts" in [a.text() for a in window.help_menu.actions()]
    before = shortcut_rows(window)
    assert _listed(before, "Alt+Home") == "Back to the case list"
    assert _listed(before, "Ctrl+O") == "Open case"
    assert _listed(before, "Ctrl+/") == "Keyboard shortcuts"
    assert _listed(before, "F6") is None  # no case open yet: its keys do not exist

    with qtbot.waitSignal(window.case_opened, timeout=10_000):
        window.open_case(window.case_list.model.summary(0).case_id)
    page = window.current_case_page()
    assert page is not None
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    window.shortcuts_action.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets()
                  if isinstance(w, ShortcutsDialog) and w.isVisible())
    rows = dialog.rows
    assert _listed(rows, "F6") == "Step list"
    assert _listed(rows, "Alt+Right") == "Next step"
    assert _listed(rows, "Ctrl+Shift+F") == "Finalize memo"
    # every row is on screen in the table, keys first
    table = dialog.table
    assert table.rowCount() == len(rows)
    assert {table.item(i, 0).text() for i in range(len(rows))} == {r.keys for r in rows}
    assert table.hasFocus() or dialog.focusWidget() is table
    qtbot.keyClick(table, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_readme_lists_the_shortcuts_including_alt_home() -> None:
    text = README.read_text("utf-8")
    for keys in ("Alt+Home", "Ctrl+/", "F6", "Ctrl+Shift+F", "Ctrl+L", "Ctrl+O"):
        assert keys in text, keys


# The offscreen platform cannot raise the hint's popup or give it the keyboard; harmless.
@pytest.mark.qt_log_ignore("does not support raise", "grabbing the keyboard")
def test_f1_shows_the_hint_of_the_focused_field(qtbot, start_app: Starter) -> None:  # noqa: F811
    from PySide6.QtWidgets import QWhatsThis

    from desktop.ui.hint_key import hint_of, show_hint

    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    assert window.hint_key.key().toString() == "F1"
    assert _listed(shortcut_rows(window), "F1") == "Show the hint of the focused field or control"
    with qtbot.waitSignal(window.case_opened, timeout=10_000):
        window.open_case(window.case_list.model.summary(0).case_id)
    page = window.current_case_page()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    hinted = [w for w in page.findChildren(QWidget)
              if w.isVisible() and w.toolTip() and w.focusPolicy() != Qt.FocusPolicy.NoFocus
              and w.accessibleDescription()]
    assert hinted, "a field with a (?) hint on the first step"
    field = hinted[0]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    assert show_hint() == hint_of(field) == field.toolTip()
    QWhatsThis.hideText()
