"""Every benchmark runs as an installed app does: from compiled bytecode, children too.

These machines set PYTHONDONTWRITEBYTECODE, so each import would compile our sources again
(not what a user's installed Waypoint does). run_as_installed() re-runs the benchmark without
it (its children and pool workers inherit that environment), with the bytecode kept outside
the source tree, and compiles desktop/ and db/ first so no timed import compiles anything.
"""

from __future__ import annotations

import compileall
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NO_BYTECODE = "PYTHONDONTWRITEBYTECODE"


def installed_env(environ: dict[str, str] | os._Environ[str]) -> dict[str, str]:
    """`environ` without PYTHONDONTWRITEBYTECODE, bytecode cached in a temporary folder."""
    env = {name: value for name, value in environ.items() if name != NO_BYTECODE}
    env.setdefault("PYTHONPYCACHEPREFIX", str(Path(tempfile.gettempdir(), "wp-bench-pycache")))
    return env


def run_as_installed() -> None:
    """Re-run this process without PYTHONDONTWRITEBYTECODE (once), then compile our code."""
    if os.environ.get(NO_BYTECODE):
        sys.stdout.flush()
        os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]],
                  installed_env(os.environ))
    for package in ("desktop", "db"):
        compileall.compile_dir(REPO / package, quiet=1)
