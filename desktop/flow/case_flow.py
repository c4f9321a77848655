"""The guided case flow as a state machine over one case-file dict."""

from __future__ import annotations

import copy
from enum import Enum
from typing import Any

from desktop.case_rules.text import normalise_text
from desktop.case_rules.text_fields import is_multiline_key
from desktop.flow.case_template import blank_case, blank_claim, blank_stop
from desktop.flow.field_paths import FieldPath, as_path, get_value, set_value
from desktop.flow.steps import ANSWER_STEPS, STEPS, Step, step_for_path
from desktop.flow.validation import Problem, Severity, validate_step


class StepState(Enum):
    """What the step list shows beside a step."""

    NOT_STARTED = "not_started"
    INCOMPLETE = "incomplete"
    COMPLETE = "complete"
    PROBLEMS = "problems"


class ReadOnlyCaseError(RuntimeError):
    """Raised when a finalized case is changed without starting an amendment."""


def _fill_defaults(target: dict[str, Any], defaults: dict[str, Any]) -> None:
    for key, value in defaults.items():
        if key not in target:
            target[key] = copy.deepcopy(value)
        elif isinstance(value, dict) and isinstance(target[key], dict) and value:
            _fill_defaults(target[key], value)


class CaseFlow:
    """Holds the answers (the case-file dict), the current step and which steps were seen.

    Moving between steps never touches the answers, so forward and back lose nothing.
    """

    def __init__(self, data: dict[str, Any] | None = None, *, read_only: bool = False) -> None:
        self.data: dict[str, Any] = {}
        self.current: Step = Step.APPLICANT
        self.visited: set[Step] = {Step.APPLICANT}
        self.read_only = read_only
        self.reset(data if data is not None else blank_case(), read_only=read_only)

    def reset(self, data: dict[str, Any], *, read_only: bool = False) -> None:
        """Take over a stored case: its answers, and the steps that already hold answers."""
        self.data = copy.deepcopy(data)
        _fill_defaults(
            self.data,
            {
                "format": "waypoint-case/1",
                "applicant": {},
                "entry": {},
                "journey": [],
                "circumstances": {},
            },
        )
        self.read_only = read_only
        self.current = Step.APPLICANT
        blank = blank_case()
        self.visited = {Step.APPLICANT}
        for step, key in _STEP_SECTIONS.items():
            if self.data.get(key) != blank.get(key):
                self.visited.add(step)
        if any(
            isinstance(stop, dict) and stop.get("protection_claims") is not None
            for stop in self.journey
        ):
            self.visited.add(Step.PROTECTION_CLAIMS)
        if read_only:  # a finalized case went through every step: none is "not started"
            self.visited = set(STEPS)

    # -- moving -------------------------------------------------------------------------
    def go_to(self, step: Step) -> Step:
        self.current = step
        self.visited.add(step)
        return step

    def next(self) -> Step:
        if self.current.index + 1 < len(STEPS):
            self.go_to(STEPS[self.current.index + 1])
        return self.current

    def previous(self) -> Step:
        if self.current.index > 0:
            self.go_to(STEPS[self.current.index - 1])
        return self.current

    @property
    def at_first(self) -> bool:
        return self.current is STEPS[0]

    @property
    def at_last(self) -> bool:
        return self.current is STEPS[-1]

    def go_to_field(self, path: FieldPath | str) -> Step:
        """Open the step that edits a field (from a review link or a fact in the why tree)."""
        return self.go_to(step_for_path(path))

    # -- answers ------------------------------------------------------------------------
    def answer(self, path: FieldPath | str, default: Any = None) -> Any:
        return get_value(self.data, path, default)

    def set_answer(self, path: FieldPath | str, value: Any) -> bool:
        """Store an answer; True when it changed anything."""
        self._check_writable()
        parts = as_path(path)
        if isinstance(value, str):  # NFC, as every other way in (docs/text-fields.md)
            value = normalise_text(value, multiline=is_multiline_key(parts[-1] if parts else ""))
        if get_value(self.data, parts, _MISSING) == value:
            return False
        set_value(self.data, parts, copy.deepcopy(value))
        self.visited.add(step_for_path(parts))
        return True

    def _check_writable(self) -> None:
        if self.read_only:
            raise ReadOnlyCaseError("This case is finalized; start an amendment to change it")

    @property
    def journey(self) -> list[dict[str, Any]]:
        journey = self.data.setdefault("journey", [])
        assert isinstance(journey, list)
        return journey

    def add_stop(self, index: int | None = None, country: str | None = None) -> int:
        """Add a stop at `index` (default: the end); return where it went."""
        self._check_writable()
        position = len(self.journey) if index is None else max(0, min(index, len(self.journey)))
        self.journey.insert(position, blank_stop(country))
        self.visited.add(Step.JOURNEY)
        return position

    def remove_stop(self, index: int) -> dict[str, Any]:
        self._check_writable()
        return self.journey.pop(index)

    def restore_stop(self, index: int, stop: dict[str, Any]) -> int:
        """Put back a stop that remove_stop() returned (undo); return where it went."""
        self._check_writable()
        position = max(0, min(index, len(self.journey)))
        self.journey.insert(position, copy.deepcopy(stop))
        return position

    def move_stop(self, source: int, destination: int) -> int:
        """Move one stop so that it ends up at `destination`; return its new index."""
        self._check_writable()
        destination = max(0, min(destination, len(self.journey) - 1))
        stop = self.journey.pop(source)
        self.journey.insert(destination, stop)
        return destination

    def claims(self, stop_index: int) -> list[dict[str, Any]]:
        """The stop's claims, making the answer "asked" (a list) if it was not yet."""
        stop = self.journey[stop_index]
        if not isinstance(stop.get("protection_claims"), list):
            stop["protection_claims"] = []
        claims = stop["protection_claims"]
        assert isinstance(claims, list)
        return claims

    def claims_asked(self, stop_index: int) -> bool:
        """False while nobody said whether a claim was made at this stop (null)."""
        return isinstance(self.journey[stop_index].get("protection_claims"), list)

    def set_no_claims(self, stop_index: int) -> None:
        """The answer "asked; no claim made here" (`[]`)."""
        self._check_writable()
        self.journey[stop_index]["protection_claims"] = []
        self.visited.add(Step.PROTECTION_CLAIMS)

    def set_claims_not_asked(self, stop_index: int) -> None:
        """Back to "not asked yet" (`null`), allowed only while no claim is listed."""
        self._check_writable()
        if not self.journey[stop_index].get("protection_claims"):
            self.journey[stop_index]["protection_claims"] = None

    def add_claim(self, stop_index: int) -> int:
        self._check_writable()
        claims = self.claims(stop_index)
        claims.append(blank_claim())
        self.visited.add(Step.PROTECTION_CLAIMS)
        return len(claims) - 1

    def remove_claim(self, stop_index: int, claim_index: int) -> dict[str, Any]:
        self._check_writable()
        return self.claims(stop_index).pop(claim_index)

    # -- checking -----------------------------------------------------------------------
    def problems(self, step: Step | None = None) -> list[Problem]:
        steps = (step,) if step is not None else STEPS
        return [problem for one in steps for problem in validate_step(one, self.data)]

    def errors(self, step: Step | None = None) -> list[Problem]:
        return [p for p in self.problems(step) if p.severity is Severity.ERROR]

    def step_state(self, step: Step) -> StepState:
        if step.collects_answers:
            found = self.problems(step)
            if any(p.severity is Severity.ERROR for p in found):
                return StepState.PROBLEMS
            if step not in self.visited:
                return StepState.NOT_STARTED
            return StepState.INCOMPLETE if found else StepState.COMPLETE
        if step is Step.REVIEW:
            if step not in self.visited:
                return StepState.NOT_STARTED
            return StepState.COMPLETE if self.is_complete() else StepState.INCOMPLETE
        if self.read_only:
            return StepState.COMPLETE
        return StepState.NOT_STARTED if step not in self.visited else StepState.INCOMPLETE

    def unknown_answers(self, step: Step) -> int:
        """How many of the step's answers are still Unknown (null), shown beside its mark."""
        if step is Step.PROTECTION_CLAIMS:
            return sum(
                _count_nulls(stop.get("protection_claims"))
                for stop in self.journey
                if isinstance(stop, dict) and isinstance(stop.get("protection_claims"), list)
            )
        if step is Step.JOURNEY:
            return sum(
                _count_nulls({k: v for k, v in stop.items() if k != "protection_claims"})
                for stop in self.journey
                if isinstance(stop, dict)
            )
        key = _STEP_SECTIONS.get(step)
        return _count_nulls(self.data.get(key)) if key else 0

    def step_states(self) -> dict[Step, StepState]:
        return {step: self.step_state(step) for step in STEPS}

    def is_complete(self) -> bool:
        """Every answer step has what it needs and nothing is wrong."""
        return not any(self.problems(step) for step in ANSWER_STEPS)


def _count_nulls(value: object) -> int:
    if value is None:
        return 1
    if isinstance(value, dict):
        return sum(_count_nulls(item) for item in value.values())
    if isinstance(value, list):
        return sum(_count_nulls(item) for item in value)
    return 0


_MISSING = object()
_STEP_SECTIONS = {
    Step.APPLICANT: "applicant",
    Step.ENTRY: "entry",
    Step.JOURNEY: "journey",
    Step.CIRCUMSTANCES: "circumstances",
}
