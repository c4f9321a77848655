"""Check, from Linux, that Waypoint's dependencies resolve to binary wheels on every target.

The README promises Windows x64, macOS 13+ (Apple silicon and Intel) and Linux x86_64 with
glibc 2.34+. For each target pip resolves the project with its PostgreSQL extra, wheels only,
for CPython 3.11 on that platform, without installing anything (``--dry-run``; pip fetches
only what it needs to resolve). A pin with no wheel for a target fails that target.

pip evaluates environment markers for the machine it runs on, so a dependency that only
another system asks for (``sys_platform == "win32"``) is not resolved here: that is the
limit of a check run from Linux, and the Windows and macOS CI legs cover the rest.

Usage: python packaging/check_wheels.py [--target NAME ...]   (exit 0 only if all resolve)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON_VERSION = "3.11"

# The targets the README states, as pip platform tags (the oldest each promise covers). pip
# widens a macOS tag to older macOS releases and universal2 by itself, but takes a manylinux
# tag literally: glibc 2.34 accepts every older manylinux wheel, so those are listed.
TARGETS: dict[str, tuple[str, ...]] = {
    "windows-x64": ("win_amd64",),
    "macos13-arm64": ("macosx_13_0_arm64",),
    "macos13-x86_64": ("macosx_13_0_x86_64",),
    "linux-x86_64": tuple(f"manylinux_2_{minor}_x86_64" for minor in range(34, 16, -1))
    + ("manylinux2014_x86_64",),
}


def resolve(platform_tags: tuple[str, ...], requirement: str) -> subprocess.CompletedProcess[str]:
    """pip's resolution of ``requirement`` for one platform, wheels only, nothing installed."""
    platforms = [option for tag in platform_tags for option in ("--platform", tag)]
    with tempfile.TemporaryDirectory(prefix="waypoint-wheels-") as scratch:
        command = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--quiet",
            "--disable-pip-version-check", "--ignore-installed", "--only-binary=:all:",
            *platforms, "--python-version", PYTHON_VERSION,
            "--implementation", "cp", "--target", scratch, requirement,
        ]
        return subprocess.run(command, capture_output=True, text=True, check=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", action="append", metavar="NAME_OR_TAG",
                        help="a name from the list above, or any pip platform tag")
    parser.add_argument("--requirement", default=f"{ROOT}[postgres]",
                        help="what to resolve (default: this project with its postgres extra)")
    args = parser.parse_args(argv)
    chosen = args.target or list(TARGETS)
    failed = []
    for name in chosen:
        tags = TARGETS.get(name, (name,))
        outcome = resolve(tags, args.requirement)
        if outcome.returncode == 0:
            print(f"{name}: every dependency has a wheel ({tags[0]})")
        else:
            failed.append(name)
            reason = [line for line in outcome.stderr.splitlines()
                      if line.startswith("ERROR") or "No matching distribution" in line]
            print(f"{name}: NOT resolvable with wheels only ({tags[0]})", file=sys.stderr)
            for line in reason[:5]:
                print(f"  {line}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
