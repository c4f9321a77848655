"""Fixtures shared by the GUI tests: `services` (UiServices over a fresh SQLite database)."""

from __future__ import annotations

from tests.gui.test_case_flow_support import services_fixture

__all__ = ["services_fixture"]
