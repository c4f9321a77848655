"""Pieces shared by the rule families: decision windows, final denials and wording."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from desktop.engine.case_view import CaseView, claim_field, final_denial
from desktop.engine.pack import FamilyPack, RulePack, Window
from desktop.engine.reasoning import Check, Facts, FindingBuilder


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


def final_denial_in(view: CaseView, pack: RulePack, facts: Facts, countries: Iterable[str], *,
                    denial: str, place: str) -> Check:
    """Whether a protection claim in one of `countries` ended in a final denial.

    `denial` names the decision as the rule does ("judgment" in the 2019 bar, "decision" in
    the 2023 rule); `place` how the rule names the countries. Known final denials are looked
    for first, so an unknown elsewhere is asked only when no known denial settles it.
    """
    wanted = set(countries)
    claims = [(stop, j, claim) for stop in view.case.journey if stop.country in wanted
              for j, claim in enumerate(stop.protection_claims)]
    if not claims:
        return Check(False, f"No protection claim in {place}", ("journey",))
    for settled_only in (True, False):
        for stop, j, claim in claims:
            name = pack.country_name(stop.country)
            test = partial(final_denial, facts, stop, j, claim, name)
            if facts.probe(test) if settled_only else test():
                return Check(True, f"Final {denial} denying protection in {name}",
                             (claim_field(stop, j),))
    described = "; ".join(f"{pack.country_name(s.country)}: {c.outcome or 'unknown'}"
                          f"{', final' if c.final else ', not final'}" for s, _j, c in claims)
    return Check(False, f"No final {denial} denying protection in {place} ({described})",
                 tuple(claim_field(s, j) for s, j, _c in claims))
