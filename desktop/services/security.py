"""Passphrases for the encrypted database: where one comes from, how strong it is, the keyring."""

from __future__ import annotations

import logging
import os
from enum import Enum
from pathlib import Path

from db.cipher import PASSPHRASE_ENV, is_plain_sqlite, looks_encrypted
from db.errors import DatabaseError as DatabaseError  # re-exported for the lock page

log = logging.getLogger(__name__)

KEYRING_SERVICE = "Waypoint"
MIN_LENGTH = 10


class StoreState(Enum):
    """What the database at a URL needs before it can open."""

    SERVER = "server"  # not an SQLite file: the server's encryption, TLS in the URL
    NEW = "new"  # a real first run (nothing there at all): a passphrase is set now
    MISSING = "missing"  # no file, but its key file, backups or receipts: never a new store
    ENCRYPTED = "encrypted"  # the passphrase opens it
    PLAIN = "plain"  # an unencrypted file: offer to encrypt it


def _sqlite_file_name(database_url: str) -> str | None:
    """The SQLite file of the URL; a plain sqlite:/// URL without importing SQLAlchemy."""
    if not database_url.startswith("sqlite"):
        return None
    if database_url.startswith("sqlite:///") and "?" not in database_url:
        name = database_url.removeprefix("sqlite:///")
        return None if name in ("", ":memory:") else name
    from db.engine import sqlite_file_of

    return sqlite_file_of(database_url)


def store_state(database_url: str) -> StoreState:
    file_name = _sqlite_file_name(database_url)
    if file_name is None:
        return StoreState.SERVER
    path = Path(file_name)
    if not path.exists():
        from db.store_checks import companions_of

        found = companions_of(path.resolve(), path.resolve().parent / "backups", None)
        return StoreState.MISSING if found else StoreState.NEW
    if path.stat().st_size == 0:
        return StoreState.NEW
    if looks_encrypted(path):
        return StoreState.ENCRYPTED
    return StoreState.PLAIN if is_plain_sqlite(path) else StoreState.ENCRYPTED


def database_file(database_url: str) -> Path | None:
    file_name = _sqlite_file_name(database_url)
    return None if file_name is None else Path(file_name).resolve()


def passphrase_strength(passphrase: str) -> tuple[bool, str]:
    """(acceptable, a hint for the person typing it). Length matters most."""
    length = len(passphrase)
    kinds = sum((any(c.islower() for c in passphrase), any(c.isupper() for c in passphrase),
                 any(c.isdigit() for c in passphrase), any(not c.isalnum() for c in passphrase)))
    words = len(passphrase.split())
    if length < MIN_LENGTH:
        return False, f"Too short: use at least {MIN_LENGTH} characters (4 or more words is best)."
    if len(set(passphrase)) < 5:
        return False, "Too repetitive: use different words or characters."
    if length >= 20 or words >= 4:
        return True, "Strong: a long passphrase."
    if kinds >= 3 or words >= 3:
        return True, "Fair: longer is stronger (4 or more words is best)."
    return True, "Weak: add words, or mix capitals, digits and symbols."


class WeakPassphraseError(DatabaseError):
    """A new passphrase the strength rule refuses (the window's rule, for every way in)."""


def check_new_passphrase(passphrase: str) -> None:
    """WeakPassphraseError unless passphrase_strength accepts it: the CLI, the environment
    and a passphrase file meet the same rule as the window's dialog (' ' and 'a' refused)."""
    acceptable, hint = passphrase_strength(passphrase)
    if not acceptable:
        raise WeakPassphraseError(f"passphrase refused: {hint}")


def passphrase_from_file(path: str | os.PathLike[str]) -> str:
    """The first line of a passphrase file (for scripts); OSError if it cannot be read."""
    text = Path(path).read_text(encoding="utf-8")
    return text.splitlines()[0] if text else ""


def passphrase_from_env() -> str | None:
    return os.environ.get(PASSPHRASE_ENV) or None


def remembered_passphrase(database: Path) -> str | None:
    """The passphrase saved in the system keyring for this database, if the user chose that."""
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, str(database))
        except KeyringError:
            return None
    except Exception as error:  # a broken keyring backend: ask instead
        log.warning("The system keyring could not be read: %s", type(error).__name__)
        return None


def remember_passphrase(database: Path, passphrase: str) -> str | None:
    """Save the passphrase in the system keyring; None, or why it could not be saved."""
    try:
        import keyring
        from keyring.errors import KeyringError, NoKeyringError

        try:
            keyring.set_password(KEYRING_SERVICE, str(database), passphrase)
        except NoKeyringError:
            return "This system has no keyring to keep the passphrase in."
        except KeyringError as error:
            return f"The system keyring refused the passphrase ({type(error).__name__})."
    except Exception as error:  # backends raise their own errors too
        return f"The system keyring is not available ({type(error).__name__})."
    return None


def forget_passphrase(database: Path) -> None:
    try:
        import keyring

        keyring.delete_password(KEYRING_SERVICE, str(database))
    except Exception:  # nothing saved, or no keyring: nothing to forget
        return
