"""The office on PostgreSQL, checked in by a caseworker's own login (row-level security and
the database's guards apply): a case she may not see is refused alone, nothing of it written,
her own case applied; once the case is assigned to her, the same transfer applies the rest."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import db
from desktop.services import sync_laptop, sync_office
from desktop.services.cases import CaseService
from desktop.services.office_setup import add_person, url_for_person
from desktop.services.review import ReviewService
from desktop.services.sync_format import read_transfer
from tests.db.conftest import make_case
from tests.sync.support import (
    TRANSFER_PASSPHRASE,
    Clock,
    assert_audit_verifies,
    cases_state,
    close_office,
    make_office,
    open_sqlite,
)

pytestmark = pytest.mark.postgres


def test_a_case_she_may_not_see_is_refused_alone_and_applied_on_retry(
        pg_url: str, tmp_path: Path) -> None:
    office = make_office(tmp_path, pg_url)
    add_person(pg_url, "cw_ben", "Ben Adler", "caseworker")
    ben = db.open_database(url_for_person(pg_url, "cw_ben"))
    laptop = open_sqlite(tmp_path / "laptop" / "waypoint.sqlite3")
    clock = Clock()
    try:
        hers = CaseService(office.database, clock, actor="cw_ana").create_case(make_case())
        his = CaseService(ben, clock, actor="cw_ben").create_case(make_case("Adler", "Ben"))
        # the administrator takes both out to her laptop
        sync_office.checkout(office.admin, [hers, his], tmp_path / "out", TRANSFER_PASSPHRASE,
                             office.signer, device=None, device_name="ana's laptop",
                             actor=None, now=clock())
        sync_laptop.receive(laptop, read_transfer(tmp_path / "out", TRANSFER_PASSPHRASE),
                            actor="ana", now=clock())
        field = CaseService(laptop, clock, actor="ana")
        for case_id in (hers, his):
            data = field.get_case(case_id).case_data
            data["entry"]["port"] = "Laredo"
            field.save_draft(case_id, data)
        sync_laptop.send(laptop, tmp_path / "back", TRANSFER_PASSPHRASE, office.signer,
                         actor="ana", now=clock())
        document = read_transfer(tmp_path / "back", TRANSFER_PASSPHRASE)
        summary = sync_office.checkin(office.database, document, actor="cw_ana", now=clock())
        assert [one.case_id for one in summary.outcomes] == [hers]
        assert [case_id for case_id, _why in summary.refused] == [his]
        seen_by_admin = cases_state(office.admin)
        assert json.loads(seen_by_admin[hers][2])["entry"]["port"] == "Laredo"
        assert json.loads(seen_by_admin[his][2])["entry"]["port"] is None  # nothing of it
        assert his not in cases_state(office.database)  # and still not hers to see
        ReviewService(office.admin, clock, actor=None).assign(his, "cw_ana")
        retry = sync_office.checkin(office.database, document, actor="cw_ana", now=clock())
        assert {one.case_id: one.state for one in retry.outcomes} == {
            hers: "stale", his: "merged"}
        assert not retry.refused
        assert json.loads(cases_state(office.admin)[his][2])["entry"]["port"] == "Laredo"
        assert sync_office.checkin(office.database, document, actor="cw_ana",
                                   now=clock()).already
        assert_audit_verifies(office.admin)
        assert_audit_verifies(laptop)
    finally:
        laptop.close()
        ben.close()
        close_office(office)
