"""Encrypted at rest: no personal data in any byte of the data folder; keys, conversion, re-key."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import textwrap
from contextlib import closing
from pathlib import Path

import pytest

import db
from db import cipher
from desktop.services.cases import CaseService
from tests.conftest import TEST_PASSPHRASE
from tests.db.conftest import StepClock, make_case
from tests.hard_kill import KILL_MYSELF, KILLED_ITSELF
from tests.owner_only import assert_owner_only

REPO = Path(__file__).resolve().parents[2]
NAME, GIVEN, A_NUMBER = "Ramírez Cruz", "Ana Lucía", "A-212-345-678"
# What must never appear in a byte of the data folder, in the encodings a file could use.
SECRETS = [NAME, "Ramírez", "Lucía", "Ramirez", "212345678", "212-345-678", "1994-03"]


def needles() -> list[bytes]:
    found = []
    for text in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            found.append(text.encode(encoding))
        found.append(text.lower().encode("utf-8"))
    return found


def leaks(folder: Path) -> list[str]:
    """Every (file, secret) pair where a secret's bytes appear in a file under folder."""
    hits = []
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        hits += [f"{path.name}: {needle!r}" for needle in needles() if needle in data]
    return hits


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def fill(url: str, backup_dir: Path, count: int = 3) -> list[str]:
    database = db.open_database(url, backup_dir=backup_dir)
    try:
        service = CaseService(database, StepClock(), actor="t")
        ids = [service.create_case(make_case(NAME, GIVEN, A_NUMBER, notes=f"Fled with {GIVEN}"))]
        ids += [service.create_case(make_case(f"Family{i}", "Given", None))
                for i in range(count - 1)]
    finally:
        database.close()
    return ids


def test_no_byte_of_the_data_folder_holds_a_name_or_a_number(
        sqlite_url: str, backup_dir: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    fill(sqlite_url, backup_dir)
    database = db.open_database(sqlite_url, backup_dir=backup_dir)  # an automatic backup
    try:
        service = CaseService(database, StepClock(), actor="t")
        service.create_case(make_case(NAME, GIVEN, A_NUMBER))  # now in the WAL
        wal = data / "waypoint.sqlite3-wal"
        assert wal.exists() and wal.stat().st_size > 0
        database.backup_to(data / "manual.sqlite3")
        assert [s.display_name for s in service.list_cases("ramirez")][0].startswith("Ram")
        assert leaks(data) == []  # database, WAL, automatic and manual backups, key files
    finally:
        database.close()
    assert list(backup_dir.glob("waypoint-*.sqlite3"))
    assert leaks(data) == []
    # The check can fail: the same data in a plain database is found at once.
    plain = tmp_path / "plain.sqlite3"
    with closing(cipher.connect(data / "manual.sqlite3",
                                cipher.unlock(data / "manual.sqlite3", TEST_PASSPHRASE))) as src:
        src.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain),))
        src.execute("SELECT sqlcipher_export('plain')")
    assert NAME.encode() in plain.read_bytes()


def test_the_plain_sqlite3_module_cannot_open_it(sqlite_url: str, backup_dir: Path,
                                                 tmp_path: Path) -> None:
    fill(sqlite_url, backup_dir)
    for path in [tmp_path / "data" / "waypoint.sqlite3", *backup_dir.glob("*.sqlite3")]:
        with closing(sqlite3.connect(path)) as connection, pytest.raises(
                sqlite3.DatabaseError, match="not a database"):
            connection.execute("SELECT * FROM cases").fetchall()
        assert not path.read_bytes().startswith(b"SQLite format 3")
    tool = shutil.which("sqlite3")
    if tool is not None:  # the sqlite3 command-line tool too
        done = subprocess.run([tool, str(tmp_path / "data" / "waypoint.sqlite3"),
                               "SELECT display_name FROM cases"], capture_output=True, text=True,
                              timeout=30)
        assert done.returncode != 0 and "not a database" in done.stderr
        assert NAME not in done.stdout


def test_a_wrong_passphrase_changes_nothing(sqlite_url: str, backup_dir: Path,
                                            tmp_path: Path) -> None:
    ids = fill(sqlite_url, backup_dir)
    db.open_database(sqlite_url, backup_dir=backup_dir).close()  # WAL, shm, backups exist
    before = snapshot(tmp_path / "data")
    for wrong in ("wrong passphrase", "", TEST_PASSPHRASE.upper()):
        with pytest.raises(cipher.WrongPassphraseError, match="passphrase is wrong"):
            db.open_database(sqlite_url, backup_dir=backup_dir, passphrase=wrong or "x")
    assert snapshot(tmp_path / "data") == before
    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    try:
        assert {s.case_id for s in database.cases.summaries(limit=10)} == set(ids)
    finally:
        database.close()


