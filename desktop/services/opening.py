"""What the window's start needs from the database layer, each heavy import deferred to its use.

The window's storage opener (desktop.ui.storage_opener) reaches the database only through
this module: the read-only first page, the full open in a worker, the start errors it
explains and the backup it may restore. Nothing here is imported before the first paint
that the first paint does not need: SQLAlchemy, Alembic and the cipher load inside the
functions, on the worker thread where they are used.
"""

from __future__ import annotations

import gc
import logging
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path

    from desktop.paths import AppPaths
    from desktop.services.rules_in_use import RulesInUse
    from desktop.services.startup import Storage

log = logging.getLogger("desktop.app")  # the start's log lines keep their logger's name

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


def server_sign_in(database_url: str) -> str | None:
    """What the sign-in page says for a server URL without a password; None otherwise."""
    if not database_url.startswith("postgresql"):
        return None  # SQLite (every laptop): not worth SQLAlchemy's import on the window's thread
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


def login_of(database_url: str) -> str:
    """The login a server URL names (the system user when it names none; "" if none)."""
    from db.server_login import login_of as login

    return login(database_url)


def with_login(database_url: str, login: str) -> str:
    """The URL with the login typed on the sign-in page (it never holds a password here)."""
    from db.server_login import with_login as replaced

    return replaced(database_url, login)


def read_first_page_in_worker(database_url: str, limit: int, passphrase: str | None
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


def open_storage_in_worker(paths: AppPaths, database_url: str, passphrase: str | None = None,
                           key: Any = None, encrypt_plain: bool = False,
                           progress: Any = None) -> Storage:
    from desktop.services.startup import open_storage  # imports the database stack: slow

    return open_storage(paths, database_url, passphrase=passphrase, key=key,
                        encrypt_plain=encrypt_plain, progress=progress)


def warm_up_in_worker(rules: RulesInUse) -> None:
    from desktop.services.startup import warm_up

    try:
        warm_up(rules)  # ends with gc.freeze(): what start-up made is out of the collector's sight
    finally:
        release_collector()


def start_clock() -> Any:
    """The services' clock (UTC now)."""
    from desktop.services.startup import utc_now

    return utc_now


def is_wrong_passphrase(error: BaseException) -> bool:
    from db.cipher import WrongPassphraseError

    return isinstance(error, WrongPassphraseError)


def is_wrong_server_password(error: BaseException) -> bool:
    from db.server_login import is_wrong_password

    return is_wrong_password(error)


def is_database_error(error: BaseException) -> bool:
    """A refusal the database layer explains itself (its message is for the user)."""
    from db.errors import DatabaseError

    return isinstance(error, DatabaseError)


def is_damage(error: BaseException) -> bool:
    """The integrity check found the database damaged."""
    from db.errors import CorruptDatabaseError

    return isinstance(error, CorruptDatabaseError)


def masked_url(database_url: str) -> str:
    """The URL as the log may show it (no password)."""
    from db.server_tls import masked_url as masked

    return masked(database_url)


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


def restore_and_open(error: Any, paths: AppPaths, database_url: str,
                     secret: str | None) -> Storage:
    """Put the latest backup in place of the damaged file (kept aside), then open (a worker)."""
    from db.backup import restore_file

    damaged, backup = restorable_over(error), error.latest_backup
    aside = restore_file(damaged, backup, label="damaged", passphrase=secret)
    log.warning("Restored %s from %s; the damaged file is kept as %s", damaged, backup, aside)
    return open_storage_in_worker(paths, database_url, secret)


def add_recovery_key(database_file: Path, secret: str) -> str:
    """A new recovery key slot for the encrypted file; the key is returned to be shown once."""
    from db.cipher import add_recovery_key as add

    return add(database_file, secret)
