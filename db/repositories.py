"""Transactions over cases and memos, each with its audit entries in the same transaction."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from db import case_store, memo_store
from db.audit import (
    AuditEvent,
    append,
    audit_head,
    determination_digest,
    memo_digest,
    sha256_text,
)
from db.errors import CaseFinalizedError, ImportConflictError, NotReadyError
from db.guards import AMENDMENT_ACTION
from db.normalise import canonical_json
from db.quick_read import determination_description, memo_description
from db.records import (
    CaseStatus,
    CaseSummary,
    FinalRecord,
    StoredCase,
    StoredDetermination,
    StoredMemo,
)

if TYPE_CHECKING:
    from db.database import Database

FactsDigest = Callable[[dict[str, Any]], str]


@dataclass(frozen=True)
class ImportItem:
    """One validated case file to import, with the key that makes re-import a no-op."""

    case_data: dict[str, Any]
    import_key: str
    source: str


class ImportOutcome(NamedTuple):
    """The case id of each imported file, in order, and how many cases were new."""

    ids: list[str]
    added: int


def _same_case(stored: dict[str, Any], incoming: dict[str, Any]) -> bool:
    """Same facts, ignoring the case_id and format an export adds to a case made in the app."""
    def core(data: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in data.items() if k not in ("case_id", "format")}

    return core(stored) == core(incoming)


def _memo_record(connection: Any, memo_id: int) -> dict[str, str]:
    return {"memo_record_sha256": memo_digest(
        memo_store.row_by_id(connection, memo_store.memos_table, memo_id))}


def _record_details(record: FinalRecord | None) -> dict[str, str]:
    """The audit entry's hold on the officer's record: its decision date and a digest."""
    if record is None:
        return {}
    details = {"decision_date": record.decision_date or ""}
    if record.officer_determination is not None:
        details["officer_determination_sha256"] = sha256_text(
            canonical_json(record.officer_determination))
    return details


class CaseRepository:
    """Cases: create, save drafts, read, list, search, bulk import."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def create(self, case_data: dict[str, Any], *, now: datetime, actor: str | None) -> str:
        item = case_store.prepare(case_data)
        with self._db.write() as connection:
            case_store.insert_cases(connection, [item], now)
            append(connection, now, actor, [AuditEvent("case.created", item.case_id)])
        return item.case_id

    def save_draft(self, case_id: str, case_data: dict[str, Any], *, now: datetime,
                   actor: str | None) -> bool:
        """Save the case file; False when nothing changed. Refused on a finalized case."""
        with self._db.write() as connection:
            row = case_store.find_row(connection, case_id, for_update=True)
            if row.status == "finalized":
                raise CaseFinalizedError(case_id)
            if json.loads(row.data_json) == case_data:
                return False
            # New facts make an earlier determination stale: the case is a draft again.
            case_store.update_case(connection, row.id, case_data, "draft", now)
            append(connection, now, actor, [AuditEvent("case.saved", row.case_id)])
        return True

    def get(self, case_id: str) -> StoredCase:
        with self._db.read() as connection:
            return case_store.to_stored(case_store.find_row(connection, case_id))

    def summaries(self, *, search: str = "", status: str | None = None, sort: str = "updated",
             descending: bool = True, offset: int = 0, limit: int = 100) -> list[CaseSummary]:
        with self._db.read() as connection:
            return case_store.list_summaries(
                connection, search=search, status=status, sort=sort, descending=descending,
                offset=offset, limit=limit)

    def count(self, *, search: str = "", status: str | None = None) -> int:
        with self._db.read() as connection:
            return case_store.count(connection, search=search, status=status)

    def import_cases(self, items: Sequence[ImportItem], *, now: datetime, actor: str | None
                     ) -> list[str]:
        """Import all or nothing; a key already stored with the same content is not duplicated.

        Returns the case id for each item, in order (existing ids for repeats).
        """
        return self.import_counted(items, now=now, actor=actor).ids

    def import_counted(self, items: Sequence[ImportItem], *, now: datetime, actor: str | None
                       ) -> ImportOutcome:
        """import_cases, also counting the cases this transaction added (right when two
        imports run at once: the count comes from the same transaction as the rows)."""
        with self._db.write(durable=True) as connection:
            stored = case_store.existing_keys(connection, [item.import_key for item in items])
            ids: list[str] = []
            fresh: list[case_store.NewCase] = []
            batch: dict[str, tuple[str, dict[str, Any]]] = {}
            for item in items:
                if item.import_key in stored:
                    case_id, data_json = stored[item.import_key]
                    if not _same_case(json.loads(data_json), item.case_data):
                        raise ImportConflictError(
                            f"{item.source}: case {item.import_key} is already stored with "
                            "different content; nothing was imported (change its case_id to "
                            "import it as a new case)."
                        )
                    ids.append(case_id)
                    continue
                if item.import_key in batch:
                    case_id, data = batch[item.import_key]
                    if data != item.case_data:
                        raise ImportConflictError(
                            f"{item.source}: another file in this import has case_id "
                            f"{item.import_key} with different content; nothing was imported."
                        )
                    ids.append(case_id)
                    continue
                new = case_store.prepare(item.case_data, import_key=item.import_key)
                batch[item.import_key] = (new.case_id, item.case_data)
                fresh.append(new)
                ids.append(new.case_id)
            case_store.insert_cases(connection, fresh, now)
            append(connection, now, actor, [
                AuditEvent("case.imported", new.case_id, details={"key": new.import_key})
                for new in fresh
            ])
        return ImportOutcome(ids, len(fresh))


