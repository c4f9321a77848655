"""Reads a small file the user picked: a regular file only, never more than a set size."""

from __future__ import annotations

import os
import stat
from pathlib import Path


class NotARegularFile(OSError):
    """The path is a device, pipe or folder: nothing was read from it."""


class FileTooLarge(OSError):
    """The file is larger than the caller reads; `size` is what was seen, in bytes."""

    def __init__(self, size: int) -> None:
        super().__init__(f"the file is {size} bytes")
        self.size = size


def read_small_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`.

    Opened without blocking and checked before reading, so a FIFO never hangs the reader
    and /dev/zero is refused instead of read until memory runs out.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                         | getattr(os, "O_BINARY", 0))
    try:
        status = os.fstat(descriptor)
    except BaseException:
        os.close(descriptor)
        raise
    if not stat.S_ISREG(status.st_mode):  # checked before fdopen, which refuses a folder
        os.close(descriptor)
        raise NotARegularFile(str(path))
    with os.fdopen(descriptor, "rb") as handle:
        raw = b"" if status.st_size > max_bytes else handle.read(
            max_bytes + 1)  # +1: a file that grew since fstat is caught too
    if status.st_size > max_bytes or len(raw) > max_bytes:
        raise FileTooLarge(max(status.st_size, len(raw)))
    return raw
