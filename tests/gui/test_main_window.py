"""The main window: first start, demo case, second start, refused and damaged databases, About."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLineEdit, QTableView, QWidget

from desktop import __version__
from desktop.app import Launched, launch
from desktop.flow.steps import Step
from desktop.paths import resolve_database_url, resolve_paths
from desktop.ui.start_error import RESTORE_TEXT
from tests.sqlite_files import connect_file

# The offscreen platform warns about window size hints it cannot pass on; harmless.
pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore("propagateSizeHints")]

Starter = Callable[..., Launched]


@pytest.fixture
def start_app(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Starter]:
    """Start the window on a data folder under tmp_path (the default: tmp_path/data)."""
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    started: list[Launched] = []

    def start(data_dir: Path | None = None) -> Launched:
        paths = resolve_paths(data_dir or tmp_path / "data")
        launched = launch(paths, resolve_database_url(paths))
        qtbot.addWidget(launched.window)
        started.append(launched)
        return launched

    yield start
    for launched in started:
        launched.shutdown()


def wait_for_cases(qtbot, launched: Launched, count: int) -> None:
    model = launched.window.case_list.model
    qtbot.waitUntil(
        lambda: launched.window.services is not None
        and not model.is_loading()
        and model.rowCount() == count,
        timeout=20_000,
    )


def stop(launched: Launched) -> None:
    launched.window.close()
    launched.shutdown()


def revision_in(database_file: Path) -> str:
    with closing(connect_file(database_file)) as connection:
        return str(connection.execute("SELECT version_num FROM alembic_version").fetchone()[0])


def test_first_start_creates_migrated_database_and_shows_the_demo_case(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    from db.migrate import head_revision

    launched = start_app()
    window = launched.window
    assert window.isVisible()
    assert window.windowTitle() == "Waypoint"
    wait_for_cases(qtbot, launched, 1)

    database_file = tmp_path / "data" / "waypoint.sqlite3"
    assert database_file.is_file()
    assert revision_in(database_file) == head_revision()
    model = window.case_list.model
    assert model.index(0, 0).data() == "Ramírez Cruz, Ana Lucía"
    assert model.index(0, 1).data() == "A-212-345-678"
    assert model.index(0, 2).data() == "HN"
    assert model.index(0, 3).data() == "2019-10-03"
    assert window.case_list.count_label.text() == "1 case"
    assert str(database_file) in window.location_label.text()
    assert "officer decides" in window.decision_label.text()


def test_logging_goes_to_the_data_folder(tmp_path: Path) -> None:
    import logging

    from desktop.app import setup_logging

    handler = setup_logging(resolve_paths(tmp_path / "data"))
    try:
        logging.getLogger("desktop.test").warning("written to the log file")
        handler.flush()
    finally:
        logging.getLogger().removeHandler(handler)
        handler.close()
    log_text = (tmp_path / "data" / "logs" / "waypoint.log").read_text(encoding="utf-8")
    assert "written to the log file" in log_text


def test_second_start_reuses_the_database_without_a_second_demo_case(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    first = start_app()
    wait_for_cases(qtbot, first, 1)
    demo_id = first.window.case_list.model.summary(0).case_id
    stop(first)

    second = start_app()
    wait_for_cases(qtbot, second, 1)
    assert second.window.case_list.model.summary(0).case_id == demo_id
    assert second.window.case_list.model.total_count() == 1


def test_window_geometry_is_remembered(qtbot, start_app: Starter) -> None:
    first = start_app()
    wait_for_cases(qtbot, first, 1)
    # The offscreen screen is 800x600: restoreGeometry keeps windows within it.
    first.window.resize(QSize(first.window.minimumSizeHint().width(), 432))
    stop(first)

    second = start_app()
    assert second.window.size().height() == 432
    wait_for_cases(qtbot, second, 1)


def test_newer_schema_is_refused_with_a_message_and_left_untouched(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    first = start_app()
    wait_for_cases(qtbot, first, 1)
    stop(first)
    database_file = tmp_path / "data" / "waypoint.sqlite3"
    with closing(connect_file(database_file)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00d_from_the_future'")
        connection.commit()
    before = hashlib.sha256(database_file.read_bytes()).hexdigest()

    second = start_app()
    qtbot.waitUntil(lambda: second.opener.error_box is not None, timeout=20_000)
    box = second.opener.error_box
    assert box is not None
    assert "newer version of Waypoint" in box.text()
    assert "f00d_from_the_future" in box.text()
    assert "Traceback" not in box.text()
    assert [b.text() for b in box.buttons()] == ["Quit"]
    assert second.window.services is None
    assert not second.window.new_action.isEnabled()
    assert hashlib.sha256(database_file.read_bytes()).hexdigest() == before

    quit_button = box.buttons()[0]
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not second.window.isVisible())


def test_damaged_database_offers_the_latest_backup_and_keeps_the_damaged_file(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    for _ in range(2):  # the second start takes an automatic backup of the first
        launched = start_app()
        wait_for_cases(qtbot, launched, 1)
        stop(launched)
    assert list((data / "backups").glob("waypoint-*.sqlite3"))
    database_file = data / "waypoint.sqlite3"
    for companion in ("-wal", "-shm"):
        Path(f"{database_file}{companion}").unlink(missing_ok=True)
    damaged = b"this is not a database any more " * 512
    database_file.write_bytes(damaged)

    broken = start_app()
    qtbot.waitUntil(lambda: broken.opener.error_box is not None, timeout=20_000)
    box = broken.opener.error_box
    assert box is not None
    assert "damaged" in box.text()
    restore = next(b for b in box.buttons() if b.text() == RESTORE_TEXT)
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)

    wait_for_cases(qtbot, broken, 1)
    assert broken.window.case_list.model.index(0, 0).data() == "Ramírez Cruz, Ana Lucía"
    kept = [p for p in data.iterdir() if p.name.startswith("waypoint.sqlite3.damaged")]
    assert any(p.read_bytes() == damaged for p in kept)


def test_opening_a_case_shows_it_in_the_stack_and_closing_returns_to_the_list(
    qtbot, start_app: Starter
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    case_id = window.case_list.model.summary(0).case_id
    table = window.case_list.table
    table.setFocus()
    table.setCurrentIndex(window.case_list.model.index(0, 0))

    with qtbot.waitSignal(window.case_opened, timeout=10_000) as opened:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert opened.args == [case_id]
    page = window.current_case_page()
    assert page is not None
    assert window.stack.currentWidget() is page

    page.closed.emit()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.case_list)
    assert window.current_case_page() is None


def test_new_case_creates_a_draft_and_opens_it(qtbot, start_app: Starter) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    assert window.new_action.shortcut() == QKeySequence(QKeySequence.StandardKey.New)
    with qtbot.waitSignal(window.case_opened, timeout=10_000) as opened:
        window.new_action.trigger()
    new_id = opened.args[0]
    assert window.services is not None
    assert window.services.cases.get_case(new_id).status == "draft"
    window.show_case_list()
    wait_for_cases(qtbot, launched, 2)


def test_about_shows_version_data_folder_database_and_the_decision_statement(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    launched = start_app()
    wait_for_cases(qtbot, launched, 1)
    dialog = launched.window.show_about()
    qtbot.waitUntil(dialog.isVisible)
    text = dialog.label.text()
    assert f"Waypoint {__version__}" in text
    assert str(tmp_path / "data") in text
    assert "waypoint.sqlite3" in text
    assert "Rule pack" in text
    assert "the officer reviews the findings and makes the decision" in text
    dialog.close()


def test_menus_and_controls_have_names_shortcuts_and_accessible_names(
    qtbot, start_app: Starter
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Case", "&Help"]
    file_actions = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    assert file_actions == ["&New case", "&Open case…", "&Recent cases",
                            "← &Back to the case list", "&Import case files…",
                            "&Export selected cases…", "&Rule packs…",
                            "Import &signing key (PKCS#12)…",
                            "Iss&ue a signing key (office authority)…",
                            "&Take cases to the field…", "Brin&g cases back…",
                            "Field &conflicts…", "&Language",
                            "Change &passphrase…",
                            "&Lock", "&Quit"]
    controls = window.case_list.findChildren(QWidget)
    interactive = [
        w for w in controls if isinstance(w, QAbstractButton | QLineEdit | QComboBox | QTableView)
        and w.parent() is not None and w.isVisibleTo(window)
        and not isinstance(w.parent(), QLineEdit | QComboBox)  # the line edit's clear button
    ]
    assert len(interactive) >= 7
    for widget in interactive:
        assert widget.accessibleName(), widget
    # Tab order: search → status → table → buttons.
    page = window.case_list
    order = [page.search_edit]
    for _ in range(6):
        order.append(next_tab_stop(order[-1]))
    assert order == [page.search_edit, page.status_combo, page.table, page.new_button,
                     page.open_button, page.import_button, page.export_button]


def next_tab_stop(widget: QWidget) -> QWidget:
    candidate = widget.nextInFocusChain()
    while not (candidate.focusPolicy() & Qt.FocusPolicy.TabFocus and candidate.isEnabled()
               and candidate.isVisibleTo(widget.window())):
        candidate = candidate.nextInFocusChain()
    return candidate


def add_cases(data_dir: Path, count: int) -> None:
    """Bulk-insert `count` more cases with the storage layer (the app is not running)."""
    from datetime import UTC, datetime

    from db.case_store import insert_cases, prepare
    from desktop.services.startup import close_storage, load_demo_case, open_storage

    paths = resolve_paths(data_dir)
    storage = open_storage(paths, resolve_database_url(paths), seed_demo=False)
    template = load_demo_case()
    template.pop("case_id", None)
    items = [prepare({**template, "applicant": {**template["applicant"],
                                                "family_name": f"Preview {n}"}})
             for n in range(count)]
    try:
        with storage.database.write() as connection:
            insert_cases(connection, items, datetime.now(UTC))
    finally:
        close_storage(storage)


def test_the_first_screenful_shows_before_the_database_opens_and_stays_put(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    first = start_app()
    wait_for_cases(qtbot, first, 1)
    stop(first)
    add_cases(tmp_path / "data", 250)  # more than one page (200)

    seen: list[tuple[bool, int, bool]] = []
    resets: list[bool] = []
    launched = start_app()
    window = launched.window
    model = window.case_list.model
    model.query_applied.connect(
        lambda: seen.append((window.services is None, model.rowCount(),
                             window.case_list.new_button.isEnabled())))
    model.modelReset.connect(lambda: resets.append(window.services is None))
    qtbot.waitUntil(lambda: window.services is not None and not model.is_loading()
                    and len(seen) >= 2, timeout=20_000)
    # The preview: rows while the database was still opening, with its actions off.
    assert seen[0] == (True, 200, False)
    assert window.case_list.count_label.text() == "251 cases"
    # The storage's own first page was the same: no reset after the preview, selection kept.
    assert resets == [True]
    assert seen[-1][:2] == (False, 200)
    selected = window.case_list.selected_case_ids()
    assert selected == [model.summary(0).case_id]
    assert window.services.cases.list_cases(limit=1)[0].case_id == selected[0]
    assert window.new_action.isEnabled()
    assert model.canFetchMore(model.index(-1, -1))  # scrolling on now reads the database


def test_damage_the_early_look_misses_is_still_reported_and_its_rows_withdrawn(
    qtbot, start_app: Starter, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    for _ in range(2):  # the second start takes an automatic backup of the first
        launched = start_app()
        wait_for_cases(qtbot, launched, 1)
        stop(launched)
    database_file = data / "waypoint.sqlite3"
    with closing(connect_file(database_file)) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = int(connection.execute("PRAGMA page_size").fetchone()[0])
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'journey_stops'").fetchone()[0]
    for companion in ("-wal", "-shm"):
        Path(f"{database_file}{companion}").unlink(missing_ok=True)
    # Trash a page the case list never reads: only the integrity check can find it.
    with database_file.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    damaged = database_file.read_bytes()

    broken = start_app()
    model = broken.window.case_list.model
    previewed: list[int] = []
    model.query_applied.connect(lambda: previewed.append(model.rowCount()))
    qtbot.waitUntil(lambda: broken.opener.error_box is not None, timeout=20_000)
    box = broken.opener.error_box
    assert box is not None
    assert "damaged" in box.text()
    assert previewed == [1]  # the early look did show the demo case...
    assert model.rowCount() == 0  # ...and it was withdrawn when the check failed
    assert broken.window.services is None
    assert not broken.window.open_action.isEnabled()
    assert database_file.read_bytes() == damaged
    assert any(b.text() == RESTORE_TEXT for b in box.buttons())
    quit_button = next(b for b in box.buttons() if b.text() == "Quit")
    qtbot.mouseClick(quit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not broken.window.isVisible())


def test_a_case_is_left_with_escape_or_alt_home_and_kept_in_recent_cases(
    qtbot, start_app: Starter
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    demo_id = window.case_list.model.summary(0).case_id
    assert not window.back_action.isEnabled()
    window.open_case(demo_id)
    page = window.current_case_page()
    qtbot.waitUntil(lambda: page.is_loaded, timeout=10_000)
    assert window.back_action.isEnabled() and window.recent_case_ids() == [demo_id]
    assert not page.pages[Step.APPLICANT].family_name.hasSelectedText()
    page.step_list.setFocus()
    QTest.keyClick(page.step_list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.case_list, timeout=5_000)
    window._fill_recent_menu()
    labels = [action.text() for action in window.recent_menu.actions()]
    assert labels == ["&1 Ramírez Cruz, Ana Lucía"]
    with qtbot.waitSignal(window.case_opened, timeout=5_000):
        window.recent_menu.actions()[0].trigger()
    window.back_action.trigger()
    assert window.stack.currentWidget() is window.case_list


def test_ctrl_o_opens_a_picker_that_finds_the_last_digits_of_an_a_number(
    qtbot, start_app: Starter
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    dialog = window.show_open_dialog()
    assert window.current_case_page() is None  # the picker opens nothing by itself
    with qtbot.waitSignal(dialog.results_shown, timeout=10_000):
        dialog.search.setText("345678")
    assert dialog.results.count() == 1 and "Ramírez Cruz" in dialog.results.item(0).text()
    with qtbot.waitSignal(dialog.results_shown, timeout=10_000):
        dialog.search.setText("999999")
    assert dialog.results.count() == 0
    dialog.reject()
    assert window.current_case_page() is None


def test_a_side_saved_longer_than_this_screen_becomes_most_of_it(
    qtbot, start_app: Starter
) -> None:
    launched = start_app()
    window = launched.window
    wait_for_cases(qtbot, launched, 1)
    area = window.screen().availableGeometry()
    width = window.minimumSizeHint().width()
    # Saved on a taller screen; restoreGeometry had shrunk the window's height to 68%.
    window.resize(width, int(area.height() * 0.68))
    window.fit_on_screen(QSize(width, area.height() + 380))
    assert window.height() == int(area.height() * 0.9)  # most of the screen, not 68%
    assert window.width() == width  # the side that fits stays as saved
    assert area.top() <= window.y() and window.geometry().bottom() <= area.bottom()
    # A size that fits this screen is kept as it was.
    window.resize(width, 420)
    window.fit_on_screen(QSize(width, 420))
    assert (window.width(), window.height()) == (width, 420)
