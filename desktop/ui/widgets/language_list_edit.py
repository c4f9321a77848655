"""LanguageListEdit: languages typed by name, with completion (`Vietnamese, English`), as codes."""

from __future__ import annotations

from functools import cache

import pycountry
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

AnyIndex = QModelIndex | QPersistentModelIndex


@cache
def language_entries() -> tuple[tuple[str, str], ...]:
    """(code, name) for every ISO 639 language with a code the case file takes (2 or 3 letters)."""
    entries = []
    for language in pycountry.languages:
        code = getattr(language, "alpha_2", None) or getattr(language, "alpha_3", None)
        if code:
            entries.append((str(code), str(language.name)))
    return tuple(sorted(entries, key=lambda entry: entry[1]))


def language_name(code: str) -> str:
    for known, name in language_entries():
        if known == code:
            return name
    return code


def resolve_language(text: str) -> str | None:
    """The code for `Vietnamese`, `vi`, `vie` or `Vietnamese (vi)`; None when nothing matches."""
    cleaned = text.strip()
    if cleaned.endswith(")") and "(" in cleaned:
        cleaned = cleaned[cleaned.rindex("(") + 1 : -1].strip()
    folded = cleaned.casefold()
    if not folded:
        return None
    for code, name in language_entries():
        if folded in (code, name.casefold()):
            return code
    try:
        found = pycountry.languages.lookup(cleaned)
    except LookupError:
        return None
    return str(getattr(found, "alpha_2", None) or getattr(found, "alpha_3", None) or "") or None


class _LastPartCompleter(QCompleter):
    """Completes the language being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt spelling)
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: AnyIndex) -> str:  # noqa: N802 (Qt spelling)
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        head = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return head + str(index.data())


class LanguageListEdit(QLineEdit):
    """Languages separated by commas; value() is their ISO 639 codes in the order typed.

    `invalid` carries a message naming the words that are not a language (the stored list keeps
    the languages that were understood until the text is fixed).
    """

    value_edited = Signal(object)
    invalid = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("Unknown — type a language, e.g. Vietnamese, English")
        completer = _LastPartCompleter(
            QStringListModel([name for _code, name in language_entries()], self), self
        )
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
        self.setCompleter(completer)
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_finished)

    def _parts(self) -> list[str]:
        return [part.strip() for part in self.text().replace(";", ",").split(",") if part.strip()]

    def value(self) -> list[str]:
        codes: list[str] = []
        for part in self._parts():
            code = resolve_language(part)
            if code and code not in codes:
                codes.append(code)
        return codes

    def unresolved_parts(self) -> list[str]:
        return [part for part in self._parts() if resolve_language(part) is None]

    def set_value(self, value: object) -> None:
        codes = [str(code) for code in value] if isinstance(value, list) else []
        if codes != self.value():
            self.setText(", ".join(language_name(code) for code in codes))

    def _on_edited(self, _text: str) -> None:
        if not self.unresolved_parts():
            self.value_edited.emit(self.value())

    def _on_finished(self) -> None:
        wrong = self.unresolved_parts()
        if wrong:
            self.invalid.emit(
                f"Not a language: {', '.join(wrong)}. Type a name and choose from the list"
            )
        else:
            self.value_edited.emit(self.value())
