"""MainWindow: a thin shell of menus, a status bar and a stacked central area (case list, case)."""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from desktop.paths import AppPaths
from desktop.ui.background import BackgroundRunner
from desktop.ui.case_list.case_list_page import CaseListPage
from desktop.ui.i18n import translate
from desktop.ui.window_geometry import GEOMETRY_KEY, SIZE_KEY, fit_on_screen, restore_geometry
from desktop.ui.window_status import build_status_bar, describe_database

# Imported where used, after the first paint: each Qt class brings its Python enums (and the
# Qt namespace about ninety of them), which is start-up time the first frame does not need.
if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent, QPaintEvent
    from PySide6.QtWidgets import QLabel, QMenu, QToolBar

    from desktop.services.cases import CaseSummary
    from desktop.ui.about_dialog import AboutDialog
    from desktop.ui.case_flow.case_flow_page import CaseFlowPage
    from desktop.ui.context import UiServices
    from desktop.ui.idle_imports import IdleImporter
    from desktop.ui.rules.rules_page import RulesPage
    from desktop.ui.signing_key_dialog import ImportKeyDialog
    from desktop.ui.widgets.elided_label import ElidedLabel

log = logging.getLogger(__name__)

STATE_KEY = "main_window/state"
CASE_PAGE_MODULE = "desktop.ui.case_flow.case_flow_page"  # imported ahead, when the list idles


