"""The window on the office server: sign in with a password, see who is signed in, lock.

The URL names the login only; the password is typed on the sign-in page, reaches only the
driver, is in no log, and is forgotten when the window locks (idle or Ctrl+L).
"""

from __future__ import annotations

import gc
from pathlib import Path

import psycopg
import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

import db
from desktop.app import launch
from desktop.paths import resolve_paths
from tests.office.conftest import PASSWORDS

pytestmark = [pytest.mark.gui, pytest.mark.postgres, pytest.mark.slow,
              pytest.mark.qt_log_ignore("propagateSizeHints")]


def _sessions_of(admin_url: str, login: str) -> int:
    with psycopg.connect(admin_url.replace("postgresql+psycopg://", "postgresql://")) as admin:
        found = admin.execute("SELECT count(*) FROM pg_stat_activity WHERE usename = %s "
                              "AND datname = current_database()", (login,)).fetchone()
    return -1 if found is None else int(found[0])


def _type(qtbot, field, text: str) -> None:
    field.setText(text)
    qtbot.keyClick(field, Qt.Key.Key_Return)


def test_sign_in_lock_and_sign_in_again(qtbot, scram_office: dict[str, str], tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    url = make_url(scram_office["ana"])._replace(password=None).render_as_string(
        hide_password=False)
    paths = resolve_paths(tmp_path / "data")
    launched = launch(paths, url)
    qtbot.addWidget(launched.window)
    try:
        window, lock = launched.window, launched.opener.lock
        page = lock.page
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10_000)
        assert "login and password" in page.explain.text()
        assert page.login_field.isVisible() and page.login_field.text() == "ana"
        _type(qtbot, page.field, "not her password at all")
        qtbot.waitUntil(lambda: "did not accept" in page.error.text(), timeout=20_000)
        assert window.services is None
        _type(qtbot, page.field, PASSWORDS["ana"])
        qtbot.waitUntil(lambda: window.services is not None, timeout=30_000)
        assert "signed in as ana" in window.windowTitle()
        database = launched.opener.storage.database

        # A background read holds a connection when the lock comes: it finishes, and its
        # connection closes as it is given back (collection off: not left to the collector).
        qtbot.waitUntil(lambda: window.runner.pending_count() == 0, timeout=30_000)
        read_done: list[object] = []

        def slow_read() -> object:
            with database.read() as connection:
                return connection.exec_driver_sql("SELECT pg_sleep(1.5), 7").one()[1]

        gc.disable()
        try:
            window.runner.run(slow_read, read_done.append, read_done.append)
            qtbot.waitUntil(lambda: _sessions_of(scram_office["admin"], "ana") >= 1,
                            timeout=10_000)
            lock.lock()
            assert window.stack.currentWidget() is page and "server password" in (
                page.explain.text())
            assert page.login_field.text() == "ana" and page.login_field.isReadOnly()
            qtbot.waitUntil(lambda: read_done == [7], timeout=20_000)
            qtbot.waitUntil(lambda: _sessions_of(scram_office["admin"], "ana") == 0,
                            timeout=10_000)
        finally:
            gc.enable()
        with pytest.raises(db.DatabaseError):
            with database.read() as connection:
                connection.exec_driver_sql("SELECT 1")
        _type(qtbot, page.field, "wrong again, sorry")
        qtbot.waitUntil(lambda: "did not accept" in page.error.text(), timeout=20_000)
        assert lock.locked
        _type(qtbot, page.field, PASSWORDS["ana"])
        qtbot.waitUntil(lambda: not lock.locked, timeout=20_000)
        with database.read() as connection:
            assert connection.exec_driver_sql("SELECT current_user").scalar() == "ana"
    finally:
        launched.window.close()
        launched.shutdown()
    logged = "".join(p.read_text(errors="replace") for p in paths.log_dir.rglob("*")
                     if p.is_file())
    assert PASSWORDS["ana"] not in logged and "not her password" not in logged


def test_the_login_is_typed_on_the_sign_in_page(qtbot, scram_office: dict[str, str],
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A URL without a login: the page offers the system user's name; the person types hers."""
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.delenv("PGUSER", raising=False)
    url = make_url(scram_office["ana"])._replace(username=None, password=None).render_as_string(
        hide_password=False)
    paths = resolve_paths(tmp_path / "data")
    launched = launch(paths, url)
    qtbot.addWidget(launched.window)
    try:
        window, page = launched.window, launched.opener.lock.page
        qtbot.waitUntil(lambda: window.stack.currentWidget() is page, timeout=10_000)
        assert page.login_field.isVisible() and not page.login_field.isReadOnly()
        page.login_field.clear()
        _type(qtbot, page.field, PASSWORDS["ana"])
        assert "Enter your login" in page.error.text() and window.services is None
        page.login_field.setText("ben")  # ana's password under ben's login: refused
        _type(qtbot, page.field, PASSWORDS["ana"])
        qtbot.waitUntil(lambda: "did not accept" in page.error.text(), timeout=20_000)
        assert page.login_field.text() == "ben" and window.services is None
        page.login_field.setText(" ana ")
        _type(qtbot, page.field, PASSWORDS["ana"])
        qtbot.waitUntil(lambda: window.services is not None, timeout=30_000)
        assert "signed in as ana" in window.windowTitle()
        assert launched.opener.storage.database.server_login.login == "ana"
    finally:
        launched.window.close()
        launched.shutdown()
    logged = "".join(p.read_text(errors="replace") for p in paths.log_dir.rglob("*")
                     if p.is_file())
    assert PASSWORDS["ana"] not in logged
