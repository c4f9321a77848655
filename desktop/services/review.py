"""ReviewService: the office's review (submit, return, approve), people, versions, case list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.records import FinalRecord
from db.review import (
    Comment,
    OfficeFilter,
    OfficeRepository,
    OfficeRow,
    Person,
    Review,
    Role,
    Visibility,
)
from db.review_errors import CaseConflictError, NotAllowedError, ReviewStateError
from desktop.services.actor import current_user, database_login, utc_clock
from desktop.services.decision import FinalInput, with_signer
from desktop.services.memos import facts_digest_of

if TYPE_CHECKING:
    from db.database import Database
    from desktop.engine import RulePack
    from desktop.services.decision import DecisionDate, DecisionPath
    from desktop.services.officer_record import OfficerDetermination

__all__ = ["CaseConflictError", "Comment", "NotAllowedError", "OfficeFilter", "OfficeRow",
           "Person", "Review", "ReviewService", "ReviewStateError", "SigningKey",
           "database_login"]


@dataclass(frozen=True)
class SigningKey:
    """Where the acting person's signing key is kept, and the passphrase that opens it.

    The key is the one named after the person's display name (made on first use).
    """

    data_dir: Path
    passphrase: str = field(repr=False)


class ReviewService:
    """What a caseworker and a supervisor do together; every step audited under its actor.

    On PostgreSQL the actor is the person's database role and the database checks the role;
    on SQLite it is the local profile chosen at start, checked here.
    """

    def __init__(self, database: Database, clock: Callable[[], datetime] = utc_clock, *,
                 actor: str | None = None, zone_name: str | None = None,
                 pack: RulePack | Callable[[], RulePack] | None = None) -> None:
        self._db = database
        self._clock = clock
        self.zone_name = zone_name  # the office's time zone; None: the machine's
        # The rule pack submit and approve evaluate with (the caller's, e.g. the window's
        # RulesInUse.pack: called in the worker that evaluates); None: no evaluation here.
        self._pack = pack
        self._office = OfficeRepository(database)
        self.actor = actor or database_login(database) or current_user() or "unknown"

    # -- people --------------------------------------------------------------------------------
    def people(self) -> list[Person]:
        return self._office.people()

    def me(self) -> Person | None:
        return self._office.person(self.actor)

    def display_name(self, login: str) -> str:
        person = self._office.person(login)
        return person.display_name if person is not None else login

    def add_profile(self, login: str, display_name: str, role: Role) -> Person:
        """A local profile (SQLite) or the record of a database role's person (PostgreSQL)."""
        login, display_name = login.strip(), display_name.strip()
        if not login or not display_name:
            raise ValueError("A profile needs a login and a name.")
        if role not in ("caseworker", "supervisor"):
            raise ValueError(f"role must be caseworker or supervisor, not {role!r}")
        person = Person(login, display_name, role)
        self._office.add_person(person, now=self._clock(), actor=self.actor)
        return person

    def review_required(self) -> bool:
        """The office setting: False ("no review", today's single-user behaviour) by default."""
        return self._office.review_required()

    def set_review_required(self, required: bool) -> None:
        self._office.set_review_required(required, now=self._clock(), actor=self.actor)

    def visibility(self) -> Visibility:
        """On a server: "own" (a caseworker sees the cases she created or is assigned) or
        "all"; supervisors always see the office's cases. The database enforces it."""
        return self._office.visibility()

    def set_visibility(self, visibility: Visibility) -> None:
        self._office.set_visibility(visibility, now=self._clock(), actor=self.actor)

    # -- versioned saves -----------------------------------------------------------------------
    def save(self, case_id: str, case_data: dict[str, Any], expected_version: int) -> int:
        """Save against the version the editor opened; CaseConflictError if someone saved first."""
        return self._office.save_versioned(case_id, case_data, expected_version,
                                           now=self._clock(), actor=self.actor)

    # -- review --------------------------------------------------------------------------------
    def review(self, case_id: str) -> Review | None:
        return self._office.review(case_id)

    def comments(self, case_id: str, step: str | None = None) -> list[Comment]:
        found = self._office.comments(case_id)
        return found if step is None else [c for c in found if c.step == step]

    def submit(self, case_id: str, signing: SigningKey | None = None,
               record: FinalInput | None = None) -> None:
        """Hand the case to review with the caseworker's determination (the officer who
        decides records it; the supervisor's approval endorses it).

        `record`: her conclusion on each finding and the open questions she decides without
        (the officer is the acting person). The decision date is pinned into the case now, as
        finalize does, and the record is kept with the memo as submitted; approval needs it.
        With `signing`, the caseworker signs that memo (final once the supervisor counter-signs
        it). An incomplete case (CaseFileError) or record (RecordError) is refused and nothing
        is stored; a wrong passphrase changes nothing.
        """
        from desktop.services.memos import MemoService

        memos = MemoService(self._db, self._clock, actor=self.actor)
        if self._in_review(case_id):  # before anything is saved
            raise ReviewStateError(f"Case {case_id} is already awaiting review.")
        base_version = self._db.cases.get(case_id).version  # read before the facts
        data = self._unpinned(case_id)
        now = self._clock()
        path = self._path(now)
        me = self.display_name(self.actor)
        officer = None
        if record is not None:
            data, determination, officer = path.officer_record(
                data, me, list(record.conclusions), list(record.decided_without))
        else:
            determination = path.evaluate(data, path.decide(data))
        decision = path.decide(data)
        pdf = None
        if signing is not None or officer is not None:
            pdf = self._submission_memo(path, data, determination, decision, now, signing,
                                        officer)
        if officer is not None and signing is not None:
            officer = with_signer(officer, pdf or b"")
        if officer is not None:
            try:
                # The date pinned, only over the facts read above: a save made meanwhile by
                # someone else is a conflict (CaseConflictError), never overwritten.
                self._office.save_versioned(case_id, data, base_version, now=now,
                                            actor=self.actor)
            except (CaseConflictError, ReviewStateError):
                raise
            except Exception:
                # Another person submitted it meanwhile: the server refuses to change the facts
                # of a case under review. Said as such, not as a database failure.
                if self._in_review(case_id):
                    raise ReviewStateError(f"Case {case_id} is already awaiting review.") from None
                raise
        latest = self._db.memos.latest_determination(case_id)
        if latest is None or latest.facts_digest != facts_digest_of(data):
            memos.record_determination(case_id, determination)
        self._office.submit(case_id, digest=facts_digest_of, now=now, actor=self.actor)
        if pdf is not None:
            memos.store_draft_memo(case_id, determination, pdf, record=None if officer is None
                                   else FinalRecord(officer.decision_date, officer.time_zone,
                                                    officer.as_json()))

    def _in_review(self, case_id: str) -> bool:
        """Submitted and awaiting review, or approved: its facts are frozen."""
        review = self._office.review(case_id)
        return review is not None and review.state in ("submitted", "approved")

    def to_decide(self, case_id: str) -> tuple[dict[str, Any], DecisionDate]:
        """What the caseworker decides on at submit: the evaluation of the case's current facts
        on the date this submission will pin (for her determination, e.g. in a dialog)."""
        path = self._path(self._clock())
        data = self._unpinned(case_id)
        decision = path.decide(data)
        return path.evaluate(data, decision), decision

    def _submission_memo(self, path: DecisionPath, data: dict[str, Any],
                         determination: dict[str, Any], decision: DecisionDate, now: datetime,
                         signing: SigningKey | None, officer: OfficerDetermination | None
                         ) -> bytes:
        """The memo as submitted: signed by the caseworker (final once counter-signed), else
        a draft that carries her determination to the approval."""
        me = self.display_name(self.actor)
        record = None if officer is None else {**officer.as_json(), "submitted_for_review": True}
        if signing is None:
            return path.render(data, determination, decision, generated_at=now, status="draft",
                               prepared_by=me, officer_determination=record)
        from desktop.services import signing as pades

        pdf = path.render(data, determination, decision, generated_at=now, status="final",
                          prepared_by=me, prepared_at=now, finalized_by=me, finalized_at=now,
                          review_pending=True, signed=True, officer_determination=record,
                          signer_note=pades.signer_note(signing.data_dir, me))
        return pades.sign_as_officer(pdf, signing.data_dir, me, signing.passphrase)[0]

    def _unpinned(self, case_id: str) -> dict[str, Any]:
        """The case's facts; a date pinned from "today" by an earlier submission (since
        returned) is released, so this submission is dated today like a new finalize."""
        data = dict(self._db.cases.get(case_id).case_data)
        earlier = self._submitted_record(case_id, None)
        if earlier and earlier.get("decision_date_source") == "today" and \
                data.get("decision_date") == earlier.get("decision_date"):
            data.pop("decision_date")
        return data

    def _path(self, now: datetime) -> DecisionPath:
        """The decision path under this service's rule pack, with the office clock at `now`."""
        from desktop.services.decision import DecisionPath

        if self._pack is None:
            raise ValueError("ReviewService needs the rule pack to evaluate with (pack=…)")
        pack = self._pack() if callable(self._pack) else self._pack
        return DecisionPath(pack, zone_name=self.zone_name, clock=lambda: now)

    def return_case(self, case_id: str, comments: Sequence[tuple[str, str]]) -> None:
        """Send back with comments [(step name, text)]; the caseworker sees each on its step."""
        self._check_may_review(case_id)
        self._office.return_case(case_id, comments, now=self._clock(), actor=self.actor)

    def approve(self, case_id: str, signing: SigningKey | None = None) -> int:
        """Approve: the caseworker's determination, endorsed, becomes the final record.

        The final memo carries her determination (recorded at submit) and the decision date
        pinned then; a submission without it is refused (return the case so she records it).
        The memo she signed on submitting gets the supervisor's counter-signature (`signing`
        is then needed). Otherwise the memo is rendered now naming preparer and reviewer,
        signed by the supervisor when `signing` is given.
        """
        review = self._check_may_review(case_id)
        now = self._clock()
        record = self._submitted_record(case_id, review)
        preparer = self.display_name(review.submitted_by)
        if not record:
            raise ReviewStateError(
                f"{preparer} submitted case {case_id} without her determination (a conclusion "
                "on each finding); return it so that she records it when submitting again.")
        reviewer = self.display_name(self.actor)
        endorsed = {**record, "approved_by": reviewer}  # her record, with who endorsed it
        submitted = self.signed_submission(case_id, review)
        if submitted is not None:
            if signing is None:
                raise NotAllowedError(
                    f"{preparer} signed the memo on submitting it: approving it needs your "
                    "signing passphrase to counter-sign it.")
            pdf = self._countersign(submitted, reviewer, signing)
        else:
            pdf = self.render_final_memo(case_id, review, now, signed=signing is not None,
                                         record=endorsed)
            if signing is not None:
                from desktop.services import signing as pades

                pdf = pades.sign_as_officer(pdf, signing.data_dir, reviewer,
                                            signing.passphrase)[0]
        return self._office.approve(case_id, pdf, digest=facts_digest_of, now=now,
                                    actor=self.actor, record=FinalRecord(
                                        str(record.get("decision_date") or "") or None,
                                        str(record.get("time_zone") or "") or None, endorsed))

    def _submitted_record(self, case_id: str, review: Review | None) -> dict[str, Any] | None:
        """The officer's determination kept with the newest memo as submitted (since the
        submission `review` when given)."""
        drafts = [m for m in self._db.memos.all_for_case(case_id)
                  if m.status == "draft" and m.officer_determination]
        if not drafts or (review is not None and drafts[-1].created_at < review.submitted_at):
            return None
        return drafts[-1].officer_determination

    def signed_submission(self, case_id: str, review: Review) -> bytes | None:
        """The memo the caseworker signed with this submission, if they signed one."""
        memo = self._db.memos.latest(case_id)
        if memo is None or memo.status != "draft" or memo.created_at < review.submitted_at \
                or b"/ByteRange" not in memo.pdf_bytes:
            return None
        return memo.pdf_bytes

    @staticmethod
    def _countersign(pdf: bytes, reviewer: str, signing: SigningKey) -> bytes:
        from desktop.services import signing as pades

        if not pades.has_key(signing.data_dir, reviewer):
            pades.create_officer_key(signing.data_dir, reviewer, signing.passphrase)
        return pades.countersign(pdf, signing.data_dir, reviewer, signing.passphrase)

    def render_final_memo(self, case_id: str, review: Review, now: datetime, *,
                          signed: bool = False, record: dict[str, Any] | None = None) -> bytes:
        """The approved memo: the case on its pinned date, with the caseworker's determination
        (`record`, the contract's object) in its own section, naming preparer and reviewer."""
        data = self._db.cases.get(case_id).case_data
        path = self._path(now)
        decision = path.decide(data)
        determination = path.evaluate(data, decision)
        reviewer = self.display_name(self.actor)
        return path.render(
            data, determination, decision, generated_at=now, status="final",
            prepared_by=self.display_name(review.submitted_by), prepared_at=review.submitted_at,
            reviewed_by=reviewer, reviewed_at=now,
            finalized_by=reviewer, finalized_at=now, signed=signed,
            officer_determination=record)

    def _check_may_review(self, case_id: str) -> Review:
        review = self._office.review(case_id)
        if review is None or review.state != "submitted":
            raise ReviewStateError(f"Case {case_id} is not awaiting review.")
        if self._db.dialect == "sqlite":  # PostgreSQL: the database checks the role itself
            me = self.me()
            if me is None or me.role != "supervisor":
                raise NotAllowedError("Only a supervisor can approve or return a case.")
            if review.submitted_by == self.actor:
                raise NotAllowedError("A supervisor cannot review a case they submitted.")
        return review

    # -- assignment and the office's case list -------------------------------------------------
    def assign(self, case_id: str, login: str | None) -> None:
        self._office.assign(case_id, login, now=self._clock(), actor=self.actor)

    def office_rows(self, view: OfficeFilter = "all", search: str = "", limit: int = 100,
                    offset: int = 0) -> list[OfficeRow]:
        """"mine", "awaiting_review" (others' submissions), "returned_to_me", or "all"."""
        return self._office.office_rows(view, self.actor, search=search, limit=limit,
                                        offset=offset)
