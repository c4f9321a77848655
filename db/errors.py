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


class NotEnoughSpaceError(DatabaseError):
    """A step that needs room for a whole copy of the database was refused before it began."""

    def __init__(self, folder: Path, action: str, needed: int, free: int) -> None:
        super().__init__(
            f"There is not enough free space in {folder} to {action} (about "
            f"{_size(needed)} needed, {_size(free)} free). Nothing was changed; free some "
            "space and try again."
        )
        self.needed = needed
        self.free = free


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    return f"{max(1, count // 1024)} KB"


class KeyFileMissingError(DatabaseError):
    """The database is there (encrypted) but its key file is not: the file itself is intact."""

    def __init__(self, database_file: Path, key_file: Path, backup_key: Path | None) -> None:
        offer = (
            f" A backup's key file opens it: copy {backup_key} to {key_file}."
            if backup_key is not None else
            " Copy the key file back from where it was kept (a backup's .keys file made "
            "before the last passphrase change opens it too)."
        )
        super().__init__(
            f"The key file {key_file} is missing, so the encrypted database {database_file} "
            f"cannot be opened. The database file was not changed.{offer}"
        )
        self.database_file = database_file
        self.key_file = key_file
        self.backup_key = backup_key


class KeyFileDamagedError(DatabaseError):
    """The key file was changed or damaged (its checksum or format); not a wrong passphrase."""

    def __init__(self, key_file: Path, detail: str) -> None:
        super().__init__(
            f"The key file {key_file} is damaged ({detail}); the passphrase was not the "
            "problem and the database file was not changed. Copy the key file back from a "
            "backup (its .keys file, made before the last passphrase change)."
        )
        self.key_file = key_file
        self.detail = detail


class MissingDatabaseError(DatabaseError):
    """The database file is gone but its companions are there: not a first run."""

    def __init__(self, database_file: Path, found: list[str], latest_backup: Path | None
                 ) -> None:
        offer = (f" The newest good backup is {latest_backup}; restore it with: waypoint "
                 f"restore {latest_backup}" if latest_backup is not None
                 else " No usable backup was found.")
        if latest_backup is None and len(found) == 1 and found[0].startswith("its key file"):
            offer += (" If Waypoint was stopped during its very first start, remove "
                      f"{database_file.name}.keys and start again.")
        super().__init__(
            f"The database file {database_file} is missing, but {', '.join(found)} "
            f"{'is' if len(found) == 1 else 'are'} still there: it was moved or deleted. "
            f"No new database was made.{offer}"
        )
        self.database_file = database_file
        self.found = found
        self.latest_backup = latest_backup


class LostCommitsError(DatabaseError):
    """Saves the audit receipts recorded are not in the database (a lost WAL after a crash);
    a report put on Database.lost_commits, not raised at open."""

    def __init__(self, database_file: Path, recorded: int, stored: int,
                 latest_backup: Path | None) -> None:
        wal = database_file.name + "-wal"
        offer = (f" The newest backup is {latest_backup}." if latest_backup is not None
                 else "")
        super().__init__(
            f"Saved changes are missing from {database_file}: its audit receipts record entry "
            f"{recorded}, the database ends at entry {stored}. Its write-ahead log ({wal}) was "
            "probably removed after a crash (or the database was rolled back: `waypoint audit "
            "verify` names the entries). The rest opens as it is; to get them back, close "
            f"Waypoint and put that file back, or restore a backup (waypoint restore FILE).{offer}"
        )
        self.database_file = database_file
        self.recorded = recorded
        self.stored = stored
        self.latest_backup = latest_backup
