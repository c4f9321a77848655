"""ReviewService: the office's review (submit, return, approve), people, versions, case list."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from desktop.services.memos import facts_digest_of

if TYPE_CHECKING:
    from db.database import Database

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
                 actor: str | None = None, zone_name: str | None = None) -> None:
        self._db = database
        self._clock = clock
        self.zone_name = zone_name  # the office's time zone; None: the machine's
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

    def submit(self, case_id: str, signing: SigningKey | None = None) -> None:
        """Hand the case to review, evaluated on its current facts (recorded now if needed).

        With `signing`, the caseworker signs the memo as submitted (final once the supervisor
        counter-signs it on approval); it is stored with the submission. An incomplete case is
        refused with the evaluation's message (CaseFileError); a wrong passphrase changes nothing.
        """
        from desktop.services.memos import MemoService

        memos = MemoService(self._db, self._clock, actor=self.actor)
        data = self._db.cases.get(case_id).case_data
        now = self._clock()
        determination = self._evaluate(data, now)
        signed = None
        if signing is not None:
            from desktop.services import signing as pades
            from desktop.services.memo_rendering import render_case_memo

            me = self.display_name(self.actor)
            pdf = render_case_memo(
                data, determination, generated_at=now, status="final", prepared_by=me,
                prepared_at=now, finalized_by=me, finalized_at=now, review_pending=True,
                signed=True, officer_notes=data.get("notes"),
                signer_note=pades.signer_note(signing.data_dir, me))
            signed = pades.sign_as_officer(pdf, signing.data_dir, me, signing.passphrase)[0]
        latest = self._db.memos.latest_determination(case_id)
        if latest is None or latest.facts_digest != facts_digest_of(data):
            memos.record_determination(case_id, determination)
        self._office.submit(case_id, digest=facts_digest_of, now=now, actor=self.actor)
        if signed is not None:
            memos.store_draft_memo(case_id, determination, signed)

    def _evaluate(self, data: dict[str, Any], now: datetime) -> dict[str, Any]:
        """The determination on the decision path: the case's date, else today in the
        office's time zone (the window's and the CLI's clock)."""
        from desktop.services.decision import DecisionPath
        from desktop.services.rule_packs import active_rule_pack

        path = DecisionPath(active_rule_pack(), zone_name=self.zone_name, clock=lambda: now)
        return path.evaluate(data, path.decide(data))

    def return_case(self, case_id: str, comments: Sequence[tuple[str, str]]) -> None:
        """Send back with comments [(step name, text)]; the caseworker sees each on its step."""
        self._check_may_review(case_id)
        self._office.return_case(case_id, comments, now=self._clock(), actor=self.actor)

    def approve(self, case_id: str, signing: SigningKey | None = None) -> int:
        """Approve: store the final memo and lock the case.

        The memo the caseworker signed on submitting gets the supervisor's counter-signature
        (`signing` is then needed). Without one, the memo is rendered now naming preparer and
        reviewer, signed by the supervisor when `signing` is given.
        """
        review = self._check_may_review(case_id)
        now = self._clock()
        submitted = self.signed_submission(case_id, review)
        reviewer = self.display_name(self.actor)
        if submitted is not None:
            if signing is None:
                raise NotAllowedError(
                    f"{self.display_name(review.submitted_by)} signed the memo on submitting "
                    "it: approving it needs your signing passphrase to counter-sign it.")
            pdf = self._countersign(submitted, reviewer, signing)
        else:
            pdf = self.render_final_memo(case_id, review, now, signed=signing is not None)
            if signing is not None:
                from desktop.services import signing as pades

                pdf = pades.sign_as_officer(pdf, signing.data_dir, reviewer,
                                            signing.passphrase)[0]
        return self._office.approve(case_id, pdf, digest=facts_digest_of, now=now,
                                    actor=self.actor)

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
                          signed: bool = False) -> bytes:
        from desktop.services.memo_rendering import render_case_memo

        data = self._db.cases.get(case_id).case_data
        determination = self._evaluate(data, now)
        reviewer = self.display_name(self.actor)
        return render_case_memo(
            data, determination, generated_at=now, status="final",
            prepared_by=self.display_name(review.submitted_by), prepared_at=review.submitted_at,
            reviewed_by=reviewer, reviewed_at=now,
            finalized_by=reviewer, finalized_at=now, signed=signed,
            officer_notes=data.get("notes"))

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
