"""Lock when away: a page that hides the cases and asks for the passphrase (Ctrl+L, idle time)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.i18n import translate

if TYPE_CHECKING:
    from desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

IDLE_MINUTES_KEY = "security/idle_lock_minutes"
IDLE_LOCK_MINUTES = 10  # the default; 0 in the settings turns the idle lock off
ACTIVITY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
                   QEvent.Type.Wheel}


def _clear_secrets(widget: QWidget) -> None:
    """Empty every hidden-text field (a signing or database passphrase typed into a dialog):
    a str cannot be zeroed, but the widget need not keep it while locked."""
    for field in widget.findChildren(QLineEdit):
        if field.echoMode() != QLineEdit.EchoMode.Normal:
            field.clear()


class LockPage(QWidget):
    """'Waypoint is locked': the passphrase field and Unlock; emits submitted(passphrase)."""

    submitted = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockPage")
        self.title = QLabel(translate("LockPage", "Waypoint is locked"))
        self.title.setObjectName("lockTitle")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 6)
        self.title.setFont(font)
        self.explain = QLabel(translate(
            "LockPage", "Enter the passphrase (or the recovery key) to see the cases."))
        self.login_field = QLineEdit()  # the office server's sign-in only (show_login)
        self.login_field.setAccessibleName(translate("LockPage", "Login"))
        self.login_field.setObjectName("lockLogin")
        self.login_field.setPlaceholderText(translate("LockPage", "Login"))
        self.login_field.setMinimumWidth(280)
        self.login_field.setMaximumWidth(360)
        self.login_field.hide()
        self.field = QLineEdit()
        self.field.setEchoMode(QLineEdit.EchoMode.Password)
        self.field.setAccessibleName(translate("LockPage", "Passphrase"))
        self.field.setObjectName("lockPassphrase")
        self.field.setMinimumWidth(280)
        self.field.setMaximumWidth(360)
        self.unlock_button = QPushButton(translate("LockPage", "Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.error = QLabel("")
        self.error.setObjectName("lockError")
        self.error.setAccessibleName(translate("LockPage", "Unlock problem"))
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        for widget in (self.title, self.explain, self.login_field, self.field,
                       self.unlock_button, self.error):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.field.returnPressed.connect(self._submit)
        self.login_field.returnPressed.connect(self.field.setFocus)
        self.unlock_button.clicked.connect(self._submit)

    def ask(self, title: str, explain: str, error: str = "") -> None:
        self.title.setText(title)
        self.explain.setText(explain)
        self.error.setText(error)
        self.set_busy(False)
        if self.login_field.isVisibleTo(self) and not self.login_field.text():
            self.login_field.setFocus()
        else:
            self.field.setFocus()

    def show_login(self, login: str | None, *, editable: bool = True) -> None:
        """The login field above the password (None hides it); read-only once signed in."""
        self.login_field.setVisible(login is not None)
        self.login_field.setText(login or "")
        self.login_field.setReadOnly(not editable)
        self.field.setAccessibleName(translate(
            "LockPage", "Passphrase") if login is None else translate(
            "LockPage", "Password"))
        self.field.setPlaceholderText("" if login is None else translate("LockPage", "Password"))

    def login(self) -> str:
        """The login typed (or shown) on the page, without surrounding spaces."""
        return self.login_field.text().strip()

    def set_busy(self, busy: bool) -> None:
        self.field.setEnabled(not busy)
        self.unlock_button.setEnabled(not busy)
        if busy:
            self.error.setText(translate("LockPage", "Checking the passphrase…"))

    def _submit(self) -> None:
        if self.login_field.isVisibleTo(self) and not self.login():
            self.error.setText(translate(
                "LockPage", "Enter your login (your user name on the office server)."))
            self.login_field.setFocus()
            return
        secret = self.field.text()
        self.field.clear()  # the typed passphrase does not stay in the widget
        if secret:
            self.set_busy(True)
            self.submitted.emit(secret)


class LockController(QObject):
    """Puts the lock page over the window and takes it away once the passphrase checks out.

    unlock_with(secret, on_ok, on_wrong) is given by whoever holds the key: at start the
    storage opener, afterwards the open database (Database.unlock in a worker).
    """

    locked_changed = Signal(bool)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.page = LockPage()
        window.stack.addWidget(self.page)
        self.page.submitted.connect(self._submitted)
        self.database: Any = None
        self.locked = False
        self._previous: QWidget | None = None
        self._hidden: list[QWidget] = []
        self._switched_off: list[Any] = []  # actions and shortcuts turned off by the lock
        self._on_secret: Callable[[str], None] | None = None
        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self.lock_action: Any = None
        window.stack.currentChanged.connect(self._keep_covered)
        window.is_locked = self.refuses
        self.watching = False  # the application-wide filter: see watch_application()

    def watch_application(self) -> None:
        """Install the application-wide filter (once): while locked no shortcut fires and no
        other window shows; activity restarts the idle timer. Not in __init__: its first look
        at each kind of widget made PySide create all of Qt's classes at once (a 300 ms stall,
        see desktop.ui.qt_types); the window installs it once they are made, and the lock page
        (ask_at_start, attach, lock) installs it at once when it is needed before then."""
        app = QApplication.instance()
        if app is not None and not self.watching:
            app.installEventFilter(self)
            self.watching = True

    # --- showing and hiding the page ---------------------------------------------------------

    def _cover(self) -> None:
        stack = self.window.stack
        if stack.currentWidget() is not self.page:
            self._previous = stack.currentWidget()
            stack.setCurrentWidget(self.page)
        self._set_chrome_enabled(False)
        for widget in QApplication.topLevelWidgets():  # dialogs showing case data
            if widget is not self.window and widget.isVisible() and widget.isWindow():
                widget.hide()
                self._hidden.append(widget)
                _clear_secrets(widget)

    def _set_chrome_enabled(self, enabled: bool) -> None:
        """The menu bar and toolbars: off while the page covers the window (their actions
        lead to the cases)."""
        from PySide6.QtWidgets import QToolBar

        self.window.menuBar().setEnabled(enabled)
        for toolbar in self.window.findChildren(QToolBar):
            toolbar.setEnabled(enabled)

    def _keep_covered(self, _index: int) -> None:
        """Whatever switched the page while locked (an action, a late signal): back to the
        lock page, so the prompt stays and no case shows."""
        stack = self.window.stack
        if self.locked and stack.currentWidget() is not self.page:
            self._previous = stack.currentWidget()
            stack.setCurrentWidget(self.page)
            self.page.field.setFocus()

    def refuses(self) -> bool:
        """While locked the window keeps the lock page (no other page, dialog or close: an
        open case's questions would show); the page says why."""
        if self.locked:
            self.page.error.setText(translate(
                "LockPage", "Waypoint stays locked until the passphrase is entered."))
            self.page.field.setFocus()
        return self.locked

    def _uncover(self) -> None:
        self._set_chrome_enabled(True)
        target = self._previous if self._previous is not None else self.window.case_list
        if self.window.stack.indexOf(target) < 0:
            target = self.window.case_list
        self.window.stack.setCurrentWidget(target)
        self._previous = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        target.setFocus()

    def ask_at_start(self, explain: str, on_secret: Callable[[str], None], error: str = "",
                     *, login: str | None = None) -> None:
        """Before the database opens: ask for its passphrase; on_secret gets what is typed.

        With a login (an office server's sign-in) the page also has the login field, filled
        with it; page.login() is what the person typed there."""
        self._on_secret = on_secret
        self.watch_application()
        self._cover()
        self.page.show_login(login)
        self.page.ask(translate("LockPage", "Waypoint is locked"),
                      translate("StartError", explain), error)

    def start_done(self) -> None:
        """The database opened: take the page away."""
        self._on_secret = None
        if not self.locked:
            self._uncover()

    # --- lock when away ----------------------------------------------------------------------

    def attach(self, database: Any, settings: Any) -> None:
        """The database is open: Ctrl+L and the idle timer lock it from now on."""
        from PySide6.QtGui import QAction, QKeySequence

        self.database = database
        self.watch_application()
        if not getattr(database, "lockable", getattr(database, "encrypted", False)):
            return
        minutes = settings.value(IDLE_MINUTES_KEY, IDLE_LOCK_MINUTES)
        try:
            idle_ms = int(float(minutes) * 60_000)
        except (TypeError, ValueError):
            idle_ms = IDLE_LOCK_MINUTES * 60_000
        self.lock_action = QAction(translate("LockPage", "&Lock"), self.window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        self.lock_action.triggered.connect(lambda _checked=False: self.lock())
        self.window.addAction(self.lock_action)  # works while the menu bar is off too
        self.window.file_menu.insertAction(self.window.quit_action, self.lock_action)
        self.set_idle_ms(idle_ms)

    def set_idle_ms(self, idle_ms: int) -> None:
        """0 turns the idle lock off."""
        self.idle_timer.setInterval(max(0, idle_ms))
        if idle_ms > 0:
            self.idle_timer.start()
        else:
            self.idle_timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self.locked:
            if kind == QEvent.Type.Shortcut and self._belongs_to_window(watched):
                return True  # no action's or QShortcut's key sequence fires
            if kind == QEvent.Type.Show and isinstance(watched, QWidget) and \
                    watched.isWindow() and watched is not self.window and \
                    self._belongs_to_window(watched):
                QTimer.singleShot(0, watched.hide)  # a dialog or menu opened meanwhile
                watched.hide()
                return False
        if kind == QEvent.Type.ShortcutOverride and self._is_lock_key(watched, event):
            self.lock()  # also from a dialog of the window, which keeps its shortcuts from it
            return True
        if kind in ACTIVITY_EVENTS and not self.locked and self.idle_timer.interval():
            self.idle_timer.start()  # restart: the person is here
        return False

    def _is_lock_key(self, watched: QObject, event: QEvent) -> bool:
        from PySide6.QtGui import QKeyEvent

        if self.locked or self.lock_action is None or not isinstance(event, QKeyEvent):
            return False
        sequence = self.lock_action.shortcut()
        return (not sequence.isEmpty() and event.keyCombination() == sequence[0]
                and self._belongs_to_window(watched))

    def _belongs_to_window(self, thing: QObject) -> bool:
        """Whether an action, shortcut, dialog or menu is (a descendant of) this window's."""
        owner: QObject | None = thing
        while owner is not None:
            if owner is self.window:
                return True
            owner = owner.parent()
        return False

    def lock(self) -> None:
        """Hide every case, close the database's connections and wipe its key."""
        if self.locked or self.database is None or not getattr(
                self.database, "lockable", self.database.encrypted):
            return
        self.watch_application()
        self.locked = True
        self.idle_timer.stop()
        self._cover()
        self._switch_off_actions()
        self.window.case_list.clear_rows()  # the names leave the list's model too
        self.database.lock()
        log.info("Locked")
        server_login = getattr(self.database, "server_login", None)
        self.page.show_login(None if server_login is None else server_login.login,
                             editable=False)  # the same person signs in again
        self.page.ask(
            translate("LockPage", "Waypoint is locked"),
            translate("LockPage", "Enter your server password to see the cases again.")
            if getattr(self.database, "server_login", None) is not None
            else translate(
                "LockPage", "Enter the passphrase (or the recovery key) to see the cases again."
            ),
        )
        self.locked_changed.emit(True)

    def _submitted(self, secret: str) -> None:
        if self._on_secret is not None:
            self._on_secret(secret)
            return
        if not self.locked or self.database is None:
            return
        database = self.database
        self.window.runner.run(lambda: database.unlock(secret), self._unlocked, self._unlock_failed)

    def _switch_off_actions(self) -> None:
        """Every action and shortcut of the window (menus, toolbar, an open case's page) off:
        neither its key sequence nor trigger() runs it while locked."""
        from PySide6.QtGui import QAction, QShortcut

        items: list[QAction | QShortcut] = [
            *self.window.findChildren(QAction),
            *self.window.findChildren(QShortcut),
        ]
        for item in items:
            if item.isEnabled():
                item.setEnabled(False)
                self._switched_off.append(item)

    def _switch_actions_back_on(self) -> None:
        for item in self._switched_off:
            try:
                item.setEnabled(True)
            except RuntimeError:  # deleted meanwhile (Qt owned it)
                pass
        self._switched_off = []

    def _unlocked(self, _result: object) -> None:
        self.locked = False
        self._switch_actions_back_on()
        self._uncover()
        self.window.case_list.refresh()
        if self.idle_timer.interval():
            self.idle_timer.start()
        log.info("Unlocked")
        self.locked_changed.emit(False)

    def _unlock_failed(self, error: BaseException) -> None:
        from desktop.services.security import DatabaseError

        message = (
            str(error)
            if isinstance(error, DatabaseError)
            else translate("LockPage", "The unlock failed.")
        )
        self.page.ask(
            translate("LockPage", "Waypoint is locked"),
            translate("LockPage", "Enter the passphrase (or the recovery key)."),
            message,
        )
