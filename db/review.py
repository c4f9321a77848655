"""Office storage: versioned saves, people and roles, review states and comments, assignment."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal, cast

from sqlalchemy import Connection, exists, func, select
from sqlalchemy import exc as sa_exc

from db import case_store, memo_store
from db.audit import AuditEvent, append, as_utc, audit_table
from db.errors import CaseFinalizedError, NotReadyError
from db.models import CaseReview, OfficePerson, OfficeSetting, ReviewComment
from db.records import CaseStatus, CaseSummary, FinalRecord
from db.repositories import FactsDigest
from db.review_errors import CaseConflictError, NotAllowedError, ReviewStateError

if TYPE_CHECKING:
    from db.database import Database

people_table = OfficePerson.__table__  # type: ignore[attr-defined]
settings_table = OfficeSetting.__table__  # type: ignore[attr-defined]
reviews_table = CaseReview.__table__  # type: ignore[attr-defined]
comments_table = ReviewComment.__table__  # type: ignore[attr-defined]
cases_table = case_store.cases_table

Role = Literal["caseworker", "supervisor"]
ReviewState = Literal["submitted", "returned", "approved"]
OfficeFilter = Literal["all", "mine", "awaiting_review", "returned_to_me"]
Visibility = Literal["own", "all"]
INSUFFICIENT_PRIVILEGE = "42501"


@dataclass(frozen=True)
class Person:
    """Someone in the office: their login (profile or database role), name and role."""

    login: str
    display_name: str
    role: Role


@dataclass(frozen=True)
class Review:
    """Where a case stands in review."""

    state: ReviewState
    submitted_by: str
    submitted_at: datetime
    reviewed_by: str | None
    reviewed_at: datetime | None


@dataclass(frozen=True)
class Comment:
    """A supervisor's comment on one step of a case."""

    comment_id: int
    step: str
    body: str
    author: str
    at: datetime


@dataclass(frozen=True)
class OfficeRow:
    """A case-list row with its office columns."""

    summary: CaseSummary
    assigned_to: str | None
    review_state: ReviewState | None
    comment_count: int


@contextmanager
def refusals_named() -> Iterator[None]:
    """A refusal by the database's role checks becomes NotAllowedError with its own words."""
    try:
        yield
    except sa_exc.DBAPIError as error:
        if getattr(error.orig, "sqlstate", None) != INSUFFICIENT_PRIVILEGE:
            raise
        detail = str(error.orig).strip().splitlines()[0]
        raise NotAllowedError(f"The database refused this: {detail}.") from error


def _review_row(connection: Connection, case_pk: int) -> Any:
    query = select(reviews_table).where(reviews_table.c.case_pk == case_pk)
    if connection.dialect.name == "postgresql":
        query = query.with_for_update()
    return connection.execute(query).first()


def _to_review(row: Any) -> Review:
    return Review(cast(ReviewState, row.state), row.submitted_by, as_utc(row.submitted_at),
                  row.reviewed_by, None if row.reviewed_at is None else as_utc(row.reviewed_at))


