"""The CLI's one passphrase reader: file, environment, refusal without a terminal, and no
other command reading secrets on its own."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import desktop.commands as commands_package
from desktop.commands.secret_input import first_line, given_secret, read_secret
from desktop.commands.user_error import UserError


def test_a_file_wins_over_the_environment_and_gives_its_first_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("from the file\nsecond line\n", "utf-8")
    monkeypatch.setenv("WAYPOINT_TEST_SECRET", "from the environment")
    assert read_secret("x: ", missing="m", env="WAYPOINT_TEST_SECRET",
                       file=str(secret)) == "from the file"
    assert read_secret("x: ", missing="m", env="WAYPOINT_TEST_SECRET") == "from the environment"
    assert given_secret(env="WAYPOINT_TEST_SECRET_UNSET") is None
    (tmp_path / "empty.txt").write_text("", "utf-8")
    assert first_line(str(tmp_path / "empty.txt")) == ""


def test_an_unreadable_file_and_no_terminal_are_one_line_errors(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UserError, match="cannot read the passphrase file .*missing.txt"):
        first_line(str(tmp_path / "missing.txt"))
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal
    with pytest.raises(UserError, match="^set it in the environment$"):
        read_secret("x: ", missing="set it in the environment", env="WAYPOINT_TEST_SECRET_UNSET")


def test_no_command_prompts_for_a_secret_on_its_own() -> None:
    folder = Path(commands_package.__file__).parent
    readers = [path.name for path in folder.glob("*.py")
               if "getpass" in path.read_text("utf-8") and path.name != "secret_input.py"]
    assert readers == []
