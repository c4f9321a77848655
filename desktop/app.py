"""The composition root: paths, settings, logging, the window first, then the database."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from desktop.paths import AppPaths, resolve_database_url, resolve_paths
from desktop.resources import resource_path
from desktop.services.opening import collect_rarely_until_warm
from desktop.ui.background import BackgroundRunner
from desktop.ui.language import chosen_language, install_language
from desktop.ui.main_window import MainWindow
from desktop.ui.storage_opener import StorageOpener

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent  # its class (and enum of 180 types) costs the paint 10 ms
    from PySide6.QtGui import QIcon

log = logging.getLogger("desktop.app")

# Benchmarks only: print the wall-clock time of the first paint and quit. "window" (or "1"):
# the main window's first paint; "cases": the first paint of the case table with rows in it.
EXIT_AT_FIRST_PAINT_ENV = "WAYPOINT_EXIT_AT_FIRST_PAINT"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
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


class FileOpenFilter(QObject):
    """macOS: Finder sends a double-clicked case file as a QFileOpenEvent, not in argv."""

    def __init__(self, opener: StorageOpener) -> None:
        super().__init__(opener)
        self.opener = opener

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtCore import QEvent

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
        from PySide6.QtCore import QEvent

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
    settings = open_settings(paths)
    install_language(chosen_language(settings))  # before any text of the window is made
    window = MainWindow(paths, database_url, runner, settings)
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
        from db.server_tls import allow_insecure  # SQLAlchemy's URL: not before the first paint

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
