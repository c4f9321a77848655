"""The tests' way to evaluate a case: the real decision path, under a pack the test names."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine import RulePack
from desktop.services.decision import DecisionPath
from desktop.services.rules import bundled_rule_pack


def evaluated(case: dict[str, Any], on: date | None = None,
              pack: RulePack | None = None) -> dict[str, Any]:
    """The determination on `on`, else the case's decision date, else today (UTC), under
    `pack` (default: the built-in one)."""
    path = DecisionPath(pack or bundled_rule_pack(), zone_name="UTC")
    return path.evaluate(case, path.decide(case, on))
