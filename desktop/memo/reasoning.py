"""The determination in plain words: steps and their effect, citations once each, open questions."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.memo.facts import describe_fact, parse_path, unknown_fields
from desktop.memo.language import _, pgettext
from desktop.memo.text import english_date, humanize, outcome_words

_ISO_DATE = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_SNAKE = re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
_CITATION_WORDS = re.compile(r"\b(CFR|FR|INA|U\.S\.C|S\. ?Ct|F\.\s?(?:Supp|\d)|I&N|art\."
                             r"|Proclamation|Stat\.)", re.IGNORECASE)
_SHORTHAND = re.compile(r"^\s*(?:R|V|N)\s*:\s*")
REACHES = ("applies", "exception", "not_in_force", "needs_information")


def plain(value: object, rule_titles: dict[str, str] | None = None) -> str:
    """Engine wording for a reader: rule ids as titles, ISO dates as '3 Oct 2019', no snake_case."""
    words = "" if value is None else str(value)
    for rule, title in (rule_titles or {}).items():
        words = re.sub(rf"\b{re.escape(rule)}\b", title, words)
    words = _ISO_DATE.sub(lambda m: english_date(m.group(1)), words)
    return _SNAKE.sub(lambda m: m.group(0).replace("_", " "), words)


def split_citations(value: object) -> list[str]:
    """'84 FR 33829; 8 CFR 208.13(c)(4)' -> both parts (semicolons inside brackets kept)."""
    parts: list[str] = []
    current: list[str] = []
    depth = 0
    for char in "" if value is None else str(value):
        depth += (char == "(") - (char == ")")
        if char == ";" and depth <= 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def citation_key(citation: str) -> str:
    """What makes two citations the same authority: '84 FR 33829 (2019-07-16)' = '84 FR 33829'."""
    key = citation.split(" (", 1)[0].split(", effective", 1)[0]
    return " ".join(key.split()).lower()


@dataclass
class CitationLedger:
    """Citations shown so far in one section, so each is printed once."""

    shown: dict[str, str] = field(default_factory=dict)

    def new(self, value: object) -> list[str]:
        """The parts of value not shown yet (and now recorded as shown)."""
        fresh = []
        for part in split_citations(value):
            key = citation_key(part)
            if key not in self.shown:
                self.shown[key] = part
                fresh.append(part)
        return fresh


def rule_titles(determination: dict[str, Any]) -> dict[str, str]:
    """Rule id -> title, longest id first (so 'aca' never eats part of a longer id)."""
    titles = {str(f.get("rule")): finding_title(f)
              for f in determination.get("findings") or [] if f.get("rule")}
    return dict(sorted(titles.items(), key=lambda item: -len(item[0])))


def finding_title(finding: dict[str, Any]) -> str:
    """The rule's title (the rule pack's), in the memo's language when the catalog has it."""
    title = finding.get("title")
    return pgettext("rule title", str(title)) if title else humanize(finding.get("rule"))


def reaches_case(finding: dict[str, Any]) -> bool:
    """Whether the rule reaches the case (a full section) or not (one row of a table)."""
    return finding.get("outcome") != "not_applicable"


def exception_name(exception: dict[str, Any]) -> str:
    """'trafficking_victim' -> 'trafficking victim'."""
    name = plain(exception.get("title") or humanize(exception.get("id"))).lower()
    if any(ch.isdigit() for ch in name) and exception.get("text"):  # "proclamation 3b"
        return plain(exception["text"]).lower()
    return name


def matching_exception(step: dict[str, Any], finding: dict[str, Any]) -> dict[str, Any] | None:
    """The exception a step decides, recognised by its citation."""
    citation = str(step.get("citation") or "").strip()
    if not citation:
        return None
    for exception in finding.get("exceptions_considered") or []:
        if str(exception.get("citation") or "").strip() == citation:
            return dict(exception)
    return None


def step_effect(step: dict[str, Any], finding: dict[str, Any]) -> str:
    """What the step's fact does to the outcome, as a positive statement."""
    result = step.get("result")
    exception = matching_exception(step, finding)
    if exception is not None:
        name = exception_name(exception)
        if result is None:
            return _("Open: decides whether the {name} exception is met.").format(name=name)
        return (_("So the {name} exception is met.") if result
                else _("So the {name} exception is not met.")).format(name=name)
    if result is None:
        asked = {str(m.get("field") or "") for m in finding.get("missing_facts") or []}
        if asked & {str(f) for f in step.get("facts") or []}:
            return _("Open: see What is still needed.")
        return _("For the officer to check: no recorded fact decides this.")
    if result:
        return _("Condition met.")
    outcome = finding.get("outcome")
    if outcome == "not_applicable":
        return _("So the rule does not reach this case.")
    if outcome == "not_in_force":
        return _("So the rule cannot be applied on the decision date.")
    return _("Condition not met.")


def exceptions_without_step(finding: dict[str, Any]) -> list[dict[str, Any]]:
    """Exceptions the reasoning does not reach step by step (still listed, with their status)."""
    traced = {str(s.get("citation") or "").strip() for s in finding.get("trace") or []}
    return [dict(e) for e in finding.get("exceptions_considered") or []
            if str(e.get("citation") or "").strip() not in traced]


