"""No lost edits: every save raises the case's version; a save against an older one is refused."""

from __future__ import annotations

import multiprocessing
from typing import Any

import pytest

import db
from desktop.services.cases import CaseService
from desktop.services.review import CaseConflictError, ReviewService
from tests.office.conftest import make_case


def _save_in_process(url: str, case_id: str, family: str, barrier: Any, results: Any) -> None:
    """A second program: open the case, wait for the other, save an edit of what it opened."""
    database = db.open_database(url)
    try:
        opened = database.cases.get(case_id)
        edited = dict(opened.case_data, applicant={**opened.case_data["applicant"],
                                                   "family_name": family})
        barrier.wait(timeout=60)
        try:
            version = ReviewService(database, actor=family).save(case_id, edited, opened.version)
            results.put(("saved", family, version))
        except CaseConflictError as conflict:
            results.put(("conflict", family, (conflict.your_version, conflict.stored_version,
                                              conflict.stored_data["applicant"]["family_name"])))
    finally:
        database.close()


def test_every_save_raises_the_version(database: Any, clock: Any) -> None:
    cases = CaseService(database, clock, actor="ana")
    case_id = cases.create_case(make_case())
    assert cases.get_case(case_id).version == 1
    cases.save_draft(case_id, make_case("Other"))
    assert cases.get_case(case_id).version == 2
    service = ReviewService(database, clock, actor="ana")
    assert service.save(case_id, make_case("Third"), 2) == 3
    assert service.save(case_id, make_case("Third"), 3) == 3  # nothing changed: no new version
    with pytest.raises(CaseConflictError) as refused:
        service.save(case_id, make_case("Stale"), 2)
    assert (refused.value.your_version, refused.value.stored_version) == (2, 3)
    assert refused.value.stored_data["applicant"]["family_name"] == "Third"
    assert cases.get_case(case_id).case_data["applicant"]["family_name"] == "Third"
    assert database.verify_audit().ok


def test_two_processes_saving_one_case_end_in_one_conflict(database_url: str, clock: Any
                                                           ) -> None:
    database = db.open_database(database_url)
    try:
        case_id = CaseService(database, clock, actor="setup").create_case(make_case())
    finally:
        database.close()
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    workers = [context.Process(target=_save_in_process,
                               args=(database_url, case_id, name, barrier, results))
               for name in ("Alvarez", "Baptiste")]
    for worker in workers:
        worker.start()
    outcomes = sorted(results.get(timeout=120) for _ in workers)
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0
    results.close()
    results.join_thread()
    assert [kind for kind, _name, _detail in outcomes] == ["conflict", "saved"]
    (_, loser, (yours, theirs, stored_family)), (_, winner, version) = outcomes
    assert version == 2 and (yours, theirs) == (1, 2) and stored_family == winner
    assert loser != winner
    database = db.open_database(database_url)
    try:
        stored = database.cases.get(case_id)
        assert stored.version == 2
        assert stored.case_data["applicant"]["family_name"] == winner
        assert database.verify_audit().ok
    finally:
        database.close()
