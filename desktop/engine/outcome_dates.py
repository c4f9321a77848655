"""When each outcome holds: for each rule, the decision dates at which the rule pack changes
something (a rule taking effect, court orders, stays, vacaturs, agreements entering into force
or pausing, the last day the pack knows the law) and this case's outcome between them.

Pure: the outcome of a span is the engine's own, re-evaluated with the span's first day as the
decision date, so the strip can never disagree with the determination.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop.engine.determination import evaluate
from desktop.engine.model import Case, parse_case
from desktop.engine.pack import FamilyPack, RulePack

LAW_UNKNOWN_EVENT = "after the last day the rule pack knows the law: later changes unknown"


@dataclass(frozen=True, slots=True)
class Boundary:
    """A decision date from which something new holds for the rule."""

    day: date
    event: str
    citation: str
    verified: bool
    changes_outcome: bool = False  # for this case: the outcome differs on either side


@dataclass(frozen=True, slots=True)
class Span:
    """Consecutive decision dates (inclusive) with one outcome for this case."""

    start: date
    end: date | None  # None: onward (as far as the pack knows)
    outcome: str

    def contains(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True)
class OutcomeStrip:
    """One rule over decision dates from the entry on."""

    rule: str
    title: str
    spans: tuple[Span, ...]
    boundaries: tuple[Boundary, ...]
    decision_date: date
    law_known_through: date | None

    def outcome_on(self, day: date) -> str | None:
        return next((span.outcome for span in self.spans if span.contains(day)), None)


def _window_boundaries(family: FamilyPack) -> list[Boundary]:
    found = []
    for index, window in enumerate(family.windows):
        found.append(Boundary(window.start, window.event, window.provenance.citation,
                              window.provenance.verified))
        following = family.windows[index + 1].start if index + 1 < len(family.windows) else None
        if window.end is not None and following != window.end + timedelta(days=1):
            found.append(Boundary(window.end + timedelta(days=1), f"end of: {window.event}",
                                  window.provenance.citation, window.provenance.verified))
    return found


def _agreement_boundaries(pack: RulePack) -> list[Boundary]:
    found = []
    for agreement in pack.agreements:
        citation = agreement.in_force.citation if agreement.in_force else ""
        verified = bool(agreement.in_force and agreement.in_force.verified)
        if agreement.in_force_from is not None:
            found.append(Boundary(agreement.in_force_from.first,
                                  f"{agreement.name} enters into force", citation, verified))
        if agreement.in_force_to is not None:
            found.append(Boundary(agreement.in_force_to + timedelta(days=1),
                                  f"{agreement.name} no longer in force", citation, verified))
        if agreement.transfers_paused_from is not None and agreement.transfers_paused:
            found.append(Boundary(agreement.transfers_paused_from,
                                  f"transfers under {agreement.name} paused",
                                  agreement.transfers_paused.citation,
                                  agreement.transfers_paused.verified))
    return found


def rule_boundaries(pack: RulePack, rule: str) -> list[Boundary]:
    """Every decision date at which the pack changes something for the rule, in order."""
    found = _window_boundaries(pack.families[rule])
    if rule == "aca":
        found += _agreement_boundaries(pack)
    if pack.law_known_through is not None:
        found.append(Boundary(pack.law_known_through + timedelta(days=1), LAW_UNKNOWN_EVENT,
                              "", True))
    unique: dict[tuple[date, str], Boundary] = {}
    for boundary in sorted(found, key=lambda b: (b.day, b.event)):
        unique.setdefault((boundary.day, boundary.event), boundary)
    return list(unique.values())


def _strip(rule: str, title: str, boundaries: list[Boundary], first_day: date,
           outcomes: Mapping[date, Mapping[str, str]], decision_date: date,
           known: date | None) -> OutcomeStrip:
    starts = [first_day] + [b.day for b in boundaries if b.day > first_day]
    spans: list[Span] = []
    for index, start in enumerate(starts):
        outcome = outcomes[start][rule]
        end = starts[index + 1] - timedelta(days=1) if index + 1 < len(starts) else None
        if spans and spans[-1].outcome == outcome:
            spans[-1] = Span(spans[-1].start, end, outcome)
        else:
            spans.append(Span(start, end, outcome))
    marked = tuple(  # only what falls after the first possible decision date
        Boundary(b.day, b.event, b.citation, b.verified,
                 outcomes[b.day][rule] != outcomes[b.day - timedelta(days=1)][rule])
        for b in boundaries if b.day > first_day)
    return OutcomeStrip(rule, title, tuple(spans), marked, decision_date, known)


def _outcomes(case: Case, pack: RulePack, day: date) -> dict[str, str]:
    findings = evaluate(case, pack, day, "")["findings"]
    return {str(f["rule"]): str(f["outcome"]) for f in findings}


def outcome_strips(data: Mapping[str, Any] | Case, pack: RulePack,
                   decision_date: date) -> list[OutcomeStrip]:
    """For each rule: its boundaries and this case's outcome on every decision date from the
    entry's first possible day on (the day before and the day of each boundary evaluated)."""
    case = data if isinstance(data, Case) else parse_case(data)
    first_day = min(case.entry.date.first, decision_date)
    per_rule = {rule: rule_boundaries(pack, rule) for rule in pack.families}
    days = {first_day} | {b.day for found in per_rule.values() for b in found
                          if b.day > first_day}
    days |= {b.day - timedelta(days=1) for found in per_rule.values() for b in found
             if b.day - timedelta(days=1) > first_day}
    outcomes = {day: _outcomes(case, pack, day) for day in sorted(days)}
    return [_strip(rule, family.title, per_rule[rule], first_day, outcomes, decision_date,
                   pack.law_known_through)
            for rule, family in pack.families.items()]