def exception_status(exception: dict[str, Any]) -> str:
    met = exception.get("met")
    name = exception_name(exception)
    if met is None:
        return _("Open: decides whether the {name} exception is met.").format(name=name)
    return (_("The {name} exception is met.") if met
            else _("The {name} exception is not met.")).format(name=name)


def facts_relied_on(step: dict[str, Any], case: dict[str, Any]) -> list[str]:
    """The step's facts named as the caseworker knows them (decision date left out: shown above)."""
    named = []
    for path in step.get("facts") or []:
        if str(path) == "decision_date":
            continue
        named.append(describe_fact(str(path), case))
    return list(dict.fromkeys(named))


def not_reaching_reason(finding: dict[str, Any], titles: dict[str, str]) -> tuple[str, str]:
    """Why a rule does not reach the case, and the one citation for it."""
    for step in finding.get("trace") or []:
        if step.get("result") is False:
            cites = split_citations(step.get("citation"))
            return plain(step.get("step"), titles), "; ".join(cites[:2])
    cites = split_citations((finding.get("citations") or [""])[0])
    return plain(finding.get("consequence") or "Does not reach the case.", titles), \
        "; ".join(cites[:2])


def unverified_explanations(finding: dict[str, Any], titles: dict[str, str]) -> list[str]:
    """Each unverified item of rule data in plain words: what, and the source to check it in."""
    explanations = []
    for item in finding.get("unverified") or []:
        what_raw = str(item.get("what") or item.get("item") or "") if isinstance(item, dict) \
            else str(item)
        source = str(item.get("source") or "") if isinstance(item, dict) else ""
        match = re.match(r"^exception (\S+) \((.*)\)$", what_raw)
        of_citation = re.match(r"^the exception of (.*)$", what_raw)
        named = next((e for e in finding.get("exceptions_considered") or []
                      if of_citation and str(e.get("citation")) == of_citation.group(1)), None)
        if match:
            what = f"the wording of the {plain(match.group(1))} exception"
            source = source or match.group(2)
        elif of_citation:
            what = (f"the wording of the {exception_name(named)} exception" if named
                    else f"the wording of the exception of {of_citation.group(1)}")
            source = source or of_citation.group(1)
        else:
            tail = re.search(r"\(([^()]*)\)\s*$", what_raw)
            if tail and _CITATION_WORDS.search(tail.group(1)):
                source = source or tail.group(1)
                what_raw = what_raw[:tail.start()].strip()
            what = plain(what_raw, titles)
        if _SHORTHAND.match(source):
            source = _SHORTHAND.sub("", source)
        against = f"its primary source ({source})" if source else \
            "its primary source (the official text of the law or agreement)"
        explanations.append(
            f"{what[:1].upper()}{what[1:]} has not been checked against {against}.")
    return list(dict.fromkeys(explanations))


@dataclass(frozen=True)
class OpenQuestion:
    """A question whose answer decides one or more outcomes."""

    field: str
    question: str
    answers: tuple[tuple[str, tuple[str, ...]], ...]  # answer -> 'Rule: outcome' per rule


def _answer_outcome(outcome: str) -> str:
    """What one answer leads to; 'needs information' said as what it means here."""
    if outcome == "needs_information":
        return _("still depends on the other open questions")
    return outcome_words(outcome).lower()


def _answer_words(answer: object) -> str:
    text = str(answer)
    return {"true": _("Yes"), "false": _("No")}.get(text.lower(), plain(text))


def open_questions(determination: dict[str, Any]) -> list[OpenQuestion]:
    """Every question of every finding, merged by field and question, in the findings' order."""
    merged: dict[tuple[str, str], dict[str, list[str]]] = {}
    titles = rule_titles(determination)
    for finding in determination.get("findings") or []:
        for fact in finding.get("missing_facts") or []:
            key = (str(fact.get("field") or ""), plain(fact.get("question") or "", titles))
            answers = merged.setdefault(key, {})
            for answer, outcome in (fact.get("answers") or {}).items():
                answers.setdefault(_answer_words(answer), []).append(
                    _("{rule}: {outcome}").format(rule=finding_title(finding),
                                                  outcome=_answer_outcome(str(outcome))))
    return [OpenQuestion(field_path, question,
                         tuple((a, tuple(dict.fromkeys(o))) for a, o in answers.items()))
            for (field_path, question), answers in merged.items()]


def unknown_but_not_needed(case: dict[str, Any], determination: dict[str, Any]) -> list[str]:
    """Facts recorded as unknown that no finding needed, named for the caseworker."""
    asked = [parse_path(str(f.get("field") or ""))
             for finding in determination.get("findings") or []
             for f in finding.get("missing_facts") or []]
    names = []
    for path in unknown_fields(case):
        parts = parse_path(path)
        if any(parts[:len(a)] == a or a[:len(parts)] == parts for a in asked if a):
            continue
        label = describe_fact(path, case)
        names.append(label.rsplit(": unknown", 1)[0])
    return list(dict.fromkeys(names))
