"""Finds the bundled resources in a source checkout, an installed wheel or a frozen bundle."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    """Return the folder that holds rules/, schema/, fonts/ and icons/."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    package_dir = Path(__file__).resolve().parent
    candidates.append(package_dir.parent / "resources")  # source checkout or editable install
    candidates.append(package_dir / "_resources")  # installed wheel
    for candidate in candidates:
        if (candidate / "rules").is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(f"Waypoint's resources were not found (looked in {tried})")


def resource_path(*parts: str) -> Path:
    """Return the path of one resource, e.g. resource_path("schema", "case-1.schema.json")."""
    return resources_dir().joinpath(*parts)
