"""Issue 21, findings 1-5: nothing a full disk, a missing or damaged file, rot or a lost WAL
does may lose the cases silently. Each test failed on the main branch of 2026-12-07.

Real files through the real CLI (`desktop.cli.main`); the full disk is a tmpfs of its own.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from db import DatabaseError, cipher
from db.backup import automatic_backups
from desktop.cli import main
from tests.conftest import TEST_PASSPHRASE
from tests.db.conftest import make_case
from tests.tiny_disk import tiny_disk

REPO = Path(__file__).resolve().parents[2]
NEW_PASSPHRASE = "four brand new words here"
NAME = "Ramírez Cruz"
A_NUMBER_DIGITS = "212345678"


def _run(data_dir: Path, *argv: str) -> int:
    return main(["--data-dir", str(data_dir), *argv])


def _cases(folder: Path, count: int, prefix: str = "C") -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for i in range(count):
        path = folder / f"{prefix}{i}.case.json"
        family = NAME if i == 0 else f"Family{i}"
        path.write_text(json.dumps(make_case(family, case_id=f"{prefix}-{i}",
                                             notes="n" * 2000)), "utf-8")
        files.append(str(path))
    return files


def _stored_cases(database_file: Path, passphrase: str) -> int | None:
    """How many cases the passphrase reads from the file (None: it does not open it)."""
    try:
        key = cipher.unlock(database_file, passphrase)
    except cipher.WrongPassphraseError:
        return None
    try:
        with closing(cipher.connect(cipher.read_only_uri(database_file), key,
                                    uri=True)) as conn:
            return int(conn.execute("SELECT count(*) FROM cases").fetchone()[0])
    except cipher.sqlcipher.DatabaseError:
        return None


def _no_personal_data(text: str) -> None:
    assert "Traceback" not in text
    assert "Ramírez" not in text and A_NUMBER_DIGITS not in text.replace("-", "")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    data = tmp_path / "data"
    assert _run(data, "import", *_cases(tmp_path / "in", 8)) == 0
    assert _run(data, "backup") == 0
    return data


# ---- 1. a passphrase change on a nearly full disk ------------------------------------

def _fill_leaving(disk: Path, free_bytes: int) -> Path:
    """Fill the file system, then give back free_bytes (page-rounded by tmpfs)."""
    filler = disk / "filler"
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"x" * 4096)
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - free_bytes))
    return filler


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    with tiny_disk(tmp_path / "disk", size="2m") as mounted:
        yield mounted


@pytest.mark.parametrize("free_kb", [4, 16, 64, 128])
def test_1_a_passphrase_change_on_a_nearly_full_disk_never_locks_the_cases_out(
        free_kb: int, disk: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    data = disk / "data"
    assert _run(data, "import", *_cases(disk / "in", 40)) == 0
    database_file = data / "waypoint.sqlite3"
    new_file = disk.parent / "new.txt"
    new_file.write_text(NEW_PASSPHRASE + "\n", "utf-8")
    filler = _fill_leaving(disk, free_kb * 1024)
    capsys.readouterr()
    code = _run(data, "passphrase", "change", "--new-passphrase-file", str(new_file))
    out, err = capsys.readouterr()
    _no_personal_data(out + err)
    filler.unlink()
    if code == 0:
        assert "changed" in out
        assert _stored_cases(database_file, NEW_PASSPHRASE) == 40
        assert _stored_cases(database_file, TEST_PASSPHRASE) is None
    else:
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert "space" in err and "nothing was changed" in err.lower(), err
        assert "changed" not in out
        assert _stored_cases(database_file, TEST_PASSPHRASE) == 40
    assert not [p.name for p in data.iterdir() if p.name.endswith((".rekeying", ".part"))]


# ---- 2. a missing database is not a first run -------------------------------------------

def test_2_a_missing_database_beside_its_key_file_and_backups_is_an_error_not_a_new_store(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database_file = data_dir / "waypoint.sqlite3"
    key_file = cipher.key_file_of(database_file)
    key_before = key_file.read_bytes()
    backups_before = sorted(p.name for p in (data_dir / "backups").iterdir())
    database_file.unlink()
    capsys.readouterr()
    assert _run(data_dir, "list") == 2
    err = capsys.readouterr().err
    assert "missing" in err and str(database_file) in err, err
    newest = automatic_backups(data_dir / "backups")[-1]
    assert newest.name in err and "waypoint restore" in err
    assert not database_file.exists()
    assert key_file.read_bytes() == key_before
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == backups_before
    # Imports do not make a new store either (they rotated the real backups away).
    assert _run(data_dir, "import", *_cases(data_dir.parent / "more", 2, "M")) == 2
    assert not database_file.exists()
    # The offered backup brings the cases back.
    assert _run(data_dir, "restore", str(newest)) == 0
    assert _stored_cases(database_file, TEST_PASSPHRASE) == 8


def test_2_only_backups_left_is_an_error_too(data_dir: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    database_file = data_dir / "waypoint.sqlite3"
    for companion in (database_file, cipher.key_file_of(database_file)):
        companion.unlink()
    capsys.readouterr()
    assert _run(data_dir, "list") == 2
    assert "missing" in capsys.readouterr().err
    assert not database_file.exists()


# ---- 3. a lost or damaged key file is not a damaged database, nor a wrong passphrase ------

def test_3_a_lost_key_file_is_named_and_the_database_is_left_as_it_is(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database_file = data_dir / "waypoint.sqlite3"
    key_file = cipher.key_file_of(database_file)
    key_file.unlink()
    before = database_file.read_bytes()
    capsys.readouterr()
    assert _run(data_dir, "list") == 2
    err = capsys.readouterr().err
    assert "key file" in err and str(key_file) in err and "missing" in err, err
    assert "damaged" not in err and "waypoint restore" not in err
    assert database_file.read_bytes() == before
    assert not list(data_dir.glob("*.damaged-*"))
    # The message names a backup's key file that opens this very database; copied back, the
    # store opens with every case.
    backup_key = Path(err.split("opens it: copy ")[1].split(" to ")[0])
    assert backup_key.parent == data_dir / "backups"
    assert backup_key.is_file(), err
    key_file.write_bytes(backup_key.read_bytes())
    assert _run(data_dir, "list") == 0
    assert "8 of 8 case(s)" in capsys.readouterr().out


def test_3_a_flipped_byte_in_the_key_file_is_not_a_wrong_passphrase(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_file = cipher.key_file_of(data_dir / "waypoint.sqlite3")
    slots = json.loads(key_file.read_text("utf-8"))["slots"]
    text = key_file.read_text("utf-8")
    wrapped = slots[0]["wrapped"]
    flipped = wrapped[:10] + ("A" if wrapped[10] != "A" else "B") + wrapped[11:]
    key_file.write_text(text.replace(wrapped, flipped), "utf-8")
    capsys.readouterr()
    assert _run(data_dir, "list") == 2
    err = capsys.readouterr().err
    assert "key file" in err and "damaged" in err and "passphrase is wrong" not in err, err


def test_3_a_wrong_passphrase_is_still_a_wrong_passphrase(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", "not the passphrase at all")
    capsys.readouterr()
    assert _run(data_dir, "list") == 2
    assert "passphrase is wrong" in capsys.readouterr().err


# ---- 4. rot after a clean exit ---------------------------------------------------------

def _rot_a_page(path: Path, from_end: int = 2048) -> None:
    """Flip bytes inside a page; the file's size and times stay (rot, not a write)."""
    info = path.stat()
    with path.open("r+b") as handle:
        handle.seek(info.st_size - from_end)
        chunk = handle.read(256)
        handle.seek(info.st_size - from_end)
        handle.write(bytes(b ^ 0x5A for b in chunk))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))


