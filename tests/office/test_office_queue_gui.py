"""The office's case list: My cases, Awaiting my review, Returned to me; assignment; comments."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer

from desktop.services.review import ReviewService
from desktop.ui.office.office_queue import OfficeQueuePage
from tests.office.conftest import PACK, make_case, submit_decided

pytestmark = pytest.mark.gui


def _page(qtbot: Any, services: Any, login: str) -> OfficeQueuePage:
    service = ReviewService(services.cases.database, services.clock, actor=login, pack=PACK)
    page = OfficeQueuePage(service, services.runner)
    qtbot.addWidget(page)
    page.show()
    return page


def _view(qtbot: Any, page: OfficeQueuePage, view: str) -> list[tuple[str, ...]]:
    with qtbot.waitSignal(page.loaded, timeout=20_000):
        if page.view_combo.currentData() == view:
            page.refresh()
        else:
            page.view_combo.setCurrentIndex(page.view_combo.findData(view))
    model = page.model
    return [tuple(model.index(r, c).data() for c in range(model.columnCount()))
            for r in range(model.rowCount())]


def test_filters_assignment_and_comment_counts(qtbot: Any, qtmodeltester: Any,
                                               services: Any) -> None:
    database, clock = services.cases.database, services.clock
    admin = ReviewService(database, clock, actor="admin")
    admin.set_review_required(True)
    admin.add_profile("ana", "Ana Ruiz", "caseworker")
    admin.add_profile("bo", "Bo Lin", "caseworker")
    admin.add_profile("dana", "Dana Cole", "supervisor")
    ana = ReviewService(database, clock, actor="ana", pack=PACK)
    dana = ReviewService(database, clock, actor="dana", pack=PACK)
    first = services.cases.create_case(make_case("Núñez", "José"))
    second = services.cases.create_case(make_case("Okafor", "Chidi"))
    ana.assign(first, "ana")
    submit_decided(ana, first)
    dana.return_case(first, [("journey", "Dates?"), ("entry", "Port?")])

    supervisor = _page(qtbot, services, "dana")
    assert _view(qtbot, supervisor, "awaiting_review") == []
    qtmodeltester.check(supervisor.model)
    submit_decided(ana, first)
    assert _view(qtbot, supervisor, "awaiting_review") == [
        ("Núñez, José", "determined", "awaiting review", "Ana Ruiz", "2")]

    worker = _page(qtbot, services, "ana")
    assert [row[0] for row in _view(qtbot, worker, "mine")] == ["Núñez, José"]
    assert _view(qtbot, worker, "returned_to_me") == []
    dana.return_case(first, [("journey", "Still the dates")])
    assert _view(qtbot, worker, "returned_to_me") == [
        ("Núñez, José", "determined", "returned", "Ana Ruiz", "3")]

    # The supervisor assigns the second case to Bo through the dialog.
    rows = _view(qtbot, supervisor, "all")
    supervisor.table.selectRow([row[0] for row in rows].index("Okafor, Chidi"))

    def choose_bo() -> None:
        dialog = supervisor.assign_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.setTextValue("Bo Lin (bo)")
        dialog.accept()

    QTimer.singleShot(0, choose_bo)
    with qtbot.waitSignal(supervisor.loaded, timeout=20_000):
        supervisor.assign_button.click()
    assert ("Okafor, Chidi", "draft", "—", "Bo Lin", "0") in [
        tuple(supervisor.model.index(r, c).data() for c in range(5))
        for r in range(supervisor.model.rowCount())]
    bo = _page(qtbot, services, "bo")
    assert [row[0] for row in _view(qtbot, bo, "mine")] == ["Okafor, Chidi"]
    assert second in [r.summary.case_id for r in ReviewService(
        database, clock, actor="bo").office_rows("mine")]
