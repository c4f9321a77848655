"""The officer's determination: her conclusion on each finding, and the open questions she
decides without (with why). A final record needs both complete (see check_record)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

Conclusion = Literal["agree", "differ", "not_decided"]
CONCLUSIONS: tuple[Conclusion, ...] = ("agree", "differ", "not_decided")
ALIASES: dict[str, Conclusion] = {"agree": "agree", "differ": "differ",
                                  "not_decided": "not_decided", "undecided": "not_decided",
                                  "not-decided": "not_decided"}
CONCLUSION_WORDS = {"agree": "Agrees with the finding", "differ": "Differs from the finding",
                    "not_decided": "Not decided here"}
MAX_REASON = 4000


class RecordError(ValueError):
    """An officer's determination that cannot be final (one clear line per problem)."""


@dataclass(frozen=True)
class RuleConclusion:
    """What the officer concluded on one rule family's finding."""

    rule: str
    conclusion: Conclusion
    reason: str = ""


@dataclass(frozen=True)
class DecidedWithout:
    """A still-needed question the officer decides without, and why."""

    field: str
    question: str
    reason: str


@dataclass(frozen=True)
class OpenQuestion:
    """A question still needed on the decision date: the case-file field and how it is asked."""

    field: str
    question: str
    rules: tuple[str, ...]


@dataclass(frozen=True)
class OfficerDetermination:
    """The officer's own record, kept apart from Waypoint's findings."""

    officer: str
    conclusions: tuple[RuleConclusion, ...]
    decided_without: tuple[DecidedWithout, ...] = ()
    decision_date: str = ""
    time_zone: str = ""
    signer_certificate_sha256: str | None = field(default=None)
    date_source: str = "case"  # "today": pinned at finalize from the office clock

    def as_json(self) -> dict[str, Any]:
        """The shape of `officer_determination` in the determination contract."""
        return {
            "officer": self.officer,
            "signer_certificate_sha256": self.signer_certificate_sha256,
            "decision_date": self.decision_date,
            "time_zone": self.time_zone,
            "decision_date_source": self.date_source,
            "conclusions": [{"rule": c.rule, "conclusion": c.conclusion,
                             **({"reason": c.reason} if c.reason else {})}
                            for c in self.conclusions],
            "decided_without": [{"field": d.field, "question": d.question, "reason": d.reason}
                                for d in self.decided_without],
        }


def open_questions(determination: dict[str, Any]) -> list[OpenQuestion]:
    """Every still-needed question of a determination, once per field, in finding order."""
    found: dict[str, OpenQuestion] = {}
    for finding in determination.get("findings") or []:
        if finding.get("outcome") != "needs_information":
            continue
        for missing in finding.get("missing_facts") or []:
            where = str(missing.get("field") or "")
            if not where:
                continue
            known = found.get(where)
            rule = str(finding.get("rule"))
            if known is None:
                found[where] = OpenQuestion(where, str(missing.get("question") or where), (rule,))
            elif rule not in known.rules:
                found[where] = OpenQuestion(where, known.question, (*known.rules, rule))
    return list(found.values())


def check_record(record: OfficerDetermination, determination: dict[str, Any]) -> list[str]:
    """What keeps the record from being final: a finding without a conclusion, a conclusion
    without its reason, an open question neither answered nor decided without."""
    problems: list[str] = []
    if not record.officer.strip():
        problems.append("the officer's name is missing")
    rules = [str(f.get("rule")) for f in determination.get("findings") or []]
    given = {c.rule: c for c in record.conclusions}
    for rule in rules:
        conclusion = given.get(rule)
        if conclusion is None:
            problems.append(f"{rule}: no conclusion (agree, differ or not_decided)")
        elif conclusion.conclusion != "agree" and not conclusion.reason.strip():
            problems.append(f"{rule}: '{conclusion.conclusion}' needs a reason in words")
    problems += [f"{rule}: no such rule family in this determination"
                 for rule in given if rule not in rules]
    explained = {d.field: d for d in record.decided_without}
    for question in open_questions(determination):
        reason = explained.get(question.field)
        if reason is None:
            problems.append(f"open question {question.field} ({question.question}): answer it, "
                            "or say why you decide without it")
        elif not reason.reason.strip():
            problems.append(f"open question {question.field}: the reason is empty")
    return problems


def parse_conclusion(text: str) -> RuleConclusion:
    """`RULE=agree`, `RULE=differ:reason` or `RULE=not_decided:reason` (also `undecided:`)."""
    rule, sep, rest = text.partition("=")
    word, _colon, reason = rest.partition(":")
    kind = ALIASES.get(word.strip().lower())
    if not sep or not rule.strip() or kind is None:
        raise RecordError(f"--conclusion {text!r}: expected RULE=agree, RULE=differ:\"reason\" "
                          "or RULE=not_decided:\"reason\"")
    return RuleConclusion(rule.strip(), kind, _reason(reason, text))


def parse_decided_without(text: str, questions: list[OpenQuestion]) -> DecidedWithout:
    """`FIELD=reason`: decide without the open question on FIELD."""
    where, sep, reason = text.partition("=")
    if not sep or not where.strip():
        raise RecordError(f"--decide-without {text!r}: expected QUESTION_FIELD=\"why\"")
    asked = {q.field: q.question for q in questions}
    return DecidedWithout(where.strip(), asked.get(where.strip(), where.strip()),
                          _reason(reason, text))


def _reason(reason: str, where: str) -> str:
    reason = " ".join(reason.split())
    if len(reason) > MAX_REASON:
        raise RecordError(f"{where[:40]!r}…: a reason is at most {MAX_REASON} characters")
    return reason


def read_conclusions_file(path: Path, questions: list[OpenQuestion]
                          ) -> tuple[list[RuleConclusion], list[DecidedWithout]]:
    """The conclusions and decided_without of a JSON file holding the contract's object."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as problem:
        raise RecordError(f"{path}: cannot read it ({problem})") from None
    except ValueError as problem:
        raise RecordError(f"{path}: not JSON ({problem})") from None
    if isinstance(data, dict) and isinstance(data.get("officer_determination"), dict):
        data = data["officer_determination"]
    if not isinstance(data, dict):
        raise RecordError(f"{path}: expected a JSON object with \"conclusions\"")
    conclusions, without = [], []
    for index, item in enumerate(_list(data.get("conclusions"), path, "conclusions")):
        kind = ALIASES.get(str(item.get("conclusion", "")).lower())
        if kind is None or not isinstance(item.get("rule"), str):
            raise RecordError(f"{path}: conclusions[{index}]: needs \"rule\" and \"conclusion\" "
                              "(agree, differ or not_decided)")
        reason = _reason(str(item.get("reason") or ""), str(path))
        conclusions.append(RuleConclusion(item["rule"], kind, reason))
    asked = {q.question: q.field for q in questions}
    for index, item in enumerate(_list(data.get("decided_without"), path, "decided_without")):
        where = item.get("field") or asked.get(str(item.get("question")))
        if not isinstance(where, str) or not where:
            raise RecordError(f"{path}: decided_without[{index}]: names no open question "
                              "(\"field\" or the \"question\" as asked)")
        question = next((q.question for q in questions if q.field == where), where)
        without.append(DecidedWithout(where, question,
                                      _reason(str(item.get("reason") or ""), str(path))))
    return conclusions, without


def _list(value: object, path: Path, key: str) -> list[dict[str, Any]]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise RecordError(f"{path}: \"{key}\" must be a list of objects")
    return value
