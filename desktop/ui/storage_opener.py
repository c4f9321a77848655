"""The storage opener: after the window's first paint, unlock, preview and open the database.

The flow: find or ask for the passphrase (the lock page, or a first-run / encrypt dialog in
desktop.ui.storage_passphrase), read the newest cases read-only in a worker and show them,
then open the database fully in a worker and hand the window its services. A refusal goes to
desktop.ui.start_error. The database is reached only through desktop.services.opening.
Start-up speed: this module is imported before the first paint, so its top imports only
QtCore; everything else is imported where it is used.
"""

from __future__ import annotations

import logging
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.ui.i18n import translate
from desktop.ui.start_error import UNLOCK_PROMPT, explain_start_error

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QMessageBox

    from desktop.paths import AppPaths
    from desktop.services.startup import Storage
    from desktop.ui.lock_page import LockController
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

NEXT_TURN_MS = 1  # a timer, not a posted call: those all run in one go, timers and input after


class StorageOpener(QObject):
    """Opens the database in the background after the window's first paint; shows start errors.

    On success the window gets its services. A refused or damaged database is explained in a
    message box (never a traceback): a damaged file can be replaced by its latest backup
    (the damaged file is kept aside); otherwise the user can only quit.
    """

    opened = Signal()
    failed = Signal(str)

    def __init__(self, window: MainWindow, paths: AppPaths, database_url: str,
                 case_file: str | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.paths = paths
        self.database_url = database_url
        self.case_file = case_file
        self.services: Any = None
        self.storage: Storage | None = None
        self.error_box: QMessageBox | None = None
        self._closed = False
        self._lock: LockController | None = None  # built at first use: after the first paint
        self.passphrase_dialog: Any = None
        self.secret: str | None = None  # until the database is open (restore needs it)
        self._key: Any = None
        self._encrypt_plain = False
        self.wants_recovery = False
        self.lost_commits_box: QMessageBox | None = None
        self.change_passphrase_action: QAction | None = None
        self.profile_dialog: Any = None
        self.audit_status: Any = None

    @property
    def lock(self) -> LockController:
        """The lock page's controller, built at first use (after the first paint)."""
        return self._lock if self._lock is not None else self._build_lock()

    def _build_lock(self) -> LockController:
        # Not before the first paint: the window's first frame needs none of it, and its
        # module and application-wide event filter cost the first paint time.
        from desktop.ui.lock_page import LockController

        if self._lock is None:
            self._lock = LockController(self.window)
        return self._lock

    def start(self) -> None:
        """After the first paint: show the newest cases read-only, then open the database.

        The read-only first page (db.quick_read, no SQLAlchemy) is on screen long before the
        full open (migrations, backup, integrity check) is done; that one still runs at
        every start and, if it refuses the file, the preview is withdrawn.
        """
        from desktop.ui.qt_types import QtTypeWarmer

        # The lock page is built when first needed (a passphrase prompt), else once Qt's
        # classes exist: built with them missing it held the window for 50-90 ms.
        warmer = QtTypeWarmer(self)
        warmer.finished.connect(self._watch_application)
        warmer.start()
        # A turn of its own (a real timer, so input and painting due go first): with the
        # passphrase's modules in the same turn the window was held for over 50 ms.
        QTimer.singleShot(NEXT_TURN_MS, self._ask_or_begin_unless_closed)

    def _watch_application(self) -> None:
        if not self._closed:
            self.lock.watch_application()

    def _ask_or_begin_unless_closed(self) -> None:
        if not self._closed:
            self._ask_or_begin()

    def _ask_or_begin(self) -> None:
        """Find the passphrase ($WAYPOINT_PASSPHRASE, the keyring) or ask for one, then begin."""
        from desktop.services import security
        from desktop.services.opening import login_of, server_sign_in
        from desktop.ui.storage_passphrase import ask_new_passphrase, offer_encryption

        state = security.store_state(self.database_url)
        secret = security.passphrase_from_env()
        database_file = security.database_file(self.database_url)
        if secret is None and database_file and state in (security.StoreState.ENCRYPTED,
                                                          security.StoreState.MISSING):
            secret = security.remembered_passphrase(database_file)
        sign_in = server_sign_in(self.database_url)
        if state is security.StoreState.SERVER:  # a laptop passphrase is no server password
            if sign_in is not None:
                self.lock.ask_at_start(sign_in, self.sign_in, login=login_of(self.database_url))
            else:
                self.begin(None)
        elif secret is not None:
            self.begin(secret)
        elif state is security.StoreState.ENCRYPTED:
            self.lock.ask_at_start(UNLOCK_PROMPT, self.begin)
        elif state is security.StoreState.MISSING:  # never the first-run welcome
            self.lock.ask_at_start(translate(
                        "StorageOpener",
                        "The database file is missing, but its key file or backups are here. "
                        "Enter the passphrase to see what is left and restore the newest "
                        "backup."), self.begin)
        elif state is security.StoreState.NEW:
            ask_new_passphrase(self, encrypt_plain=False)
        else:
            offer_encryption(self)

    def sign_in(self, password: str) -> None:
        """The office server's sign-in page: the login typed there goes into the URL."""
        from desktop.services.opening import with_login

        self.database_url = with_login(self.database_url, self.lock.page.login())
        self.begin(password)

    def begin(self, secret: str | None, *, encrypt_plain: bool = False) -> None:
        """Derive the key once (a worker), show the newest cases read-only, then open fully."""
        from desktop.services.opening import read_first_page_in_worker
        from desktop.ui.fonts import register_bundled_fonts

        self.secret = secret
        self._encrypt_plain = encrypt_plain
        limit = self.window.case_list.model.page_size
        preview_secret = None if encrypt_plain else secret
        self.window.runner.run(
            lambda: read_first_page_in_worker(self.database_url, limit, preview_secret),
            self._first_page_read,
            self._first_page_failed,
        )
        # While the worker reads; still before any rows: the list shows names in any script.
        register_bundled_fonts()

    def _first_page_read(self, result: Any) -> None:
        self._key, first_page = result
        if first_page is not None and not self._closed:
            self.window.show_preview(first_page.total, first_page.rows)
        # Queued behind the repaint the rows asked for: the menus' actions and the full
        # open's imports hold the interpreter for a while, so let the screenful paint first.
        QTimer.singleShot(0, self._open_storage)

    def _first_page_failed(self, error: BaseException) -> None:
        from desktop.services.opening import is_wrong_passphrase

        if is_wrong_passphrase(error):
            self.lock.ask_at_start(UNLOCK_PROMPT, self.begin, str(error))
            return
        log.warning("No early look at the case list: %s", type(error).__name__)
        self._open_storage()

    def _open_storage(self) -> None:
        if self._closed:
            return
        from desktop.services.opening import open_storage_in_worker

        self.window.finish_setup()
        secret, key, encrypt_plain = self.secret, self._key, self._encrypt_plain
        from desktop.ui.startup_progress import ProgressRelay
        progress = ProgressRelay(self.window.case_list.show_opening_words, self)
        self.window.runner.run(
            lambda: open_storage_in_worker(self.paths, self.database_url, secret, key,
                                           encrypt_plain, progress),
            self.opened_storage,
            self.open_failed,
        )

    def close(self) -> None:
        """Release the database's connections (at exit); a database opened later is closed too."""
        self._closed = True
        if self.storage is not None:
            from desktop.services.startup import close_storage

            close_storage(self.storage)
            self.storage = None

    def opened_storage(self, storage: Storage) -> None:
        """The database is open: the window gets its services (after a profile, if asked)."""
        self.storage = storage
        if self._closed:  # the window went away while the database was opening
            self.close()
            return
        from desktop.ui.office.profile_dialog import choose_profile

        self.profile_dialog = choose_profile(self.window, storage, self.opened_storage)
        if self.profile_dialog is not None:
            return  # opened_storage again once a local profile is chosen
        self._attach(storage)
        self.opened.emit()
        if self.case_file:
            self._open_case_file(self.services, self.case_file)

    def _attach(self, storage: Storage) -> None:
        """Services to the window, the lock armed, then the background checks and warm-up."""
        from desktop.services.opening import masked_url, start_clock, warm_up_in_worker
        from desktop.ui.audit_status import start_audit_check
        from desktop.ui.context import UiServices
        from desktop.ui.storage_passphrase import add_passphrase_action, make_recovery_key

        window = self.window
        services = UiServices(
            cases=storage.cases,
            memos=storage.memos,
            runner=window.runner,
            settings=window.settings,
            clock=start_clock(),
            paths=self.paths,
            database_url=self.database_url,
            rules=storage.rules,  # the active pack, resolved once; File → Rule packs… switches it
        )
        window.attach_services(services, storage.rule_pack)
        self.services = services
        self.lock.start_done()
        self.lock.attach(storage.database, window.settings)
        add_passphrase_action(self, storage)
        self._report_lost_commits(storage)
        if self.wants_recovery and storage.database.encrypted and self.secret:
            make_recovery_key(self, storage, self.secret)
        self.secret, self._key, self.wants_recovery = None, None, False
        # The first Review and memo then start warm; after it (so that no import waits on
        # the worker's), the case pages' modules are imported while the list is looked at.
        window.runner.run(partial(warm_up_in_worker, storage.rules),
                          lambda _result: window.warm_case_pages())
        # After a clean exit the open only read the schema; the full check runs now.
        window.runner.run(storage.database.check_deferred, None, self._damage_found)
        self.audit_status = start_audit_check(window, window.runner, storage.database)
        log.info("Database open: %s", masked_url(self.database_url))
        login = getattr(storage.database, "server_login", None)
        if login is not None:  # who is signed in, in the title bar
            window.setWindowTitle(translate(
                        "StorageOpener",
                        "Waypoint — signed in as {login}").format(
                        login=login.login))

    def _report_lost_commits(self, storage: Storage) -> None:
        """Saves the receipts record but the file lacks: say so once the cases are shown."""
        lost = storage.database.lost_commits
        if lost is None:
            return
        from desktop.ui.case_list.messages import show_message

        self.lost_commits_box = show_message(self.window, translate(
            "StorageOpener", "Saved changes are missing"),
                                             str(lost))

    def _damage_found(self, error: BaseException) -> None:
        """The background quick_check found damage: the database is closed for writing (no
        backup of it, no clean-exit marker) and the start error box offers the backup."""
        from desktop.services.opening import is_damage

        if not is_damage(error):  # e.g. locked meanwhile: next start
            log.warning("The background integrity check did not finish: %s", error)
            return
        if self.storage is not None and self.storage.database.damaged:
            self.storage = None
        self.open_failed(error)

    def change_passphrase(self) -> Any:
        """Ask for the current and a new passphrase; re-key the database in a worker."""
        from desktop.ui.storage_passphrase import change_passphrase

        return change_passphrase(self)

    def open_case_file(self, case_file: str) -> None:
        """Open a case file now, or as soon as the database is open."""
        if self.services is None:
            self.case_file = case_file
        else:
            self._open_case_file(self.services, case_file)

    def _open_case_file(self, services: Any, case_file: str) -> None:
        """Import the file (a no-op if it is already stored) and open its case."""
        from desktop.ui.case_list.messages import show_message

        def opened(case_ids: list[str]) -> None:
            log.info("Opened the case file as case %s", case_ids[0] if case_ids else "-")
            if case_ids:
                self.window.open_case(case_ids[0])

        def refused(error: BaseException) -> None:
            show_message(self.window, translate(
                "StorageOpener", "The case file could not be opened"), f"{case_file}: {error}")

        self.window.runner.run(lambda: services.cases.import_files([case_file]), opened, refused)

    def open_failed(self, error: BaseException) -> None:
        """The open (or a restore) was refused: ask again, or explain in the start error box."""
        explain_start_error(self, error)
