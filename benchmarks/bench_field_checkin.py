"""Field check-in: a laptop's return of 500 changed cases (5 fields each) into an office.

Stores --cases generated cases in a fresh office (encrypted SQLite, or with --pg-url a fresh
database on that PostgreSQL server), checks --changed of them out to a laptop (encrypted
SQLite), changes --fields fields of each there, writes the signed, encrypted return, then
times the office's check-in of it (decrypt, signature and registry check, the per-case
three-way merges, events, audit entries: one transaction per case). The floor, measured in
the same run, is a plain bulk update of the same rows to the same facts in one transaction
(case_store.update_case: the JSON, derived columns and journey rows, no merge, no audit).
Goal: the check-in <= 30 s. --check exits 1 when it is missed.
Run: .venv/bin/python benchmarks/bench_field_checkin.py [--cases 100000] [--pg-url URL] [--check]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from as_installed import run_as_installed  # this folder is on sys.path
from bench_engine import generated_case  # this folder is on sys.path when run as a script

from db import case_store, open_database
from db.database import Database
from desktop.services import sync_laptop, sync_office
from desktop.services.office_identity import create_office_ca, issue_officer_key
from desktop.services.sync_conflicts import signer_from_key
from desktop.services.sync_format import read_transfer
from desktop.services.sync_paths import apply_changes

GOAL_S = 30.0
PASSPHRASE = "benchmark passphrase, not for real data"
FIELDS = ("/applicant/given_names", "/applicant/family_name", "/entry/port",
          "/applicant/date_of_birth", "/decision_date")


@contextmanager
def office_url(pg_url: str | None, folder: Path) -> Iterator[str]:
    """Encrypted SQLite in folder, or a fresh database on the server (dropped after)."""
    if pg_url is None:
        yield f"sqlite:///{folder / 'office.sqlite3'}"
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"wp_bench_{uuid.uuid4().hex[:10]}"
    admin = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(pg_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def store_cases(office: Database, count: int, now: datetime) -> list[str]:
    rng = random.Random(20261208)
    ids: list[str] = []
    for start in range(0, count, 5000):
        batch = [case_store.prepare(generated_case(rng), status="determined")
                 for _ in range(min(5000, count - start))]
        with office.write() as connection:
            case_store.insert_cases(connection, batch, now)
        ids += [item.case_id for item in batch]
    return ids


def edit_in_the_field(laptop: Database, case_ids: list[str], fields: int, now: datetime
                      ) -> None:
    for number, case_id in enumerate(case_ids):
        data = laptop.cases.get(case_id).case_data
        changes = {path: [f"field {number} {index}"]
                   for index, path in enumerate(FIELDS[:fields])}
        laptop.cases.save_draft(case_id, apply_changes(data, changes), now=now, actor="ana")


def floor_update(office: Database, case_ids: list[str], now: datetime) -> float:
    """The same rows set to the same facts, plainly, in one transaction."""
    rows = {case_id: office.cases.get(case_id).case_data for case_id in case_ids}
    start = time.perf_counter()
    with office.write() as connection:
        for case_id, data in rows.items():
            row = case_store.find_row(connection, case_id)
            case_store.update_case(connection, row.id, data, "draft", now)
    return time.perf_counter() - start


def run(args: argparse.Namespace, folder: Path) -> tuple[float, float, str]:
    now = datetime(2026, 12, 8, 9, tzinfo=UTC)
    with office_url(args.pg_url, folder) as url:
        office = open_database(url, passphrase=PASSPHRASE if args.pg_url is None else None)
        laptop = open_database(f"sqlite:///{folder / 'laptop.sqlite3'}", passphrase=PASSPHRASE)
        try:
            started = time.perf_counter()
            ids = store_cases(office, args.cases, now)[:args.changed]
            create_office_ca(folder / "keys", office, "Bench Office", PASSPHRASE, now=now)
            issue_officer_key(folder / "keys", office, "Ana Ruiz", "caseworker",
                              ca_passphrase=PASSPHRASE, key_passphrase=PASSPHRASE, now=now)
            signer = signer_from_key(folder / "keys", "Ana Ruiz", PASSPHRASE)
            sync_office.checkout(office, ids, folder / "out", PASSPHRASE, signer, device=None,
                                 device_name="bench laptop", actor="ana", now=now)
            sync_laptop.receive(laptop, read_transfer(folder / "out", PASSPHRASE),
                                actor="ana", now=now)
            edit_in_the_field(laptop, ids, args.fields, now)
            sync_laptop.send(laptop, folder / "back", PASSPHRASE, signer, actor="ana", now=now)
            print(f"set-up: {args.cases:,} cases, {len(ids)} out and changed in "
                  f"{time.perf_counter() - started:.1f} s")
            start = time.perf_counter()
            summary = sync_office.checkin(office, read_transfer(folder / "back", PASSPHRASE),
                                          actor="ana", now=now)
            checkin_s = time.perf_counter() - start
            floor_s = floor_update(office, ids, now)
        finally:
            laptop.close()
            office.close()
    return checkin_s, floor_s, summary.lines()[0]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases in the office")
    parser.add_argument("--changed", type=int, default=500, help="cases changed in the field")
    parser.add_argument("--fields", type=int, default=5, choices=range(1, len(FIELDS) + 1))
    parser.add_argument("--pg-url", help="a PostgreSQL server (admin URL) for the office")
    parser.add_argument("--check", action="store_true", help="exit 1 when the goal is missed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="wp-bench-field-") as name:
        checkin_s, floor_s, said = run(args, Path(name))
    backend = "PostgreSQL" if args.pg_url else "encrypted SQLite"
    print(said)
    print(f"check-in of {args.changed} cases x {args.fields} fields into {args.cases:,} "
          f"({backend}): {checkin_s:.2f} s; plain bulk update of the same rows: "
          f"{floor_s:.2f} s; ratio {checkin_s / floor_s:.1f}x")
    missed = checkin_s > GOAL_S
    print(f"goal <= {GOAL_S:.0f} s: {'MISSED' if missed else 'met'}")
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    run_as_installed()  # bytecode, as installed (see as_installed.py)
    sys.exit(main())
