"""A small file system of its own for full-disk tests: a tmpfs mounted under the test's folder.

Mounting needs root, else passwordless `sudo -n` (as on CI runners); where neither works the
test is skipped and says so.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest


@contextmanager
def tiny_disk(mount_point: Path, size: str = "1m") -> Iterator[Path]:
    if os.name != "posix":
        pytest.skip("a tmpfs mount needs Linux (mount -t tmpfs); POSIX only")
    mount_point.mkdir(parents=True, exist_ok=True)
    as_root = [] if os.geteuid() == 0 else ["sudo", "-n"]
    options = f"size={size},mode=0700,uid={os.getuid()},gid={os.getgid()}"
    try:
        done = subprocess.run([*as_root, "mount", "-t", "tmpfs", "-o", options, "tmpfs",
                               str(mount_point)], capture_output=True, text=True, check=False)
    except FileNotFoundError as missing:  # no sudo (or mount) on this machine
        pytest.skip(f"cannot mount a small tmpfs here ({missing})")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({done.stderr.strip()[:100]}); "
                    "run as root or with passwordless sudo")
    try:
        yield mount_point
    finally:
        subprocess.run([*as_root, "umount", "-l", str(mount_point)], check=False)


def fill(disk: Path) -> None:
    """Write until the file system is full."""
    with open(disk / "filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"x" * 4096)
        except OSError:
            pass
