"""Evaluates every rule family for one case and assembles the determination."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import date
from functools import partial
from typing import Any

from desktop.engine.case_view import CaseView
from desktop.engine.explore import decide
from desktop.engine.families import (
    aca,
    entry_suspension_2025,
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
LAW_NOTICE = "This rule pack reflects the law as known on {date}; check for later changes."
Family = Callable[[CaseView, RulePack, date, Facts, FindingBuilder], dict[str, Any]]
FAMILIES: tuple[tuple[str, Family], ...] = (
    ("transit_bar_2019", transit_bar_2019.evaluate),
    ("aca", aca.evaluate),
    ("stca_canada", stca_canada.evaluate),
    ("lawful_pathways_2023", lawful_pathways_2023.evaluate),
    ("securing_border_2024", securing_border_2024.evaluate),
    ("entry_suspension_2025", entry_suspension_2025.evaluate),
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
    # No cross-field check here: the services refuse contradictory dates before the engine is
    # asked (desktop.case_rules.consistency, which the engine may not import).
    case = data if isinstance(data, Case) else parse_case(data)
    view = CaseView(case)
    findings = family_findings(view, pack, decision_date)
    known = pack.law_known_through
    notice = law_notice(pack, decision_date)
    return {
        "format": FORMAT,
        "decision_date": decision_date.isoformat(),
        "rules_version": pack.label,
        "rules_hash": pack.hash,
        "engine_version": engine_version,
        "findings": findings,
        "contradictions": [{"field": c.field, "message": c.message}
                           for c in view.contradictions],
        "law_known_through": known.isoformat() if known else None,
        "law_notice": notice,
        "summary": summary(findings, decision_date, notice),
    }


def family_findings(view: CaseView, pack: RulePack, decision_date: date,
                    rules: Collection[str] | None = None) -> list[dict[str, Any]]:
    """The finding of each rule family (those named in `rules`, default all) for a parsed case:
    what `evaluate` assembles, and what rule-pack impact compares family by family."""
    return [decide(pack.families[rule], partial(run, view, pack, decision_date))
            for rule, run in FAMILIES if rules is None or rule in rules]


def law_notice(pack: RulePack, decision_date: date) -> str | None:
    """The plain notice shown when the decision date is later than the pack's law date."""
    known = pack.law_known_through
    if known is None or decision_date <= known:
        return None
    return LAW_NOTICE.format(date=known.isoformat())


def summary(findings: list[dict[str, Any]], decision_date: date,
            notice: str | None = None) -> str:
    """One plain-English paragraph: what applies, what is excepted, what is missing."""
    by_outcome: dict[str, list[str]] = {}
    for finding in findings:
        by_outcome.setdefault(finding["outcome"], []).append(finding["title"])
    text = f"{notice} " if notice else ""
    text += (f"Evaluated on {decision_date.isoformat()} against {len(findings)} transit rule "
             "families. ")
    for outcome, (one, many) in OUTCOME_WORDS.items():
        titles = by_outcome.get(outcome)
        if titles:
            text += f"{_listed(titles)} {one if len(titles) == 1 else many}. "
    unsure = [f["title"] for f in findings
              if f["outcome"] == "not_applicable" and f["unverified"]]
    if not any(o in by_outcome for o in OUTCOME_WORDS):
        if unsure or notice:
            text += ("On the rule pack's data none of the rules reaches this case, but that is "
                     "not settled: ")
            text += (f"{_listed(unsure)} {'rests' if len(unsure) == 1 else 'rest'} on rule data "
                     "not verified in the research notes" if unsure else "")
            text += ("; " if unsure and notice else "")
            text += ("the law may have changed since the pack's date" if notice else "")
            text += ". "
        else:
            text += "None of the rules reaches this case. "
    elif by_outcome.get("not_applicable"):
        count = len(by_outcome["not_applicable"])
        text += (f"{count} other {'rule does' if count == 1 else 'rules do'} not reach the "
                 "case" + (f" ({_listed(unsure)} on unverified rule data)" if unsure else "")
                 + ". ")
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


def _listed(titles: list[str]) -> str:
    return titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
