"""The case list: a real model over the storage layer, search as you type, sort, filter, open."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit

from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import Storage, close_storage, load_demo_case, open_storage
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_list.case_list_model import CaseListModel, CaseQuery
from desktop.ui.case_list.case_list_page import CaseListPage
from desktop.ui.context import UiServices

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

PEOPLE = [
    # family_name, given_names, a_number, nationality, status
    ("Núñez", "José", "A-098-765-432", "HN", "draft"),
    ("王", "小明", None, "CN", "determined"),
    ("العلي", "محمد", "12345678", "SY", "finalized"),
    ("Nguyễn", "Thị Hồng", None, "VN", "draft"),
    ("Smith", "Anne", "A-111-222-333", "CA", "determined"),
]


def case_data(family: str, given: str, a_number: str | None, nationality: str) -> dict[str, Any]:
    data = load_demo_case()
    data.pop("case_id")
    data["applicant"].update(family_name=family, given_names=given, a_number=a_number,
                             nationalities=[nationality])
    return data


def add_cases(storage: Storage, rows: list[tuple[str, str, str | None, str, str]]) -> None:
    """Insert in one transaction with the storage layer's bulk path (Core executemany)."""
    from db.case_store import insert_cases, prepare

    items = [prepare(case_data(f, g, a, n), status=s) for f, g, a, n, s in rows]  # type: ignore[arg-type]  # rows: loose test tuples
    with storage.database.write() as connection:
        insert_cases(connection, items, datetime.now(UTC))


@pytest.fixture
def storage(tmp_path: Path) -> Iterator[Storage]:
    paths = resolve_paths(tmp_path / "data")
    opened = open_storage(paths, resolve_database_url(paths, f"sqlite:///{paths.database_file}"),
                          seed_demo=False)
    yield opened
    close_storage(opened)


@pytest.fixture
def runner(qtbot) -> Iterator[BackgroundRunner]:
    background = BackgroundRunner()
    yield background
    background.wait_for_done()


def services_for(storage: Storage, runner: BackgroundRunner, tmp_path: Path) -> UiServices:
    paths = resolve_paths(tmp_path / "data")
    return UiServices(
        cases=storage.cases, memos=storage.memos, runner=runner,
        settings=QSettings(str(paths.settings_file), QSettings.Format.IniFormat),
        clock=lambda: datetime.now(UTC), paths=paths, database_url=storage.database.url,
    )


@pytest.fixture
def page(qtbot, storage: Storage, runner: BackgroundRunner, tmp_path: Path) -> CaseListPage:
    add_cases(storage, PEOPLE)
    services = services_for(storage, runner, tmp_path)
    widget = CaseListPage(runner, services.settings)
    qtbot.addWidget(widget)
    widget.resize(900, 500)
    widget.show()
    with qtbot.waitSignal(widget.model.query_applied, timeout=10_000):
        widget.set_services(services)
    return widget


def names(model: CaseListModel) -> list[str]:
    return [model.index(row, 0).data() for row in range(model.rowCount())]


def type_text(widget: QLineEdit, text: str) -> None:
    """Type any script: qtbot.keyClicks aborts on non-ASCII, sendKeyEvent with the text does not."""
    for character in text:
        QTest.sendKeyEvent(QTest.KeyAction.Press, widget, Qt.Key.Key_unknown, character,
                           Qt.KeyboardModifier.NoModifier)
        QTest.sendKeyEvent(QTest.KeyAction.Release, widget, Qt.Key.Key_unknown, character,
                           Qt.KeyboardModifier.NoModifier)


def search(qtbot, page: CaseListPage, text: str) -> None:
    page.search_edit.clear()
    with qtbot.waitSignal(page.model.query_applied, timeout=10_000):
        type_text(page.search_edit, text)
    qtbot.waitUntil(lambda: page.model.query().search == text.strip())
    qtbot.waitUntil(lambda: not page.model.is_loading())


def test_lists_names_in_every_script(page: CaseListPage) -> None:
    assert sorted(names(page.model)) == sorted(f"{f}, {g}" for f, g, *_ in PEOPLE)
    assert page.count_label.text() == "5 cases"
    row = page.model.row_of(next(s.case_id for s in [page.model.summary(r) for r in range(5)]
                                 if s.display_name.startswith("العلي")))
    assert page.model.index(row, 1).data() == "A-012-345-678"  # stored as 9 digits
    assert page.model.index(row, 4).data() == "Finalized"


def test_search_as_you_type_ignores_accents_and_case(qtbot, page: CaseListPage) -> None:
    search(qtbot, page, "nunez")
    assert names(page.model) == ["Núñez, José"]
    assert page.search_edit.text() == "nunez"
    search(qtbot, page, "NGUYEN")
    assert names(page.model) == ["Nguyễn, Thị Hồng"]
    search(qtbot, page, "Hồng")
    assert names(page.model) == ["Nguyễn, Thị Hồng"]


