"""Where the shared project material lies: ../shared beside the repository, or the env overrides."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASES_DIR = Path(os.environ.get("WAYPOINT_CASES_DIR", REPO.parent / "shared" / "cases"))
