"""Stored cases for rule-pack impact (streamed in id order) and the "law changed" flags."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from db.audit import as_utc
from db.case_store import cases_table, find_row
from db.memo_store import determinations_table
from db.models import CaseLawFlag

flags_table = CaseLawFlag.__table__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ImpactRow:
    """What impact needs of one case: ids, status, the case-file JSON and a fallback date."""

    case_pk: int
    case_id: str
    case_ref: str | None
    status: str
    data_json: str
    determined_on: str | None  # the latest determination's decision date, if any


@dataclass(frozen=True)
class LawFlag:
    """A case a rule pack changed, not yet re-evaluated since."""

    case_id: str
    case_ref: str | None
    status: str
    kind: str  # "reevaluate" (open case) or "amend" (finalized case)
    pack_hash: str
    changes: list[dict[str, str]]
    flagged_at: datetime


def count_cases(connection: Connection) -> int:
    return int(connection.execute(select(func.count()).select_from(cases_table)).scalar_one())


def case_batch(connection: Connection, after_pk: int, limit: int, upto_pk: int | None = None
               ) -> list[ImpactRow]:
    """Up to `limit` cases with id > after_pk (and <= upto_pk when given), in id order."""
    latest_date = (select(determinations_table.c.decision_date)
                   .where(determinations_table.c.case_pk == cases_table.c.id)
                   .order_by(determinations_table.c.id.desc()).limit(1)
                   .scalar_subquery())  # by ix_determinations_case (case_pk, id)
    query = (
        select(cases_table.c.id, cases_table.c.case_id, cases_table.c.case_ref,
               cases_table.c.status, cases_table.c.data_json, latest_date)
        .where(cases_table.c.id > after_pk)
        .order_by(cases_table.c.id).limit(limit)
    )
    if upto_pk is not None:
        query = query.where(cases_table.c.id <= upto_pk)
    return [ImpactRow(*row) for row in connection.execute(query)]


def range_end(connection: Connection, after_pk: int, size: int) -> int | None:
    """The id of the size-th case after after_pk (None: fewer are left): a chunk's end."""
    query = (select(cases_table.c.id).where(cases_table.c.id > after_pk)
             .order_by(cases_table.c.id).limit(1).offset(size - 1))
    found = connection.execute(query).scalar()
    return None if found is None else int(found)


def id_span(connection: Connection) -> tuple[int, int] | None:
    """The lowest and highest case id (None: no cases): impact chunks are id ranges in it."""
    low, high = connection.execute(
        select(func.min(cases_table.c.id), func.max(cases_table.c.id))).one()
    return None if low is None else (int(low), int(high))


def add_flags(connection: Connection, flags: Sequence[tuple[str, str, list[dict[str, str]]]],
              pack_hash: str, now: datetime) -> int:
    """Flag cases (case_id, kind, changes) for pack_hash; returns how many were flagged."""
    rows: list[dict[str, Any]] = []
    for case_id, kind, changes in flags:
        row = find_row(connection, case_id)
        rows.append({"case_pk": row.id, "pack_hash": pack_hash, "kind": kind,
                     "changes_json": json.dumps(changes), "flagged_at": as_utc(now)})
    if rows:
        connection.execute(flags_table.insert(), rows)
    return len(rows)


def open_flags(connection: Connection) -> list[LawFlag]:
    """Flags with no determination recorded for their case after them, newest first."""
    newer = (select(determinations_table.c.id)
             .where(determinations_table.c.case_pk == flags_table.c.case_pk)
             .where(determinations_table.c.created_at > flags_table.c.flagged_at)
             .exists())
    query = (
        select(cases_table.c.case_id, cases_table.c.case_ref, cases_table.c.status,
               flags_table.c.kind, flags_table.c.pack_hash, flags_table.c.changes_json,
               flags_table.c.flagged_at)
        .select_from(flags_table.join(cases_table, cases_table.c.id == flags_table.c.case_pk))
        .where(~newer)
        .order_by(flags_table.c.flagged_at.desc(), flags_table.c.id.desc())
    )
    return [LawFlag(row.case_id, row.case_ref, row.status, row.kind, row.pack_hash,
                    json.loads(row.changes_json), as_utc(row.flagged_at))
            for row in connection.execute(query)]


@dataclass(frozen=True)
class PinnedRow:
    """A stored determination with its case's current facts, to re-evaluate it."""

    determination_id: int
    case_id: str
    findings_json: str
    decision_date: str | None
    rules_hash: str | None
    facts_digest: str
    data_json: str


def determination_batch(connection: Connection, after_id: int, limit: int) -> list[PinnedRow]:
    """Up to `limit` determinations with id > after_id, in id order."""
    query = (
        select(determinations_table.c.id, cases_table.c.case_id,
               determinations_table.c.findings_json, determinations_table.c.decision_date,
               determinations_table.c.rules_hash, determinations_table.c.facts_digest,
               cases_table.c.data_json)
        .select_from(determinations_table.join(
            cases_table, cases_table.c.id == determinations_table.c.case_pk))
        .where(determinations_table.c.id > after_id)
        .order_by(determinations_table.c.id).limit(limit)
    )
    return [PinnedRow(*row) for row in connection.execute(query)]
