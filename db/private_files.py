"""Files (0600) and folders (0700) only their owner can read, whatever the umask.

Everything Waypoint writes holds personal data: the database, its backups, exports, memos,
settings and logs. A mode passed at creation is still narrowed by the umask, never widened,
so each helper also sets the mode explicitly. On Windows chmod only toggles read-only; the
user's profile folder is what keeps others out there.
"""

from __future__ import annotations

import os
from pathlib import Path

PRIVATE_FILE_MODE = 0o600
PRIVATE_DIR_MODE = 0o700


def make_private_dir(path: Path, *, tighten: bool = False) -> Path:
    """Create `path` and any missing parents as 0700 folders.

    An existing folder is left as it is, unless `tighten` (for folders only Waypoint uses, such
    as backups/ and logs/, made 0755 by an older version). Raises like Path.mkdir when a part
    of the path is a file or cannot be created.
    """
    if path.is_dir():
        if tighten:
            _chmod(path, PRIVATE_DIR_MODE)
        return path
    if path.parent != path and not path.parent.is_dir():
        make_private_dir(path.parent)
    try:
        path.mkdir(mode=PRIVATE_DIR_MODE)
    except FileExistsError:
        if not path.is_dir():
            raise
    _chmod(path, PRIVATE_DIR_MODE)
    return path


def make_private_file(path: Path) -> Path:
    """Make `path` 0600, creating it empty if it does not exist."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE_MODE)
    os.close(descriptor)
    _chmod(path, PRIVATE_FILE_MODE)
    return path


def restrict_file(path: Path) -> None:
    """Make an existing file 0600 (a file made by a library, e.g. SQLite's); no-op if absent."""
    if path.exists():
        _chmod(path, PRIVATE_FILE_MODE)


def write_private_bytes(path: Path, data: bytes) -> Path:
    """Write `data` to `path` (replacing its content) as a 0600 file."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                         PRIVATE_FILE_MODE)
    with os.fdopen(descriptor, "wb") as stream:
        _chmod(path, PRIVATE_FILE_MODE)
        stream.write(data)
    return path


def replace_private_bytes(path: Path, data: bytes, *, durable: bool = False) -> Path:
    """Make `data` the whole content of `path`, owner-only and atomically: written to
    `<name>.part` beside it, then renamed over it. A failure (a full disk) leaves the old file
    as it was and no `.part` behind. `durable`: on the disk before the rename (key files)."""
    partial = path.with_name(path.name + ".part")
    try:
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC
                             | getattr(os, "O_BINARY", 0), PRIVATE_FILE_MODE)
        with os.fdopen(descriptor, "wb") as stream:
            _chmod(partial, PRIVATE_FILE_MODE)
            stream.write(data)
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        os.replace(partial, path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path


def keep_new_files_private() -> None:
    """Set the process umask to 077: a file any code creates without a mode is 0600.

    The entry points call it as a safety net under the explicit modes above (Qt's and other
    libraries' files, files added later). Not a replacement: tests and embedders keep theirs.
    """
    os.umask(0o077)


def _chmod(path: Path, mode: int) -> None:
    try:
        os.chmod(path, mode)
    except PermissionError:  # someone else's file we may write but not chmod: leave it
        pass
