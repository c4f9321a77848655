"""Determinations and memo rows: record, store drafts, finalize (new rows only), read back."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Row, select

from db.audit import as_utc
from db.models import Determination, Memo
from db.normalise import canonical_json
from db.records import FinalRecord, MemoStatus, StoredDetermination, StoredMemo

determinations_table = Determination.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time
memos_table = Memo.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time


def insert_determination(connection: Connection, case_pk: int, determination: dict[str, Any],
                         facts_digest: str, rules_hash: str | None, now: datetime) -> int:
    def text_of(key: str) -> str | None:
        value = determination.get(key)
        return str(value)[:200] if value is not None else None

    result = connection.execute(
        determinations_table.insert().returning(determinations_table.c.id).values(
            case_pk=case_pk, findings_json=canonical_json(determination),
            decision_date=text_of("decision_date"), rules_version=text_of("rules_version"),
            rules_hash=rules_hash, engine_version=text_of("engine_version"),
            facts_digest=facts_digest, created_at=as_utc(now))
    )
    return int(result.scalar_one())


def row_by_id(connection: Connection, table: Any, row_id: int) -> Row[Any]:
    """One determination or memo row as stored (its digest goes into the audit entry)."""
    return connection.execute(select(table).where(table.c.id == row_id)).one()


def latest_determination_row(connection: Connection, case_pk: int) -> Row[Any] | None:
    return connection.execute(
        select(determinations_table).where(determinations_table.c.case_pk == case_pk)
        .order_by(determinations_table.c.id.desc()).limit(1)
    ).first()


def to_stored_determination(row: Row[Any], case_id: str) -> StoredDetermination:
    return StoredDetermination(
        determination_id=row.id, case_id=case_id, determination=json.loads(row.findings_json),
        decision_date=row.decision_date, rules_version=row.rules_version,
        rules_hash=row.rules_hash, engine_version=row.engine_version,
        facts_digest=row.facts_digest, created_at=as_utc(row.created_at),
    )


def insert_memo(connection: Connection, *, case_pk: int, determination_id: int | None,
                status: MemoStatus, pdf_bytes: bytes, now: datetime,
                finalized_by: str | None = None, supersedes_id: int | None = None,
                record: FinalRecord | None = None) -> tuple[int, str]:
    """Insert a memo row; returns its id and SHA-256."""
    sha = hashlib.sha256(pdf_bytes).hexdigest()
    pinned = record or FinalRecord()
    result = connection.execute(
        memos_table.insert().returning(memos_table.c.id).values(
            case_pk=case_pk, determination_id=determination_id, status=status, pdf=pdf_bytes,
            sha256=sha, created_at=as_utc(now), finalized_by=finalized_by,
            finalized_at=as_utc(now) if status == "final" else None,
            supersedes_id=supersedes_id, decision_date=pinned.decision_date,
            time_zone=pinned.time_zone,
            officer_determination_json=(canonical_json(pinned.officer_determination)
                                        if pinned.officer_determination is not None else None))
    )
    return int(result.scalar_one()), sha


def latest_final_memo_id(connection: Connection, case_pk: int) -> int | None:
    return connection.execute(
        select(memos_table.c.id).where(memos_table.c.case_pk == case_pk,
                                       memos_table.c.status == "final")
        .order_by(memos_table.c.id.desc()).limit(1)
    ).scalar_one_or_none()


def memo_rows(connection: Connection, case_pk: int, *, newest_only: bool = False
              ) -> list[Row[Any]]:
    query = select(memos_table).where(memos_table.c.case_pk == case_pk).order_by(
        memos_table.c.id.desc() if newest_only else memos_table.c.id.asc())
    if newest_only:
        query = query.limit(1)
    return list(connection.execute(query))


def to_stored_memo(row: Row[Any], case_id: str) -> StoredMemo:
    return StoredMemo(
        memo_id=row.id, case_id=case_id, status=cast(MemoStatus, row.status),
        pdf_bytes=bytes(row.pdf), sha256=row.sha256, created_at=as_utc(row.created_at),
        determination_id=row.determination_id, finalized_by=row.finalized_by,
        finalized_at=as_utc(row.finalized_at) if row.finalized_at is not None else None,
        supersedes_id=row.supersedes_id, decision_date=row.decision_date,
        time_zone=row.time_zone,
        officer_determination=(json.loads(row.officer_determination_json)
                               if row.officer_determination_json else None),
    )


def memo_with_sha256(connection: Connection, sha256: str) -> Any:
    """The memo row whose PDF has this SHA-256, with its determination's digest and rule pack."""
    return connection.execute(
        select(memos_table.c.id, memos_table.c.status, memos_table.c.finalized_by,
               memos_table.c.finalized_at, determinations_table.c.facts_digest,
               determinations_table.c.rules_hash)
        .select_from(memos_table.outerjoin(
            determinations_table, memos_table.c.determination_id == determinations_table.c.id))
        .where(memos_table.c.sha256 == sha256).limit(1)
    ).first()


def determination_with_digest(connection: Connection, facts_digest: str) -> Any:
    """The newest determination made from these case facts."""
    return connection.execute(
        select(determinations_table.c.id, determinations_table.c.facts_digest,
               determinations_table.c.rules_hash)
        .where(determinations_table.c.facts_digest == facts_digest)
        .order_by(determinations_table.c.id.desc()).limit(1)
    ).first()
