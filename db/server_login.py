"""A person's sign-in to the office server, held in memory only and forgotten when locked.

The URL carries the login, never the password: the password reaches the driver through a
connect hook (SQLAlchemy's do_connect), so it is in no URL, log line or message. Locking
disposes of every connection and forgets the password; unlocking checks the new one against
the server before taking it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from db.errors import DatabaseError

SIGN_IN_KEY = "waypoint_sign_in"  # in each pooled connection's info
WRONG_PASSWORD_HINTS = ("password authentication failed", "no password supplied")


class WrongServerPasswordError(DatabaseError):
    """The server refused the login and password (nothing changed)."""


class SignedOutError(DatabaseError):
    """A connection was asked for while Waypoint is locked."""


def is_wrong_password(error: BaseException) -> bool:
    text_of = str(getattr(error, "orig", None) or error).lower()
    return any(hint in text_of for hint in WRONG_PASSWORD_HINTS)


class ServerLogin:
    """The password of the person signed in, supplied to each new connection.

    Each connection is stamped with the sign-in it was made under; one still held by a
    background read when the window locks is closed as soon as that read gives it back
    (engine.dispose() alone leaves it open in the old pool until garbage collection).
    """

    def __init__(self, engine: Engine, login: str, password: str) -> None:
        self.login = login
        self._password: str | None = password
        self._signed_in = 1  # which sign-in this is; raised by every forget()
        event.listen(engine, "do_connect", self._supply)
        event.listen(engine, "connect", self._stamp)
        event.listen(engine, "checkin", self._close_if_stale)

    def _supply(self, _dialect: Any, _record: Any, _args: Any, params: dict[str, Any]) -> None:
        if self._password is None:
            raise SignedOutError("Waypoint is locked: sign in again to reach the server.")
        params["password"] = self._password

    def _stamp(self, _connection: Any, record: ConnectionPoolEntry) -> None:
        record.info[SIGN_IN_KEY] = self._signed_in

    def _close_if_stale(self, connection: Any, record: ConnectionPoolEntry) -> None:
        if connection is not None and record.info.get(SIGN_IN_KEY) != self._signed_in:
            record.invalidate()  # closes it now; a later checkout connects afresh

    def forget(self, engine: Engine) -> None:
        """Sign out: idle connections close now, those in use when they are given back."""
        self._password = None
        self._signed_in += 1
        engine.dispose()

    def take(self, engine: Engine, password: str) -> None:
        """Sign in again: kept only if the server accepts it (WrongServerPasswordError)."""
        self._password = password
        try:
            with engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except sa_exc.OperationalError as error:
            self._password = None
            engine.dispose()
            if is_wrong_password(error):
                raise WrongServerPasswordError(
                    f"The server did not accept this password for {self.login}.") from error
            raise DatabaseError("The server cannot be reached to sign in again.") from error


def attach_server_login(engine: Engine, url: str, password: str | None) -> ServerLogin | None:
    """A password given apart from the URL (the window's sign-in) reaches only the driver."""
    parsed = make_url(url)
    if password is None or parsed.password is not None:
        return None
    return ServerLogin(engine, parsed.username or "", password)


def login_of(url: str) -> str:
    """The login a server URL names (libpq's default, the system user, when it names none)."""
    import getpass

    try:
        return make_url(url).username or getpass.getuser()
    except Exception:  # not a URL, or no user name to be found: the person types one
        return ""


def with_login(url: str, login: str) -> str:
    """The URL with the login typed on the sign-in page (it never holds a password here)."""
    return make_url(url)._replace(username=login.strip()).render_as_string(
        hide_password=False)