def test_search_finds_non_latin_names(qtbot, page: CaseListPage) -> None:
    search(qtbot, page, "小明")
    assert names(page.model) == ["王, 小明"]
    search(qtbot, page, "محمد")
    assert names(page.model) == ["العلي, محمد"]


@pytest.mark.parametrize("written", ["098765432", "a 098 765 432", "A098-765-432"])
def test_search_finds_an_a_number_however_it_is_written(
    qtbot, page: CaseListPage, written: str
) -> None:
    search(qtbot, page, written)
    assert names(page.model) == ["Núñez, José"]
    assert page.model.index(0, 1).data() == "A-098-765-432"


def test_no_match_says_so(qtbot, page: CaseListPage) -> None:
    search(qtbot, page, "zzzz-nobody")
    assert page.model.rowCount() == 0
    assert page.count_label.text() == "No case matches the search."
    assert not page.open_button.isEnabled()


def test_stale_results_of_an_earlier_query_are_dropped(qtbot, page: CaseListPage) -> None:
    model = page.model
    for text in ("a", "s", "sm", "smi", "smith"):  # each starts a query; only the last counts
        model.set_query(CaseQuery(search=text))
    qtbot.waitUntil(lambda: page.model.query().search == "smith")
    qtbot.waitUntil(lambda: model._runner.pending_count() == 0)
    assert names(model) == ["Smith, Anne"]
    assert model.total_count() == 1


def test_status_filter(qtbot, page: CaseListPage) -> None:
    with qtbot.waitSignal(page.model.query_applied, timeout=10_000):
        page.status_combo.setCurrentIndex(page.status_combo.findData("determined"))
    assert sorted(names(page.model)) == ["Smith, Anne", "王, 小明"]
    with qtbot.waitSignal(page.model.query_applied, timeout=10_000):
        page.status_combo.setCurrentIndex(0)
    assert page.model.rowCount() == 5


def test_clicking_a_header_sorts_in_the_database(qtbot, page: CaseListPage) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(0) + 10
    with qtbot.waitSignal(page.model.query_applied, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=header.rect().center().__class__(x, 5))
    first = page.model.query()
    assert first.sort == "name"
    ordered = names(page.model)
    assert ordered == sorted(ordered) or ordered == sorted(ordered, reverse=True)
    with qtbot.waitSignal(page.model.query_applied, timeout=10_000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=header.rect().center().__class__(x, 5))
    assert page.model.query().descending != first.descending
    assert names(page.model) == list(reversed(ordered))


def test_enter_and_double_click_open_the_case(qtbot, page: CaseListPage) -> None:
    table = page.table
    index = page.model.index(2, 0)
    table.setCurrentIndex(index)
    with qtbot.waitSignal(page.open_requested) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [page.model.summary(2).case_id]
    rect = table.visualRect(page.model.index(3, 1))
    with qtbot.waitSignal(page.open_requested) as opened:
        # A real double-click is a press and release, then a second press as a double-click.
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [page.model.summary(3).case_id]


def test_model_passes_qtmodeltester_through_fetches_and_resets(
    qtbot, qtmodeltester, storage: Storage, runner: BackgroundRunner, tmp_path: Path
) -> None:
    add_cases(storage, [(f"Family{n:03d}", "Given", None, "MX", "draft") for n in range(120)])
    model = CaseListModel(runner, page_size=50)
    qtmodeltester.check(model)
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.set_source(storage.cases)
    root = model.index(0, 0).parent()
    assert model.total_count() == 120
    assert model.rowCount() < 120  # (the Qt tester itself may already have asked for more)

    def fetched_all() -> bool:
        if model.canFetchMore(root):
            model.fetchMore(root)
        return model.rowCount() == 120

    qtbot.waitUntil(fetched_all, timeout=10_000)
    assert not model.canFetchMore(root)
    assert len({model.summary(row).case_id for row in range(120)}) == 120
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.set_query(CaseQuery(search="family007"))
    assert names(model) == ["Family007, Given"]
    with qtbot.waitSignal(model.query_applied, timeout=10_000):
        model.sort(0, Qt.SortOrder.AscendingOrder)


def test_scrolling_to_the_end_fetches_more_rows(
    qtbot, storage: Storage, runner: BackgroundRunner, tmp_path: Path
) -> None:
    add_cases(storage, [(f"Person{n:04d}", "Test", None, "GT", "draft") for n in range(450)])
    services = services_for(storage, runner, tmp_path)
    widget = CaseListPage(runner, services.settings)
    qtbot.addWidget(widget)
    widget.show()
    with qtbot.waitSignal(widget.model.query_applied, timeout=10_000):
        widget.set_services(services)
    assert widget.model.rowCount() == 200
    assert widget.count_label.text() == "450 cases"
    with qtbot.waitSignal(widget.model.page_appended, timeout=10_000):
        widget.table.scrollToBottom()
    assert widget.model.rowCount() == 400


