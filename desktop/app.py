"""The composition root: paths, settings, logging, the window first, then the database."""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, QSettings, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from db.server_login import is_wrong_password, login_of, with_login
from db.server_tls import allow_insecure, masked_url
from desktop.paths import AppPaths, resolve_database_url, resolve_paths
from desktop.resources import resource_path
from desktop.ui.background import BackgroundRunner
from desktop.ui.main_window import MainWindow

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QMessageBox

    from desktop.services.rules_in_use import RulesInUse
    from desktop.services.startup import Storage
    from desktop.ui.lock_page import LockController

log = logging.getLogger("desktop.app")

# Benchmarks only: print the wall-clock time of the first paint and quit. "window" (or "1"):
# the main window's first paint; "cases": the first paint of the case table with rows in it.
EXIT_AT_FIRST_PAINT_ENV = "WAYPOINT_EXIT_AT_FIRST_PAINT"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
RESTORE_TEXT = "Restore latest backup"
LOG_ROTATE_BYTES = 1_000_000
BAD_BINDING_EXIT = 3
PROBE_CALLS = 100


def drops_none(call: Callable[[], object]) -> bool:
    """True when calling `call` again and again lowers None's reference count."""
    before = sys.getrefcount(None)
    for _ in range(PROBE_CALLS):
        call()
    return before - sys.getrefcount(None) >= PROBE_CALLS // 2


def binding_drops_none() -> bool:
    """True when a Qt call that returns nothing lowers None's reference count.

    PySide6 6.12.0 does this under CPython 3.11: the process aborts ("deallocating None")
    after ~1,500 keystrokes. Probed, not looked up by version, so any binding with the bug is
    caught; on CPython 3.12+ None is immortal, its count never moves and the bug is harmless.
    """
    point = QPoint()
    return drops_none(lambda: point.setX(1))


def bad_binding_message() -> str:
    import PySide6

    python = ".".join(str(part) for part in sys.version_info[:3])
    return (
        f"Waypoint cannot run on PySide6 {PySide6.__version__} with Python {python}: this "
        "Qt binding has a reference-count bug that ends the program after a few minutes of "
        "typing, and unsaved typing would be lost. Install PySide6 6.11.3 "
        "(pip install 'PySide6-Essentials==6.11.3' 'PySide6-Addons==6.11.3') or use "
        "Python 3.12 or newer."
    )


def missing_display(environ: Mapping[str, str], platform: str) -> str | None:
    """Why no window can open here (Linux or BSD with no display), else None.

    Qt would abort with "could not connect to display" and a core dump; a sentence saying
    what to do is better. QT_QPA_PLATFORM (e.g. offscreen) means the caller chose a platform.
    """
    if platform in ("win32", "darwin", "cygwin"):
        return None
    if any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")):
        return None
    return (
        "waypoint: no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY is "
        "set).\nRun it in a desktop session, or over ssh with -X; the command-line tools work "
        "anywhere (waypoint --help).\nTo start the window without a screen (tests, CI), set "
        "QT_QPA_PLATFORM=offscreen."
    )


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="waypoint", description="Open the Waypoint window.")
    parser.add_argument("--data-dir", help="folder for the database, backups, logs and settings")
    parser.add_argument("--database-url", help="SQLAlchemy URL of the database")
    parser.add_argument("--insecure", action="store_true",
                        help="allow a server URL without TLS to a host that is not this machine")
    parser.add_argument("case_file", nargs="?",
                        help="a case file to import (if new) and open, e.g. on double-click")
    return parser.parse_args(list(argv))


class QuietFileHandler(logging.FileHandler):
    """The log file, best effort: a full or vanished disk must not print tracebacks."""

    def handleError(self, record: logging.LogRecord) -> None:
        if isinstance(sys.exc_info()[1], OSError):
            return
        super().handleError(record)

    def close(self) -> None:
        try:
            super().close()
        except OSError:  # the unwritten tail of the log is lost, nothing else
            pass


