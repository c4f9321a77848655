"""Tests only: a Python process the test suite starts makes cheap key slots, as the suite does.

The suite puts this folder first on PYTHONPATH (tests/conftest.py, tests/children.py), so a
child (the CLI, the app, a fault-injection script) runs this at start-up. It imports nothing
of Waypoint's: when the child first imports db.cipher, the cost is lowered right after that
module has loaded, through db.cipher.set_kdf_cost (the app itself reads no environment switch).
Never put this folder on the path of a real installation.
"""

from __future__ import annotations

import sys
from importlib.abc import MetaPathFinder
from importlib.machinery import ModuleSpec, PathFinder
from types import ModuleType
from typing import Any

TEST_KDF_COST = (2**10, 8, 1)  # tests/conftest.py uses the same cost in the suite's process


class _CheapKeySlots(MetaPathFinder):
    """Finds db.cipher as usual, then lowers its scrypt cost once it has executed."""

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> ModuleSpec | None:
        if name != "db.cipher":
            return None
        spec = PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        execute = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            execute(module)
            module.set_kdf_cost(*TEST_KDF_COST)

        spec.loader.exec_module = exec_module  # type: ignore[method-assign]  # this spec only
        return spec


sys.meta_path.insert(0, _CheapKeySlots())
