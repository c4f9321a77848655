"""Storage errors, each carrying a one-line message a caseworker can act on."""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """A storage problem; str() is a user-facing sentence."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class NewerSchemaError(DatabaseError):
    """The database was written by a newer Waypoint; it is refused and left untouched."""

    def __init__(self, found_revision: str) -> None:
        super().__init__(
            f"This database was written by a newer version of Waypoint (schema {found_revision}). "
            "It has not been changed; please update Waypoint to open it."
        )
        self.found_revision = found_revision


class CorruptDatabaseError(DatabaseError):
    """The database file is damaged or not a database; it is kept, never overwritten."""

    def __init__(self, damaged_path: Path, detail: str, latest_backup: Path | None) -> None:
        offer = (
            f" The latest backup is {latest_backup.name}; it can be restored (the damaged "
            f"file is then kept in {damaged_path.parent} as {damaged_path.name}.damaged-<time>;"
            " the five newest such copies are kept)."
            if latest_backup is not None
            else " No backup was found."
        )
        super().__init__(f"The database file {damaged_path} is damaged ({detail}).{offer}")
        self.damaged_path = damaged_path
        self.detail = detail
        self.latest_backup = latest_backup

    @property
    def backup_available(self) -> bool:
        return self.latest_backup is not None


class ReadOnlyDataError(DatabaseError):
    """The data folder or database cannot be written; nothing already saved is lost."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"Waypoint cannot write to {where}: it is read-only. "
            "Nothing already saved was lost; make the folder writable and try again."
        )


class DiskFullError(DatabaseError):
    """The disk (or the database's size limit) is full; the change was not saved."""

    def __init__(self, where: str | None = None) -> None:
        super().__init__(
            "The disk is full, so the last change was not saved. Nothing already saved "
            "was lost; free some space and save again."
            if where is None else
            f"The disk holding {where} is full (disk full), so Waypoint cannot open its "
            "database. Nothing was changed or lost; free some space and start again."
        )


class DataFolderError(DatabaseError):
    """The data folder's path names a file (or cannot be a folder); nothing was written."""

    def __init__(self, folder: str) -> None:
        super().__init__(
            f"The data folder {folder} is a file, not a folder, so Waypoint cannot keep its "
            "database there. Nothing was changed; choose another folder (--data-dir or "
            "WAYPOINT_DATA_DIR) or move that file away."
        )
        self.folder = folder


class DatabaseBusyError(DatabaseError):
    """Another program held the database too long."""

    def __init__(self) -> None:
        super().__init__(
            "The database is busy in another Waypoint window or program; try again in a moment."
        )


class DatabaseUnavailableError(DatabaseError):
    """The database server could not be reached or the URL is wrong."""


class CaseNotFoundError(DatabaseError):
    """No case has this id."""

    def __init__(self, case_id: str) -> None:
        super().__init__(f"There is no case with id {case_id}.")
        self.case_id = case_id


class CaseFinalizedError(DatabaseError):
    """The case is finalized: its facts are locked until an amendment is started."""

    def __init__(self, case_id: str) -> None:
        super().__init__(
            f"Case {case_id} is finalized and locked; start an amendment to change it."
        )
        self.case_id = case_id


class NotReadyError(DatabaseError):
    """An action needs something that is not there yet (e.g. a current determination)."""


class ImportConflictError(DatabaseError):
    """An imported file has the id of a stored case but different content."""


class RestoreError(DatabaseError):
    """A file offered for restore is not a usable Waypoint database."""
