"""One laptop, several people (SQLite): a local profile is chosen at start and acts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer

from desktop.app import launch
from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.review import ReviewService
from desktop.services.startup import close_storage, open_storage

pytestmark = pytest.mark.gui


def test_profile_chosen_at_start_is_the_actor(qtbot: Any, tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    url = resolve_database_url(paths)
    storage = open_storage(paths, url, seed_demo=False)
    admin = ReviewService(storage.database, actor="admin")
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    admin.add_profile("dana", "Dana Cole", "supervisor")
    close_storage(storage)

    launched = launch(paths, url)
    qtbot.addWidget(launched.window)
    try:
        qtbot.waitUntil(lambda: getattr(launched.opener, "profile_dialog", None) is not None,
                        timeout=30_000)
        dialog = launched.opener.profile_dialog
        assert dialog.isVisible() and launched.window.services is None
        assert [dialog.combo.itemData(i) for i in range(dialog.combo.count())] == [
            "ana", "dana"]

        def choose_dana() -> None:
            dialog.combo.setCurrentIndex(dialog.combo.findData("dana"))
            dialog.accept()

        QTimer.singleShot(0, choose_dana)
        qtbot.waitUntil(lambda: launched.window.services is not None, timeout=30_000)
        services = launched.window.services
        assert services.cases.actor == "dana" and services.memos._actor == "dana"
        case_id = services.cases.create_case({"format": "waypoint-case/1", "applicant": {}})
        with services.cases.database.read() as connection:
            actor = connection.exec_driver_sql(
                "SELECT actor FROM audit_log WHERE case_id = ?", (case_id,)).scalar_one()
        assert actor == "dana"
    finally:
        launched.window.close()
        launched.shutdown()
