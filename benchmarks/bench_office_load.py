"""Office load: many client processes save, search and approve against one PostgreSQL server.

Each client is its own process and its own database login (caseworkers and supervisors made
by `waypoint admin init-server` / `add-person`). Caseworkers open a case, edit it and save it
against the version they opened (a conflict is counted, never overwritten), search, and submit
evaluated cases; supervisors search and approve submitted cases. At the end it checks:
  - no lost update: every successful save produced its own version (no two saves built on
    the same version of a case both succeeded) and each case holds the edit of its last save;
  - no unresolved deadlock: every client finished (a deadlock PostgreSQL broke is counted);
  - the audit chain verifies and every entry names a person;
and prints the p50/p95/p99 save latency. Run:
  WAYPOINT_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:54339/waypoint \\
  .venv/bin/python benchmarks/bench_office_load.py --clients 20 --seconds 60
or, with SCRAM passwords and TLS on a throwaway server of its own (as root: runuser):
  .venv/bin/python benchmarks/bench_office_load.py --scram-tls --clients 20 --seconds 60
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from as_installed import run_as_installed  # this folder is on sys.path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

FAMILIES = ["Núñez", "Ramírez Cruz", "García", "Nguyễn", "Abdullah", "Ivanova", "Mendoza",
            "王", "Okafor", "Haddad"]
DEADLOCK, SERIALIZATION = "40P01", "40001"


@dataclass
class ClientReport:
    """What one client did."""

    login: str
    saves: list[tuple[str, int, str]] = field(default_factory=list)  # case, version, marker
    save_seconds: list[float] = field(default_factory=list)
    conflicts: int = 0
    searches: int = 0
    submits: int = 0
    approvals: int = 0
    deadlocks_broken: int = 0
    refused: dict[str, int] = field(default_factory=dict)


def _case(index: int) -> dict[str, Any]:
    from tests.db.conftest import make_case

    return make_case(FAMILIES[index % len(FAMILIES)], f"Client{index}", None,
                     case_id=f"LOAD-{index}", notes="")


def _sqlstate(error: BaseException) -> str | None:
    return getattr(getattr(error, "orig", None), "sqlstate", None)


def agreeing(review: Any, case_id: str) -> Any:
    """The caseworker's determination: agrees with each finding, decides without each open
    question (the office's load, not its judgement, is measured)."""
    from desktop.services.decision import FinalInput
    from desktop.services.officer_record import DecidedWithout, RuleConclusion, open_questions

    determination, _decision = review.to_decide(case_id)
    return FinalInput(review.actor,
                      tuple(RuleConclusion(str(f["rule"]), "agree")
                            for f in determination["findings"]),
                      tuple(DecidedWithout(q.field, q.question, "Load test: not asked.")
                            for q in open_questions(determination)))


def _client(url: str, login: str, role: str, seconds: float, seed: int, ready: Any,
            results: Any) -> None:
    """One client process: its own connection as its own person, until the time is up."""
    from sqlalchemy import exc as sa_exc

    import db
    from db.errors import CaseFinalizedError, DatabaseError
    from desktop.services.cases import CaseService
    from desktop.services.decision import DecisionPath
    from desktop.services.memos import MemoService
    from desktop.services.review import CaseConflictError, ReviewService
    from desktop.services.rules import bundled_rule_pack

    path = DecisionPath(bundled_rule_pack())

    rng = random.Random(seed)
    database = db.open_database(url)
    cases, memos = CaseService(database), MemoService(database)
    review = ReviewService(database, pack=path.pack)
    report = ClientReport(login)
    ids = [row.case_id for row in cases.list_cases(limit=100_000)]
    ready.wait(timeout=300)  # every client connected: all start together
    deadline = time.time() + seconds
    while time.time() < deadline:
        case_id = rng.choice(ids)
        roll = rng.random()
        try:
            if roll < 0.35:
                report.searches += 1
                cases.list_cases(search=rng.choice(FAMILIES), limit=50)
            elif role == "supervisor":
                waiting = review.office_rows("awaiting_review", limit=20)
                if waiting:
                    review.approve(rng.choice(waiting).summary.case_id)
                    report.approvals += 1
            elif roll < 0.9:
                opened = cases.get_case(case_id)
                if opened.status == "finalized":
                    continue
                marker = f"{login}-{uuid.uuid4().hex[:8]}"
                data = dict(opened.case_data, notes=marker)
                began = time.perf_counter()
                try:
                    version = cases.save_version(case_id, data, opened.version)
                except CaseConflictError:
                    report.conflicts += 1  # a whole save's work, refused at the end
                else:
                    report.saves.append((case_id, version, marker))
                # Saves and conflicts only: a save refused up front (case finalized or
                # awaiting review) is counted under "refused", not timed.
                report.save_seconds.append(time.perf_counter() - began)
            else:
                stored = cases.get_case(case_id)
                if stored.status != "finalized" and review.review(case_id) is None:
                    memos.record_determination(case_id, path.evaluate(
                        stored.case_data, path.decide(stored.case_data)))
                    # Submit saves the pinned decision date (a version of its own, audited as
                    # case.saved, notes unchanged): _check counts those from the audit log.
                    review.submit(case_id, record=agreeing(review, case_id))
                    report.submits += 1
        except (CaseFinalizedError, DatabaseError) as refused:
            # e.g. two supervisors approving the same case: the second is told it is done
            name = type(refused).__name__
            report.refused[name] = report.refused.get(name, 0) + 1
        except sa_exc.DBAPIError as error:
            if _sqlstate(error) not in (DEADLOCK, SERIALIZATION):
                raise
            report.deadlocks_broken += 1  # PostgreSQL broke it; the transaction rolled back
    database.close()
    results.put(report)


def _setup(admin_url: str, clients: int, supervisors: int, case_count: int
           ) -> tuple[str, list[tuple[str, str, str]]]:
    """A fresh database on the server, its office, people and cases."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    import db
    from db.repositories import ImportItem
    from desktop.services.office_setup import add_person, init_server, url_for_person

    name = f"wp_load_{uuid.uuid4().hex[:10]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    init_server(url, visibility="all")  # the cases are imported by the administrator
    people = []
    for index in range(clients):
        role = "supervisor" if index < supervisors else "caseworker"
        login = f"load_{role[:3]}_{index}"
        password = f"load bench passphrase {uuid.uuid4().hex[:12]}"  # SCRAM on the server
        add_person(url, login, f"{role.title()} {index}", role, password)  # type: ignore[arg-type]
        person = make_url(url_for_person(url, login))._replace(password=password)
        people.append((login, role, person.render_as_string(hide_password=False)))
    database = db.open_database(url)
    items = [ImportItem(_case(i), f"LOAD-{i}", "bench") for i in range(case_count)]
    database.cases.import_cases(items, now=datetime.now(UTC), actor="setup")
    database.close()
    return url, people


def _drop(admin_url: str, url: str) -> None:
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(
            f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def _check(url: str, reports: list[ClientReport]) -> list[str]:
    """Problems found: lost updates, a broken audit chain, an entry without a person."""
    from sqlalchemy import text

    import db

    problems: list[str] = []
    produced: dict[tuple[str, int], str] = {}
    for report in reports:
        for case_id, version, marker in report.saves:
            if (case_id, version) in produced:
                problems.append(f"lost update: two saves both made version {version} of "
                                f"{case_id}")
            produced[(case_id, version)] = marker
    database = db.open_database(url)
    try:
        with database.read() as connection:
            rows = connection.execute(text(
                "SELECT case_id, version, data_json FROM cases")).all()
            audited = {case_id: count for case_id, count in connection.execute(text(
                "SELECT case_id, count(*) FROM audit_log WHERE action = 'case.saved' "
                "GROUP BY case_id")).all()}
            anonymous = connection.execute(text(
                "SELECT count(*) FROM audit_log WHERE actor IS NULL OR actor = ''")).scalar_one()
        for case_id, version, data_json in rows:
            # Every version is an audited save: the clients' and the dates pinned at submit.
            stored_saves = audited.get(case_id, 0)
            mine = sorted((v, marker) for (c, v), marker in produced.items() if c == case_id)
            if version != 1 + stored_saves:
                problems.append(f"{case_id}: version {version} after {stored_saves} saves")
            if len(mine) > stored_saves:
                problems.append(f"{case_id}: {len(mine)} saves returned, {stored_saves} stored")
            if mine and json.loads(data_json).get("notes") != mine[-1][1]:
                problems.append(f"{case_id}: the stored edit is not its last save's")
        if anonymous:
            problems.append(f"{anonymous} audit entries name no one")
        report = database.verify_audit()
        problems += [str(problem) for problem in report.problems]
    finally:
        database.close()
    return problems


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))] if ordered else 0.0


def run(admin_url: str, clients: int, seconds: float, supervisors: int, case_count: int,
        keep: bool = False) -> dict[str, Any]:
    """Set up, run the clients, check; returns the figures (and 'problems')."""
    url, people = _setup(admin_url, clients, supervisors, case_count)
    try:
        context = multiprocessing.get_context("spawn")
        results = context.Queue()
        ready = context.Barrier(len(people))
        processes = [context.Process(target=_client, args=(
            person_url, login, role, seconds, index, ready, results))
            for index, (login, role, person_url) in enumerate(people)]
        for process in processes:
            process.start()
        reports: list[ClientReport] = []
        give_up = time.time() + 300 + seconds
        while len(reports) < len(processes) and time.time() < give_up:
            try:
                reports.append(results.get(timeout=5))
            except Exception:  # queue.Empty: a client may have died; look again
                if all(p.exitcode is not None for p in processes) and results.empty():
                    break
        for process in processes:
            process.join(timeout=30)
        unfinished = [p.pid for p in processes if p.exitcode != 0]
        problems = _check(url, reports)
        if len(reports) < len(processes) or unfinished:
            problems.append(f"{len(processes) - len(reports)} client(s) did not finish "
                            f"(exit codes {[p.exitcode for p in processes]})")
        latencies = [s for r in reports for s in r.save_seconds]
        return {
            "clients": clients, "supervisors": supervisors, "seconds": seconds,
            "cases": case_count,
            "saves": sum(len(r.saves) for r in reports),
            "conflicts": sum(r.conflicts for r in reports),
            "searches": sum(r.searches for r in reports),
            "submits": sum(r.submits for r in reports),
            "approvals": sum(r.approvals for r in reports),
            "deadlocks_broken": sum(r.deadlocks_broken for r in reports),
            "refused": {name: sum(r.refused.get(name, 0) for r in reports)
                        for name in sorted({n for r in reports for n in r.refused})},
            "save_p50_ms": round(1000 * statistics.median(latencies), 1) if latencies else 0,
            "save_p95_ms": round(1000 * percentile(latencies, 0.95), 1),
            "save_p99_ms": round(1000 * percentile(latencies, 0.99), 1),
            "problems": problems,
        }
    finally:
        if not keep:
            _drop(admin_url, url)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=os.environ.get("WAYPOINT_TEST_PG_URL"),
                        help="an administrator's URL of the server (default "
                             "$WAYPOINT_TEST_PG_URL)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--supervisors", type=int, default=0,
                        help="how many of the clients are supervisors (default: a fifth)")
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--cases", type=int, default=300)
    parser.add_argument("--scram-tls", action="store_true",
                        help="start a throwaway server with SCRAM passwords and TLS "
                             "(verify-full, its own CA) and run against it")
    args = parser.parse_args(argv)
    if args.scram_tls:
        from tests.office import scram_server

        binaries = scram_server.pg_bin()
        if binaries is None:
            parser.error("--scram-tls needs the PostgreSQL server binaries")
        server = scram_server.start(binaries)
        try:
            args.url = server.admin_url()
            return _report(args)
        finally:
            scram_server.stop(server, binaries)
    if not args.url:
        parser.error("give --url or set WAYPOINT_TEST_PG_URL (.ci/postgres.sh start)")
    return _report(args)


def _report(args: argparse.Namespace) -> int:
    supervisors = args.supervisors or max(1, args.clients // 5)
    figures = run(args.url, args.clients, args.seconds, supervisors, args.cases)
    print(f"{figures['clients']} clients ({figures['supervisors']} supervisors), "
          f"{figures['seconds']:.0f} s, {figures['cases']} cases: {figures['saves']} saves, "
          f"{figures['conflicts']} conflicts refused, {figures['searches']} searches, "
          f"{figures['submits']} submitted, {figures['approvals']} approved, "
          f"{figures['deadlocks_broken']} deadlocks broken by the server")
    print(f"save latency: p50 {figures['save_p50_ms']} ms, p95 {figures['save_p95_ms']} ms, "
          f"p99 {figures['save_p99_ms']} ms")
    for problem in figures["problems"]:
        print(f"PROBLEM: {problem}")
    print("no lost update, no unresolved deadlock, audit chain verified"
          if not figures["problems"] else f"{len(figures['problems'])} problem(s)")
    print(json.dumps(figures))
    return 0 if not figures["problems"] else 1


if __name__ == "__main__":
    run_as_installed()  # bytecode, as installed (see as_installed.py)
    sys.exit(main())
