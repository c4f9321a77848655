"""Owner-only file checks that say what they mean on each system.

POSIX keeps others out with permission bits, which Waypoint sets explicitly (0600 files,
0700 folders: db/private_files.py). Windows has no such bits (chmod only toggles read-only):
there the user's profile folder keeps others out, which
tests/test_private_files.py::test_the_data_folder_is_inside_the_users_profile_on_windows checks.
So the mode assertions here apply on POSIX and are not made on Windows.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

POSIX = os.name == "posix"


def assert_owner_only(path: Path) -> None:
    """No permission for group or others (POSIX)."""
    if POSIX:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path.name} is {oct(mode)}"


def assert_mode(path: Path, expected: int) -> None:
    """Exactly these permission bits (POSIX): 0o600 for files, 0o700 for folders."""
    if POSIX:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode == expected, f"{path.name} is {oct(mode)}, not {oct(expected)}"