def test_import_adds_cases_and_a_bad_file_imports_nothing(
    qtbot, page: CaseListPage, tmp_path: Path
) -> None:
    good = tmp_path / "good.case.json"
    good.write_text(json.dumps(case_data("Pérez", "Lucía", None, "SV"), ensure_ascii=False),
                    encoding="utf-8")
    bad_data = copy.deepcopy(case_data("Bad", "Date", None, "SV"))
    bad_data["format"] = "waypoint-case/99"
    bad = tmp_path / "bad.case.json"
    bad.write_text(json.dumps(bad_data), encoding="utf-8")
    other = tmp_path / "other.case.json"
    other.write_text(json.dumps(case_data("Otro", "Caso", None, "SV")), encoding="utf-8")

    page.import_files([other, bad])
    qtbot.waitUntil(lambda: page.transfer.last_message is not None, timeout=10_000)
    message = page.transfer.last_message
    assert message is not None and "Nothing was imported" in message.text()
    assert "/format" in message.text()
    message.close()
    assert page.model.total_count() == 5

    page.transfer.last_message = None
    with qtbot.waitSignal(page.model.query_applied, timeout=10_000):
        page.import_files([good])
    assert "Pérez, Lucía" in names(page.model)
    assert page.model.total_count() == 6


def test_export_writes_the_selected_case(qtbot, page: CaseListPage, tmp_path: Path) -> None:
    search(qtbot, page, "nunez")
    case_id = page.model.summary(0).case_id
    target = tmp_path / "out" / "nunez.case.json"
    target.parent.mkdir()
    task = page.transfer.export_cases([(case_id, target)])
    assert task is not None
    qtbot.waitUntil(lambda: page.transfer.last_message is not None, timeout=10_000)
    written = json.loads(target.read_text(encoding="utf-8"))
    assert written["applicant"]["family_name"] == "Núñez"
    assert written["format"] == "waypoint-case/1"


def _export_through_the_dialog(qtbot, page: CaseListPage, target: Path, monkeypatch,
                               passphrase: str | None) -> None:
    """Choose Export for the selected case, answer the real protection dialog, save to target."""
    from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

    page.table.selectRow(0)
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *args, **kwargs: (str(target), "")))
    page.choose_and_export()
    dialog = page.transfer.protection_dialog
    assert dialog is not None and dialog.isVisible()
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.encrypted_button.isChecked() and not ok.isEnabled()  # encrypted by default
    if passphrase is None:
        dialog.plain_button.setChecked(True)
        assert dialog.warning.isVisibleTo(dialog) and ok.isEnabled()
    else:
        dialog.passphrase_field.setText(passphrase)
        dialog.again_field.setText(passphrase)
        assert ok.isEnabled()
    ok.click()
    qtbot.waitUntil(lambda: page.transfer.last_message is not None, timeout=20_000)


def test_export_is_encrypted_unless_plain_is_chosen(qtbot, page: CaseListPage, tmp_path: Path,
                                                    monkeypatch) -> None:
    from desktop.services.bundle import is_bundle, open_bundle

    search(qtbot, page, "nunez")
    target = tmp_path / "nunez.bundle.json"
    secret = "a long bundle passphrase for the receiver"
    _export_through_the_dialog(qtbot, page, target, monkeypatch, secret)
    raw = target.read_bytes()
    assert is_bundle(target)
    assert "Núñez".encode() not in raw and b"Nunez" not in raw
    assert open_bundle(target, secret)["applicant"]["family_name"] == "Núñez"

    page.transfer.last_message = None
    plain = tmp_path / "nunez.case.json"
    _export_through_the_dialog(qtbot, page, plain, monkeypatch, None)
    assert json.loads(plain.read_text("utf-8"))["applicant"]["family_name"] == "Núñez"


def test_a_name_stored_with_an_override_or_line_break_is_spelt_out_not_obeyed(
        qtbot, storage: Storage, runner: BackgroundRunner, tmp_path: Path) -> None:
    # Drafts saved before the text rule (docs/text-fields.md) may hold these.
    add_cases(storage, [("\u202eZERIMAR", "Ana\nDECISION: DENIED", None, "HN", "draft")])
    widget = CaseListPage(runner, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.model.query_applied, timeout=10_000):
        widget.set_services(services_for(storage, runner, tmp_path))
    shown = widget.model.index(0, 0).data()
    assert shown == "⟨U+202E⟩ZERIMAR, Ana⟨U+000A⟩DECISION: DENIED"
    tooltip = widget.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "\u202e" not in tooltip and tooltip.count("\n") == 1  # the line before "Case …"
