"""Finds acceptance cases: the public ones (../shared/cases or $WAYPOINT_CASES_DIR) and extra/."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
EXTRA_DIR = Path(__file__).resolve().parent / "extra"


def cases_dir() -> Path:
    return Path(os.environ.get("WAYPOINT_CASES_DIR", REPO.parent / "shared" / "cases"))


def names_in(folder: Path) -> list[str]:
    """Case names in a folder; a placeholder name when there are none, so the test fails."""
    if not folder.is_dir():
        return ["<missing cases folder>"]
    return sorted(p.name[: -len(".case.json")] for p in folder.glob("*.case.json")) or [
        "<no cases in folder>"]


def case_names() -> list[str]:
    return names_in(cases_dir())


def pytest_generate_tests(metafunc: object) -> None:
    fixtures = getattr(metafunc, "fixturenames", ())
    if "case_name" in fixtures:
        metafunc.parametrize("case_name", case_names())  # type: ignore[attr-defined]
    if "extra_case_name" in fixtures:
        metafunc.parametrize("extra_case_name", names_in(EXTRA_DIR))  # type: ignore[attr-defined]