COMMANDS = [["list"], ["list", "--search", "Ramírez"], ["export", "C-0", "-o", "{out}"],
            ["backup", "-o", "{out}"], ["audit", "verify"], ["import", "{extra}"],
            ["passphrase", "change", "--new-passphrase-file", "{new}"]]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda argv: "-".join(argv[:2]))
def test_4_rot_after_a_clean_exit_is_found_by_every_cli_command(
        argv: list[str], data_dir: Path, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert _run(data_dir, "list") == 0  # a clean exit: the next open may skip the full check
    database_file = data_dir / "waypoint.sqlite3"
    assert database_file.with_name("waypoint.sqlite3.clean").exists()
    _rot_a_page(database_file, from_end=database_file.stat().st_size // 2)
    backups_before = sorted(p.name for p in (data_dir / "backups").iterdir())
    extra = _cases(tmp_path / "extra", 1, "X")[0]
    new_file = tmp_path / "new.txt"
    new_file.write_text(NEW_PASSPHRASE, "utf-8")
    filled = [a.format(out=tmp_path / "out.json", extra=extra, new=new_file) for a in argv]
    capsys.readouterr()
    code = _run(data_dir, *filled)
    out, err = capsys.readouterr()
    _no_personal_data(out + err)
    assert code == 2 and "damaged" in err, (code, out, err)
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == backups_before
    assert not (tmp_path / "out.json").exists()


def test_4_a_damaged_file_never_becomes_a_backup(data_dir: Path) -> None:
    from db.backup import rotate_backup

    database_file = data_dir / "waypoint.sqlite3"
    _rot_a_page(database_file, from_end=database_file.stat().st_size // 2)
    key = cipher.unlock(database_file, TEST_PASSPHRASE)
    backups_before = sorted(p.name for p in (data_dir / "backups").iterdir())
    with pytest.raises(DatabaseError, match="damaged"):
        rotate_backup(database_file, data_dir / "backups", "test", key=key)
    assert sorted(p.name for p in (data_dir / "backups").iterdir()) == backups_before


# ---- 5. a WAL lost after a crash ---------------------------------------------------------

CRASH_CHILD = """
import os, signal, sys
import db
from desktop.services.cases import CaseService
database = db.open_database(sys.argv[1], backup_dir=None)
service = CaseService(database, actor="child")
for i in range(3):
    service.create_case({"applicant": {"family_name": f"K{i}"}})
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_5_a_wal_deleted_after_a_crash_is_reported_not_silent(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    database_file = data_dir / "waypoint.sqlite3"
    child = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CRASH_CHILD), f"sqlite:///{database_file}"],
        cwd=REPO, capture_output=True, text=True, timeout=120,
        env={**os.environ, "WAYPOINT_PASSPHRASE": TEST_PASSPHRASE})
    assert child.returncode == -signal.SIGKILL, child.stderr
    wal = database_file.with_name("waypoint.sqlite3-wal")
    assert wal.stat().st_size > 0
    wal.unlink()
    database_file.with_name("waypoint.sqlite3-shm").unlink(missing_ok=True)
    capsys.readouterr()
    assert _run(data_dir, "list") == 0  # the rest stays reachable (no lock-out without a WAL)
    out, err = capsys.readouterr()
    assert "warning: Saved changes are missing" in err and "-wal" in err, err
    recorded = int(err.split("record entry ")[1].split(",")[0])
    stored = int(err.split("ends at entry ")[1].split(".")[0])
    assert recorded - stored == 3, err  # the three saves the crashed process made
    assert "8 of 8 case(s)" in out
    _no_personal_data(err)


def test_1_the_windows_passphrase_change_on_a_full_disk_changes_nothing_and_keeps_working(
        disk: Path) -> None:
    """The window's File > Change passphrase goes through Database.change_passphrase, the
    same db.rekey function as the CLI: refused cleanly, the open store still usable."""
    import db
    from desktop.services.cases import CaseService
    from tests.db.conftest import StepClock

    data = disk / "data"
    url = f"sqlite:///{data / 'waypoint.sqlite3'}"
    database = db.open_database(url, backup_dir=data / "backups")
    service = CaseService(database, StepClock(), actor="t")
    for i in range(12):
        service.create_case(make_case(f"Family{i}", notes="n" * 1000))
    database.checkpoint()
    filler = _fill_leaving(disk, 32 * 1024)
    with pytest.raises(DatabaseError, match="space") as refused:
        database.change_passphrase(TEST_PASSPHRASE, NEW_PASSPHRASE)
    _no_personal_data(str(refused.value))
    filler.unlink()
    assert service.count_cases("", None) == 12  # the open store still reads with its key
    database.close()
    assert _stored_cases(data / "waypoint.sqlite3", TEST_PASSPHRASE) == 12
    assert _stored_cases(data / "waypoint.sqlite3", NEW_PASSPHRASE) is None


def test_3_a_key_file_from_before_the_checksum_gets_one_at_the_next_open(
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    key_file = cipher.key_file_of(data_dir / "waypoint.sqlite3")
    data = json.loads(key_file.read_text("utf-8"))
    del data["checksum"]
    key_file.write_text(json.dumps(data), "utf-8")
    assert _run(data_dir, "list") == 0
    assert "checksum" in json.loads(key_file.read_text("utf-8"))


def test_4_a_driver_error_escaping_a_command_is_one_line_without_the_case(
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLAlchemy's text of an error holds the statement's parameters (a whole case once)."""
    import argparse

    from sqlalchemy import exc

    case_json = json.dumps(make_case(NAME))

    def failing(_args: argparse.Namespace) -> int:
        raise exc.IntegrityError("INSERT INTO cases VALUES (?)", (case_json,),
                                 Exception("UNIQUE constraint failed: cases.case_id"))

    monkeypatch.setattr("desktop.commands.info.run", failing)  # a command whose write fails
    assert main(["info"]) == 2
    err = capsys.readouterr().err
    _no_personal_data(err)
    assert len(err.strip().splitlines()) == 1 and "UNIQUE constraint failed" in err


@pytest.mark.parametrize("free_kb", [16, 128])
def test_1_encrypting_a_plain_store_on_a_nearly_full_disk_is_refused_and_changes_nothing(
        free_kb: int, disk: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    import db
    from desktop.services.cases import CaseService

    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    data = disk / "data"
    data.mkdir()
    plain = db.open_database(f"sqlite:///{data / 'waypoint.sqlite3'}")  # as before encryption
    CaseService(plain).import_files(_cases(disk / "in", 25))
    plain.close()
    database_file = data / "waypoint.sqlite3"
    before = database_file.read_bytes()
    filler = _fill_leaving(disk, free_kb * 1024)
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)
    capsys.readouterr()
    code = _run(data, "passphrase", "set")
    out, err = capsys.readouterr()
    _no_personal_data(out + err)
    filler.unlink()
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert ("not enough free space" in err or "disk full" in err) and "othing was changed" in err
    assert database_file.read_bytes() == before
    assert not cipher.key_file_of(database_file).exists()
    assert not [p for p in data.iterdir() if p.name.endswith(".encrypting")]


def test_2_a_lone_key_file_is_explained_and_no_passphrase_is_needed_to_hear_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    data = tmp_path / "data"
    data.mkdir()
    key_file = data / "waypoint.sqlite3.keys"
    cipher.write_key_file(key_file, [cipher.make_slot("passphrase", TEST_PASSPHRASE,
                                                      b"k" * 32)])
    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    assert _run(data, "list") == 2
    err = capsys.readouterr().err
    assert "is missing" in err and "remove waypoint.sqlite3.keys and start again" in err, err
    assert not (data / "waypoint.sqlite3").exists() and key_file.exists()
