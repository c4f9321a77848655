"""The one decision path: resolve the decision date once, evaluate under a given rule pack,
render the memo and store the final record. The window, the CLI, review and impact use it.

The decision date travels as one typed value (DecisionDate) from the case header to the memo;
"today" comes from the office clock (services.clock.office_today). At finalize the date is
pinned: written into the case and kept with the final memo, so every later evaluation of that
final record uses it. An amendment is a new record with its own date.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.services.clock import office_today, utc_now, zone_of
from desktop.services.officer_record import (
    DecidedWithout,
    OfficerDetermination,
    RecordError,
    RuleConclusion,
    check_record,
)

if TYPE_CHECKING:
    from desktop.engine import RulePack
    from desktop.engine.case_view import CaseView
    from desktop.services.cases import CaseService
    from desktop.services.memos import MemoService


@dataclass(frozen=True)
class DecisionDate:
    """The date the rules are applied as of, and where it came from.

    `pinned`: the case names it (typed in the header, given on the command line, or pinned at
    finalize); otherwise it is today in the office's time zone `time_zone`.
    """

    value: date
    pinned: bool
    time_zone: str

    @property
    def iso(self) -> str:
        return self.value.isoformat()

    def words(self) -> str:
        """`2 December 2019`, or `today, 7 December 2026` when not pinned."""
        words = f"{self.value.day} {self.value:%B %Y}"
        return words if self.pinned else f"today, {words}"


def recorded_date(case_data: dict[str, Any]) -> date | None:
    """The case's own decision_date, when it holds a full date."""
    recorded = case_data.get("decision_date")
    if isinstance(recorded, str):
        try:
            return date.fromisoformat(recorded)
        except ValueError:
            return None
    return None


def resolve_decision_date(case_data: dict[str, Any], *, given: date | None = None,
                          now: datetime | None = None, zone_name: str | None = None
                          ) -> DecisionDate:
    """Given on the command line, else the case's, else today in the office's time zone."""
    _zone, name = zone_of(zone_name)
    chosen = given or recorded_date(case_data)
    if chosen is not None:
        return DecisionDate(chosen, True, name)
    return DecisionDate(office_today(now, zone_name), False, name)


def case_decision(case_data: dict[str, Any], today: DecisionDate,
                  determined_on: str | None = None) -> DecisionDate:
    """The case's own decision date, else the date its stored determination was made for,
    else `today` (read once from the office clock by the caller): rule-pack impact's rule."""
    recorded = recorded_date(case_data)
    if recorded is None and determined_on:
        recorded = date.fromisoformat(determined_on)
    return today if recorded is None else DecisionDate(recorded, True, today.time_zone)


@dataclass(frozen=True)
class FinalMemo:
    """What finalize stored: the memo's id, its signed bytes and the officer's record."""

    memo_id: int
    pdf: bytes
    record: OfficerDetermination
    decision: DecisionDate


