"""The journey editor: add, insert, remove, reorder by keyboard and by drag; its model."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from test_case_flow_support import (
    choose_value,
    load_public_case,
    open_page,
    type_country,
    type_date,
    wait_saved,
)

from desktop.flow import Step, blank_case
from desktop.flow.exception_labels import exception_label
from desktop.ui.case_flow.journey_model import JourneyModel
from desktop.ui.case_flow.why_tree_model import EXCEPTION_ID_ROLE
from desktop.ui.widgets.country_combo_box import resolve_country

pytestmark = [
    pytest.mark.gui,
    pytest.mark.qt_log_ignore(
        "propagateSizeHints", "does not support raise", "grabbing the keyboard"
    ),
]


def countries(page) -> list[str]:
    return [stop["country"] for stop in page.flow.journey]


def test_stops_are_reordered_with_the_keyboard_and_saved(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    journey.select_row(2)
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert countries(page) == ["HN", "MX", "GT"]
    assert journey.current_row() == 1
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert countries(page) == ["HN", "GT", "MX"]
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Insert)
    assert countries(page) == ["HN", "GT", None, "MX"]
    type_country(journey.country, "Belize")
    assert countries(page) == ["HN", "GT", "BZ", "MX"]
    journey.stop_list.setFocus()
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Delete)
    assert countries(page) == ["HN", "GT", "MX"]
    wait_saved(qtbot, page)
    assert [s["country"] for s in services.cases.get_case(case_id).case_data["journey"]] == [
        "HN",
        "GT",
        "MX",
    ]


def test_a_stop_is_dragged_to_a_new_place(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    model = page.pages[Step.JOURNEY].model
    mime = model.mimeData([model.index(0)])
    # Dropping row 0 between rows 2 and 3 (row=3), as QListView does at the end of a drag.
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 3, 0, QModelIndex()) is False
    assert countries(page) == ["GT", "MX", "HN"]
    assert page.has_unsaved_changes


def test_countries_resolve_by_name_code_or_label() -> None:
    assert resolve_country("mexico") == "MX"
    assert resolve_country("GT") == "GT"
    assert resolve_country("Honduras (HN)") == "HN"
    assert resolve_country("Atlantis") is None


def test_an_unknown_country_is_reported_next_to_the_field(qtbot, services) -> None:
    case_id = services.cases.create_case(blank_case())
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    journey.add_stop()
    type_country(journey.country, "Atlantis")
    binding = journey.stop_form.bindings[0]
    assert binding.problem_label.isVisible()
    assert "'Atlantis' is not a country" in binding.problem_label.text()
    assert journey.country.currentText() == "Atlantis"  # what was typed is kept


def test_journey_model_passes_the_model_tester(qtbot, qtmodeltester, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    model: JourneyModel = page.pages[Step.JOURNEY].model
    qtmodeltester.check(model)
    model.move_stop(0, 2)
    model.insert_stop(1)
    model.remove_stop(0)
    qtmodeltester.check(model)


def test_why_tree_model_passes_the_model_tester(qtbot, qtmodeltester, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-trafficking-unknown"))
    page = open_page(qtbot, services, case_id)
    review = page.pages[Step.REVIEW]
    with qtbot.waitSignal(review.evaluated, timeout=20_000):
        page.go_to_step(Step.REVIEW)
    qtmodeltester.check(review.tree_model)
    # needs_information: the question is a link (on its outcome card) to the field to fill.
    link = next(link for link in review.cards.links()
                if link.path == "circumstances.trafficking_victim")
    link.click()
    assert page.current_step is Step.CIRCUMSTANCES


def test_a_removed_stop_comes_back_with_ctrl_z(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    before = [dict(stop) for stop in page.flow.journey]
    journey.select_row(1)
    journey.stop_list.setFocus()
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Delete)
    assert countries(page) == ["HN", "MX"]
    assert journey.undo_bar.isVisible() and "Guatemala" in journey.undo_label.text()
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert page.flow.journey == before  # the same stop, in the same place
    assert journey.current_row() == 1 and not journey.undo_bar.isVisible()
    assert journey.undo_remove() is False  # only once
    wait_saved(qtbot, page)
    assert services.cases.get_case(case_id).case_data["journey"] == before


def test_an_earlier_us_stay_records_how_it_ended(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    journey.select_row(0)
    assert not journey.left_how.isVisibleTo(journey)  # asked only of a stay in the US
    journey.select_row(2)
    QTest.keyClick(journey.stop_list, Qt.Key.Key_Insert)  # before Mexico
    type_country(journey.country, "United States")
    assert countries(page) == ["HN", "GT", "US", "MX"]
    assert journey.left_how.isVisibleTo(journey) and journey.left_how.value() is None
    assert "left_how" not in page.flow.journey[2]  # Unknown until answered: nothing stored
    journey.left_how.setFocus()
    choose_value(journey.left_how, "removed")
    wait_saved(qtbot, page)
    stored = services.cases.get_case(case_id).case_data["journey"]
    assert stored[2]["country"] == "US" and stored[2]["left_how"] == "removed"
    # A stop that holds the answer keeps showing it, even once its country is changed.
    type_country(journey.country, "Belize")
    assert journey.left_how.isVisibleTo(journey) and journey.left_how.value() == "removed"


def test_stops_with_problems_are_marked_in_the_list(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-final-denial-in-mexico"))
    page = open_page(qtbot, services, case_id)
    page.go_to_step(Step.JOURNEY)
    journey = page.pages[Step.JOURNEY]
    model = journey.model
    assert all(model.problem_kind(row) is None for row in range(model.rowCount()))
    journey.select_row(1)
    arrived = str(page.flow.journey[1]["arrived"])
    type_date(journey.departed, f"{int(arrived[:4]) - 1}-01-01")  # leaves before it arrives
    assert model.problem_kind(1) == "error"
    shown = model.data(model.index(1), Qt.ItemDataRole.DisplayRole)
    assert shown.startswith("⚠ ")
    assert "Problems:" in model.data(model.index(1), Qt.ItemDataRole.ToolTipRole)
    assert "Problems:" in model.data(model.index(1), Qt.ItemDataRole.AccessibleTextRole)
    assert not model.data(model.index(0), Qt.ItemDataRole.DisplayRole).startswith("⚠")
    journey.add_stop()  # a blank stop still lacks answers
    assert model.problem_kind(model.rowCount() - 1) is not None


def test_the_why_tree_names_exceptions_in_plain_english(qtbot, services) -> None:
    case_id = services.cases.create_case(load_public_case("tb-trafficking-unknown"))
    page = open_page(qtbot, services, case_id)
    review = page.pages[Step.REVIEW]
    with qtbot.waitSignal(review.evaluated, timeout=20_000):
        page.go_to_step(Step.REVIEW)
    model = review.tree_model
    labels: dict[str, str] = {}
    for row in range(model.rowCount()):
        finding = model.item(row, 0)
        for child in range(finding.rowCount()):
            group = finding.child(child, 0)
            if group.text() != "Exceptions considered":
                continue
            for index in range(group.rowCount()):
                item = group.child(index, 0)
                labels[item.data(EXCEPTION_ID_ROLE)] = item.text()
                assert item.toolTip() == f"Rule id: {item.data(EXCEPTION_ID_ROLE)}"
    assert labels, "no exception was listed"
    assert labels["trafficking_victim"].startswith("Victim of a severe form of trafficking")
    assert not any("_" in text for text in labels.values()), labels


def test_exception_labels_fall_back_to_plain_words() -> None:
    assert exception_label("unaccompanied_child") == "Unaccompanied child"
    assert exception_label("new_rule_for_us_nationals") == "New rule for US nationals"
    assert exception_label({"id": "x_y", "label": "Own label"}) == "Own label"
