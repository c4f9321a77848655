"""The guided steps of a case, in order, and which step owns which case-file field."""

from __future__ import annotations

from enum import Enum

from desktop.flow.field_paths import FieldPath, as_path


class Step(Enum):
    """One page of the guided case flow."""

    APPLICANT = "applicant"
    ENTRY = "entry"
    JOURNEY = "journey"
    PROTECTION_CLAIMS = "protection_claims"
    CIRCUMSTANCES = "circumstances"
    REVIEW = "review"
    MEMO = "memo"

    @property
    def title(self) -> str:
        return _TITLES[self]

    @property
    def index(self) -> int:
        return STEPS.index(self)

    @property
    def collects_answers(self) -> bool:
        """Review and Memo show results; the other steps hold answers."""
        return self not in (Step.REVIEW, Step.MEMO)


_TITLES = {
    Step.APPLICANT: "Applicant",
    Step.ENTRY: "Entry",
    Step.JOURNEY: "Journey",
    Step.PROTECTION_CLAIMS: "Protection claims",
    Step.CIRCUMSTANCES: "Circumstances",
    Step.REVIEW: "Review",
    Step.MEMO: "Memo",
}

STEPS: tuple[Step, ...] = tuple(Step)
ANSWER_STEPS: tuple[Step, ...] = tuple(step for step in STEPS if step.collects_answers)


def step_for_path(path: FieldPath | str) -> Step:
    """The step whose page edits the field at `path` (a fact path or JSON pointer)."""
    parts = as_path(path)
    head = parts[0] if parts else ""
    if head == "applicant":
        return Step.APPLICANT
    if head == "entry":
        return Step.ENTRY
    if head == "journey":
        if "protection_claims" in parts:
            return Step.PROTECTION_CLAIMS
        return Step.JOURNEY
    if head in ("circumstances", "notes"):
        return Step.CIRCUMSTANCES
    if head == "decision_date":
        return Step.REVIEW
    return Step.APPLICANT