class DecisionPath:
    """Evaluate, render and store under one rule pack, with one clock (both given)."""

    def __init__(self, pack: RulePack, *, zone_name: str | None = None,
                 clock: Callable[[], datetime] = utc_now) -> None:
        self.pack = pack
        self.zone_name = zone_name
        self.clock = clock

    def decide(self, case_data: dict[str, Any], given: date | None = None) -> DecisionDate:
        return resolve_decision_date(case_data, given=given, now=self.clock(),
                                     zone_name=self.zone_name)

    def today(self) -> DecisionDate:
        """Today in the office's time zone, on this path's clock."""
        return self.decide({})

    def outcomes(self, view: CaseView, decision: DecisionDate,
                 rules: Collection[str] | None = None) -> list[str]:
        """The outcome of each named rule family for a case parsed once (rule-pack impact):
        the engine's own per-family step of `evaluate`, without validating or assembling."""
        from desktop.engine.determination import family_findings

        return [str(f["outcome"]) for f in family_findings(view, self.pack, decision.value,
                                                           rules)]

    def evaluate(self, case_data: dict[str, Any], decision: DecisionDate) -> dict[str, Any]:
        """The determination (CaseFileError naming the field when the case is invalid)."""
        from desktop.services.evaluation import evaluate_case

        return evaluate_case(case_data, decision, self.pack)

    def evaluate_or_problems(self, case_data: dict[str, Any], decision: DecisionDate
                             ) -> dict[str, Any]:
        """{"determination": …}, or {"problems": [(pointer, message), …]} for an invalid case."""
        from desktop.services.evaluation import CaseFileError, case_problems

        try:
            return {"determination": self.evaluate(case_data, decision)}
        except CaseFileError:
            return {"problems": [(p.pointer, p.message) for p in case_problems(case_data)]}

    def render(self, case_data: dict[str, Any], determination: dict[str, Any],
               decision: DecisionDate, *, generated_at: datetime, **memo: Any) -> bytes:
        from desktop.services.memo_rendering import render_case_memo

        memo.setdefault("officer_notes", case_data.get("notes"))
        return render_case_memo(case_data, determination, pack=self.pack,
                                generated_at=generated_at, decision_date=decision.value, **memo)

    def evaluate_and_render(self, case_data: dict[str, Any], decision: DecisionDate, *,
                            generated_at: datetime, **memo: Any
                            ) -> tuple[dict[str, Any], bytes]:
        determination = self.evaluate(case_data, decision)
        return determination, self.render(case_data, determination, decision,
                                          generated_at=generated_at, **memo)

    def interview_sheet(self, case_data: dict[str, Any], decision: DecisionDate, *,
                        language: str | None, generated_at: datetime) -> bytes:
        from desktop.services.memo_rendering import render_case_interview_sheet

        return render_case_interview_sheet(case_data, self.evaluate(case_data, decision),
                                           language=language, generated_at=generated_at)

    def officer_record(self, case_data: dict[str, Any], officer: str,
                       conclusions: list[RuleConclusion], decided_without: list[DecidedWithout],
                       given: date | None = None
                       ) -> tuple[dict[str, Any], dict[str, Any], OfficerDetermination]:
        """Pin the date, evaluate, and check the officer's record against the evaluation.

        Returns the case with its pinned date, the determination and the record; RecordError
        (every problem, one per line) when the record cannot be final.
        """
        decision = self.decide(case_data, given)
        pinned = copy.deepcopy(case_data)
        pinned["decision_date"] = decision.iso
        determination = self.evaluate(pinned, decision)
        record = OfficerDetermination(officer.strip(), tuple(conclusions),
                                      tuple(decided_without), decision.iso, decision.time_zone,
                                      date_source="case" if decision.pinned else "today")
        problems = check_record(record, determination)
        if problems:
            raise RecordError("Not finalized:\n" + "\n".join(f"- {p}" for p in problems))
        return pinned, determination, record

    def finalize(self, cases: CaseService, memos: MemoService, case_id: str,
                 case_data: dict[str, Any], record: FinalInput, *, data_dir: Path,
                 passphrase: str | None = None) -> FinalMemo:
        """Check, pin, render, sign and store the final memo with the officer's record."""
        from db.records import FinalRecord

        pinned, determination, officer = self.officer_record(
            case_data, record.officer, list(record.conclusions), list(record.decided_without))
        decision = DecisionDate(date.fromisoformat(officer.decision_date), True,
                                officer.time_zone)
        now = self.clock()
        cases.save_draft(case_id, pinned)  # the pinned date is stored with the case
        supersedes, supersedes_id = memos.superseded_memo(case_id)
        note = None
        if passphrase:
            from desktop.services.signing import signer_note

            note = signer_note(data_dir, officer.officer)
        pdf = self.render(pinned, determination, decision, generated_at=now, status="final",
                          prepared_by=officer.officer, finalized_by=officer.officer,
                          finalized_at=now, signed=bool(passphrase), signer_note=note,
                          supersedes=supersedes,
                          supersedes_id=supersedes_id, audit_anchor=memos.chain_anchor(),
                          officer_determination=officer.as_json())
        if passphrase:
            from desktop.services.signing import sign_as_officer

            pdf, _made = sign_as_officer(pdf, data_dir, officer.officer, passphrase)
            officer = with_signer(officer, pdf)
        memos.record_determination(case_id, determination)
        memo_id = memos.finalize(case_id, officer.officer, pdf, record=FinalRecord(
            officer.decision_date, officer.time_zone, officer.as_json()))
        return FinalMemo(memo_id, pdf, officer, decision)


@dataclass(frozen=True)
class FinalInput:
    """What the officer gives at finalize: her name, conclusions and questions decided without."""

    officer: str
    conclusions: tuple[RuleConclusion, ...]
    decided_without: tuple[DecidedWithout, ...] = ()


def with_signer(record: OfficerDetermination, pdf: bytes) -> OfficerDetermination:
    """The record, naming the fingerprint of the certificate that signed the memo."""
    from dataclasses import replace

    fingerprint = signer_fingerprint(pdf)
    return record if fingerprint is None else replace(record,
                                                      signer_certificate_sha256=fingerprint)


def signer_fingerprint(pdf: bytes) -> str | None:
    """SHA-256 of the first signature's signing certificate (DER), hex; None if unsigned."""
    import hashlib
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        signatures = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    except Exception:  # noqa: BLE001 (pyHanko raises many kinds for a PDF it cannot read)
        return None
    if not signatures:
        return None
    return hashlib.sha256(signatures[0].signer_cert.dump()).hexdigest()
