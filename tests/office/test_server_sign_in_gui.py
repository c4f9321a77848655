"""The window on the office server: sign in with a password, see who is signed in, lock.

The URL names the login only; the password is typed on the sign-in page, reaches only the
driver, is in no log, and is forgotten when the window locks (idle or Ctrl+L).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy.engine import make_url

import db
from desktop.app import launch
from desktop.paths import resolve_paths
from tests.office.conftest import PASSWORDS

pytestmark = [pytest.mark.gui, pytest.mark.postgres, pytest.mark.slow,
              pytest.mark.qt_log_ignore("propagateSizeHints")]


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
        assert "as ana" in page.explain.text()
        _type(qtbot, page.field, "not her password at all")
        qtbot.waitUntil(lambda: "did not accept" in page.error.text(), timeout=20_000)
        assert window.services is None
        _type(qtbot, page.field, PASSWORDS["ana"])
        qtbot.waitUntil(lambda: window.services is not None, timeout=30_000)
        assert "signed in as ana" in window.windowTitle()
        database = launched.opener.storage.database

        # Idle: no background read holds a connection (one that does when Ctrl+L comes is
        # left to be closed when collected, not mid-query).
        qtbot.waitUntil(lambda: window.runner.pending_count() == 0, timeout=30_000)
        lock.lock()
        assert window.stack.currentWidget() is page and "server password" in (
            page.explain.text())
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
