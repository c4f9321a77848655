"""Office errors: a save against an older version, and a review step a person may not take."""

from __future__ import annotations

from typing import Any

from db.errors import DatabaseError


class CaseConflictError(DatabaseError):
    """Someone saved the case since this copy was opened; nothing was overwritten."""

    def __init__(self, case_id: str, your_version: int, stored_version: int,
                 stored_data: dict[str, Any]) -> None:
        super().__init__(
            f"Case {case_id} was changed by someone else (version {stored_version}) after you "
            f"opened version {your_version}; your changes were not saved. Compare both "
            "versions and merge them."
        )
        self.case_id = case_id
        self.your_version = your_version
        self.stored_version = stored_version
        self.stored_data = stored_data


class ReviewStateError(DatabaseError):
    """The review step does not fit where the case is (e.g. approving a draft)."""


class NotAllowedError(DatabaseError):
    """The person's role does not allow this (refused by the service or by the database)."""
