"""The CLI and the passphrase: sources, a wrong one (one line, exit 2, nothing changed), re-key."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import db
from desktop.cli import main
from desktop.services.cases import CaseService
from tests.conftest import TEST_PASSPHRASE
from tests.db.conftest import make_case
from tests.db.test_encryption import leaks, snapshot

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    data = tmp_path / "data"
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case(case_id="HQ-1")), "utf-8")
    assert main(["--data-dir", str(data), "import", str(case_file)]) == 0
    assert main(["--data-dir", str(data), "backup"]) == 0
    return data


def run_cli(data_dir: Path, *argv: str, env: dict[str, str] | None = None
            ) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "desktop.launcher", "--data-dir", str(data_dir),
                           *argv], cwd=REPO, env=environment, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)


@pytest.mark.parametrize("argv", [["list"], ["export", "HQ-1", "-o", "x.json"], ["backup"],
                                  ["audit", "verify"], ["passphrase", "change",
                                                        "--new-passphrase-file", "/dev/null"]])
def test_a_wrong_passphrase_is_one_line_exit_2_and_changes_nothing(
        data_dir: Path, tmp_path: Path, argv: list[str]) -> None:
    before = snapshot(data_dir)
    done = run_cli(data_dir, *argv, env={"WAYPOINT_PASSPHRASE": "not the passphrase"})
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == [
        f"waypoint: The passphrase is wrong for the database in {data_dir}; nothing was "
        "changed."]
    assert "Traceback" not in done.stderr and done.stdout == ""
    assert snapshot(data_dir) == before
    assert not (tmp_path / "x.json").exists()


def test_no_passphrase_and_no_terminal_is_one_line(data_dir: Path) -> None:
    environment = {k: v for k, v in os.environ.items() if k != "WAYPOINT_PASSPHRASE"}
    done = subprocess.run([sys.executable, "-m", "desktop.launcher", "--data-dir", str(data_dir),
                           "list"], cwd=REPO, env=environment, capture_output=True, text=True,
                          stdin=subprocess.DEVNULL, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip() == ("waypoint: no passphrase: set WAYPOINT_PASSPHRASE or use "
                                   "--passphrase-file")


def test_passphrase_file_and_change_and_recovery_key(
        data_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    old_file, new_file = tmp_path / "old.txt", tmp_path / "new.txt"
    old_file.write_text(TEST_PASSPHRASE + "\n", "utf-8")
    new_file.write_text("four words for the new one\n", "utf-8")
    base = ["--data-dir", str(data_dir)]
    assert main([*base, "--passphrase-file", str(old_file), "list"]) == 0
    assert "Ramírez Cruz" in capsys.readouterr().out
    assert main([*base, "--passphrase-file", str(old_file), "passphrase", "change",
                 "--new-passphrase-file", str(new_file), "--recovery-key"]) == 0
    out = capsys.readouterr().out
    recovery = out.split("Recovery key")[1].split("\n\n")[1].strip()
    assert main([*base, "--passphrase-file", str(old_file), "list"]) == 2
    assert "passphrase is wrong" in capsys.readouterr().err
    assert main([*base, "--passphrase-file", str(new_file), "list"]) == 0
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", recovery)
    assert main([*base, "list"]) == 0
    assert "1 of 1 case(s)" in capsys.readouterr().out
    assert leaks(data_dir) == []


def test_passphrase_set_encrypts_a_plain_database(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    data = tmp_path / "data"
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case(case_id="HQ-2")), "utf-8")
    data.mkdir()
    plain = db.open_database(f"sqlite:///{data / 'waypoint.sqlite3'}")  # as before encryption
    CaseService(plain).import_files([str(case_file)])
    plain.close()
    assert leaks(data)
    capsys.readouterr()
    assert main(["--data-dir", str(data), "list"]) == 0  # an old plain file still opens
    assert "not encrypted (run: waypoint passphrase set)" in capsys.readouterr().err
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)
    assert main(["--data-dir", str(data), "passphrase", "set"]) == 0
    assert leaks(data) == []
    capsys.readouterr()
    assert main(["--data-dir", str(data), "list"]) == 0
    assert "1 of 1 case(s)" in capsys.readouterr().out


@pytest.mark.parametrize("weak", [" ", "a", "aaaaaaaaaaaa"])
def test_the_cli_applies_the_windows_strength_rule_to_every_new_passphrase(
        weak: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """Issue 21, finding 9: `' '` and `a` were accepted from the environment or a file."""
    from desktop.services.security import passphrase_strength

    assert not passphrase_strength(weak)[0]  # the window's dialog refuses it
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", weak)
    assert main(["--data-dir", str(fresh), "list"]) == 2  # a new store from the environment
    assert "passphrase refused" in capsys.readouterr().err
    assert not (fresh / "waypoint.sqlite3").exists()
    weak_file = tmp_path / "weak.txt"
    weak_file.write_text(weak + "\n", "utf-8")
    monkeypatch.delenv("WAYPOINT_PASSPHRASE")
    assert main(["--data-dir", str(fresh), "--passphrase-file", str(weak_file), "list"]) == 2
    assert "passphrase refused" in capsys.readouterr().err
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)
    existing = tmp_path / "existing"
    assert main(["--data-dir", str(existing), "list"]) == 0
    assert main(["--data-dir", str(existing), "passphrase", "change",
                 "--new-passphrase-file", str(weak_file)]) == 2
    assert "passphrase refused" in capsys.readouterr().err
    assert main(["--data-dir", str(existing), "list"]) == 0  # the old one still opens
