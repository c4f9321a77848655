"""Finds the public acceptance cases: ../shared/cases from the repo root, or $WAYPOINT_CASES_DIR."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def cases_dir() -> Path:
    return Path(os.environ.get("WAYPOINT_CASES_DIR", REPO.parent / "shared" / "cases"))


def case_names() -> list[str]:
    folder = cases_dir()
    if not folder.is_dir():
        return ["<missing cases folder>"]
    return sorted(p.name[: -len(".case.json")] for p in folder.glob("*.case.json")) or [
        "<no cases in folder>"]


def pytest_generate_tests(metafunc: object) -> None:
    if "case_name" in getattr(metafunc, "fixturenames", ()):
        metafunc.parametrize("case_name", case_names())  # type: ignore[attr-defined]
