"""Errors of the storage services that are about input files rather than the database."""

from __future__ import annotations

from pathlib import Path

from db.errors import DatabaseError


class CaseImportError(DatabaseError):
    """A file offered for import is not a valid case file; nothing was imported."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem} (nothing was imported)")
        self.path = path
        self.problem = problem
