"""Where the system gives no file modes, the data folder's place keeps others out.

On POSIX, Waypoint makes its files 0600 and folders 0700 (tests/test_private_files.py). On
Windows chmod only toggles read-only, so what keeps other users out is that the data folder
lies inside the user's own profile (%LOCALAPPDATA%), whose ACL admits only that user, the
administrators and SYSTEM. This test runs everywhere and checks the promise of each system.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.paths import default_data_dir


def test_the_default_data_folder_is_inside_the_users_own_folders(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    if os.name == "nt":
        local = Path(os.environ["LOCALAPPDATA"]).resolve()
        assert default_data_dir().resolve().is_relative_to(local)
        assert local.is_relative_to(Path(os.environ["USERPROFILE"]).resolve())
    else:
        monkeypatch.setenv("HOME", str(tmp_path))
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / ".local" / "share"))
        assert default_data_dir().resolve().is_relative_to(tmp_path.resolve())
    assert default_data_dir().name == "Waypoint"
