"""Evaluates every rule family for one case and assembles the determination."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from functools import partial
from typing import Any

from desktop.engine.case_view import CaseView
from desktop.engine.explore import decide
from desktop.engine.families import (
    aca,
    firm_resettlement,
    lawful_pathways_2023,
    securing_border_2024,
    stca_canada,
    transit_bar_2019,
)
from desktop.engine.model import Case, parse_case
from desktop.engine.pack import RulePack
from desktop.engine.reasoning import Facts, FindingBuilder

FORMAT = "waypoint-determination/1"
Family = Callable[[CaseView, RulePack, date, Facts, FindingBuilder], dict[str, Any]]
FAMILIES: tuple[tuple[str, Family], ...] = (
    ("transit_bar_2019", transit_bar_2019.evaluate),
    ("aca", aca.evaluate),
    ("stca_canada", stca_canada.evaluate),
    ("lawful_pathways_2023", lawful_pathways_2023.evaluate),
    ("securing_border_2024", securing_border_2024.evaluate),
    ("firm_resettlement", firm_resettlement.evaluate),
)
OUTCOME_WORDS = {
    "applies": ("applies", "apply"),
    "exception": ("does not apply because an exception is met",
                  "do not apply because an exception is met"),
    "not_in_force": ("reaches the case but may not be applied on the decision date",
                     "reach the case but may not be applied on the decision date"),
    "needs_information": ("cannot be decided without more information",
                          "cannot be decided without more information"),
}


def evaluate(data: Mapping[str, Any] | Case, pack: RulePack, decision_date: date,
             engine_version: str) -> dict[str, Any]:
    """Evaluate a validated case (dict or parsed Case) on `decision_date` with `pack`."""
    case = data if isinstance(data, Case) else parse_case(data)
    view = CaseView(case)
    findings = [decide(pack.families[rule], partial(run, view, pack, decision_date))
                for rule, run in FAMILIES]
    return {
        "format": FORMAT,
        "decision_date": decision_date.isoformat(),
        "rules_version": pack.label,
        "rules_hash": pack.hash,
        "engine_version": engine_version,
        "findings": findings,
        "contradictions": [{"field": c.field, "message": c.message}
                           for c in view.contradictions],
        "summary": summary(findings, decision_date),
    }


def summary(findings: list[dict[str, Any]], decision_date: date) -> str:
    """One plain-English paragraph: what applies, what is excepted, what is missing."""
    by_outcome: dict[str, list[str]] = {}
    for finding in findings:
        by_outcome.setdefault(finding["outcome"], []).append(finding["title"])
    text = (f"Evaluated on {decision_date.isoformat()} against {len(findings)} transit rule "
            "families. ")
    for outcome, (one, many) in OUTCOME_WORDS.items():
        titles = by_outcome.get(outcome)
        if titles:
            listed = titles[0] if len(titles) == 1 else (
                ", ".join(titles[:-1]) + " and " + titles[-1])
            text += f"{listed} {one if len(titles) == 1 else many}. "
    if not any(o in by_outcome for o in OUTCOME_WORDS):
        text += "None of the rules reaches this case. "
    elif by_outcome.get("not_applicable"):
        count = len(by_outcome["not_applicable"])
        text += (f"{count} other {'rule does' if count == 1 else 'rules do'} not reach the "
                 "case. ")
    questions = sum(len(f["missing_facts"]) for f in findings)
    unverified = sum(1 for f in findings if f["unverified"] and f["outcome"] != "not_applicable")
    if questions:
        text += (f"{questions} question{'s' if questions != 1 else ''} must be answered before "
                 "every finding can be made. ")
    if unverified:
        text += (f"{unverified} finding{'s rest' if unverified != 1 else ' rests'} partly on "
                 "rule data not verified in the research notes; "
                 f"{'they are' if unverified != 1 else 'it is'} marked. ")
    text += ("Waypoint is decision support: the officer reviews the findings and makes the "
             "decision.")
    return text
