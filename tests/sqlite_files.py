"""Open a Waypoint SQLite file in a test, whether plain or encrypted (with the test passphrase)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from db import cipher
from tests.conftest import TEST_PASSPHRASE


def connect_file(path: Path | str, passphrase: str = TEST_PASSPHRASE) -> Any:
    """A DB-API connection to path: SQLCipher with its key if encrypted, else stdlib sqlite3."""
    path = Path(path)
    if cipher.looks_encrypted(path):
        return cipher.connect(path, cipher.unlock(path, passphrase))
    return sqlite3.connect(path)


def engine_for(url: str, passphrase: str = TEST_PASSPHRASE) -> Any:
    """build_engine for url, keyed when it names an encrypted SQLite file."""
    from db.engine import build_engine, sqlite_file_of

    file_name = sqlite_file_of(url)
    if file_name is not None and cipher.looks_encrypted(Path(file_name)):
        return build_engine(url, cipher.unlock(Path(file_name), passphrase))
    return build_engine(url)


def key_of(path: Path | str, passphrase: str = TEST_PASSPHRASE) -> cipher.DatabaseKey | None:
    """The key of an encrypted file (None for a plain one)."""
    path = Path(path)
    return cipher.unlock(path, passphrase) if cipher.looks_encrypted(path) else None