def setup_logging(paths: AppPaths) -> logging.Handler:
    """Log to data_dir/logs/waypoint.log; to stderr if the folder is not writable.

    The previous log is kept as waypoint.log.1 once it passes 1 MB (rotation at start: the
    logging.handlers module is not worth its import time on the way to the first window).
    """
    from db.private_files import make_private_dir, restrict_file

    handler: logging.Handler
    try:
        make_private_dir(paths.log_dir, tighten=True)
        log_file = paths.log_dir / "waypoint.log"
        if log_file.exists() and log_file.stat().st_size > LOG_ROTATE_BYTES:
            os.replace(log_file, log_file.with_name("waypoint.log.1"))
        handler = QuietFileHandler(log_file, encoding="utf-8")
    except OSError:
        handler = logging.StreamHandler()
    if isinstance(handler, logging.FileHandler):
        restrict_file(paths.log_dir / "waypoint.log")  # new or left by an older version: 0600
    from desktop.log_format import NoPersonalDataFormatter

    handler.setFormatter(NoPersonalDataFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # one line per plugin otherwise
    return handler


def app_icon() -> QIcon:
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path("icons", f"waypoint-{size}.png")
        if path.is_file():
            icon.addFile(str(path))
    return icon


def open_settings(paths: AppPaths) -> QSettings:
    """Settings live in an ini file in the data folder (so every test has its own).

    The file is made 0600 (and its folder 0700) before Qt writes it; Qt keeps the mode of
    an existing file when it saves. If the folder cannot be made, Qt says so when saving.
    """
    from db.private_files import make_private_dir, make_private_file

    try:
        make_private_dir(paths.data_dir)
        make_private_file(paths.settings_file)
    except OSError:
        pass  # an unusable data folder is reported when the database opens
    return QSettings(str(paths.settings_file), QSettings.Format.IniFormat)


def server_sign_in(database_url: str) -> str | None:
    """What the sign-in page says for a server URL without a password; None otherwise."""
    from sqlalchemy.engine import make_url

    try:
        url = make_url(database_url)
    except Exception:  # not a URL: the open explains it
        return None
    if (url.get_backend_name() != "postgresql" or url.password is not None or not url.host
            or "sslcert" in url.query):  # a socket's peer login, or a client certificate
        return None
    if os.environ.get("PGPASSWORD") or os.environ.get("PGPASSFILE"):
        return None  # libpq finds the password itself
    return (f"Sign in to the office server {url.host or 'on this machine'}: enter your login "
            "and password.")


def _read_first_page_in_worker(database_url: str, limit: int, passphrase: str | None
                               ) -> tuple[Any, Any]:
    """(the key of an encrypted file or None, the first page or None); the key is derived once.

    A wrong passphrase raises WrongPassphraseError here, before anything is opened.
    """
    from db.quick_read import read_first_page, sqlite_file_in  # no SQLAlchemy: fast

    database_file = sqlite_file_in(database_url)
    if database_file is None:
        return None, None
    key = None
    if passphrase is not None:
        from db import cipher

        if cipher.looks_encrypted(database_file):
            key = cipher.unlock(database_file, passphrase)
    return key, read_first_page(database_file, limit, key)


def _open_storage_in_worker(paths: AppPaths, database_url: str, passphrase: str | None = None,
                            key: Any = None, encrypt_plain: bool = False,
                            progress: Any = None) -> Storage:
    from desktop.services.startup import open_storage  # imports the database stack: slow

    return open_storage(paths, database_url, passphrase=passphrase, key=key,
                        encrypt_plain=encrypt_plain, progress=progress)


# Until warm-up ends, no full collection: start-up builds a million long-lived objects
# (imports of SQLAlchemy, Alembic, the engine), and each full collection over them held the
# interpreter lock for 50-130 ms, stalling the window. warm_up() then freezes them. The young
# generations keep their thresholds: a bigger youngest generation only makes each of its
# collections longer (50,000 objects took 60+ ms on a busy machine).
STARTUP_FULL_COLLECTION_THRESHOLD = 1_000_000  # collections of the middle generation
_usual_gc_thresholds: tuple[int, int, int] | None = None


def collect_rarely_until_warm() -> None:
    """No full collections during start-up (release_collector() puts the thresholds back)."""
    global _usual_gc_thresholds
    if _usual_gc_thresholds is None:
        _usual_gc_thresholds = gc.get_threshold()
        young, middle, _full = _usual_gc_thresholds
        gc.set_threshold(young, middle, STARTUP_FULL_COLLECTION_THRESHOLD)


def release_collector() -> None:
    """The usual thresholds again (after warm-up, or when the database did not open)."""
    global _usual_gc_thresholds
    if _usual_gc_thresholds is not None:
        gc.set_threshold(*_usual_gc_thresholds)
        _usual_gc_thresholds = None


def _warm_up_in_worker(rules: RulesInUse) -> None:
    from desktop.services.startup import warm_up

    try:
        warm_up(rules)  # ends with gc.freeze(): what start-up made is out of the collector's sight
    finally:
        release_collector()


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
        self._secret: str | None = None  # until the database is open (restore needs it)
        self._key: Any = None
        self._encrypt_plain = False
        self._wants_recovery = False
        self.lost_commits_box: QMessageBox | None = None

    @property
    def lock(self) -> LockController:
        """The lock page's controller, built by start() (right after the first paint)."""
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
        self._build_lock()
        self._ask_or_begin()

    def _ask_or_begin(self) -> None:
        """Find the passphrase ($WAYPOINT_PASSPHRASE, the keyring) or ask for one, then begin."""
        from desktop.services import security

        state = security.store_state(self.database_url)
        secret = security.passphrase_from_env()
        database_file = security.database_file(self.database_url)
        if secret is None and database_file and state in (security.StoreState.ENCRYPTED,
                                                          security.StoreState.MISSING):
            secret = security.remembered_passphrase(database_file)
        sign_in = server_sign_in(self.database_url)
        if state is security.StoreState.SERVER:  # a laptop passphrase is no server password
            if sign_in is not None:
                self.lock.ask_at_start(sign_in, self._sign_in, login=login_of(self.database_url))
            else:
                self._begin(None)
        elif secret is not None:
            self._begin(secret)
        elif state is security.StoreState.ENCRYPTED:
            self.lock.ask_at_start("Enter the passphrase (or the recovery key) to open the "
                                   "cases.", self._begin)
        elif state is security.StoreState.MISSING:  # never the first-run welcome
            self.lock.ask_at_start("The database file is missing, but its key file or "
                                   "backups are here. Enter the passphrase to see what is "
                                   "left and restore the newest backup.", self._begin)
        elif state is security.StoreState.NEW:
            self._ask_new_passphrase(encrypt_plain=False)
        else:
            self._offer_encryption()

    def _ask_new_passphrase(self, *, encrypt_plain: bool) -> None:
        from desktop.ui.passphrase_dialog import PassphraseDialog

        intro = ("Your database is not encrypted yet. Choose a passphrase to encrypt it and its "
                 "backups." if encrypt_plain else
                 "Welcome to Waypoint. Choose a passphrase: it encrypts the cases on this laptop.")
        dialog = PassphraseDialog("Protect your cases", intro, parent=self.window)

        def answered(result: int) -> None:
            self.passphrase_dialog = None
            if result != PassphraseDialog.DialogCode.Accepted:
                if encrypt_plain:
                    self._begin(None)  # stays plain; offered again next start
                else:
                    self.window.close()  # nothing is created without a passphrase
                return
            secret = dialog.passphrase()
            self._wants_recovery = dialog.wants_recovery_key()
            if dialog.remember_in_keyring():
                self._remember(secret)
            dialog.clear()
            self._begin(secret, encrypt_plain=encrypt_plain)

        dialog.finished.connect(answered)
        self.passphrase_dialog = dialog
        dialog.open()

    def _remember(self, secret: str) -> None:
        from desktop.services.security import database_file, remember_passphrase
        from desktop.ui.case_list.messages import show_message

        target = database_file(self.database_url)
        problem = remember_passphrase(target, secret) if target else "no database file"
        if problem is not None:
            show_message(self.window, "The passphrase was not remembered",
                         f"{problem} Waypoint will ask for it at each start.")

    def _offer_encryption(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "Encrypt the database?",
                          "This Waypoint database is not encrypted: anyone who copies the data "
                          "folder can read every case. Encrypt it (and its backups) now?",
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                          self.window)
        box.setObjectName("encryptOfferBox")

        def answered(result: int) -> None:
            self.passphrase_dialog = None
            if result == QMessageBox.StandardButton.Yes:
                self._ask_new_passphrase(encrypt_plain=True)
            else:
                self._begin(None)

        box.finished.connect(answered)
        self.passphrase_dialog = box
        box.open()

    def _sign_in(self, password: str) -> None:
        """The office server's sign-in page: the login typed there goes into the URL."""
        self.database_url = with_login(self.database_url, self.lock.page.login())
        self._begin(password)

    def _begin(self, secret: str | None, *, encrypt_plain: bool = False) -> None:
        """Derive the key once (a worker), show the newest cases read-only, then open fully."""
        from desktop.ui.fonts import register_bundled_fonts

        self._secret = secret
        self._encrypt_plain = encrypt_plain
        limit = self.window.case_list.model.page_size
        preview_secret = None if encrypt_plain else secret
        self.window.runner.run(
            lambda: _read_first_page_in_worker(self.database_url, limit, preview_secret),
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
        from db.cipher import WrongPassphraseError

        if isinstance(error, WrongPassphraseError):
            self.lock.ask_at_start("Enter the passphrase (or the recovery key) to open the "
                                   "cases.", self._begin, str(error))
            return
        log.warning("No early look at the case list: %s", type(error).__name__)
        self._open_storage()

    def _open_storage(self) -> None:
        if self._closed:
            return
        self.window.finish_setup()
        secret, key, encrypt_plain = self._secret, self._key, self._encrypt_plain
        from desktop.ui.startup_progress import ProgressRelay
        progress = ProgressRelay(self.window.case_list.show_opening_words, self)
        self.window.runner.run(
            lambda: _open_storage_in_worker(self.paths, self.database_url, secret, key,
                                            encrypt_plain, progress),
            self._opened,
            self._failed,
        )

    def close(self) -> None:
        """Release the database's connections (at exit); a database opened later is closed too."""
        self._closed = True
        if self.storage is not None:
            from desktop.services.startup import close_storage

            close_storage(self.storage)
            self.storage = None

    def _opened(self, storage: Storage) -> None:
        from desktop.ui.audit_status import start_audit_check
        from desktop.ui.context import UiServices

        self.storage = storage
        if self._closed:  # the window went away while the database was opening
            self.close()
            return
        from desktop.ui.office.profile_dialog import choose_profile

        self.profile_dialog = choose_profile(self.window, storage, self._opened)
        if self.profile_dialog is not None:
            return  # _opened again once a local profile is chosen
        window = self.window
        services = UiServices(
            cases=storage.cases,
            memos=storage.memos,
            runner=window.runner,
            settings=window.settings,
            clock=_clock(),
            paths=self.paths,
            database_url=self.database_url,
            rules=storage.rules,  # the active pack, resolved once; File → Rule packs… switches it
        )
        window.attach_services(services, storage.rule_pack)
        self.services = services
        self.lock.start_done()
        self.lock.attach(storage.database, window.settings)
        self._add_passphrase_action(storage)
        self._report_lost_commits(storage)
        if self._wants_recovery and storage.database.encrypted and self._secret:
            self._make_recovery_key(storage, self._secret)
        self._secret, self._key, self._wants_recovery = None, None, False
        # The first Review and memo then start warm; after it (so that no import waits on
        # the worker's), the case pages' modules are imported while the list is looked at.
        window.runner.run(partial(_warm_up_in_worker, storage.rules),
                          lambda _result: window.warm_case_pages())
        # After a clean exit the open only read the schema; the full check runs now.
        window.runner.run(storage.database.check_deferred, None, self._damage_found)
        self.audit_status = start_audit_check(window, window.runner, storage.database)
        log.info("Database open: %s", masked_url(self.database_url))
        login = getattr(storage.database, "server_login", None)
        if login is not None:  # who is signed in, in the title bar
            window.setWindowTitle(f"Waypoint \u2014 signed in as {login.login}")
        self.opened.emit()
        if self.case_file:
            self._open_case_file(services, self.case_file)

    def _report_lost_commits(self, storage: Storage) -> None:
        """Saves the receipts record but the file lacks: say so once the cases are shown."""
        lost = storage.database.lost_commits
        if lost is None:
            return
        from desktop.ui.case_list.messages import show_message

        self.lost_commits_box = show_message(self.window, "Saved changes are missing",
                                             str(lost))

    def _damage_found(self, error: BaseException) -> None:
        """The background quick_check found damage: the database is closed for writing (no
        backup of it, no clean-exit marker) and the start error box offers the backup."""
        from db.errors import CorruptDatabaseError

        if not isinstance(error, CorruptDatabaseError):  # e.g. locked meanwhile: next start
            log.warning("The background integrity check did not finish: %s", error)
            return
        if self.storage is not None and self.storage.database.damaged:
            self.storage = None
        self._failed(error)

    def _make_recovery_key(self, storage: Storage, secret: str) -> None:
        from db.cipher import add_recovery_key
        from desktop.ui.passphrase_dialog import show_recovery_key

        database_file = storage.database.sqlite_file
        assert database_file is not None
        def made(recovery: str) -> None:
            show_recovery_key(self.window, recovery)

        self.window.runner.run(lambda: add_recovery_key(database_file, secret), made)

    def _add_passphrase_action(self, storage: Storage) -> None:
        if not storage.database.encrypted:
            return
        from PySide6.QtGui import QAction

        action = QAction("Change &passphrase…", self.window)
        action.setObjectName("changePassphraseAction")
        self.window.file_menu.insertAction(self.lock.lock_action, action)
        self.change_passphrase_action = action
        action.triggered.connect(lambda _checked=False: self.change_passphrase())

    def change_passphrase(self) -> Any:
        """Ask for the current and a new passphrase; re-key the database in a worker."""
        from desktop.ui.case_list.messages import show_message
        from desktop.ui.passphrase_dialog import PassphraseDialog, show_recovery_key

        storage = self.storage
        if storage is None:
            return None
        new_secret = ""
        dialog = PassphraseDialog("Change the passphrase", "The database is re-encrypted with "
                                  "a new key. Backups made before keep their old passphrase.",
                                  change=True, parent=self.window)

        def changed(recovery: str | None) -> None:
            self._update_remembered(new_secret)
            if recovery:
                show_recovery_key(self.window, recovery)
            else:
                show_message(self.window, "Passphrase changed", "The passphrase was changed.")

        def refused(error: BaseException) -> None:
            show_message(self.window, "The passphrase was not changed", str(error))

        def answered(result: int) -> None:
            self.passphrase_dialog = None
            if result != PassphraseDialog.DialogCode.Accepted:
                return
            nonlocal new_secret
            old, new, recovery = dialog.current(), dialog.passphrase(), dialog.wants_recovery_key()
            new_secret = new
            dialog.clear()
            self.window.runner.run(
                lambda: storage.database.change_passphrase(old, new, with_recovery=recovery),
                changed, refused)

        dialog.finished.connect(answered)
        self.passphrase_dialog = dialog
        dialog.open()
        return dialog

    def _update_remembered(self, secret: str) -> None:
        """A passphrase kept in the keyring follows a change (it is only there if chosen)."""
        from desktop.services.security import (
            database_file,
            remember_passphrase,
            remembered_passphrase,
        )

        target = database_file(self.database_url)
        if target is not None and remembered_passphrase(target) is not None:
            remember_passphrase(target, secret)

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
            show_message(self.window, "The case file could not be opened", f"{case_file}: {error}")

        self.window.runner.run(lambda: services.cases.import_files([case_file]), opened, refused)

    def _failed(self, error: BaseException) -> None:
        release_collector()  # no warm-up follows
        from PySide6.QtWidgets import QMessageBox

        from db.cipher import WrongPassphraseError
        from db.errors import DatabaseError

        if isinstance(error, WrongPassphraseError):
            self.lock.ask_at_start("Enter the passphrase (or the recovery key) to open the "
                                   "cases.", self._begin, str(error))
            return
        sign_in = server_sign_in(self.database_url)
        if sign_in is not None and is_wrong_password(error):
            self.lock.ask_at_start(sign_in, self._sign_in, "The server did not accept this "
                                   "login and password.", login=self.lock.page.login())
            return
        if isinstance(error, DatabaseError):
            log.error("The database could not be opened: %s", error)
            text = str(error)
        else:
            log.error("Unexpected error opening the database", exc_info=error)
            text = f"Waypoint could not open its database: {error}"
            if self.paths.log_dir.is_dir():  # never point at a log that cannot exist
                text += f"\n\nDetails are in the log in {self.paths.log_dir}."
        self.window.show_storage_unavailable(text.splitlines()[0][:120])
        box = QMessageBox(QMessageBox.Icon.Critical, "Waypoint cannot open its database",
                          text, QMessageBox.StandardButton.NoButton, self.window)
        box.setAccessibleName("Waypoint cannot open its database")
        box.setObjectName("startErrorBox")
        restore = None
        if restorable_over(error) is not None:
            restore = box.addButton(RESTORE_TEXT, QMessageBox.ButtonRole.AcceptRole)
        quit_button = box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.setEscapeButton(quit_button)
        # Restore is the default only where the database itself is damaged or gone (a key-file
        # problem offers none: over the intact file it would throw recent work aside).
        box.setDefaultButton(restore or quit_button)

        def answered(_result: int) -> None:
            chosen = box.clickedButton()
            self.error_box = None
            if restore is not None and chosen is restore:
                self._restore_latest_backup(error)
            else:
                self.window.close()

        box.finished.connect(answered)
        self.error_box = box
        self.failed.emit(text)
        box.open()

    def _restore_latest_backup(self, error: Any) -> None:
        from db.backup import restore_file

        damaged, backup = restorable_over(error), error.latest_backup
        self.window.location_label.setText(f"Restoring {backup.name}…")
        secret = self._secret

        def restore_and_open() -> Storage:
            aside = restore_file(damaged, backup, label="damaged", passphrase=secret)
            log.warning("Restored %s from %s; the damaged file is kept as %s",
                        damaged, backup, aside)
            return _open_storage_in_worker(self.paths, self.database_url, secret)

        self.window.runner.run(restore_and_open, self._opened, self._failed)


def restorable_over(error: BaseException) -> Any:
    """The database file a backup may be restored over for this start error, else None.

    A damaged or missing database with a backup to offer; never a key-file problem (the
    database is intact: a restore would only lose recent work).
    """
    from db.errors import CorruptDatabaseError, MissingDatabaseError

    if getattr(error, "latest_backup", None) is None:
        return None
    if isinstance(error, CorruptDatabaseError):
        return error.damaged_path
    if isinstance(error, MissingDatabaseError):
        return error.database_file
    return None


def _clock() -> Any:
    from desktop.services.startup import utc_now

    return utc_now


class FileOpenFilter(QObject):
    """macOS: Finder sends a double-clicked case file as a QFileOpenEvent, not in argv."""

    def __init__(self, opener: StorageOpener) -> None:
        super().__init__(opener)
        self.opener = opener

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FileOpen:
            from PySide6.QtGui import QFileOpenEvent

            if isinstance(event, QFileOpenEvent) and event.file():
                self.opener.open_case_file(event.file())
                return True
        return False


def report_first_paint() -> None:
    """Benchmark hook: print the time of the first paint and quit."""
    print(f"first-paint {time.time():.6f}", flush=True)
    QTimer.singleShot(0, QCoreApplication.quit)


class FirstPaintProbe(QObject):
    """Benchmark hook: prints the time of the first paint of `target` (when ready) and quits."""

    def __init__(self, target: QWidget, ready: Any) -> None:
        super().__init__(target)
        self._ready = ready
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._ready():
            watched.removeEventFilter(self)
            report_first_paint()
        return False


def watch_first_rows(window: MainWindow) -> None:
    """Benchmark hook: report the first paint of the case table once it has rows.

    The paint filter goes on the table only when rows arrive, so it does not see (and wrap
    for Python) every event the table gets on the way there.
    """
    model = window.case_list.model
    viewport = window.case_list.table.viewport()

    def rows_arrived() -> None:
        if model.rowCount() > 0:
            model.modelReset.disconnect(rows_arrived)
            model.rowsInserted.disconnect(rows_arrived)
            FirstPaintProbe(viewport, lambda: True)

    model.modelReset.connect(rows_arrived)
    model.rowsInserted.connect(rows_arrived)


class Launched:
    """What launch() built: the window and its storage opener (tests drive these)."""

    def __init__(self, window: MainWindow, opener: StorageOpener) -> None:
        self.window = window
        self.opener = opener

    def shutdown(self) -> None:
        """Wait for background work and release the database (at exit, or after a test)."""
        self.window.runner.wait_for_done()
        self.opener.close()


def launch(paths: AppPaths, database_url: str, case_file: str | None = None) -> Launched:
    """Build and show the main window; the database opens in the background after first paint.

    Needs a QApplication. Used by main() and by the GUI tests.
    """
    runner = BackgroundRunner()
    window = MainWindow(paths, database_url, runner, open_settings(paths))
    runner.setParent(window)
    opener = StorageOpener(window, paths, database_url, case_file)
    window.first_painted.connect(opener.start)  # emitted after the first frame
    window.show()
    return Launched(window, opener)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the window: `waypoint [--data-dir DIR] [--database-url URL]`."""
    args = parse_args(sys.argv[1:] if argv is None else argv)
    no_display = missing_display(os.environ, sys.platform)
    if no_display is not None:
        print(no_display, file=sys.stderr)
        return 1
    if args.insecure:
        allow_insecure()
    paths = resolve_paths(args.data_dir)
    database_url = resolve_database_url(paths, args.database_url)
    QApplication.setApplicationName("Waypoint")
    QApplication.setOrganizationName("Waypoint")
    QApplication.setApplicationDisplayName("Waypoint")
    collect_rarely_until_warm()
    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "waypoint"])
    if binding_drops_none():
        from PySide6.QtWidgets import QMessageBox

        print(f"waypoint: {bad_binding_message()}", file=sys.stderr)
        QMessageBox.critical(None, "Waypoint cannot start", bad_binding_message())
        return BAD_BINDING_EXIT
    from db.private_files import keep_new_files_private

    keep_new_files_private()
    setup_logging(paths)
    launched = launch(paths, database_url, args.case_file)
    if sys.platform == "darwin":
        # Only macOS sends files as events. An application-wide filter sees every event of
        # every widget, each one wrapped for Python: not worth it where it finds nothing.
        app.installEventFilter(FileOpenFilter(launched.opener))
    launched.window.first_painted.connect(lambda: QApplication.setWindowIcon(app_icon()))
    probe_mode = os.environ.get(EXIT_AT_FIRST_PAINT_ENV, "")
    if probe_mode in ("1", "window"):
        # The window's own paint hook: no event filter (one would see, and wrap for Python,
        # every event of the window: the probe would cost more than the floor's paintEvent).
        launched.window.first_frame_drawn.connect(report_first_paint)
    elif probe_mode == "cases":
        watch_first_rows(launched.window)
    try:
        return app.exec()
    finally:
        launched.shutdown()
