"""The review workflow on one laptop (SQLite, local profiles): submit, return, approve."""

from __future__ import annotations

import io
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.services.review import NotAllowedError, ReviewService, ReviewStateError
from tests.office.conftest import PACK, evaluated_case, submit_decided


@pytest.fixture
def database(sqlite_url: str) -> Any:
    """SQLite: local profiles, checked by the service (PostgreSQL: tests/office/test_pg_roles)."""
    import db

    opened = db.open_database(sqlite_url)
    yield opened
    opened.close()


@pytest.fixture
def people(database: Any, clock: Any) -> dict[str, ReviewService]:
    admin = ReviewService(database, clock, actor="admin")
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    admin.add_profile("bo", "Bo Lin", "caseworker")
    admin.add_profile("dana", "Dana Cole", "supervisor")
    return {login: ReviewService(database, clock, actor=login, pack=PACK)
            for login in ("ana", "bo", "dana")}


def _memo_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
                    .split())


def test_no_review_is_the_default_on_sqlite(sqlite_url: str, clock: Any) -> None:
    import db

    database = db.open_database(sqlite_url)
    try:
        assert ReviewService(database, clock, actor="ana", pack=PACK).review_required() is False
    finally:
        database.close()


def test_submit_return_with_comment_resubmit_approve(database: Any, clock: Any,
                                                     people: dict[str, ReviewService]) -> None:
    ana, bo, dana = people["ana"], people["bo"], people["dana"]
    case_id = evaluated_case(database, clock, "ana")
    ana.assign(case_id, "ana")
    submit_decided(ana, case_id)
    with pytest.raises(ReviewStateError, match="already awaiting"):
        submit_decided(ana, case_id)
    with pytest.raises(NotAllowedError, match="Only a supervisor"):
        bo.approve(case_id)
    with pytest.raises(NotAllowedError, match="Only a supervisor"):
        ana.return_case(case_id, [("journey", "Check the dates in Mexico")])
    assert [r.summary.case_id for r in dana.office_rows("awaiting_review")] == [case_id]
    assert ana.office_rows("awaiting_review") == []  # not their own submission

    with pytest.raises(ReviewStateError, match="needs a comment"):
        dana.return_case(case_id, [("journey", "  ")])
    dana.return_case(case_id, [("journey", "Check the dates in Mexico"),
                               ("entry", "Which port?")])
    review = ana.review(case_id)
    assert review is not None and review.state == "returned" and review.reviewed_by == "dana"
    assert [c.body for c in ana.comments(case_id, "journey")] == ["Check the dates in Mexico"]
    returned = ana.office_rows("returned_to_me")
    assert [(r.summary.case_id, r.comment_count, r.review_state) for r in returned] == [
        (case_id, 2, "returned")]
    assert bo.office_rows("returned_to_me") == []
    assert [r.summary.case_id for r in ana.office_rows("mine")] == [case_id]
    with pytest.raises(ReviewStateError, match="not awaiting review"):
        dana.approve(case_id)

    submit_decided(ana, case_id)
    memo_id = dana.approve(case_id)
    memo = database.memos.latest(case_id)
    assert memo is not None and memo.memo_id == memo_id and memo.status == "final"
    assert memo.finalized_by == "dana"
    text = _memo_text(memo.pdf_bytes)
    assert "Prepared by Ana Ruiz 1 May 2024" in text
    assert "Reviewed by Dana Cole 1 May 2024" in text
    assert database.cases.get(case_id).status == "finalized"

    report = database.verify_audit()
    assert report.ok, report.problems
    from sqlalchemy import text as sql

    with database.read() as connection:
        entries = connection.execute(sql(
            "SELECT action, actor FROM audit_log WHERE case_id = :c ORDER BY id"),
            {"c": case_id}).all()
    assert all(actor for _action, actor in entries)
    assert [tuple(e) for e in entries] == [
        ("case.created", "ana"), ("determination.recorded", "ana"), ("case.assigned", "ana"),
        ("review.submitted", "ana"), ("memo.draft_stored", "ana"), ("review.returned", "dana"),
        ("review.submitted", "ana"), ("memo.draft_stored", "ana"),  # her determination, kept
        ("review.approved", "dana"), ("memo.finalized", "dana")]


