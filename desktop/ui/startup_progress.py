"""Start-up progress in words: the worker opening the database says what it is doing (deriving
the key, creating the database, adding the demo case) and the case list shows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class ProgressRelay(QObject):
    """Called from the worker thread with words; shown by the page on the GUI thread (a queued
    signal: the worker never touches a widget)."""

    said = Signal(str)

    def __init__(self, show: Callable[[str], None], parent: QObject) -> None:
        super().__init__(parent)
        self.said.connect(show)

    def __call__(self, words: str) -> None:
        self.said.emit(words)
