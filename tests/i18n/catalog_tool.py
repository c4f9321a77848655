"""Loads resources/i18n/catalogs.py (the catalog build tool, not a package) for the tests."""

from __future__ import annotations

import importlib.util
from types import ModuleType

from tests.case_paths import REPO


def catalog_tool() -> ModuleType:
    path = REPO / "resources" / "i18n" / "catalogs.py"
    spec = importlib.util.spec_from_file_location("waypoint_catalog_tool", path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
