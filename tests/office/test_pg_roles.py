"""PostgreSQL office: init-server's roles; the database itself keeps approval to supervisors."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import psycopg
import pytest
from pypdf import PdfReader
from sqlalchemy import exc as sa_exc

import db
from db.review import refusals_named
from desktop.services.office_setup import add_person, init_server, url_for_person
from desktop.services.review import NotAllowedError, ReviewService
from tests.office.conftest import PACK, evaluated_case, submit_decided

pytestmark = pytest.mark.postgres


def _raw(url: str) -> psycopg.Connection[Any]:
    """A plain psycopg connection (no Waypoint code between the person and the database)."""
    return psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"))


@pytest.fixture
def office(pg_url: str) -> dict[str, str]:
    # Every case open to every caseworker, so that bo's attempts on ana's case reach it.
    ready = init_server(pg_url, visibility="all")
    assert ready.review_required and ready.revision is not None
    add_person(pg_url, "cw_ana", "Ana Ruiz", "caseworker")
    add_person(pg_url, "sup_dana", "Dana Cole", "supervisor")
    add_person(pg_url, "cw_bo", "Bo Lin", "caseworker")
    return {"admin": pg_url, "ana": url_for_person(pg_url, "cw_ana"),
            "dana": url_for_person(pg_url, "sup_dana"), "bo": url_for_person(pg_url, "cw_bo")}


def _submitted_case(office: dict[str, str], clock: Any) -> str:
    database = db.open_database(office["ana"])
    try:
        case_id = evaluated_case(database, clock, "cw_ana")
        submit_decided(ReviewService(database, clock, pack=PACK), case_id)
    finally:
        database.close()
    return case_id


def test_init_server_is_idempotent_and_makes_the_groups(office: dict[str, str]) -> None:
    init_server(office["admin"])  # a second run changes nothing and does not fail
    with _raw(office["admin"]) as connection:
        groups = {row[0] for row in connection.execute(
            "SELECT rolname FROM pg_roles WHERE rolname LIKE 'waypoint_%'")}
        assert {"waypoint_caseworker", "waypoint_supervisor"} <= groups
        member = connection.execute(
            "SELECT pg_has_role('cw_ana', 'waypoint_supervisor', 'MEMBER')").fetchone()
        assert member == (False,)


def test_caseworker_cannot_approve_even_with_direct_sql(office: dict[str, str],
                                                        clock: Any) -> None:
    case_id = _submitted_case(office, clock)
    attempts = [
        "UPDATE case_reviews SET state = 'approved', reviewed_by = 'sup_dana'",
        "UPDATE cases SET status = 'finalized' WHERE case_id = %(case)s",
        "INSERT INTO memos (case_pk, status, pdf, sha256, created_at, finalized_by, finalized_at)"
        " SELECT id, 'final', '\\x00', 'x', now(), 'cw_ana', now() FROM cases"
        " WHERE case_id = %(case)s",
        "INSERT INTO office_people VALUES ('cw_ana', 'Ana', 'supervisor')",
        "UPDATE office_settings SET value = 'none'",
        "SET ROLE waypoint_supervisor",
    ]
    for statement in attempts:
        with _raw(office["bo"]) as connection, pytest.raises(
                psycopg.errors.InsufficientPrivilege):
            connection.execute(statement, {"case": case_id})
    with _raw(office["admin"]) as connection:
        assert connection.execute("SELECT state FROM case_reviews").fetchall() == [("submitted",)]
        assert connection.execute(  # only her submission's draft, carrying her determination
            "SELECT status FROM memos").fetchall() == [("draft",)]

    # Through the service as well: the database's refusal reaches the caseworker as a sentence.
    database = db.open_database(office["bo"])
    try:
        with pytest.raises(NotAllowedError, match="only a supervisor"):
            ReviewService(database, clock, pack=PACK).approve(case_id)
    finally:
        database.close()


def test_supervisor_approves_and_the_memo_names_preparer_and_reviewer(
        office: dict[str, str], clock: Any) -> None:
    case_id = _submitted_case(office, clock)
    database = db.open_database(office["dana"])
    try:
        service = ReviewService(database, clock, pack=PACK)
        assert service.actor == "sup_dana"
        memo_id = service.approve(case_id)
        memo = database.memos.latest(case_id)
        assert memo is not None and memo.memo_id == memo_id and memo.status == "final"
        assert database.cases.get(case_id).status == "finalized"
        text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(memo.pdf_bytes)).pages)
        assert "Prepared by Ana Ruiz 1 May 2024" in " ".join(text.split())
        assert "Reviewed by Dana Cole 1 May 2024" in " ".join(text.split())
        # the caseworker's determination, recorded at submit, endorsed by the approval
        assert "Determination of Ana Ruiz, 2 Dec 2019" in " ".join(text.split())
        assert memo.decision_date == "2019-12-02" and memo.officer_determination is not None
        assert memo.officer_determination["approved_by"] == "Dana Cole"
        assert database.cases.get(case_id).case_data["decision_date"] == "2019-12-02"
        review = service.review(case_id)
        assert review is not None and review.state == "approved"
        assert (review.submitted_by, review.reviewed_by) == ("cw_ana", "sup_dana")
        report = database.verify_audit()
        assert report.ok, report.problems
    finally:
        database.close()
    with _raw(office["admin"]) as connection:
        actors = connection.execute(
            "SELECT action, actor FROM audit_log WHERE case_id = %s ORDER BY id",
            (case_id,)).fetchall()
    assert actors == [("case.created", "cw_ana"), ("determination.recorded", "cw_ana"),
                      ("review.submitted", "cw_ana"), ("memo.draft_stored", "cw_ana"),
                      ("review.approved", "sup_dana"),
                      ("memo.finalized", "sup_dana")]


def test_a_person_cannot_write_an_audit_entry_under_another_name(
        office: dict[str, str], clock: Any) -> None:
    database = db.open_database(office["ana"])
    try:
        from desktop.services.cases import CaseService

        with pytest.raises(sa_exc.ProgrammingError, match="must name cw_ana as its actor"):
            CaseService(database, clock, actor="sup_dana").create_case({"applicant": {}})
        assert CaseService(database, clock).count_cases() == 0
    finally:
        database.close()


def test_supervisor_cannot_approve_their_own_submission(office: dict[str, str],
                                                        clock: Any) -> None:
    database = db.open_database(office["dana"])
    try:
        case_id = evaluated_case(database, clock, "sup_dana")
        service = ReviewService(database, clock, pack=PACK)
        submit_decided(service, case_id)
        with pytest.raises(NotAllowedError, match="submitted"):
            service.approve(case_id)
    finally:
        database.close()


def test_amending_on_the_server_reopens_review(office: dict[str, str], clock: Any) -> None:
    from desktop.services.memos import MemoService

    case_id = _submitted_case(office, clock)
    database = db.open_database(office["dana"])
    try:
        ReviewService(database, clock, pack=PACK).approve(case_id)
    finally:
        database.close()
    database = db.open_database(office["ana"])
    try:
        MemoService(database, clock).start_amendment(case_id, "cw_ana", "new evidence")
        assert ReviewService(database, clock).review(case_id) is None
        with pytest.raises(NotAllowedError):
            with database.write() as connection, refusals_named():
                connection.exec_driver_sql(
                    "UPDATE cases SET status = 'finalized' WHERE case_id = %(c)s",
                    {"c": case_id})
    finally:
        database.close()


def test_signed_on_two_laptops_the_approved_memo_carries_both_signatures(
        office: dict[str, str], clock: Any, tmp_path: Path) -> None:
    from desktop.services.memo_verification import check_memo
    from desktop.services.review import SigningKey

    database = db.open_database(office["ana"])
    try:  # each person's key stays in their own data folder
        case_id = evaluated_case(database, clock, "cw_ana")
        submit_decided(ReviewService(database, clock, pack=PACK), case_id,
                       SigningKey(tmp_path / "ana", "ana pass"))
    finally:
        database.close()
    database = db.open_database(office["dana"])
    try:
        ReviewService(database, clock, pack=PACK).approve(
            case_id, SigningKey(tmp_path / "dana", "dana pass"))
        memo = database.memos.latest(case_id)
    finally:
        database.close()
    check = check_memo(memo.pdf_bytes)
    assert check.valid, check.problems
    assert [s.signer for s in check.signatures] == ["Ana Ruiz", "Dana Cole"]
