"""Pieces shared by the rule families: decision windows and wording."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from desktop.engine.pack import FamilyPack, Window
from desktop.engine.reasoning import FindingBuilder


def window_step(out: FindingBuilder, family: FamilyPack, decision: date) -> Window | None:
    """Record which court-order window the decision date falls in; return it."""
    window = family.window_at(decision)
    if window is None:
        out.step(f"No court order or suspension recorded for decision date {decision}", True,
                 ["decision_date"])
        return None
    verified = out.rests_on(window.provenance, f"{family.rule} status on {decision}: "
                                               f"{window.event}")
    end = f" to {window.end}" if window.end else " onward"
    enforceable = window.status != "not_in_force"
    out.step(f"On decision date {decision} ({window.start}{end}): {window.event}",
             enforceable, ["decision_date"], window.provenance.citation, verified)
    return window


def names(name_of: Callable[[str], str], codes: Iterable[str]) -> str:
    """Country names joined for a sentence: "Guatemala, Mexico and Belize"."""
    items = [name_of(c) for c in codes]
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