class MainWindow(QMainWindow):
    """Menus, status bar and the stack of pages; storage is attached once the database is open.

    For the case-flow page: the window mirrors the QActions the page added to itself
    (QWidget.addAction) into the Case menu while the page is shown, and listens to its
    `case_saved(str)` (refreshes the list) and `closed()` (back to the list) signals.
    """

    # Made after the first paint (desktop.ui.window_menus, window_dialogs).
    new_action: QAction
    open_action: QAction
    back_action: QAction
    import_action: QAction
    export_action: QAction
    quit_action: QAction
    rules_action: QAction
    signing_key_action: QAction
    issue_key_action: QAction
    take_field_action: QAction
    bring_back_action: QAction
    field_conflicts_action: QAction
    about_action: QAction
    toolbar: QToolBar
    location_label: ElidedLabel  # the status bar's (desktop.ui.window_status)
    rules_label: QLabel
    decision_label: QLabel
    recent_menu: QMenu
    open_dialog: QWidget
    import_key_dialog: ImportKeyDialog
    issue_key_dialog: QWidget

    first_painted = Signal()  # just after the window's first frame
    first_frame_drawn = Signal()  # during the first paint (the start-up benchmark's mark)
    case_opened = Signal(str)

    def __init__(
        self,
        paths: AppPaths,
        database_url: str,
        runner: BackgroundRunner,
        settings: QSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.paths = paths
        self.database_url = database_url
        self.runner = runner
        self.settings = settings
        self.services: UiServices | None = None
        self.rule_pack: dict[str, str] | None = None
        self.about_dialog: AboutDialog | None = None
        self._painted = False
        self._case_page: CaseFlowPage | None = None
        self.idle_importer: IdleImporter | None = None
        self.rules_page: RulesPage | None = None
        # The lock sets it: True (and the lock page says why) while locked, so no page,
        # dialog or close happens until the passphrase is entered.
        self.is_locked: Callable[[], bool] = lambda: False

        self.setWindowTitle(translate("MainWindow", "Waypoint"))
        self.setObjectName("mainWindow")
        self.stack = QStackedWidget()
        self.case_list = CaseListPage(runner, settings)
        self.stack.addWidget(self.case_list)
        self.setCentralWidget(self.stack)
        self.case_list.open_requested.connect(self.open_case)

        # The menu titles paint in the first frame; their actions are added right after it.
        self.file_menu = self.menuBar().addMenu(translate("MainWindow", "&File"))
        self.case_menu = self.menuBar().addMenu(translate("MainWindow", "&Case"))
        self.help_menu = self.menuBar().addMenu(translate("MainWindow", "&Help"))
        self._actions_built = False
        build_status_bar(self)
        self._restore_geometry()
        self.case_list.setFocus()

    # --- construction ------------------------------------------------------------------------

    def finish_setup(self) -> None:
        """What the first frame did without: menu actions, the list's columns (idempotent).

        launch() calls it once the first screenful of cases is up (or cannot be read early);
        attach_services() builds them too if that has not happened yet.
        """
        if self._actions_built:
            return
        self._actions_built = True
        self._build_menus()
        self.stack.currentChanged.connect(self._rebuild_case_menu)
        self.case_list.finish_setup()

    def _build_menus(self) -> None:
        from desktop.ui.window_menus import add_navigation_toolbar, make_window_actions

        make_window_actions(self)
        file_menu = self.file_menu
        for action in (self.new_action, self.open_action):
            file_menu.addAction(action)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "&Recent cases"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addAction(self.back_action)
        add_navigation_toolbar(self)
        file_menu.addSeparator()
        file_menu.addAction(self.import_action)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        file_menu.addAction(self.rules_action)
        file_menu.addAction(self.signing_key_action)
        file_menu.addAction(self.issue_key_action)
        file_menu.addActions([self.take_field_action, self.bring_back_action,
                              self.field_conflicts_action])
        from desktop.ui.language_menu import add_language_menu
        add_language_menu(self, file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)
        self.help_menu.addAction(self.about_action)
        from desktop.ui.shortcuts_dialog import add_shortcuts_action
        self.shortcuts_action = add_shortcuts_action(self, self.help_menu)
        from desktop.ui.hint_key import install_hint_key
        self.hint_key = install_hint_key(self)
        self._set_storage_actions_enabled(self.services is not None)
        self._rebuild_case_menu()

    def _restore_geometry(self) -> None:
        restore_geometry(self, self.settings)

    def fit_on_screen(self, saved: QSize) -> None:
        """Keep the window within the screen's free area (see window_geometry)."""
        fit_on_screen(self, saved)

    # --- storage -----------------------------------------------------------------------------

    def attach_services(self, services: UiServices, rule_pack: dict[str, str] | None) -> None:
        """The database is open: show the cases and enable the actions that need storage."""
        self.finish_setup()
        self.services = services
        self.rule_pack = rule_pack
        self.location_label.setText(
            translate(
                "MainWindow",
                "Database: {describe_database}").format(
                describe_database=describe_database(services.database_url, services.paths))
        )
        self._show_rule_pack(rule_pack)
        self._set_storage_actions_enabled(True)
        self.case_list.set_services(services)
        from desktop.ui.office.office_queue import attach_office_queue

        self.office_queue = attach_office_queue(self, services)

    def warm_case_pages(self) -> None:
        """Import the case pages now, a module per event-loop turn, while the list is looked
        at: at once on the first case opened, the import held the window for ~180 ms."""
        from desktop.ui.idle_imports import IdleImporter, import_when_idle

        if self.idle_importer is None:
            self.idle_importer = IdleImporter(self)
            # What it loaded stays for the run: out of the collector's sight, as start-up's is.
            self.idle_importer.finished.connect(gc.freeze)
            import_when_idle(self.idle_importer, CASE_PAGE_MODULE, self.runner.run)

    def show_preview(self, total: int, rows: list[CaseSummary]) -> None:
        """The newest cases, read before the database finished opening (actions stay off)."""
        self.case_list.show_preview(total, rows)

    def show_storage_unavailable(self, reason: str) -> None:
        """The database did not open: say why, and withdraw any rows shown before the check."""
        self.location_label.setText(
            translate("MainWindow", "No database: {reason}").format(reason=reason))
        self.case_list.clear_preview()

    def show_open_dialog(self) -> QWidget | None:
        """Ctrl+O: a picker with search; it never opens a case by itself."""
        from desktop.ui.window_dialogs import show_open_dialog

        return show_open_dialog(self)

    def recent_case_ids(self) -> list[str]:
        from desktop.ui.window_menus import recent_case_ids

        return recent_case_ids(self.settings)

    def _remember_recent(self, case_id: str) -> None:
        from desktop.ui.window_menus import remember_recent

        remember_recent(self.settings, case_id)

    def _fill_recent_menu(self) -> None:
        from desktop.ui.window_menus import fill_recent_menu

        fill_recent_menu(self)

    def _set_storage_actions_enabled(self, enabled: bool) -> None:
        from desktop.ui.window_menus import set_storage_actions_enabled

        set_storage_actions_enabled(self, enabled)

    def _show_rule_pack(self, info: Mapping[str, str | None] | None) -> None:
        """Status bar: the active pack's version and the date its law is known through."""
        if not info:
            self.rules_label.setText(translate("MainWindow", "Rules: —"))
            return
        known = info.get("law_known_through") or "unknown"
        self.rules_label.setText(
            translate("MainWindow", "Rules {value} · law known through {known}").format(
                value=info["version"], known=known
            )
        )
        self.rules_label.setToolTip(
            translate(
                "MainWindow",
                "Rule pack {get}. Decisions after {known} may be affected by later changes "
                "in the law.",
            ).format(get=info.get("hash", ""), known=known)
        )

    def show_rules_page(self) -> None:
        """The Rules page: installed packs, install from file with its impact, marked cases."""
        if (
            self.is_locked()
            or self.services is None
            or (self._case_page is not None and not self._close_case_page())
        ):
            return
        if self.rules_page is None:
            from desktop.services.rule_pack_service import RulePackService
            from desktop.ui.rules.rules_page import RulesPage

            service = RulePackService(
                self.services.paths.data_dir,
                self.services.cases.database,
                self.services.clock,
                rules=self.services.rules,
            )
            self.rules_page = RulesPage(service, self.runner)
            self.rules_page.closed.connect(self.show_case_list)
            self.rules_page.open_requested.connect(self.open_case)
            self.rules_page.active_pack_changed.connect(self._reload_rule_pack)
            self.stack.addWidget(self.rules_page)
        self.rules_page.refresh()
        self.stack.setCurrentWidget(self.rules_page)

    def _reload_rule_pack(self) -> None:
        if self.services is not None:  # the services' pack is already switched (RulesInUse)
            self.runner.run(self.services.rules.info, self._show_rule_pack)

    # --- pages -------------------------------------------------------------------------------

    def current_case_page(self) -> CaseFlowPage | None:
        return self._case_page

    def open_case(self, case_id: str) -> None:
        """Show the case in the central area (replacing an open case if it agrees to close)."""
        if self.is_locked() or self.services is None:
            return
        if self._case_page is not None and not self._close_case_page():
            return
        # Imported on first use: the case pages are not needed for the first frame.
        from desktop.ui.case_flow.case_flow_page import CaseFlowPage

        page = CaseFlowPage(self.services, case_id)
        page.case_saved.connect(self._case_saved)
        page.closed.connect(self.show_case_list)
        self._case_page = page
        self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        page.setFocus()
        self._remember_recent(case_id)
        self._show_navigation(True)
        self.case_opened.emit(case_id)

    def _show_navigation(self, in_case: bool) -> None:
        if self._actions_built:
            self.back_action.setEnabled(in_case)
            self.toolbar.setVisible(in_case)

    def show_case_list(self) -> None:
        """Back to the home screen; the case page is closed and the list refreshed."""
        if self.is_locked():
            return
        if self._case_page is not None and not self._close_case_page():
            return
        self.stack.setCurrentWidget(self.case_list)
        self._show_navigation(False)
        self.case_list.refresh()
        self.case_list.setFocus()

    def _close_case_page(self) -> bool:
        page = self._case_page
        if page is None:
            return True
        try:
            page.closed.disconnect(self.show_case_list)
        except (RuntimeError, TypeError):
            pass
        if not page.close():  # the page may refuse (e.g. unsaved changes the user keeps)
            page.closed.connect(self.show_case_list)
            return False
        self._case_page = None
        self.stack.setCurrentWidget(self.case_list)
        self.stack.removeWidget(page)
        page.deleteLater()
        return True

    def _case_saved(self, _case_id: str) -> None:
        self.case_list.refresh()

    def _rebuild_case_menu(self, *_args: object) -> None:
        from desktop.ui.window_menus import rebuild_case_menu

        rebuild_case_menu(self)

    # --- dialogs -----------------------------------------------------------------------------

    def show_about(self) -> AboutDialog:
        from desktop.ui.window_dialogs import show_about

        return show_about(self, describe_database(self.database_url, self.paths))

    def show_import_key_dialog(self) -> ImportKeyDialog | None:
        """Import an organisation-issued PKCS#12 as an officer's signing key (window-modal)."""
        from desktop.ui.window_dialogs import show_import_key_dialog

        return show_import_key_dialog(self)

    def show_issue_key_dialog(self) -> QWidget | None:
        """The office authority issues a person a registered signing key (window-modal)."""
        from desktop.ui.window_dialogs import show_issue_key_dialog

        return show_issue_key_dialog(self)

    # --- events ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_frame_drawn.emit()
            QTimer.singleShot(0, self._after_first_paint)  # once this frame is on screen

    def _after_first_paint(self) -> None:
        # The early look at the cases starts on a worker first (launch() listens); the list's
        # columns in a turn of their own, after a real timer (posted calls run in one go).
        self.first_painted.emit()
        QTimer.singleShot(1, self.case_list.finish_setup)
        from desktop.flow import languages

        languages.warm_in_background()  # read while the list is looked at, not when a case opens

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self.is_locked():  # the window manager's close button
            event.ignore()
            return
        if self._case_page is not None and not self._close_case_page():
            event.ignore()
            return
        self.settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self.settings.setValue(SIZE_KEY, self.size())
        self.settings.sync()
        event.accept()
