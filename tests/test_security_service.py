"""Passphrase strength hints, where a database stands, and the keyring when there is none."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.services import security
from desktop.services.security import StoreState, passphrase_strength, store_state


@pytest.mark.parametrize(("passphrase", "acceptable", "hint"), [
    ("", False, "Too short"),
    ("abc12", False, "Too short"),
    ("aaaaaaaaaaaa", False, "Too repetitive"),
    ("bluehorsesx", True, "Weak"),
    ("Blue-horse7x", True, "Fair"),
    ("correct horse battery staple", True, "Strong"),
])
def test_strength_hint(passphrase: str, acceptable: bool, hint: str) -> None:
    assert passphrase_strength(passphrase)[0] is acceptable
    assert passphrase_strength(passphrase)[1].startswith(hint)


def test_store_state(tmp_path: Path) -> None:
    import db

    url = f"sqlite:///{tmp_path / 'w.sqlite3'}"
    assert store_state(url) is StoreState.NEW
    assert store_state("postgresql+psycopg://u@127.0.0.1/w?sslmode=verify-full") is (
        StoreState.SERVER)
    db.open_database(url).close()  # the test passphrase: encrypted
    assert store_state(url) is StoreState.ENCRYPTED
    plain = tmp_path / "p.sqlite3"
    import sqlite3

    sqlite3.connect(plain).execute("CREATE TABLE t (x)").connection.close()
    assert store_state(f"sqlite:///{plain}") is StoreState.PLAIN


def test_no_keyring_backend_is_said_not_raised(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    monkeypatch.setattr(keyring, "get_keyring", lambda: NoKeyring())
    keyring.set_keyring(NoKeyring())
    problem = security.remember_passphrase(tmp_path / "w.sqlite3", "secret words here")
    assert problem is not None and "keyring" in problem
    assert security.remembered_passphrase(tmp_path / "w.sqlite3") is None
    security.forget_passphrase(tmp_path / "w.sqlite3")  # nothing to forget: no error
