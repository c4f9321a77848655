"""Pieces shared by the rule families: decision windows, final denials and wording."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from functools import partial

from desktop.engine.case_view import CaseView, claim_field, final_denial
from desktop.engine.model import ProtectionClaim, Stop
from desktop.engine.pack import FamilyPack, RulePack, Window
from desktop.engine.reasoning import Check, Facts, FindingBuilder


def window_step(out: FindingBuilder, family: FamilyPack, decision: date) -> Window | None:
    """Record which court-order window the decision date falls in; return it."""
    window = family.window_at(decision)
    if window is None:
        out.step(f"No court order or suspension recorded for decision date {decision}", True,
                 ["decision_date"])
        return None
    verified = out.rests_on(window.provenance, f"{family.title}: status on {decision}: "
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


def stop_name(pack: RulePack, view: CaseView, stop: Stop) -> str:
    """A stop in words: "Mexico", or "Mexico (second stay)" when the country recurs."""
    same = [s.index for s in view.case.journey if s.country == stop.country]
    name = pack.country_name(stop.country)
    if stop.place:
        name = f"{name} ({stop.place})"
    if len(same) < 2:
        return name
    nth = ORDINALS[same.index(stop.index)] if same.index(stop.index) < len(ORDINALS) else "later"
    return f"{name} ({nth} stay)"


ORDINALS = ("first", "second", "third", "fourth", "fifth")


def final_denial_in(view: CaseView, pack: RulePack, facts: Facts, countries: Iterable[str], *,
                    denial: str, place: str) -> Check:
    """Whether a protection claim in one of `countries` ended in a final denial.

    `denial` names the decision as the rule does ("judgment" in the 2019 bar, "decision" in
    the 2023 rule); `place` how the rule names the countries. Known final denials are looked
    for first, so an unknown elsewhere is asked only when no known denial settles it. A stop
    whose claims were never asked (`protection_claims: null`) is unknown, never "no claim".
    """
    wanted = set(countries)
    stops = [stop for stop in view.case.journey if stop.country in wanted]
    claims = [(stop, j, claim) for stop in stops for j, claim in enumerate(stop.claims)]
    unasked = [stop for stop in stops if not stop.claims_asked]
    for settled_only in (True, False):
        for stop, j, claim in claims:
            name = stop_name(pack, view, stop)
            test = partial(final_denial, facts, stop, j, claim, name)
            if facts.probe(test) if settled_only else test():
                return Check(True, f"Final {denial} denying protection in {name}",
                             (claim_field(stop, j),))
    for stop in unasked:
        name = stop_name(pack, view, stop)
        path = f"journey[{stop.index}].protection_claims"
        if facts.tri(None, path, f"Did the applicant ask for asylum or other protection in {name} "
                                 f"and receive a final {denial} denying it? (Not yet asked: "
                                 "record the claims made there, or that none was made.)"):
            return Check(True, f"Final {denial} denying protection in {name} (if the claim "
                               "there was finally denied)", (path,))
    asked_none = [stop_name(pack, view, s) for s in stops if s.claims_asked and not s.claims]
    if not claims:
        where = f" ({', '.join(asked_none)}: asked, none made)" if asked_none else ""
        unknown = (f"; the claims in {', '.join(stop_name(pack, view, s) for s in unasked)} "
                   "were taken as none" if unasked else "")
        return Check(False, f"No protection claim in {place}{where}{unknown}",
                     tuple(f"journey[{s.index}].protection_claims" for s in stops) or ("journey",))
    described = "; ".join(f"{stop_name(pack, view, s)}: {_outcome_words(c)}"
                          for s, _j, c in claims)
    return Check(False, f"No final {denial} denying protection in {place} ({described})",
                 tuple(claim_field(s, j) for s, _j, _c in claims))


def _outcome_words(claim: ProtectionClaim) -> str:
    outcome = claim.outcome or "outcome unknown"
    if claim.outcome in ("denied", None):
        return f"{outcome}, {'final' if claim.final else 'not final'}"
    return outcome