def test_no_passphrase_for_an_encrypted_file_is_a_clear_error(
        sqlite_url: str, backup_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(sqlite_url, backup_dir)
    monkeypatch.delenv(cipher.PASSPHRASE_ENV)
    with pytest.raises(cipher.PassphraseRequiredError, match="is encrypted"):
        db.open_database(sqlite_url, backup_dir=backup_dir)


def plain_database(url: str, backup_dir: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A database made before encryption (no passphrase): plain file and plain backups."""
    monkeypatch.delenv(cipher.PASSPHRASE_ENV)
    ids = fill(url, backup_dir, 4)
    db.open_database(url, backup_dir=backup_dir).close()  # a plain automatic backup
    monkeypatch.setenv(cipher.PASSPHRASE_ENV, TEST_PASSPHRASE)
    return ids


def test_a_plain_database_and_its_backups_are_encrypted_on_request(
        sqlite_url: str, backup_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = plain_database(sqlite_url, backup_dir, monkeypatch)
    data = tmp_path / "data"
    assert leaks(data)  # plain: the name is there to find
    still_plain = db.open_database(sqlite_url, backup_dir=backup_dir)  # not without asking
    assert not still_plain.encrypted
    still_plain.close()
    database = db.open_database(sqlite_url, backup_dir=backup_dir, encrypt_plain=True)
    try:
        assert database.encrypted
        assert {s.case_id for s in database.cases.summaries(limit=10)} == set(ids)
    finally:
        database.close()
    assert leaks(data) == []
    assert not list(data.glob("*.encrypting"))
    backup = sorted(backup_dir.glob("waypoint-*.sqlite3"))[0]
    restored = tmp_path / "restored" / "waypoint.sqlite3"
    db.restore_backup(restored, backup)
    again = db.open_database(f"sqlite:///{restored}")
    try:
        assert set(ids) <= {s.case_id for s in again.cases.summaries(limit=10)}
    finally:
        again.close()


KILL_CHILD = f"""
import os, signal, sys
from pathlib import Path
from db import cipher_files
database_file, backup_dir, kill_at = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
def step(name):
    if name == kill_at or (kill_at == "copy" and name.startswith("copy:")):
        {KILL_MYSELF}
cipher_files.encrypt_plain_database(database_file, sys.argv[4], [backup_dir], step)
"""


@pytest.mark.parametrize("kill_at", ["checkpointed", "exported", "checked", "key-written",
                                     "replaced", "copy"])
def test_sigkill_while_encrypting_loses_nothing(
        kill_at: str, sqlite_url: str, backup_dir: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    ids = plain_database(sqlite_url, backup_dir, monkeypatch)
    database_file = tmp_path / "data" / "waypoint.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(KILL_CHILD), str(database_file), str(backup_dir),
         kill_at, TEST_PASSPHRASE], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert child.returncode == KILLED_ITSELF, child.stderr
    # The next start finishes the job (or starts it again) and every case is there.
    database = db.open_database(sqlite_url, backup_dir=backup_dir, encrypt_plain=True)
    try:
        assert database.encrypted
        assert {s.case_id for s in database.cases.summaries(limit=10)} == set(ids)
        assert database.integrity_check() == ["ok"]
    finally:
        database.close()
    assert leaks(tmp_path / "data") == []


def test_change_passphrase_rekeys_and_a_recovery_key_opens(
        sqlite_url: str, backup_dir: Path, tmp_path: Path) -> None:
    ids = fill(sqlite_url, backup_dir)
    database_file = tmp_path / "data" / "waypoint.sqlite3"
    before = database_file.read_bytes()
    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    recovery = database.change_passphrase(TEST_PASSPHRASE, "a brand new passphrase",
                                           with_recovery=True)
    assert recovery is not None
    assert {s.case_id for s in database.cases.summaries(limit=10)} == set(ids)
    database.close()
    assert database_file.read_bytes()[:4096] != before[:4096]  # re-encrypted with a new key
    with pytest.raises(cipher.WrongPassphraseError):
        db.open_database(sqlite_url, backup_dir=backup_dir)  # the old one (from the env)
    for secret in ("a brand new passphrase", recovery, recovery.lower().replace("-", " ")):
        opened = db.open_database(sqlite_url, backup_dir=backup_dir, passphrase=secret)
        assert opened.cases.count() == len(ids)
        opened.close()


REKEY_CHILD = f"""
import os, signal, sys
from pathlib import Path
from db import cipher
def step(name):
    if name == sys.argv[2]:
        {KILL_MYSELF}
cipher.change_passphrase(Path(sys.argv[1]), sys.argv[3], "the new passphrase", step=step)
"""


@pytest.mark.parametrize("kill_at", ["slots-added", "rekeyed"])
def test_sigkill_while_rekeying_leaves_a_passphrase_that_opens(
        kill_at: str, sqlite_url: str, backup_dir: Path, tmp_path: Path) -> None:
    ids = fill(sqlite_url, backup_dir)
    database_file = tmp_path / "data" / "waypoint.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(REKEY_CHILD), str(database_file), kill_at,
         TEST_PASSPHRASE], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert child.returncode == KILLED_ITSELF, child.stderr
    works = TEST_PASSPHRASE if kill_at == "slots-added" else "the new passphrase"
    database = db.open_database(sqlite_url, backup_dir=backup_dir, passphrase=works)
    try:
        assert {s.case_id for s in database.cases.summaries(limit=10)} == set(ids)
    finally:
        database.close()


def test_lock_wipes_the_key_and_unlock_checks_the_passphrase(
        sqlite_url: str, backup_dir: Path) -> None:
    fill(sqlite_url, backup_dir)
    database = db.open_database(sqlite_url, backup_dir=backup_dir)
    try:
        database.lock()
        assert database.key is not None and not database.key.unlocked
        with pytest.raises(db.DatabaseError, match="locked"):
            database.cases.count()
        with pytest.raises(cipher.WrongPassphraseError):
            database.unlock("not it")
        database.unlock(TEST_PASSPHRASE)
        assert database.cases.count() == 3
    finally:
        database.close()


def test_key_file_is_owner_only_and_says_what_it_is(sqlite_url: str, backup_dir: Path,
                                                    tmp_path: Path) -> None:
    fill(sqlite_url, backup_dir)
    key_file = tmp_path / "data" / "waypoint.sqlite3.keys"
    assert_owner_only(key_file)
    text = key_file.read_text()
    assert cipher.KEYS_FORMAT in text and TEST_PASSPHRASE not in text
