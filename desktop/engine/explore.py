"""Decides a rule family under unknown facts by trying each answer; asks only if they differ."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.engine.pack import FamilyPack
from desktop.engine.reasoning import Facts, FindingBuilder, Unknown

RuleRun = Callable[[Facts, FindingBuilder], dict[str, Any]]
MAX_RUNS = 128
OUTCOME_PHRASES = {
    "applies": "the rule applies",
    "exception": "an exception is met",
    "not_in_force": "the rule may not be applied on the decision date",
    "not_applicable": "the rule does not reach the case",
    "needs_information": "more facts are needed",
}


def decide(family: FamilyPack, run: RuleRun) -> dict[str, Any]:
    """Run the rule; if it meets unknown facts, run it once per combination of answers."""
    facts = Facts({})
    out = FindingBuilder(family, facts)
    try:
        return run(facts, out)
    except Unknown as first:
        prefix = list(out.trace)
        questions: dict[str, Unknown] = {first.key: first}
        pending = [{first.key: (label, value, first.field, first.question)}
                   for label, value in _distinct(first.options)]
    leaves: list[tuple[dict[str, tuple[str, Any, str, str]], dict[str, Any]]] = []
    runs = 0
    complete = True
    while pending:
        if runs >= MAX_RUNS:
            complete = False
            break
        runs += 1
        assumed = pending.pop(0)
        facts = Facts(assumed)
        try:
            leaves.append((assumed, run(facts, FindingBuilder(family, facts))))
        except Unknown as more:
            questions.setdefault(more.key, more)
            pending.extend({**assumed, more.key: (label, value, more.field, more.question)}
                           for label, value in _distinct(more.options))
    return _merge(family, prefix, questions, leaves, complete)


def _merge(family: FamilyPack, prefix: list[dict[str, Any]], questions: dict[str, Unknown],
           leaves: list[tuple[dict[str, tuple[str, Any, str, str]], dict[str, Any]]],
           complete: bool) -> dict[str, Any]:
    outcomes = {finding["outcome"] for _a, finding in leaves}
    base = dict(leaves[0][1])
    base["exceptions_considered"] = _merged_exceptions(leaves)
    base["unverified"] = _union(f["unverified"] for _a, f in leaves)
    base["citations"] = _union(f["citations"] for _a, f in leaves)
    if complete and len(outcomes) == 1:
        outcome = outcomes.pop()
        receiving = [c for c in leaves[0][1]["receiving_countries"]
                     if all(c in f["receiving_countries"] for _a, f in leaves)]
        base["receiving_countries"] = receiving
        asked = "; ".join(dict.fromkeys(q.question for q in questions.values()))
        note = {"step": f"Facts not recorded ({asked}) were tried with every possible answer: "
                        f"{OUTCOME_PHRASES[outcome]} in each case, so they are not asked",
                "result": None, "facts": list(dict.fromkeys(q.field for q in questions.values())),
                "citation": "", "verified": True}
        base["trace"] = prefix + [note] + leaves[0][1]["trace"][len(prefix):]
        return base
    missing: list[dict[str, Any]] = []
    for key, question in questions.items():
        answers: dict[str, str] = {}
        for label, value in question.options:
            tried = _representative(question.options, label, value)
            seen = {f["outcome"] for a, f in leaves if a.get(key, ("",))[0] == tried}
            if seen:
                # runs that never asked this question were decided by other open questions:
                # they remain possible whatever this answer is (unless the question itself
                # states its condition: "If the crossing was in Pacific time: …")
                if not question.question.startswith("If "):
                    seen |= {f["outcome"] for a, f in leaves if key not in a}
                answers[label] = seen.pop() if len(seen) == 1 else "needs_information"
            elif not complete:
                answers[label] = "needs_information"
        if len(answers) > 1 and (not complete or _changes_outcome(key, leaves)):
            missing.append({"field": question.field, "question": question.question,
                            "answers": answers})
    possible = [OUTCOME_PHRASES[o] for o in OUTCOME_PHRASES if o in outcomes]
    base["outcome"] = "needs_information"
    base["consequence"] = (
        "Cannot be decided on the facts recorded. Depending on the answers to the questions "
        f"listed, {' or '.join(possible)}. The officer establishes these facts, evaluates "
        "again and decides."
    )
    base["receiving_countries"] = _union(f["receiving_countries"] for _a, f in leaves)
    base["missing_facts"] = missing
    base["trace"] = prefix + [{
        "step": "The outcome depends on facts that are unknown, partial or contradictory: "
                + "; ".join(m["question"] for m in missing),
        "result": None, "facts": [m["field"] for m in missing], "citation": "", "verified": True,
    }]
    return base


Leaf = tuple[dict[str, tuple[str, Any, str, str]], dict[str, Any]]


def _changes_outcome(key: str, leaves: list[Leaf]) -> bool:
    """Whether changing only this answer, the others held equal, changes the outcome.

    Two runs that agree on every other question they both asked and differ in this answer
    and in outcome show that the fact matters; without such a pair it never decides anything
    (its answers may still read "needs_information" because other facts decide).
    """
    for i, (first, first_finding) in enumerate(leaves):
        if key not in first:
            continue
        for second, second_finding in leaves[i + 1:]:
            if (key in second and second[key][0] != first[key][0]
                    and second_finding["outcome"] != first_finding["outcome"]
                    and all(first[k][0] == second[k][0] for k in first.keys() & second.keys()
                            if k != key)):
                return True
    return False


def _merged_exceptions(
        leaves: list[tuple[dict[str, tuple[str, Any, str, str]], dict[str, Any]]]
) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for _assumed, finding in leaves:
        for item in finding["exceptions_considered"]:
            known = merged.get(item["id"])
            if known is None:
                merged[item["id"]] = dict(item)
            elif known["met"] != item["met"]:
                known["met"] = None
    return list(merged.values())


def _union(lists: Any) -> list[Any]:
    result: list[Any] = []
    for items in lists:
        for item in items:
            if item not in result:
                result.append(item)
    return result


def _distinct(options: Any) -> list[tuple[str, Any]]:
    """One answer per distinct value: answers that assume the same value give the same run."""
    result: list[tuple[str, Any]] = []
    for label, value in options:
        if all(value != other for _l, other in result):
            result.append((label, value))
    return result


def _representative(options: Any, label: str, value: Any) -> str:
    """The label whose run stands for `label` (the first answer with the same value)."""
    return next((first for first, other in options if other == value), label)
