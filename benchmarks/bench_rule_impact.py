"""Rule-pack impact over stored cases: single process vs a process pool, plus install time.

Stores --count generated cases in a fresh encrypted SQLite file (as a user's store is; the
key is derived once per open, the workers get the key itself), then re-evaluates all of them
under the built-in pack and under a candidate that moves one date (the 2019 transit bar's
start), first in this process, then across processes. The floor is the same work in one
process in the same run (the fair comparison for a pool: same cases, same packs, same store).
Goals, scaled to --count: the pool at least 1.6x faster than one process on 2+ cores; at
most 60 s per 100,000 cases; installing a pack <= 1 s. --check exits 1 when a goal is missed
or the two runs disagree.
Run: .venv/bin/python benchmarks/bench_rule_impact.py [--count 100000] [--check]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import random
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from as_installed import run_as_installed  # this folder is on sys.path
from bench_engine import generated_case  # this folder is on sys.path when run as a script

from db import case_store, open_database
from desktop.engine.determination import FAMILIES
from desktop.services.decision import resolve_decision_date
from desktop.services.rule_impact import default_workers, run_impact
from desktop.services.rule_pack_file import build_pack_file, trust_key_folders, verify_pack_bytes
from desktop.services.rule_packs import PackStore, bundled_files

TODAY = resolve_decision_date({})  # the office's today, read once (cases without a date)
GOAL_IMPACT_S = 60.0  # per 100,000 cases
GOAL_SPEED_UP = 1.6  # the pool vs one process, with 2 or more workers
PASSPHRASE = "benchmark passphrase, not for real data"
GOAL_INSTALL_S = 1.0
ROOT = Path(__file__).resolve().parent.parent
TEST_KEYS = ROOT / "tests" / "packs"
FAMILY_NAMES = [rule for rule, _run in FAMILIES]


def candidate_files() -> dict[str, Any]:
    files = copy.deepcopy(bundled_files())
    files["pack.json"]["version"] = "2099.1.1"
    files["transit_bar_2019.json"]["entry_on_or_after"]["value"] = "2019-08-01"
    return files


def store_cases(url: str, count: int) -> None:
    rng = random.Random(20261129)
    database = open_database(url, passphrase=PASSPHRASE)
    now = datetime(2026, 11, 29, tzinfo=UTC)
    try:
        for start in range(0, count, 5000):
            batch = [case_store.prepare(generated_case(rng), status="determined")
                     for _ in range(min(5000, count - start))]
            with database.write() as connection:
                case_store.insert_cases(connection, batch, now)
    finally:
        database.close()


def time_install(folder: Path) -> float:
    """Build a signed copy of the candidate with the test key, then time verify + install."""
    trust_key_folders(TEST_KEYS / "trusted")
    rules = folder / "rules"
    rules.mkdir()
    for name, content in candidate_files().items():
        (rules / name).write_text(json.dumps(content), encoding="utf-8")
    key = (TEST_KEYS / "keys" / "test-signing-key.pem").read_bytes()
    raw = build_pack_file(rules, key, "Benchmark: moves one date.", "bench")
    start = time.perf_counter()
    PackStore(folder / "data").install(verify_pack_bytes(raw, "bench.wprules"))
    return time.perf_counter() - start


def cpu_seconds() -> float:
    """User + system CPU of this process and of its finished child processes."""
    own, children = (resource.getrusage(who) for who in (resource.RUSAGE_SELF,
                                                          resource.RUSAGE_CHILDREN))
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=default_workers())
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--all-rules", action="store_true",
                        help=f"compare all {len(FAMILIES)} families ({', '.join(FAMILY_NAMES)}; "
                             "the worst case: a change to a file "
                             "every family reads) instead of only the changed one")
    args = parser.parse_args()
    failures: list[str] = []
    print(f"{os.cpu_count()} CPUs; load average before: {os.getloadavg()[0]:.1f} (other work on "
          "the machine slows both runs)")
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        start = time.perf_counter()
        store_cases(url, args.count)
        print(f"stored {args.count:,} cases in {time.perf_counter() - start:.1f} s")
        database = open_database(url, passphrase=PASSPHRASE)
        if not database.encrypted:
            raise SystemExit("the benchmark store is not encrypted")
        try:
            baseline, candidate = bundled_files(), candidate_files()
            start, cpu = time.perf_counter(), cpu_seconds()
            single = run_impact(database, baseline, candidate, workers=1, today=TODAY,
                                all_rules=args.all_rules)
            single_s, single_cpu = time.perf_counter() - start, cpu_seconds() - cpu
            start, cpu = time.perf_counter(), cpu_seconds()
            parallel = run_impact(database, baseline, candidate, workers=args.workers,
                                  today=TODAY, all_rules=args.all_rules)
            parallel_s, parallel_cpu = time.perf_counter() - start, cpu_seconds() - cpu
        finally:
            database.close()
        install_s = time_install(Path(tmp))
    per_case = single_s / args.count * 1e6
    goal_s = GOAL_IMPACT_S * args.count / 100_000
    print(f"impact, 1 process:        {single_s:6.1f} s ({per_case:.0f} µs/case)")
    print(f"impact, {args.workers} processes:      {parallel_s:6.1f} s "
          f"({parallel_s / args.count * 1e6:.0f} µs/case); speed-up {single_s / parallel_s:.2f}x"
          f" (goal >= {GOAL_SPEED_UP}x); goal <= {goal_s:.1f} s for {args.count:,}")
    # On a busy machine the wall clock measures the scheduler; CPU seconds measure the work.
    print(f"CPU seconds: 1 process {single_cpu:.1f}; {args.workers} processes {parallel_cpu:.1f} "
          f"in all (incl. starting them), i.e. {parallel_cpu / args.workers:.1f} s each: the "
          "wall time on otherwise idle cores")
    print(f"families compared: {', '.join(parallel.rules)}")
    print(f"changed cases: {len(parallel.cases):,} ({parallel.by_rule()}); "
          f"not evaluable: {parallel.not_evaluable}")
    print(f"load average after: {os.getloadavg()[0]:.1f}")
    print(f"install a pack (verify + store + activate): {install_s * 1000:.0f} ms; "
          f"goal <= {GOAL_INSTALL_S * 1000:.0f} ms")
    if [c.case_id for c in single.cases] != [c.case_id for c in parallel.cases]:
        failures.append("single-process and parallel runs disagree")
    if parallel_s > goal_s:
        failures.append(f"parallel impact took {parallel_s:.1f} s")
    if args.workers >= 2 and single_s / parallel_s < GOAL_SPEED_UP:
        failures.append(f"{args.workers} processes only {single_s / parallel_s:.2f}x one")
    if install_s > GOAL_INSTALL_S:
        failures.append(f"install took {install_s:.2f} s")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if args.check and failures else 0


if __name__ == "__main__":
    run_as_installed()  # bytecode, as installed (see as_installed.py)
    sys.exit(main())
