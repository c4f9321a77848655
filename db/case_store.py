"""Case rows: insert, update, bulk import (SQLAlchemy Core), list, count and search."""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Connection, Row, func, select, text

from db.audit import as_utc
from db.errors import CaseNotFoundError
from db.models import Case, JourneyStop, ProtectionClaim
from db.normalise import CaseColumns, derive_columns
from db.records import CaseStatus, CaseSummary, StoredCase
from db.search import BROAD_MATCHES, fts_match_count, search_condition

cases_table = Case.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time
stops_table = JourneyStop.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time
claims_table = ProtectionClaim.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time

SORT_COLUMNS = {
    "updated": "updated_at",
    "created": "created_at",
    "name": "display_name",
    "entry_date": "entry_date",
    "status": "status",
    "a_number": "a_number",
    "nationality": "nationality",
}
SUMMARY_COLUMNS = (
    cases_table.c.case_id, cases_table.c.display_name, cases_table.c.a_number,
    cases_table.c.nationality, cases_table.c.entry_date, cases_table.c.status,
    cases_table.c.updated_at,
)


def new_case_id() -> str:
    return uuid.uuid4().hex


def dump_case(case_data: dict[str, Any]) -> str:
    return json.dumps(case_data, ensure_ascii=False, separators=(",", ":"))


@dataclass(frozen=True)
class NewCase:
    """A case ready to insert (ids chosen, JSON serialised, columns derived)."""

    case_id: str
    data_json: str
    columns: CaseColumns
    status: CaseStatus
    import_key: str | None


def prepare(case_data: dict[str, Any], *, status: CaseStatus = "draft",
            import_key: str | None = None, case_id: str | None = None) -> NewCase:
    return NewCase(case_id or new_case_id(), dump_case(case_data), derive_columns(case_data),
                   status, import_key)


def _row_values(columns: CaseColumns) -> dict[str, Any]:
    return {
        "case_ref": columns.case_ref, "display_name": columns.display_name,
        "family_name": columns.family_name, "given_names": columns.given_names,
        "a_number": columns.a_number, "nationality": columns.nationality,
        "entry_date": columns.entry_date, "search_text": columns.search_text,
    }


def reserve_ids(connection: Connection, table: Any, count: int) -> list[int]:
    """Primary keys for count new rows, so executemany needs no RETURNING round trips.

    SQLite: inside the caller's BEGIN IMMEDIATE transaction nobody else can insert, so the
    next ids follow max(id). PostgreSQL: take them from the table's own sequence.
    """
    if count == 0:
        return []
    if connection.dialect.name == "postgresql":
        return list(connection.execute(
            text("SELECT nextval(pg_get_serial_sequence(:table, 'id')) "
                 "FROM generate_series(1, :n)"), {"table": table.name, "n": count}
        ).scalars())
    start = int(connection.execute(select(func.coalesce(func.max(table.c.id), 0))).scalar_one())
    return list(range(start + 1, start + 1 + count))


def _insert_journeys(connection: Connection, journeys: Sequence[tuple[int, CaseColumns]]) -> None:
    stop_rows: list[dict[str, Any]] = []
    claim_rows: list[dict[str, Any]] = []
    stops = [(case_pk, stop) for case_pk, columns in journeys for stop in columns.journey]
    stop_ids = reserve_ids(connection, stops_table, len(stops))
    for stop_id, (case_pk, stop) in zip(stop_ids, stops, strict=True):
        stop_rows.append({
            "id": stop_id, "case_pk": case_pk, "position": stop.position,
            "country": stop.country, "arrived": stop.arrived, "departed": stop.departed,
            "status_held": stop.status_held,
        })
        claim_rows.extend({"stop_id": stop_id, "kind": kind, "filed": filed, "outcome": outcome}
                          for kind, filed, outcome in stop.claims)
    if stop_rows:
        connection.execute(stops_table.insert(), stop_rows)
    if claim_rows:
        connection.execute(claims_table.insert(), claim_rows)


def insert_cases(connection: Connection, new_cases: Sequence[NewCase], now: datetime
                 ) -> list[int]:
    """Insert many cases with Core executemany (no ORM objects); returns their row ids."""
    if not new_cases:
        return []
    now = as_utc(now)
    pks = reserve_ids(connection, cases_table, len(new_cases))
    rows = [
        {"id": pk, "case_id": item.case_id, "import_key": item.import_key,
         "data_json": item.data_json, "status": item.status, "created_at": now, "updated_at": now,
         **_row_values(item.columns)}
        for pk, item in zip(pks, new_cases, strict=True)
    ]
    connection.execute(cases_table.insert(), rows)
    _insert_journeys(connection, list(zip(pks, (item.columns for item in new_cases), strict=True)))
    return pks


