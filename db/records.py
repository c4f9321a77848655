"""Plain records the storage layer hands out: no database objects leak past it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

CaseStatus = Literal["draft", "determined", "finalized"]
MemoStatus = Literal["draft", "final"]


@dataclass(frozen=True)
class CaseSummary:
    """One row of the case list."""

    case_id: str
    display_name: str
    a_number: str | None
    nationality: str | None
    entry_date: str | None
    status: CaseStatus
    updated_at: datetime


@dataclass(frozen=True)
class StoredCase:
    """A case as saved: the case-file JSON (a draft may be incomplete) and its state."""

    case_id: str
    case_data: dict[str, Any]
    status: CaseStatus
    updated_at: datetime
    created_at: datetime | None = None
    case_ref: str | None = None
    version: int = 1  # raised by every save; a save against an older version is refused


@dataclass(frozen=True)
class StoredDetermination:
    """A determination as recorded, with what is needed to reproduce it."""

    determination_id: int
    case_id: str
    determination: dict[str, Any]
    decision_date: str | None
    rules_version: str | None
    rules_hash: str | None
    engine_version: str | None
    facts_digest: str
    created_at: datetime


@dataclass(frozen=True)
class StoredMemo:
    """A memo PDF as stored; a final memo never changes, an amendment supersedes it."""

    memo_id: int
    case_id: str
    status: MemoStatus
    pdf_bytes: bytes = field(repr=False)
    sha256: str
    created_at: datetime
    determination_id: int | None = None
    finalized_by: str | None = None
    finalized_at: datetime | None = None
    supersedes_id: int | None = None
    decision_date: str | None = None  # pinned at finalize (YYYY-MM-DD)
    time_zone: str | None = None
    officer_determination: dict[str, Any] | None = None


@dataclass(frozen=True)
class FinalRecord:
    """What a final memo row keeps beside the PDF: the pinned decision date, the office time
    zone it was read in, and the officer's determination (the contract's JSON object)."""

    decision_date: str | None = None
    time_zone: str | None = None
    officer_determination: dict[str, Any] | None = None


ProblemKind = Literal["entry", "memo", "determination", "case", "receipt", "anchor"]
PROBLEM_SUBJECTS = {"entry": "audit entry", "memo": "memo", "determination": "determination",
                    "case": "case", "receipt": "receipts file", "anchor": "anchor"}


@dataclass(frozen=True)
class AuditProblem:
    """One thing `audit verify` found wrong, naming the entry (or row, or receipt) it concerns."""

    kind: ProblemKind
    ident: int | str
    message: str

    def __str__(self) -> str:
        if self.kind in ("case", "receipt", "anchor"):  # the message names the case or line itself
            return f"{PROBLEM_SUBJECTS[self.kind]}: {self.message}"
        return f"{PROBLEM_SUBJECTS[self.kind]} {self.ident}: {self.message}"


@dataclass(frozen=True)
class AuditReport:
    """The result of checking the audit chain and the memos' SHA-256."""

    entries_checked: int
    memos_checked: int
    problems: tuple[AuditProblem, ...]
    notes: tuple[str, ...] = ()  # facts worth knowing that are not problems (restores)

    @property
    def ok(self) -> bool:
        return not self.problems
