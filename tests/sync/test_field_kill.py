"""A check-in killed midway (SIGKILL, no cleanup) has applied whole cases only, the audit
chain still verifies, and checking the same file in again applies the rest."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db.receipts import SUFFIX
from desktop.services import sync_laptop, sync_office
from desktop.services.cases import CaseService
from desktop.services.sync_format import read_transfer
from tests.db.conftest import make_case
from tests.hard_kill import KILLED_BY_POPEN
from tests.sync.support import (
    CASEWORKER,
    KEY_PASSPHRASE,
    TRANSFER_PASSPHRASE,
    Clock,
    assert_audit_verifies,
    cases_state,
    make_office,
    open_sqlite,
)

CASES = 60


def _sent(root: Path) -> tuple[Path, list[str]]:
    """An office in root/office (its data folder) and a return of CASES changed cases."""
    office, clock = make_office(root, None), Clock()
    laptop = open_sqlite(root / "laptop" / "waypoint.sqlite3")
    try:
        at_office = CaseService(office.database, clock, actor="ana")
        ids = [at_office.create_case(make_case(family=f"K{n}", a_number=None))
               for n in range(CASES)]
        sync_office.checkout(office.database, ids, root / "out", TRANSFER_PASSPHRASE,
                             office.signer, device=None, device_name="laptop", actor="ana",
                             now=clock())
        sync_laptop.receive(laptop, read_transfer(root / "out", TRANSFER_PASSPHRASE),
                            actor="ana", now=clock())
        field = CaseService(laptop, clock, actor="ana")
        for case_id in ids:
            data = field.get_case(case_id).case_data
            data["entry"]["port"] = "Laredo"
            field.save_draft(case_id, data)
        sync_laptop.send(laptop, root / "back", TRANSFER_PASSPHRASE, office.signer,
                         actor="ana", now=clock())
    finally:
        laptop.close()
        office.database.close()
    return root / "back", ids


@pytest.mark.posix(reason="SIGKILL of a child process, and its return code")
def test_a_check_in_killed_midway_applies_whole_cases_and_the_retry_the_rest(
        tmp_path: Path) -> None:
    transfer, ids = _sent(tmp_path)
    office_file = tmp_path / "office" / "waypoint.sqlite3"
    receipts = office_file.with_name(office_file.name + SUFFIX)
    start_size = receipts.stat().st_size
    env = {**os.environ, "WAYPOINT_TRANSFER_PASSPHRASE": TRANSFER_PASSPHRASE,
           "WAYPOINT_SIGNING_PASSPHRASE": KEY_PASSPHRASE}
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path / "office"), "field",
         "--signer", CASEWORKER, "checkin", str(transfer)],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while receipts.stat().st_size < start_size + 600 and time.monotonic() < deadline:
        time.sleep(0.005)  # a few cases are in (a receipt line per commit)
    child.kill()
    assert child.wait(timeout=30) == KILLED_BY_POPEN, "the check-in ended before the kill"
    office = open_sqlite(office_file)
    try:
        ports = {case_id: json.loads(state[2])["entry"]["port"]
                 for case_id, state in cases_state(office).items()}
        done = [case_id for case_id in ids if ports[case_id] == "Laredo"]
        assert 0 < len(done) < CASES  # cut off midway …
        assert all(ports[case_id] is None for case_id in ids if case_id not in done)
        # … whole cases only, the chain intact: at most the last commit's receipt is missing
        # (killed between the commit and the receipt line; the next commit's receipt covers it)
        problems = [problem.message for problem in office.verify_audit().problems]
        assert all("stopped before it could record the receipt" in one for one in problems)
        assert len(problems) <= 1, problems
        retry = sync_office.checkin(office, read_transfer(transfer, TRANSFER_PASSPHRASE),
                                    actor="ana", now=Clock()())
        states = {one.case_id: one.state for one in retry.outcomes}
        assert {states[case_id] for case_id in done} == {"stale"}
        assert {states[case_id] for case_id in ids if case_id not in done} == {"merged"}
        assert {json.loads(state[2])["entry"]["port"]
                for state in cases_state(office).values()} == {"Laredo"}
        assert_audit_verifies(office)
    finally:
        office.close()
