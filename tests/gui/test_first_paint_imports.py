"""Nothing the first paint does not need is imported before it (the database's libraries,
the lock page, the engine): each one cost the window's first paint tens of milliseconds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.children import child_pythonpath

pytestmark = [pytest.mark.gui]

ROOT = Path(__file__).resolve().parents[2]

# A fresh interpreter runs the app as `waypoint` does and lists its modules at the first paint.
PROBE = """
import json, sys
import desktop.app as app
def report():
    print("MODULES " + json.dumps(sorted(sys.modules)), flush=True)
    app.QTimer.singleShot(0, app.QCoreApplication.quit)
app.report_first_paint = report
sys.exit(app.main(sys.argv[1:]))
"""

# Loaded later: by the storage worker after the first paint, or when first used.
NOT_BEFORE_FIRST_PAINT = ("sqlalchemy", "sqlmodel", "alembic", "sqlcipher3", "cryptography",
                          "jsonschema", "reportlab", "pycountry", "desktop.engine",
                          "desktop.ui.lock_page", "desktop.services.security", "db.records",
                          "db.server_tls", "db.cipher", "asyncio", "email")


def modules_at_first_paint(data_dir: Path, *args: str) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WAYPOINT_EXIT_AT_FIRST_PAINT": "window",
           "WAYPOINT_PASSPHRASE": "first paint test passphrase",
           "PYTHONPATH": child_pythonpath(ROOT)}
    result = subprocess.run([sys.executable, "-c", PROBE, "--data-dir", str(data_dir), *args],
                            capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
                            check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    line = next(line for line in result.stdout.splitlines() if line.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


def test_the_first_paint_comes_before_the_database_and_its_libraries(tmp_path: Path) -> None:
    modules = modules_at_first_paint(tmp_path / "data")
    assert "desktop.ui.main_window" in modules  # the probe did run the window
    loaded = sorted(name for name in modules
                    if name.split(".")[0] in NOT_BEFORE_FIRST_PAINT
                    or any(name == top or name.startswith(top + ".")
                           for top in NOT_BEFORE_FIRST_PAINT))
    assert loaded == []
