"""The entry page records where the crossing was (entry.place), which sets the time zone."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from desktop.flow.case_flow import CaseFlow
from desktop.ui.case_flow.entry_page import EntryPage


@pytest.mark.gui
def test_place_of_crossing_is_typed_and_stored(qtbot: QtBot) -> None:
    flow = CaseFlow()
    page = EntryPage(flow)
    qtbot.addWidget(page)
    page.load()
    page.show()
    page.place.setFocus()
    qtbot.keyClicks(page.place, "El Paso Sector")
    page.place.editingFinished.emit()
    assert flow.answer("entry.place") == "El Paso Sector"


@pytest.mark.gui
def test_a_stop_records_its_city_or_region(qtbot: QtBot) -> None:
    from desktop.ui.case_flow.journey_page import JourneyPage

    flow = CaseFlow()
    flow.add_stop(country="MX")
    page = JourneyPage(flow)
    qtbot.addWidget(page)
    page.load()
    page.show()
    page.select_row(0)
    page.place.setFocus()
    qtbot.keyClicks(page.place, "Tapachula")
    page.place.editingFinished.emit()
    assert flow.answer("journey[0].place") == "Tapachula"
