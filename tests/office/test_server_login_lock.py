"""Locking a server sign-in ends every connection, one held by a background read included.

The read is not cut off mid-query: its connection closes the moment the read gives it back,
without waiting for garbage collection (collection is switched off to show it).
"""

from __future__ import annotations

import gc
import threading
import time

import psycopg
import pytest
from sqlalchemy.engine import make_url

import db
from db.server_login import SignedOutError
from tests.office.conftest import PASSWORDS

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _sessions_of(admin_url: str, login: str) -> int:
    with psycopg.connect(admin_url.replace("postgresql+psycopg://", "postgresql://")) as admin:
        found = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                              "AND datname = current_database()", (login,)).fetchone()
    assert found is not None
    return int(found[0])


def _wait_for_sessions(admin_url: str, login: str, wanted: int) -> int:
    deadline = time.monotonic() + 10
    count = _sessions_of(admin_url, login)
    while count != wanted and time.monotonic() < deadline:
        time.sleep(0.1)  # a backend leaves pg_stat_activity just after its client closes
        count = _sessions_of(admin_url, login)
    return count


def test_a_lock_closes_the_connection_a_background_read_held(
        scram_office: dict[str, str]) -> None:
    url = make_url(scram_office["ana"])._replace(password=None).render_as_string(
        hide_password=False)
    database = db.open_database(url, passphrase=PASSWORDS["ana"])
    reading, release = threading.Event(), threading.Event()
    answers: list[object] = []

    def background_read() -> None:
        with database.read() as connection:
            answers.append(connection.exec_driver_sql("SELECT current_user").scalar())
            reading.set()
            release.wait(20)
            answers.append(connection.exec_driver_sql("SELECT 2").scalar())  # still usable

    worker = threading.Thread(target=background_read)
    gc.disable()
    try:
        worker.start()
        assert reading.wait(20)
        database.lock()
        assert _wait_for_sessions(scram_office["admin"], "ana", 1) == 1  # the read goes on
        release.set()
        worker.join(20)
        assert answers == ["ana", 2]
        assert _wait_for_sessions(scram_office["admin"], "ana", 0) == 0
        with pytest.raises(SignedOutError), database.read() as connection:
            connection.exec_driver_sql("SELECT 1")
    finally:
        release.set()
        worker.join(20)
        gc.enable()
    database.unlock(PASSWORDS["ana"])
    try:
        with database.read() as connection:
            assert connection.exec_driver_sql("SELECT current_user").scalar() == "ana"
    finally:
        database.close()
