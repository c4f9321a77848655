"""Import a screen's modules ahead of need, one module per event-loop turn, while the window idles.

The case pages import about fifty modules (Qt's PDF and printing libraries among them), which
took some 180 ms at once on the first case opened: long enough to freeze the window. The order
is read from the source (module-level imports only, dependencies first) in a worker, since
parsing holds nobody up there; the imports themselves run on the GUI thread, where Qt's types
belong, each in its own turn, so input and painting go on between them.
"""

from __future__ import annotations

import ast
import importlib
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger(__name__)

# Only our own modules are read for their imports; anything else is imported as a whole.
OWN_PACKAGES = ("desktop", "db")
TURN_MS = 1  # a real timer (not 0, a posted call): painting and input due first go first


def _absolute(module: str, node: ast.ImportFrom, is_package: bool) -> str:
    if node.level == 0:
        return node.module or ""
    parts = module.split(".")
    base = parts if is_package else parts[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def source_file(name: str) -> Path | None:
    """Where one of our modules' source is, found on disk (find_spec would import parents)."""
    top, *rest = name.split(".")
    package = sys.modules.get(top)
    if top not in OWN_PACKAGES or package is None or not getattr(package, "__path__", None):
        return None
    base = Path(package.__path__[0]).joinpath(*rest)
    for candidate in (base / "__init__.py", base.with_suffix(".py")):
        if candidate.is_file():
            return candidate
    return None


def module_imports(module: str) -> list[str]:
    """The modules `module` imports at its top level (not inside functions or TYPE_CHECKING)."""
    path = source_file(module)
    if path is None:
        return []
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    is_package = path.name == "__init__.py"
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Import):
            found.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            parent = _absolute(module, node, is_package)
            if not parent or parent == "__future__":
                continue
            found.append(parent)
            for alias in node.names:  # `from package import submodule`
                candidate = f"{parent}.{alias.name}"
                if source_file(candidate) is not None:
                    found.append(candidate)
    return found


def import_order(root: str) -> list[str]:
    """Every module `root` needs at import, dependencies before the modules that import them."""
    order: list[str] = []
    seen: set[str] = set()

    def visit(name: str) -> None:
        if name in seen:
            return
        seen.add(name)
        if name.split(".")[0] in OWN_PACKAGES:
            for parent in _parents(name):
                visit(parent)
            for dependency in module_imports(name):
                visit(dependency)
        order.append(name)

    visit(root)
    return order


def _parents(name: str) -> list[str]:
    parts = name.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


class IdleImporter(QObject):
    """Imports the given modules on this thread, one not yet imported per turn."""

    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[str] = []
        self._timer = QTimer(self)
        self._timer.setInterval(TURN_MS)
        self._timer.timeout.connect(self._import_next)
        self.done = False

    def start(self, modules: list[str]) -> None:
        self._pending = list(modules)
        self._timer.start()

    def _import_next(self) -> None:
        while self._pending and self._pending[0] in sys.modules:
            self._pending.pop(0)  # already there: costs nothing, take the next one now
        if not self._pending:
            self._timer.stop()
            self.done = True
            self.finished.emit()
            return
        name = self._pending.pop(0)
        try:
            importlib.import_module(name)
        except Exception:  # only a head start: the real import reports its own error
            log.exception("Importing %s ahead of need failed", name)


def import_when_idle(importer: IdleImporter, root: str,
                     run_in_worker: Callable[..., object]) -> None:
    """Read `root`'s import order in a worker, then import it module by module on this thread."""
    run_in_worker(lambda: import_order(root), importer.start)
