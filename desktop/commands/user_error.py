"""UserError: a problem the person at the terminal can fix (one line on stderr, exit code 2)."""

from __future__ import annotations

from pathlib import Path


class UserError(Exception):
    """A problem the user can fix; printed as one line on stderr, exit code 2."""


def read_given_file(path: Path) -> bytes:
    """The bytes of a file the user named, or a UserError saying why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise UserError(f"{path}: cannot read it ({error.strerror or error})") from None
