"""Create PySide's classes for Qt ahead of need, a few per event-loop turn, after the first paint.

PySide creates each Qt class (and its Python enums) on first use. The first time Python sees a
Qt object of a type it has not wrapped yet (an application-wide event filter sees every widget
and event), PySide looks for the most derived class it knows and, to do so, creates every
class of the loaded Qt modules at once: 300+ ms on this project's machine, a stall anyone
would feel. Created here a few at a time while the window idles (none takes more than ~15 ms);
the lock's application-wide filter is installed once they exist (or at once when the lock
page is needed first).
"""

from __future__ import annotations

import logging
import sys
import time

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

# The modules the window has loaded by its first paint; any other loaded later has its own
# classes created when first used (the case pages' modules are imported in idle turns too).
QT_MODULES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")
TURN_MS = 1  # a real timer (not 0, a posted call): painting and input due first go first
TURN_BUDGET_S = 0.004  # classes are made in a turn until this much time has gone


def classes_not_created(module_name: str) -> list[str]:
    """The names of the module's classes PySide has not created yet (dir() creates none)."""
    module = sys.modules.get(module_name)
    if module is None:
        return []
    created = vars(module)
    return [name for name in dir(module) if name.startswith("Q") and name not in created]


class QtTypeWarmer(QObject):
    """Creates the not-yet-created classes of QT_MODULES, a few per turn; then `finished`."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[tuple[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(TURN_MS)
        self._timer.timeout.connect(self._create_next)
        self.done = False

    def start(self) -> None:
        self._pending = [(module, name) for module in QT_MODULES
                         for name in classes_not_created(module)]
        self._timer.start()

    def _create_next(self) -> None:
        if not self._pending:
            self._timer.stop()
            self.done = True
            self.finished.emit()
            return
        began = time.perf_counter()
        while self._pending and time.perf_counter() - began < TURN_BUDGET_S:
            module, name = self._pending.pop(0)
            try:
                getattr(sys.modules[module], name)
            except Exception:  # only a head start: the real first use reports its own error
                log.warning("Creating %s.%s ahead of need failed", module, name, exc_info=True)
