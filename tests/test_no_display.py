"""Without a display the window is not attempted: a clear message instead of Qt's abort."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app import missing_display


@pytest.mark.parametrize("environ", [
    {"DISPLAY": ":0"}, {"WAYLAND_DISPLAY": "wayland-0"}, {"QT_QPA_PLATFORM": "offscreen"},
])
def test_a_display_or_a_chosen_platform_is_enough(environ: dict[str, str]) -> None:
    assert missing_display(environ, "linux") is None


def test_windows_and_macos_always_have_a_display() -> None:
    assert missing_display({}, "win32") is None
    assert missing_display({}, "darwin") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="always a display there")
def test_no_display_is_explained_with_what_to_do(tmp_path: Path) -> None:
    environ = {key: value for key, value in os.environ.items()
               if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    data_dir = tmp_path / "data"
    started = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(data_dir)],
        env=environ, capture_output=True, text=True, timeout=60, check=False)
    assert started.returncode == 1
    assert "no display" in started.stderr
    assert "QT_QPA_PLATFORM=offscreen" in started.stderr
    assert "Traceback" not in started.stderr and "could not connect" not in started.stderr
    assert not data_dir.exists()  # nothing was created for a window that never opened
