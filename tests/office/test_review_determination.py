"""Review with the officer's determination: the caseworker who decides records it at submit
(the decision date is pinned into the case then); the supervisor's approval endorses it, and
the approved memo prints it. SQLite with review on; PostgreSQL in test_pg_roles."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from pypdf import PdfReader

from desktop.services.decision import FinalInput
from desktop.services.officer_record import (
    DecidedWithout,
    RecordError,
    RuleConclusion,
    open_questions,
)
from desktop.services.review import ReviewService, ReviewStateError
from tests.office.conftest import PACK, make_case


class DayClock:
    """21:00 UTC on 1 May 2024 (afternoon in Los Angeles), moving a second per reading;
    `next_day()` jumps a day ahead."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 21, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now

    def next_day(self) -> None:
        self.now += timedelta(days=1)


@pytest.fixture
def database(sqlite_url: str) -> Any:
    import db

    opened = db.open_database(sqlite_url)
    yield opened
    opened.close()


@pytest.fixture
def day() -> DayClock:
    return DayClock()


@pytest.fixture
def people(database: Any, day: DayClock) -> dict[str, ReviewService]:
    admin = ReviewService(database, day, actor="admin")
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    admin.add_profile("dana", "Dana Cole", "supervisor")
    admin.set_review_required(True)
    return {login: ReviewService(database, day, actor=login, pack=PACK,
                                 zone_name="America/Los_Angeles") for login in ("ana", "dana")}


def _undated_case(database: Any, day: DayClock) -> str:
    """A case with no decision date of its own: submit pins "today" in the office zone."""
    from desktop.services.cases import CaseService

    data = make_case()
    data.pop("decision_date")
    data["entry"]["date"] = "2024-03-01"
    return CaseService(database, day, actor="ana").create_case(data)


def _her_record(service: ReviewService, case_id: str, differ_on: str = "aca") -> FinalInput:
    determination, _decision = service.to_decide(case_id)
    conclusions = tuple(
        RuleConclusion(str(f["rule"]), "differ", "The agreement was not in force for her.")
        if f["rule"] == differ_on else RuleConclusion(str(f["rule"]), "agree")
        for f in determination["findings"])
    without = tuple(DecidedWithout(q.field, q.question, "She was not asked; decided on file.")
                    for q in open_questions(determination))
    return FinalInput("ignored: the acting person decides", conclusions, without)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())


def test_approval_finalizes_her_determination_on_the_date_pinned_at_submit(
        database: Any, day: DayClock, people: dict[str, ReviewService]) -> None:
    ana, dana = people["ana"], people["dana"]
    case_id = _undated_case(database, day)
    ana.submit(case_id, record=_her_record(ana, case_id))
    # 21:00 UTC is 14:00 in Los Angeles: the office's today is 1 May, pinned into the case
    assert database.cases.get(case_id).case_data["decision_date"] == "2024-05-01"
    day.next_day()  # the supervisor approves the next day: the decision keeps its date
    memo_id = dana.approve(case_id)
    final = database.memos.latest(case_id)
    assert final is not None and final.memo_id == memo_id and final.status == "final"
    assert final.decision_date == "2024-05-01" and final.time_zone == "America/Los_Angeles"
    record = final.officer_determination
    assert record is not None
    assert (record["officer"], record["approved_by"]) == ("Ana Ruiz", "Dana Cole")
    assert record["decision_date_source"] == "today"
    assert {c["rule"]: c["conclusion"] for c in record["conclusions"]}["aca"] == "differ"
    text = _text(final.pdf_bytes)
    assert "Determination of Ana Ruiz, 1 May 2024" in text
    assert "The agreement was not in force for her." in text
    assert "endorsed by Dana Cole's approval" in text
    assert "Reviewed by Dana Cole" in text
    stored = database.memos.latest_determination(case_id)
    assert stored is not None and stored.decision_date == "2024-05-01"
    assert database.verify_audit().ok


def test_a_submission_without_her_determination_is_not_approved(
        database: Any, day: DayClock, people: dict[str, ReviewService]) -> None:
    case_id = _undated_case(database, day)
    people["ana"].submit(case_id)  # an older client's submission: no determination
    with pytest.raises(ReviewStateError, match="without her determination"):
        people["dana"].approve(case_id)
    assert database.cases.get(case_id).status != "finalized"
    assert all(m.status == "draft" for m in database.memos.all_for_case(case_id))


def test_an_incomplete_determination_is_refused_and_nothing_is_stored(
        database: Any, day: DayClock, people: dict[str, ReviewService]) -> None:
    ana = people["ana"]
    case_id = _undated_case(database, day)
    before = database.cases.get(case_id)
    full = _her_record(ana, case_id)
    with pytest.raises(RecordError, match="aca: no conclusion"):
        ana.submit(case_id, record=FinalInput("", tuple(
            c for c in full.conclusions if c.rule != "aca"), full.decided_without))
    assert ana.review(case_id) is None
    after = database.cases.get(case_id)
    assert (after.case_data, after.version) == (before.case_data, before.version)
    assert database.memos.all_for_case(case_id) == []


def test_a_returned_case_submitted_again_is_dated_that_day(
        database: Any, day: DayClock, people: dict[str, ReviewService]) -> None:
    ana, dana = people["ana"], people["dana"]
    case_id = _undated_case(database, day)
    ana.submit(case_id, record=_her_record(ana, case_id))
    dana.return_case(case_id, [("journey", "Check the dates in Mexico")])
    day.next_day()
    ana.submit(case_id, record=_her_record(ana, case_id))
    assert database.cases.get(case_id).case_data["decision_date"] == "2024-05-02"
    dana.approve(case_id)
    final = database.memos.latest(case_id)
    assert final is not None and final.decision_date == "2024-05-02"


def test_a_date_typed_into_the_case_stays_through_review(
        database: Any, day: DayClock, people: dict[str, ReviewService]) -> None:
    from desktop.services.cases import CaseService

    ana, dana = people["ana"], people["dana"]
    case_id = CaseService(database, day, actor="ana").create_case(make_case())  # 2019-12-02
    ana.submit(case_id, record=_her_record(ana, case_id))
    dana.return_case(case_id, [("entry", "Which port?")])
    day.next_day()
    ana.submit(case_id, record=_her_record(ana, case_id))
    dana.approve(case_id)
    final = database.memos.latest(case_id)
    assert final is not None and final.decision_date == "2019-12-02"
    assert final.officer_determination is not None
    assert final.officer_determination["decision_date_source"] == "case"
