"""Where the acceptance cases live in the repository: tests/cases/public, extra and review."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CASES_DIR = REPO / "tests" / "cases" / "public"
EXTRA_CASES_DIR = REPO / "tests" / "cases" / "extra"
REVIEW_CASES_DIR = REPO / "tests" / "cases" / "review"