class OfficeRepository:
    """The office's tables, each change in one transaction with its audit entries."""

    def __init__(self, database: Database) -> None:
        self._db = database

    # -- versioned saves -----------------------------------------------------------------------
    def save_versioned(self, case_id: str, case_data: dict[str, Any], expected_version: int, *,
                       now: datetime, actor: str | None) -> int:
        """Save if the stored case is still at expected_version; returns the new version.

        Raises CaseConflictError (with the stored version and data) when someone saved first.
        """
        with self._db.write() as connection, refusals_named():
            row = case_store.find_row(connection, case_id, for_update=True)
            if row.status == "finalized":
                raise CaseFinalizedError(case_id)
            stored = json.loads(row.data_json)
            if row.version != expected_version:
                raise CaseConflictError(row.case_id, expected_version, row.version, stored)
            review = _review_row(connection, row.id)
            if review is not None and review.state == "submitted" and stored != case_data:
                raise ReviewStateError(
                    f"Case {case_id} is awaiting a supervisor's review, so it cannot change "
                    "now; your changes are kept on screen until it is returned.")
            if stored == case_data:
                return int(row.version)
            case_store.update_case(connection, row.id, case_data, "draft", now)
            append(connection, now, actor, [AuditEvent(
                "case.saved", row.case_id, details={"version": row.version + 1})])
            return int(row.version) + 1

    # -- people and settings -------------------------------------------------------------------
    def add_person(self, person: Person, *, now: datetime, actor: str | None) -> None:
        with self._db.write() as connection, refusals_named():
            connection.execute(people_table.delete().where(people_table.c.login == person.login))
            connection.execute(people_table.insert().values(
                login=person.login, display_name=person.display_name, role=person.role))
            append(connection, now, actor, [AuditEvent(
                "office.person_added", details={"login": person.login, "role": person.role})])

    def people(self) -> list[Person]:
        with self._db.read() as connection:
            return [Person(row.login, row.display_name, cast(Role, row.role))
                    for row in connection.execute(select(people_table).order_by(
                        people_table.c.display_name))]

    def person(self, login: str) -> Person | None:
        return next((p for p in self.people() if p.login == login), None)

    def review_required(self) -> bool:
        with self._db.read() as connection:
            value = connection.execute(select(settings_table.c.value).where(
                settings_table.c.key == "review")).scalar()
        return value == "required"

    def set_review_required(self, required: bool, *, now: datetime, actor: str | None) -> None:
        with self._db.write() as connection, refusals_named():
            connection.execute(settings_table.delete().where(settings_table.c.key == "review"))
            connection.execute(settings_table.insert().values(
                key="review", value="required" if required else "none"))
            append(connection, now, actor, [AuditEvent(
                "office.review_setting", details={"review": "required" if required else "none"})])

    def visibility(self) -> Visibility:
        """Who sees which case on a server: "own" (created or assigned) unless opened to all."""
        with self._db.read() as connection:
            value = connection.execute(select(settings_table.c.value).where(
                settings_table.c.key == "visibility")).scalar()
        return "all" if value == "all" else "own"

    def set_visibility(self, visibility: Visibility, *, now: datetime, actor: str | None
                       ) -> None:
        with self._db.write() as connection, refusals_named():
            connection.execute(settings_table.delete().where(
                settings_table.c.key == "visibility"))
            connection.execute(settings_table.insert().values(key="visibility",
                                                              value=visibility))
            append(connection, now, actor, [AuditEvent(
                "office.visibility_setting", details={"visibility": visibility})])

    # -- review --------------------------------------------------------------------------------
    def review(self, case_id: str) -> Review | None:
        with self._db.read() as connection:
            row = case_store.find_row(connection, case_id)
            found = connection.execute(
                select(reviews_table).where(reviews_table.c.case_pk == row.id)).first()
            return None if found is None else _to_review(found)

    def comments(self, case_id: str) -> list[Comment]:
        with self._db.read() as connection:
            row = case_store.find_row(connection, case_id)
            return [Comment(c.id, c.step, c.body, c.author, as_utc(c.at))
                    for c in connection.execute(select(comments_table).where(
                        comments_table.c.case_pk == row.id).order_by(comments_table.c.id))]

    def submit(self, case_id: str, *, digest: FactsDigest, now: datetime, actor: str) -> None:
        """The caseworker hands the case (evaluated on its current facts) to review."""
        with self._db.write() as connection, refusals_named():
            row = case_store.find_row(connection, case_id, for_update=True)
            if row.status == "finalized":
                raise CaseFinalizedError(case_id)
            latest = memo_store.latest_determination_row(connection, row.id)
            if latest is None or latest.facts_digest != digest(json.loads(row.data_json)):
                raise NotReadyError(f"Case {case_id} has no determination of its current facts; "
                                    "evaluate it (Review step) before submitting it.")
            review = _review_row(connection, row.id)
            if review is not None and review.state == "submitted":
                raise ReviewStateError(f"Case {case_id} is already awaiting review.")
            values = {"state": "submitted", "submitted_by": actor, "submitted_at": as_utc(now),
                      "reviewed_by": None, "reviewed_at": None}
            if review is None:
                connection.execute(reviews_table.insert().values(case_pk=row.id, **values))
            else:
                connection.execute(reviews_table.update().where(
                    reviews_table.c.case_pk == row.id).values(**values))
            append(connection, now, actor, [AuditEvent("review.submitted", row.case_id)])

    def return_case(self, case_id: str, comments: Sequence[tuple[str, str]], *, now: datetime,
                    actor: str) -> None:
        """The supervisor sends the case back with comments, each tied to a step."""
        if not any(body.strip() for _step, body in comments):
            raise ReviewStateError("Say what needs changing: a returned case needs a comment.")
        with self._db.write() as connection, refusals_named():
            row, _review = self._submitted(connection, case_id)
            connection.execute(reviews_table.update().where(
                reviews_table.c.case_pk == row.id).values(
                    state="returned", reviewed_by=actor, reviewed_at=as_utc(now)))
            connection.execute(comments_table.insert(), [
                {"case_pk": row.id, "step": step, "body": body.strip(), "author": actor,
                 "at": as_utc(now)} for step, body in comments if body.strip()])
            append(connection, now, actor, [AuditEvent(
                "review.returned", row.case_id,
                details={"steps": sorted({step for step, body in comments if body.strip()})})])

    def approve(self, case_id: str, pdf_bytes: bytes, *, digest: FactsDigest, now: datetime,
                actor: str, record: FinalRecord | None = None) -> int:
        """The supervisor approves: the final memo is stored and the case locked, together.

        `record`: the pinned decision date and the caseworker's determination, kept with it."""
        with self._db.write() as connection, refusals_named():
            row, _review = self._submitted(connection, case_id)
            connection.execute(reviews_table.update().where(
                reviews_table.c.case_pk == row.id).values(
                    state="approved", reviewed_by=actor, reviewed_at=as_utc(now)))
            append(connection, now, actor, [AuditEvent("review.approved", row.case_id)])
            return self._db.memos.finalize_in(connection, case_id, actor, pdf_bytes,
                                              digest=digest, now=now, record=record)

    def _submitted(self, connection: Connection, case_id: str) -> tuple[Any, Any]:
        row = case_store.find_row(connection, case_id, for_update=True)
        review = _review_row(connection, row.id)
        if review is None or review.state != "submitted":
            raise ReviewStateError(f"Case {case_id} is not awaiting review.")
        return row, review

    # -- assignment and the office's case list -------------------------------------------------
    def assign(self, case_id: str, login: str | None, *, now: datetime, actor: str | None
               ) -> None:
        with self._db.write() as connection, refusals_named():
            row = case_store.find_row(connection, case_id, for_update=True)
            connection.execute(cases_table.update().where(cases_table.c.id == row.id).values(
                assigned_to=login))
            append(connection, now, actor, [AuditEvent(
                "case.assigned", row.case_id, details={"assigned_to": login})])

    def office_rows(self, view: OfficeFilter, me: str, *, search: str = "", limit: int = 100,
                    offset: int = 0) -> list[OfficeRow]:
        """Cases for one of the office filters, newest change first, with comment counts."""
        comment_count = (select(func.count()).select_from(comments_table)
                         .where(comments_table.c.case_pk == cases_table.c.id)
                         .scalar_subquery())
        query = (select(*case_store.SUMMARY_COLUMNS, cases_table.c.assigned_to,
                        reviews_table.c.state.label("review_state"),
                        reviews_table.c.submitted_by,
                        comment_count.label("comment_count"))
                 .select_from(cases_table.outerjoin(
                     reviews_table, reviews_table.c.case_pk == cases_table.c.id)))
        created_by_me = exists().where(
            audit_table.c.case_id == cases_table.c.case_id,
            audit_table.c.action.in_(("case.created", "case.imported")),
            audit_table.c.actor == me)
        # Assigned to me; or not assigned to anyone, and submitted or created by me.
        mine = (cases_table.c.assigned_to == me) | (cases_table.c.assigned_to.is_(None) & (
            (reviews_table.c.submitted_by == me) | created_by_me))
        if view == "mine":
            query = query.where(mine)
        elif view == "awaiting_review":
            query = query.where(reviews_table.c.state == "submitted",
                                reviews_table.c.submitted_by != me)
        elif view == "returned_to_me":
            query = query.where(reviews_table.c.state == "returned", mine)
        with self._db.read() as connection:
            if search:
                from db.search import search_condition

                condition = search_condition(cases_table, connection.dialect.name, search)
                if condition is not None:
                    query = query.where(condition)
            query = query.order_by(cases_table.c.updated_at.desc(), cases_table.c.id.desc()
                                   ).offset(max(0, offset)).limit(max(0, limit))
            return [OfficeRow(
                CaseSummary(r.case_id, r.display_name, r.a_number, r.nationality, r.entry_date,
                            cast(CaseStatus, r.status), as_utc(r.updated_at)),
                r.assigned_to, cast("ReviewState | None", r.review_state), int(r.comment_count))
                for r in connection.execute(query)]