def find_row(connection: Connection, case_id: str, *, for_update: bool = False) -> Row[Any]:
    """The case row by our id, else by the key it was imported under (its file's case_id)."""
    for column in (cases_table.c.case_id, cases_table.c.import_key):
        query = select(cases_table).where(column == case_id)
        if for_update and connection.dialect.name == "postgresql":
            query = query.with_for_update()
        row = connection.execute(query).first()
        if row is not None:
            return row
    raise CaseNotFoundError(case_id)


def update_case(connection: Connection, case_pk: int, case_data: dict[str, Any],
                status: CaseStatus, now: datetime) -> None:
    """Replace the JSON, derived columns and journey rows of one case."""
    columns = derive_columns(case_data)
    connection.execute(
        cases_table.update().where(cases_table.c.id == case_pk).values(
            data_json=dump_case(case_data), status=status, updated_at=as_utc(now),
            version=cases_table.c.version + 1, **_row_values(columns))
    )
    if connection.dialect.name == "postgresql":  # a person holds no DELETE (0010)
        connection.execute(text("SELECT waypoint_clear_stops(:pk)"), {"pk": case_pk})
    else:
        connection.execute(stops_table.delete().where(stops_table.c.case_pk == case_pk))
    _insert_journeys(connection, [(case_pk, columns)])


def set_status(connection: Connection, case_pk: int, status: CaseStatus, now: datetime) -> None:
    connection.execute(cases_table.update().where(cases_table.c.id == case_pk).values(
        status=status, updated_at=as_utc(now)))


def existing_keys(connection: Connection, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
    """For import keys already stored (as import key or as our own id): key -> (id, JSON)."""
    found: dict[str, tuple[str, str]] = {}
    unique = list(dict.fromkeys(keys))
    for start in range(0, len(unique), 500):
        chunk = set(unique[start:start + 500])
        for import_key, case_id, data_json in connection.execute(
            select(cases_table.c.import_key, cases_table.c.case_id, cases_table.c.data_json)
            .where(cases_table.c.import_key.in_(chunk) | cases_table.c.case_id.in_(chunk))
        ):
            for key in (import_key, case_id):
                if key in chunk:
                    found[key] = (case_id, data_json)
    return found


def to_stored(row: Row[Any]) -> StoredCase:
    return StoredCase(
        case_id=row.case_id, case_data=json.loads(row.data_json),
        status=cast(CaseStatus, row.status), updated_at=as_utc(row.updated_at),
        created_at=as_utc(row.created_at), case_ref=row.case_ref,
        version=int(getattr(row, "version", 1)),
    )


def _filtered(query: Any, connection: Connection, search: str, status: str | None,
              *, broad: bool = False) -> Any:
    condition = (search_condition(cases_table, connection.dialect.name, search, broad=broad)
                 if search else None)
    if condition is not None:
        query = query.where(condition)
    if status is not None:
        query = query.where(cases_table.c.status == status)
    return query


def list_summaries(connection: Connection, *, search: str, status: str | None, sort: str,
                   descending: bool, offset: int, limit: int) -> list[CaseSummary]:
    if sort not in SORT_COLUMNS:
        raise ValueError(f"unknown sort {sort!r}; one of {', '.join(SORT_COLUMNS)}")
    order = cases_table.c[SORT_COLUMNS[sort]]
    tiebreak = cases_table.c.id
    broad = bool(search) and connection.dialect.name == "sqlite" and (
        fts_match_count(connection, search) > BROAD_MATCHES)
    query = _filtered(select(*SUMMARY_COLUMNS), connection, search, status, broad=broad).order_by(
        order.desc() if descending else order.asc(),
        tiebreak.desc() if descending else tiebreak.asc(),
    ).offset(max(0, offset)).limit(max(0, limit))
    return [
        CaseSummary(row.case_id, row.display_name, row.a_number, row.nationality,
                    row.entry_date, cast(CaseStatus, row.status), as_utc(row.updated_at))
        for row in connection.execute(query)
    ]


def count(connection: Connection, *, search: str, status: str | None) -> int:
    query = _filtered(select(func.count()).select_from(cases_table), connection, search, status)
    return int(connection.execute(query).scalar_one())
