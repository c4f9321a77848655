"""Finds acceptance cases: public, extra and review ones (tests/cases/public, extra, review)."""

from __future__ import annotations

from pathlib import Path

from tests.case_paths import CASES_DIR, EXTRA_CASES_DIR, REPO, REVIEW_CASES_DIR  # noqa: F401 (REPO is imported from here)

EXTRA_DIR = EXTRA_CASES_DIR
REVIEW_DIR = REVIEW_CASES_DIR


def cases_dir() -> Path:
    return CASES_DIR


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
        metafunc.parametrize("case_name", case_names())  # type: ignore[attr-defined]  # hook arg untyped
    if "extra_case_name" in fixtures:
        metafunc.parametrize("extra_case_name", names_in(EXTRA_DIR))  # type: ignore[attr-defined]  # hook arg untyped
    if "review_case_name" in fixtures:
        metafunc.parametrize("review_case_name", names_in(REVIEW_DIR))  # type: ignore[attr-defined]  # hook arg untyped
