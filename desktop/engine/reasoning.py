"""Facts that may be unknown, and the builder that records a finding's trace as a rule runs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from desktop.engine.dates import PartialDate
from desktop.engine.pack import ExceptionSpec, FamilyPack, Provenance

T = TypeVar("T")
Options = Sequence[tuple[str, Any]]
TRI_OPTIONS: Options = (("true", True), ("false", False))  # case-file values (contract)


class Unknown(Exception):
    """Raised when a rule needs a fact the case does not settle; the explorer tries each answer."""

    def __init__(self, key: str, field_path: str, question: str, options: Options) -> None:
        super().__init__(key)
        self.key = key
        self.field = field_path
        self.question = question
        self.options = options


class Facts:
    """Answers assumed for unknown facts in one run of a rule (empty on the first run)."""

    __slots__ = ("assumed",)

    def __init__(self, assumed: dict[str, tuple[str, Any, str, str]]) -> None:
        self.assumed = assumed  # key -> (answer label, value, field, question)

    def choose(self, key: str, field_path: str, question: str, options: Options) -> Any:
        hit = self.assumed.get(key)
        if hit is not None:
            return hit[1]
        raise Unknown(key, field_path, question, options)

    def tri(self, value: bool | None, field_path: str, question: str,
            key: str | None = None) -> bool:
        """A tri-state fact: its value if known, else each answer in turn."""
        if value is not None:
            return value
        return bool(self.choose(key or field_path, field_path, question, TRI_OPTIONS))

    def on_or_after(self, when: PartialDate, threshold: date, field_path: str, what: str) -> bool:
        """Whether a date with precision is on or after `threshold`; asks if it straddles it."""
        if when.first >= threshold:
            return True
        if when.last < threshold:
            return False
        day = threshold.isoformat()
        return bool(self.choose(
            f"{field_path}@{day}", field_path,
            f"{what} is recorded only as {when.text}: was it before {day} or on or after {day}?",
            ((f"before {day}", False), (f"on or after {day}", True)),
        ))

    def before(self, when: PartialDate, threshold: date, field_path: str, what: str) -> bool:
        return not self.on_or_after(when, threshold, field_path, what)

    def probe(self, check: Callable[[], T]) -> T | None:
        """Run a check without branching: None when it needs an unknown fact."""
        try:
            return check()
        except Unknown:
            return None

    def assumed_label(self, paths: Sequence[str]) -> str | None:
        for _key, (label, _value, path, question) in self.assumed.items():
            if path in paths:
                return f'the answer is "{label_words(label)}" to: {question}'
        return None


def label_words(label: str) -> str:
    """An answer label in words: case-file values (`true`, `not_established`) made readable."""
    return {"true": "yes", "false": "no"}.get(label, label.replace("_", " "))


@dataclass(frozen=True, slots=True)
class Check:
    """The result of testing one exception or condition, with the words for the trace."""

    met: bool
    text: str
    facts: tuple[str, ...]
    verified: bool = True
    unverified: tuple[tuple[str, str], ...] = ()


class FindingBuilder:
    """Collects the trace, exceptions and citations of one finding while a rule runs."""

    __slots__ = ("family", "facts", "trace", "exceptions", "citations", "unverified",
                 "receiving")

    def __init__(self, family: FamilyPack, facts: Facts) -> None:
        self.family = family
        self.facts = facts
        self.trace: list[dict[str, Any]] = []
        self.exceptions: list[dict[str, Any]] = []
        self.citations: dict[str, None] = {}  # ordered set
        self.unverified: list[dict[str, str]] = []
        self.receiving: list[str] = []

    def step(self, text: str, result: bool | None, facts: Sequence[str] = (),
             citation: str = "", verified: bool = True) -> None:
        if self.facts.assumed:
            assumed = self.facts.assumed_label(facts)
            if assumed is not None:
                text = f"{text} (if {assumed})"
        self.trace.append({"step": text, "result": result, "facts": list(facts),
                           "citation": citation, "verified": verified})
        if citation:
            self.cite(citation)

    def rests_on(self, provenance: Provenance, what: str) -> bool:
        """Record reliance on pack data; returns its verified flag for the step."""
        if not provenance.verified:
            self.flag(what, provenance.note or "not verified in the research notes")
        return provenance.verified

    def flag(self, what: str, note: str) -> None:
        entry = {"what": what, "note": note}
        if entry not in self.unverified:
            self.unverified.append(entry)

    def cite(self, citation: str) -> None:
        self.citations[citation] = None

    def check_step(self, spec_id: str, check: Check) -> None:
        spec = self.spec(spec_id)
        verified = check.verified and (spec.provenance.verified or not check.met)
        if check.met and not spec.provenance.verified:
            self.flag(f"the exception of {spec.provenance.citation}",
                      spec.provenance.note or "wording not verified")
        for what, note in check.unverified:
            self.flag(what, note)
        self.step(check.text, check.met, check.facts, spec.provenance.citation, verified)

    def spec(self, spec_id: str) -> ExceptionSpec:
        return self.family.exceptions[spec_id]

    def exception(self, spec_id: str, met: bool | None) -> None:
        spec = self.spec(spec_id)
        self.exceptions.append({"id": spec.id, "text": spec.text, "met": met,
                                "citation": spec.provenance.citation,
                                "verified": spec.provenance.verified})
        if met is not None and not spec.provenance.verified:
            self.flag(f"the exception of {spec.provenance.citation}",
                      spec.provenance.note or "wording not verified")

    def finish(self, outcome: str, consequence: str) -> dict[str, Any]:
        for citation in self.family.citations:
            self.cite(citation)
        return {
            "rule": self.family.rule,
            "title": self.family.title,
            "outcome": outcome,
            "consequence": consequence,
            "receiving_countries": list(self.receiving),
            "exceptions_considered": self.exceptions,
            "missing_facts": [],
            "citations": list(self.citations),
            "trace": self.trace,
            "unverified": self.unverified,
        }


def first_met(facts: Facts, checks: Sequence[tuple[str, Callable[[], Check]]],
              out: FindingBuilder) -> str | None:
    """Test exceptions, those the facts settle first; record each; return the first one met."""
    probed: dict[str, Check | None] = {spec_id: facts.probe(fn) for spec_id, fn in checks}
    met_id = next((i for i, c in probed.items() if c is not None and c.met), None)
    if met_id is None:
        for spec_id, fn in checks:
            if probed[spec_id] is None:
                checked = fn()  # may raise Unknown: the explorer then tries each answer
                probed[spec_id] = checked
                if checked.met:
                    met_id = spec_id
                    break
    for spec_id, _fn in checks:
        result = probed[spec_id]
        out.exception(spec_id, None if result is None else result.met)
        if result is not None and (result.met or met_id is None):
            out.check_step(spec_id, result)
    return met_id
