"""CountryComboBox: pick a country by name or ISO code, with completion as you type."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import pycountry
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QApplication, QComboBox, QCompleter, QWidget

from desktop.case_rules import EXTRA_COUNTRIES
from desktop.ui.i18n import translate
from desktop.ui.language import current_language
from desktop.ui.place_names import local_country_name, sort_key


@cache
def english_country_names() -> dict[str, str]:
    """Code → English name for every country a case file may name (ISO 3166-1 and XK)."""
    names = dict(EXTRA_COUNTRIES)
    for country in pycountry.countries:
        names[country.alpha_2] = getattr(country, "common_name", None) or country.name
    return names


def country_entries() -> tuple[tuple[str, str], ...]:
    """(code, name in the window's language), in that language's alphabetical order."""
    return _entries_in(current_language())


@cache
def _entries_in(language: str) -> tuple[tuple[str, str], ...]:
    entries = [(code, local_country_name(english, language))
               for code, english in english_country_names().items()]
    return tuple(sorted(entries, key=lambda entry: sort_key(entry[1])))


def country_label(code: str | None) -> str:
    """`Mexico (MX)`; the bare code for one pycountry does not know; empty for None."""
    if not code:
        return ""
    for known, name in country_entries():
        if known == code:
            return f"{name} ({code})"
    return code


def resolve_country(text: str) -> str | None:
    """The code for `MX`, `mx`, `Mexico`, `México` (the window's language) or `México (MX)`;
    None when nothing matches. English names are accepted in every language."""
    cleaned = text.strip()
    if not cleaned:
        return None
    in_brackets = _CODE_IN_BRACKETS.search(cleaned)
    if in_brackets and in_brackets.group(1).upper() in english_country_names():
        return in_brackets.group(1).upper()
    folded = cleaned.casefold()
    english = english_country_names()
    for code, name in country_entries():
        if folded in (code.casefold(), name.casefold(), english[code].casefold()):
            return code
    try:
        found = pycountry.countries.lookup(cleaned)
    except LookupError:
        return None
    return str(found.alpha_2)


_CODE_IN_BRACKETS = re.compile(r"\(([A-Za-z]{2})\)")
AnyIndex = QModelIndex | QPersistentModelIndex
# What completion matches: the name in the window's language, the code and the English name.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 1
_TEXT_ROLES = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.AccessibleTextRole,
)


class CountryListModel(QAbstractListModel):
    """A blank row, then every country as `Name (CODE)`, with the code as UserRole.

    Each combo owns its own: it is only a view of the cached tuple, so it costs nothing to
    build, and it dies with its combo. (A model shared through the QApplication outlived the
    combos' popups, whose reset on its destruction printed QBasicTimer warnings at exit.)
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = country_entries()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries) + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row()
        if not index.isValid() or not 0 <= row <= len(self._entries):
            return None
        if row == 0:
            return "" if role in _TEXT_ROLES else None
        code, name = self._entries[row - 1]
        if role in _TEXT_ROLES:
            return f"{name} ({code})"
        if role == SEARCH_ROLE:
            english = english_country_names()[code]
            return f"{name} ({code})" + (f" · {english}" if english != name else "")
        if role == Qt.ItemDataRole.UserRole:
            return code
        return None


class CountryComboBox(QComboBox):
    """An editable combo of all countries; typing a name or code completes and resolves it.

    value() is the ISO alpha-2 code or None. value_edited(code) is emitted when the user picks
    or types a known country (or clears the field); unresolved(text) when the text matches none.
    """

    value_edited = Signal(object)
    unresolved = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        # Not as wide as the longest country name: the form must fit a 1024-pixel window.
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(14)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self.setModel(CountryListModel(self))
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionRole(SEARCH_ROLE)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        line_edit = self.lineEdit()
        assert line_edit is not None  # editable combos always have one
        line_edit.setPlaceholderText(translate("CountryComboBox", "Country name or code"))
        line_edit.editingFinished.connect(self._commit_text)
        self.activated.connect(self._on_activated)
        completer.activated[str].connect(self._on_completed)  # type: ignore[index]  # stubs: no signal overloads
        self._code: str | None = None
        self.setAccessibleName(translate("CountryComboBox", "Country"))
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    def value(self) -> str | None:
        return self._code

    def set_value(self, code: object) -> None:
        """Show a country code without emitting value_edited."""
        self._code = code if isinstance(code, str) and code else None
        index = self.findData(self._code) if self._code else 0
        self.blockSignals(True)
        try:
            if index >= 0:
                self.setCurrentIndex(index)
            else:
                self.setCurrentIndex(0)
                self.setEditText(self._code or "")
        finally:
            self.blockSignals(False)

    def commit(self) -> None:
        """Resolve what was typed now (also done when the field loses focus or on Enter)."""
        self._commit_text()

    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Tabbing away while the completer's popup is open sends no editingFinished,
        # so what was typed is resolved when the focus leaves the combo for good.
        if old is None or not (old is self or self.isAncestorOf(old)):
            return
        completer = self.completer()
        popup = completer.popup() if completer is not None else None
        if new is not None and (new is self or self.isAncestorOf(new) or new is popup):
            return
        if popup is not None and popup.isVisible():
            popup.hide()
        if self.currentText() != country_label(self._code):
            self._commit_text()

    def _on_activated(self, index: int) -> None:
        self._set_code(self.itemData(index))

    def _on_completed(self, text: str) -> None:
        self._set_code(resolve_country(text))

    def _commit_text(self) -> None:
        text = self.currentText()
        code = resolve_country(text)
        if code is None and text.strip():
            self.unresolved.emit(text)
            return
        self._set_code(code)

    def _set_code(self, code: object) -> None:
        resolved = code if isinstance(code, str) and code else None
        self.set_value(resolved)
        self.value_edited.emit(resolved)