class MemoRepository:
    """Determinations and memos: a final memo is never changed; an amendment supersedes it."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def record_determination(self, case_id: str, determination: dict[str, Any], *,
                             digest: FactsDigest, rules_hash: str | None, now: datetime,
                             actor: str | None) -> int:
        with self._db.write() as connection:
            return self._record(connection, case_id, determination, digest, rules_hash, now,
                                actor)

    def _record(self, connection: Any, case_id: str, determination: dict[str, Any],
                digest: FactsDigest, rules_hash: str | None, now: datetime,
                actor: str | None) -> int:
        row = case_store.find_row(connection, case_id, for_update=True)
        facts = digest(json.loads(row.data_json))
        determination_id = memo_store.insert_determination(
            connection, row.id, determination, facts, rules_hash, now)
        if row.status == "draft":
            case_store.set_status(connection, row.id, "determined", now)
        stored = memo_store.row_by_id(connection, memo_store.determinations_table,
                                      determination_id)
        append(connection, now, actor, [AuditEvent(
            "determination.recorded", row.case_id,
            details={"determination_id": determination_id, "facts_digest": facts,
                     "rules_version": determination.get("rules_version"),
                     "rules_hash": rules_hash,
                     "determination_sha256": determination_digest(stored)})])
        return determination_id

    def latest_determination(self, case_id: str) -> StoredDetermination | None:
        with self._db.read() as connection:
            row = case_store.find_row(connection, case_id)
            found = memo_store.latest_determination_row(connection, row.id)
            return None if found is None else memo_store.to_stored_determination(found, row.case_id)

    def store_draft(self, case_id: str, determination: dict[str, Any], pdf_bytes: bytes, *,
                    digest: FactsDigest, rules_hash: str | None, now: datetime,
                    actor: str | None, record: FinalRecord | None = None) -> int:
        with self._db.write() as connection:
            row = case_store.find_row(connection, case_id, for_update=True)
            latest = memo_store.latest_determination_row(connection, row.id)
            same = latest is not None and json.loads(latest.findings_json) == determination
            determination_id = latest.id if same and latest is not None else self._record(
                connection, case_id, determination, digest, rules_hash, now, actor)
            memo_id, sha = memo_store.insert_memo(
                connection, case_pk=row.id, determination_id=determination_id, status="draft",
                pdf_bytes=pdf_bytes, now=now, record=record)
            append(connection, now, actor, [AuditEvent(
                "memo.draft_stored", row.case_id, memo_id, {"sha256": sha, **_memo_record(
                    connection, memo_id), **_record_details(record)})])
        return memo_id

    def finalize(self, case_id: str, officer: str, pdf_bytes: bytes, *, digest: FactsDigest,
                 now: datetime, record: FinalRecord | None = None) -> int:
        """Store the final memo, lock the case; a second finalize is an amendment.

        `record` keeps the pinned decision date and the officer's determination with it.
        """
        if not officer.strip():
            raise NotReadyError("A memo can only be finalized under an officer's name.")
        with self._db.write(durable=True) as connection:
            return self.finalize_in(connection, case_id, officer, pdf_bytes, digest=digest,
                                    now=now, record=record)

    def finalize_in(self, connection: Any, case_id: str, officer: str, pdf_bytes: bytes, *,
                    digest: FactsDigest, now: datetime, record: FinalRecord | None = None
                    ) -> int:
        """finalize() inside the caller's write transaction (a supervisor's approval)."""
        row = case_store.find_row(connection, case_id, for_update=True)
        latest = memo_store.latest_determination_row(connection, row.id)
        if latest is None:
            raise NotReadyError(f"Case {case_id} has no determination yet; evaluate it first.")
        if latest.facts_digest != digest(json.loads(row.data_json)):
            raise NotReadyError(
                f"The facts of case {case_id} changed after its last determination; "
                "evaluate it again before finalizing.")
        if row.status == "finalized":
            raise CaseFinalizedError(case_id)
        previous = memo_store.latest_final_memo_id(connection, row.id)
        memo_id, sha = memo_store.insert_memo(
            connection, case_pk=row.id, determination_id=latest.id, status="final",
            pdf_bytes=pdf_bytes, now=now, finalized_by=officer.strip(),
            supersedes_id=previous, record=record)
        case_store.set_status(connection, row.id, "finalized", now)
        append(connection, now, officer.strip(), [AuditEvent(
            "memo.finalized" if previous is None else "memo.amended", row.case_id, memo_id,
            {"sha256": sha, "determination_id": latest.id, "supersedes_id": previous,
             "case_sha256": sha256_text(row.data_json), **_memo_record(connection, memo_id),
             **_record_details(record)})])
        return memo_id

    def start_amendment(self, case_id: str, officer: str, reason: str, *, now: datetime) -> None:
        """Unlock a finalized case for changes; its final memo stays as it is."""
        with self._db.write() as connection:
            row = case_store.find_row(connection, case_id, for_update=True)
            if row.status != "finalized":
                raise NotReadyError(f"Case {case_id} is not finalized; it can be edited already.")
            # The entry first: the database lets a case leave the finalized state only when
            # the newest audit entry starts an amendment of it (db.guards).
            append(connection, now, officer, [AuditEvent(
                AMENDMENT_ACTION, row.case_id, details={"reason": reason})])
            status: CaseStatus = "determined"
            case_store.set_status(connection, row.id, status, now)

    def chain_head(self) -> tuple[int, str] | None:
        """The audit chain's newest entry and hash (for the memo's metadata), if any."""
        with self._db.read() as connection:
            return audit_head(connection)

    def latest(self, case_id: str) -> StoredMemo | None:
        with self._db.read() as connection:
            row = case_store.find_row(connection, case_id)
            rows = memo_store.memo_rows(connection, row.id, newest_only=True)
            return memo_store.to_stored_memo(rows[0], row.case_id) if rows else None

    def recorded_for(self, sha256: str, facts_digest: str | None
                     ) -> tuple[str, str | None, str | None] | None:
        """What was recorded for a memo with these bytes, else for these facts: a description,
        the facts digest and the rule-pack hash (for `waypoint memo verify`)."""
        with self._db.read() as connection:
            memo = memo_store.memo_with_sha256(connection, sha256)
            if memo is not None:
                return (memo_description(memo.id, memo.status, memo.finalized_by),
                        memo.facts_digest, memo.rules_hash)
            if facts_digest:
                found = memo_store.determination_with_digest(connection, facts_digest)
                if found is not None:
                    return (determination_description(found.id), found.facts_digest,
                            found.rules_hash)
        return None

    def all_for_case(self, case_id: str) -> list[StoredMemo]:
        with self._db.read() as connection:
            row = case_store.find_row(connection, case_id)
            return [memo_store.to_stored_memo(memo, row.case_id)
                    for memo in memo_store.memo_rows(connection, row.id)]
