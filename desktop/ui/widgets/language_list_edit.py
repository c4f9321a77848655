"""LanguageListEdit: languages typed by name, with completion (`Vietnamese, English`), as codes."""

from __future__ import annotations

import threading

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from desktop.flow import language_names, languages
from desktop.ui.i18n import translate
from desktop.ui.place_names import local_language_name

AnyIndex = QModelIndex | QPersistentModelIndex
WARM_DELAY_MS = 1500


def language_name(code: str) -> str:
    """The language's name in the window's language (`Vietnamita` in Spanish)."""
    for known, name in languages.language_entries():
        if known == code:
            return local_language_name(name)
    return code


def resolve_language(text: str) -> str | None:
    """The code for `Vietnamese`, `Vietnamita` (the window's language), `vi`, `vie` or
    `Vietnamese (vi)`; None when nothing matches. English names work in every language."""
    cleaned = text.strip()
    if cleaned.endswith(")") and "(" in cleaned:
        cleaned = cleaned[cleaned.rindex("(") + 1 : -1].strip()
    folded = cleaned.casefold()
    if not folded:
        return None
    for code, name in languages.language_entries():
        if folded in (code, name.casefold(), local_language_name(name).casefold()):
            return code
    return languages.two_letter_code(folded) or language_names.code_for_other_name(cleaned)


def completion_names() -> list[str]:
    """What completion offers: each name in the window's language and in English."""
    english = [name for _code, name in languages.language_entries()]
    local = [local_language_name(name) for name in english]
    others = [name for name, _code in language_names.other_names()]
    return list(dict.fromkeys(local + english + others))


class _LanguageTable(QObject):
    """Tells the widgets when the language table (read in a thread) is ready."""

    ready = Signal()

    def __init__(self) -> None:
        super().__init__()
        self._waiting = False

    def when_ready(self) -> None:
        """Start the reading if needed and emit `ready` (on the GUI thread) once it is done."""
        if self._waiting:
            return
        self._waiting = True
        languages.warm_in_background()
        threading.Thread(target=self._wait, name="languages-ready", daemon=True).start()

    def _wait(self) -> None:
        languages.language_entries()  # returns once the warming thread has read the table
        self.ready.emit()


_TABLE: _LanguageTable | None = None


def language_table() -> _LanguageTable:
    global _TABLE
    if _TABLE is None:
        _TABLE = _LanguageTable()
    return _TABLE


class _LastPartCompleter(QCompleter):
    """Completes the language being typed after the last comma, keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [path.split(",")[-1].strip()]

    def pathFromIndex(self, index: AnyIndex) -> str:
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
        self.setPlaceholderText(translate(
            "LanguageListEdit", "Unknown — type a language, e.g. Vietnamese, English"))
        self._codes: list[str] = []
        self._confirmed: list[str] = []  # the codes as last finished without a wrong word
        self.textEdited.connect(self._on_edited)
        self.editingFinished.connect(self._on_finished)
        # The language table loads in a thread: building a case's first page must not wait.
        if languages.is_loaded():
            self._on_table_ready()
        else:
            # The main window reads the table after its first paint; a field made before that
            # reads it when it gets the focus or once the page has settled, not while it opens.
            language_table().ready.connect(
                self._on_table_ready, Qt.ConnectionType.QueuedConnection
            )
            QTimer.singleShot(WARM_DELAY_MS, language_table().when_ready)

    def focusInEvent(self, event: QFocusEvent) -> None:
        if not languages.is_loaded():
            language_table().when_ready()
        super().focusInEvent(event)

    def _on_table_ready(self) -> None:
        if self.completer() is None:
            completer = _LastPartCompleter(
                QStringListModel(completion_names(), self),
                self,
            )
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchStartsWith)
            self.setCompleter(completer)
        if not self.isModified():
            self.setText(self._display(self._codes))

    def _display(self, codes: list[str]) -> str:
        if not languages.is_loaded():
            return ", ".join(codes)  # names once the table is read
        return ", ".join(language_name(code) for code in codes)

    def _parts(self) -> list[str]:
        return [part.strip() for part in self.text().replace(";", ",").split(",") if part.strip()]

    def value(self) -> list[str]:
        """The codes of the languages understood so far."""
        return list(self._codes)

    def _read_text(self) -> list[str]:
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
        if codes == self._codes and self.text():
            return
        self._codes = codes
        self._confirmed = list(codes)
        self.setText(self._display(codes))

    def _on_edited(self, _text: str) -> None:
        if not self.unresolved_parts():
            self._codes = self._read_text()
            self.value_edited.emit(self.value())

    def _on_finished(self) -> None:
        wrong = self.unresolved_parts()
        if wrong:
            # A word on its way may have matched a language ("Klingon" in "Klingonish"): what
            # is kept is the last answer finished cleanly, not that match.
            if self._codes != self._confirmed:
                self._codes = list(self._confirmed)
                self.value_edited.emit(self.value())
            self.invalid.emit(
                translate(
                    "LanguageListEdit",
                    "Not a language: {join}. Type a name and choose from the list").format(
                    join=', '.join(wrong))
            )
        else:
            self._codes = self._read_text()
            self._confirmed = list(self._codes)
            self.value_edited.emit(self.value())
