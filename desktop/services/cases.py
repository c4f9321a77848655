"""CaseService: create, save, list, search, import and export cases (clock injected)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from db.errors import DatabaseError
from db.private_files import replace_private_bytes
from db.records import CaseSummary, StoredCase
from desktop.case_rules import content_hash
from desktop.services.actor import acting_person, current_user, utc_clock
from desktop.services.storage_errors import CaseImportError

if TYPE_CHECKING:
    from db.database import Database
    from db.repositories import ImportOutcome

__all__ = ["CaseService", "CaseSummary", "StoredCase", "current_user", "utc_clock"]

CASE_FORMAT = "waypoint-case/1"


def _read_and_validate(path: Path) -> dict[str, Any]:
    """Parse and validate one case file with the engine's checks (the one set of rules)."""
    # Imported at first use: jsonschema and the schema are not needed to open the database.
    from desktop.services.evaluation import CaseFileError, read_case_file

    try:
        data: dict[str, Any] = read_case_file(path)
    except CaseFileError as problem:
        raise CaseImportError(path, str(problem).strip() or "not a valid case file") from problem
    except OSError as problem:
        raise CaseImportError(path, f"cannot be read ({problem.strerror})") from problem
    return data


def _is_bundle(path: Path) -> bool:
    from desktop.services.bundle import is_bundle

    return is_bundle(path)


def _read_bundle(path: Path, passphrase: str | None) -> dict[str, Any]:
    """The case file in an encrypted bundle, validated like a plain one."""
    from desktop.services.bundle import BundleError, case_of, open_bundle
    from desktop.services.evaluation import CaseFileError, validate_case_data

    if passphrase is None:
        raise CaseImportError(path, "an encrypted bundle: its passphrase is needed")
    try:
        data = case_of(open_bundle(path, passphrase))
    except CaseFileError as problem:
        raise CaseImportError(path, str(problem).strip() or "not a valid case file") from problem
    except BundleError as problem:
        raise CaseImportError(path, str(problem).removeprefix(f"{path}").lstrip(": ")) from problem
    try:
        validate_case_data(data)
    except CaseFileError as problem:
        raise CaseImportError(path, str(problem).strip() or "not a valid case file") from problem
    return data


def import_key_of(case_data: dict[str, Any]) -> str:
    """The case's own case_id, else a hash of its content: importing twice adds nothing."""
    ref = case_data.get("case_id")
    if isinstance(ref, str) and ref.strip():
        return ref.strip()[:200]
    return "sha256:" + content_hash(case_data)


class CaseService:
    """Cases as the window and the CLI see them; every change is one transaction, audited."""

    def __init__(self, database: Database, clock: Callable[[], datetime] = utc_clock, *,
                 actor: str | None = None) -> None:
        self._db = database
        self._clock = clock
        self._actor = actor if actor is not None else acting_person(database)

    @property
    def database(self) -> Database:
        return self._db

    @property
    def actor(self) -> str | None:
        """Who this service acts as in the audit log."""
        return self._actor

    def list_cases(self, search: str = "", status: str | None = None, sort: str = "updated",
                   descending: bool = True, offset: int = 0, limit: int = 100
                   ) -> list[CaseSummary]:
        """A page of summaries; search matches names, A-numbers (any form) and notes."""
        return self._db.cases.summaries(search=search, status=status, sort=sort,
                                   descending=descending, offset=offset, limit=limit)

    def count_cases(self, search: str = "", status: str | None = None) -> int:
        return self._db.cases.count(search=search, status=status)

    def create_case(self, case_data: dict[str, Any]) -> str:
        """Store a new draft (it may be incomplete); returns its id."""
        return self._db.cases.create(_as_dict(case_data), now=self._clock(), actor=self._actor)

    def save_draft(self, case_id: str, case_data: dict[str, Any]) -> None:
        """Save the case file in one transaction; refused (CaseFinalizedError) when finalized."""
        self._db.cases.save_draft(case_id, _as_dict(case_data), now=self._clock(),
                                  actor=self._actor)

    def save_version(self, case_id: str, case_data: dict[str, Any], expected_version: int
                     ) -> int:
        """Save against the version the editor opened; returns the new version.

        Raises db.review_errors.CaseConflictError (both versions) if someone saved first.
        """
        from db.review import OfficeRepository

        return OfficeRepository(self._db).save_versioned(
            case_id, _as_dict(case_data), expected_version, now=self._clock(), actor=self._actor)

    def get_case(self, case_id: str) -> StoredCase:
        return self._db.cases.get(case_id)

    def import_files(self, paths: Iterable[str | os.PathLike[str]],
                     bundle_passphrase: str | None = None) -> list[str]:
        """Validate every file, then import all of them in one transaction, or none.

        Encrypted bundles (waypoint-bundle/1) are opened with bundle_passphrase.
        """
        return self.import_files_counted(paths, bundle_passphrase).ids

    def import_files_counted(self, paths: Iterable[str | os.PathLike[str]],
                             bundle_passphrase: str | None = None) -> ImportOutcome:
        """import_files, with how many cases were new; a backup follows an import that added."""
        from db.repositories import ImportItem, ImportOutcome

        items = []
        for raw in paths:
            path = Path(raw)
            data = _read_bundle(path, bundle_passphrase) if _is_bundle(path) else (
                _read_and_validate(path))
            items.append(ImportItem(data, import_key_of(data), str(path)))
        if not items:
            return ImportOutcome([], 0)
        outcome = self._db.cases.import_counted(items, now=self._clock(), actor=self._actor)
        if outcome.added:
            self._db.backup_after("import")
        return outcome

    def export_case(self, case_id: str, path: str | os.PathLike[str],
                    bundle_passphrase: str | None = None) -> Path:
        """Write the case in the case-file format (with a case_id so re-import is a no-op).

        With bundle_passphrase the file is an encrypted waypoint-bundle/1 instead.
        """
        stored = self._db.cases.get(case_id)
        data = dict(stored.case_data)
        data.setdefault("format", CASE_FORMAT)
        if not (isinstance(data.get("case_id"), str) and data["case_id"].strip()):
            data["case_id"] = stored.case_id
        target = Path(path)
        anchor = self._db.memos.chain_head()
        try:
            if bundle_passphrase is not None:
                from desktop.services.bundle import write_bundle
                from desktop.services.case_record import RECORD_CONTENT, build_record

                head = None if anchor is None else f"{anchor[0]}:{anchor[1]}"
                if stored.status == "finalized":  # the record travels with the facts
                    write_bundle(build_record(self._db, case_id, data), target,
                                 bundle_passphrase, head, RECORD_CONTENT)
                else:
                    write_bundle(data, target, bundle_passphrase, head)
            else:
                replace_private_bytes(target, (json.dumps(data, ensure_ascii=False, indent=2)
                                               + "\n").encode("utf-8"))
        except OSError as problem:
            raise DatabaseError(f"Cannot write {target}: {problem.strerror}.") from problem
        from desktop.services.audit_trail import note_file_written

        note_file_written(self._db, "case.exported", target, case_id=stored.case_id,
                          details={"encrypted": bundle_passphrase is not None},
                          actor=self._actor)
        return target


def _as_dict(case_data: Any) -> dict[str, Any]:
    if not isinstance(case_data, dict):
        raise TypeError("case_data must be a dict (the case-file JSON object)")
    return case_data
