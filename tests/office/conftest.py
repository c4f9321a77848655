"""Fixtures for the office tests: the storage fixtures, people, an evaluated case."""

from __future__ import annotations

from typing import Any

from tests.db.conftest import (  # noqa: F401 (fixtures)
    backup_dir,
    clock,
    database,
    database_url,
    make_case,
    pg_url,
    sqlite_url,
)


def evaluated_case(opened: Any, step_clock: Any, actor: str) -> str:
    """A new case with a determination of its current facts, ready to submit."""
    from desktop.services.cases import CaseService
    from desktop.services.evaluation import evaluate_case
    from desktop.services.memos import MemoService

    data = make_case()
    case_id = CaseService(opened, step_clock, actor=actor).create_case(data)
    MemoService(opened, step_clock, actor=actor).record_determination(case_id, evaluate_case(data))
    return case_id
