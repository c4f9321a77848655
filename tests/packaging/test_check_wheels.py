"""The wheel-resolution check (packaging/check_wheels.py) can fail: a target with no wheel for
a pin is refused. (.ci/test runs the check itself for every target the README states.)"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.packaging.conftest import load_script

ROOT = Path(__file__).resolve().parents[2]
CHECK = ROOT / "packaging" / "check_wheels.py"


def test_a_target_without_wheels_for_a_pin_fails() -> None:
    # PySide6 6.11.3 ships macOS wheels for 13.0 and later only (QtCore needs 13.0).
    done = subprocess.run([sys.executable, str(CHECK), "--target", "macosx_12_0_arm64"],
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 1
    assert "NOT resolvable with wheels only" in done.stderr
    assert "PySide6-Essentials==6.11.3" in done.stderr


def test_the_stated_targets_are_the_readmes() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    targets = load_script("check_wheels").TARGETS
    assert "macOS 13" in readme and targets["macos13-arm64"] == ("macosx_13_0_arm64",)
    assert targets["windows-x64"] == ("win_amd64",)
    assert targets["linux-x86_64"][0] == "manylinux_2_34_x86_64"  # glibc 2.34, as the README says
    assert "glibc 2.34" in readme
