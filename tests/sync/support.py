"""An office and laptops for the field-sync tests: the office on PostgreSQL (acting as a
caseworker under row-level security) or encrypted SQLite, laptops on encrypted SQLite, the
office's authority with a registered key for the caseworker, and helpers to read state."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

import db
from db import case_store, field_store
from db.audit import audit_table
from db.database import Database
from desktop.services.office_identity import create_office_ca, issue_officer_key
from desktop.services.sync_conflicts import signer_from_key
from desktop.services.sync_format import TransferSigner
from tests.conftest import TEST_PASSPHRASE

CA_PASSPHRASE = "office authority passphrase"
KEY_PASSPHRASE = "ana's signing passphrase"
TRANSFER_PASSPHRASE = "transfer passphrase for the stick"
CASEWORKER = "Ana Ruiz"


class Clock:
    """One second per reading, from a fixed start (deterministic audit times)."""

    def __init__(self) -> None:
        self.now = datetime(2026, 12, 8, 9, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=1)
        return self.now


@dataclass
class Office:
    """The office database as the caseworker sees it, the administrator's, and her key."""

    database: Database
    admin: Database
    actor: str
    signer: TransferSigner
    data_dir: Path


def open_sqlite(path: Path) -> Database:
    path.parent.mkdir(parents=True, exist_ok=True)
    return db.open_database(f"sqlite:///{path}", passphrase=TEST_PASSPHRASE,
                            backup_dir=path.parent / "backups")


def make_office(root: Path, pg_url: str | None) -> Office:
    """The office (PostgreSQL when pg_url is given: its caseworker's own login)."""
    data_dir = root / "office-data"
    if pg_url is None:
        database = open_sqlite(root / "office" / "waypoint.sqlite3")
        admin, actor = database, "ana"
    else:
        from desktop.services.office_setup import add_person, init_server, url_for_person

        init_server(pg_url, review_required=False)  # finalized here without a review
        add_person(pg_url, "cw_ana", CASEWORKER, "caseworker")
        admin = db.open_database(pg_url)
        database = db.open_database(url_for_person(pg_url, "cw_ana"))
        actor = "cw_ana"
    moment = datetime(2026, 12, 1, tzinfo=UTC)
    create_office_ca(data_dir, admin, "Field Office", CA_PASSPHRASE, now=moment)
    issue_officer_key(data_dir, admin, CASEWORKER, "caseworker", ca_passphrase=CA_PASSPHRASE,
                      key_passphrase=KEY_PASSPHRASE, now=moment)
    return Office(database, admin, actor, signer_from_key(data_dir, CASEWORKER, KEY_PASSPHRASE),
                  data_dir)


def close_office(office: Office) -> None:
    office.database.close()
    if office.admin is not office.database:
        office.admin.close()


def cases_state(database: Database) -> dict[str, tuple[int, str, str]]:
    """case id -> (version, status, facts JSON) of every case the connection sees."""
    table = case_store.cases_table
    with database.read() as connection:
        return {row.case_id: (int(row.version), row.status, row.data_json)
                for row in connection.execute(select(
                    table.c.case_id, table.c.version, table.c.status, table.c.data_json)
                    .order_by(table.c.id))}


def conflict_rows(database: Database) -> list[tuple[Any, ...]]:
    with database.read() as connection:
        return [tuple(row) for row in field_store.conflicts(connection, open_only=False)]


def audit_count(database: Database) -> int:
    with database.read() as connection:
        return int(connection.execute(select(func.count()).select_from(audit_table))
                   .scalar_one())


def facts(database: Database, case_id: str) -> dict[str, Any]:
    return json.loads(cases_state(database)[case_id][2])  # type: ignore[no-any-return]


def assert_audit_verifies(database: Database) -> None:
    report = database.verify_audit()
    assert report.problems == (), [problem.message for problem in report.problems]