def test_a_supervisor_cannot_approve_their_own_case(database: Any, clock: Any,
                                                    people: dict[str, ReviewService]) -> None:
    case_id = evaluated_case(database, clock, "dana")
    submit_decided(people["dana"], case_id)
    with pytest.raises(NotAllowedError, match="they submitted"):
        people["dana"].approve(case_id)


def test_submitting_evaluates_the_current_facts_and_refuses_an_incomplete_case(
        database: Any, clock: Any, people: dict[str, ReviewService]) -> None:
    from desktop.services.cases import CaseService
    from desktop.services.evaluation import CaseFileError
    from tests.office.conftest import make_case

    cases = CaseService(database, clock, actor="ana")
    case_id = cases.create_case(make_case())
    submit_decided(people["ana"], case_id)  # evaluated and recorded on the way
    determination = database.memos.latest_determination(case_id)
    assert determination is not None
    incomplete = cases.create_case({"format": "waypoint-case/1", "applicant": {}})
    with pytest.raises(CaseFileError):
        submit_decided(people["ana"], incomplete)
    assert people["ana"].review(incomplete) is None


def test_an_office_that_requires_review_cannot_finalize_without_approval(
        database: Any, clock: Any, people: dict[str, ReviewService]) -> None:
    from sqlalchemy import exc as sa_exc

    from desktop.services.memos import MemoService

    people["dana"].set_review_required(True)
    case_id = evaluated_case(database, clock, "ana")
    with pytest.raises(sa_exc.IntegrityError, match="requires a supervisor's approval"):
        MemoService(database, clock, actor="ana").finalize(case_id, "ana", b"%PDF-1.4 final")
    assert database.cases.get(case_id).status != "finalized"
    people["dana"].set_review_required(False)  # "no review": today's single-user finalize
    MemoService(database, clock, actor="ana").finalize(case_id, "ana", b"%PDF-1.4 final")
    assert database.cases.get(case_id).status == "finalized"


def test_an_amendment_needs_a_new_approval(database: Any, clock: Any,
                                           people: dict[str, ReviewService]) -> None:
    from sqlalchemy import exc as sa_exc

    from desktop.services.memos import MemoService

    people["dana"].set_review_required(True)
    case_id = evaluated_case(database, clock, "ana")
    submit_decided(people["ana"], case_id)
    people["dana"].approve(case_id)
    MemoService(database, clock, actor="ana").start_amendment(case_id, "ana", "new evidence")
    assert people["ana"].review(case_id) is None  # back to draft: the approval is spent
    with pytest.raises(sa_exc.IntegrityError, match="requires a supervisor's approval"):
        MemoService(database, clock, actor="ana").finalize(case_id, "ana", b"%PDF-1.4 final")
    submit_decided(people["ana"], case_id)
    people["dana"].approve(case_id)
    memos = database.memos.all_for_case(case_id)  # each submission's memo carries her record
    assert [m.status for m in memos] == ["draft", "final", "draft", "final"]


def test_my_cases_are_assigned_to_me_or_unassigned_and_made_by_me(
        database: Any, clock: Any, people: dict[str, ReviewService]) -> None:
    from desktop.services.cases import CaseService
    from tests.office.conftest import make_case

    mine = CaseService(database, clock, actor="ana").create_case(make_case("Mine"))
    given_away = CaseService(database, clock, actor="ana").create_case(make_case("Given"))
    theirs = CaseService(database, clock, actor="bo").create_case(make_case("Theirs"))
    people["dana"].assign(given_away, "bo")
    assert {r.summary.case_id for r in people["ana"].office_rows("mine")} == {mine}
    assert {r.summary.case_id for r in people["bo"].office_rows("mine")} == {given_away, theirs}
    assert len(people["dana"].office_rows("all")) == 3


def test_a_case_awaiting_review_cannot_change_until_returned(
        database: Any, clock: Any, people: dict[str, ReviewService]) -> None:
    from tests.office.conftest import make_case

    case_id = evaluated_case(database, clock, "ana")
    submit_decided(people["ana"], case_id)
    version = database.cases.get(case_id).version
    with pytest.raises(ReviewStateError, match="awaiting a supervisor's review"):
        people["ana"].save(case_id, make_case("Changed"), version)
    people["dana"].return_case(case_id, [("applicant", "Spelling of the name?")])
    assert people["ana"].save(case_id, make_case("Changed"), version) == version + 1
