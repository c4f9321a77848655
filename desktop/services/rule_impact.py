"""Impact of a rule pack: re-evaluate every stored case under it, across processes, streamed."""

from __future__ import annotations

import json
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, NamedTuple

from desktop.engine import RulePack, parse_case, parse_pack
from desktop.engine.case_view import CaseView
from desktop.engine.determination import FAMILIES
from desktop.services.decision import DecisionDate, DecisionPath, case_decision
from desktop.services.rules import pack_hash

if TYPE_CHECKING:
    from db.database import Database
    from db.law_flags import ImpactRow

# pack.json keys that describe the pack without changing any rule.
DESCRIPTIVE_KEYS = ("version", "description", "research_notes", "law_known_through")
# Family files the engine also reads for other purposes (aca.json: the agreements list).
SHARED_FAMILY_FILES = ("aca.json",)
DEFAULT_CHUNK = 1000
CHUNKS_IN_FLIGHT = 4  # per worker
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]
# A pack's files, or a picklable callable that reads them (run in the worker processes, so
# the caller -- the window's process -- never parses the ~400 KB pack; see rule_packs).
PackFiles = dict[str, Any] | Callable[[], dict[str, Any]]


def _files(pack: PackFiles) -> dict[str, Any]:
    return pack() if callable(pack) else pack


def plan(baseline: dict[str, Any], candidate: dict[str, Any], all_rules: bool
         ) -> tuple[str, str, list[str]]:
    """The two packs' hashes and the families to compare."""
    rules = [rule for rule, _ in FAMILIES] if all_rules else changed_rules(baseline, candidate)
    return pack_hash(baseline), pack_hash(candidate), rules


# (case_id, case_ref, status, decision_date, ((rule, old, new), ...)): exact tuples of strings,
# which the garbage collector stops tracking (named tuples and dataclasses it walks on every
# full collection, holding the interpreter lock: with 100,000 results, a stalled window).
Found = tuple[str, str | None, str, str, tuple[tuple[str, str, str], ...]]


class RuleChange(NamedTuple):
    rule: str
    old: str
    new: str


class CaseImpact(NamedTuple):
    """One case whose outcome changes for at least one rule."""

    case_id: str
    case_ref: str | None
    status: str
    decision_date: str
    changes: tuple[RuleChange, ...]


@dataclass
class ImpactReport:
    """What a candidate pack changes compared with the baseline pack, over all stored cases."""

    baseline: str  # pack hashes
    candidate: str
    total: int = 0
    evaluated: int = 0
    not_evaluable: int = 0  # drafts too incomplete for the engine
    cancelled: bool = False
    rules: list[str] = field(default_factory=list)  # the families compared
    # The changed cases as plain tuples of strings (Found): the garbage collector stops
    # tracking those, so holding 100,000 of them costs the window's process no long pauses.
    found: list[Found] = field(default_factory=list)

    @property
    def cases(self) -> list[CaseImpact]:
        return [CaseImpact(*case[:4], tuple(RuleChange(*change) for change in case[4]))
                for case in self.found]

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for case in self.found:
            for change in case[4]:
                counts[change[0]] = counts.get(change[0], 0) + 1
        return counts


def changed_rules(baseline: dict[str, Any], candidate: dict[str, Any]) -> list[str]:
    """The rule families whose outcome can differ between two packs (files as data).

    A family whose own file is unchanged gives the same outcome unless a file every family
    may read changed (treaties, the agreements, pack.json beyond its description): then all.
    """
    every = [rule for rule, _ in FAMILIES]

    def core(files: dict[str, Any]) -> dict[str, Any]:
        manifest = {k: v for k, v in files.get("pack.json", {}).items()
                    if k not in DESCRIPTIVE_KEYS}
        own = {f"{rule}.json" for rule in every} - set(SHARED_FAMILY_FILES)
        return {"pack.json": manifest,
                **{name: v for name, v in files.items() if name not in own | {"pack.json"}}}

    if core(baseline) != core(candidate):
        return every
    return [rule for rule in every
            if baseline.get(f"{rule}.json") != candidate.get(f"{rule}.json")]


class ChunkEvaluator:
    """Evaluates cases on the decision path of both packs; keeps those whose outcomes differ."""

    def __init__(self, baseline: RulePack, candidate: RulePack, today: DecisionDate,
                 rules: list[str] | None = None) -> None:
        self.baseline = DecisionPath(baseline)
        self.candidate = DecisionPath(candidate)
        self.today = today  # read once from the office clock by the caller
        wanted = set(rules) if rules is not None else {rule for rule, _ in FAMILIES}
        self.rules = [rule for rule, _ in FAMILIES if rule in wanted]

    def __call__(self, rows: list[tuple[str, str | None, str, str, str | None]]
                 ) -> tuple[list[Found], int]:
        changed: list[Found] = []
        failed = 0
        for case_id, case_ref, status, data_json, determined_on in rows:
            try:
                data = json.loads(data_json)
                decision = case_decision(data, self.today, determined_on)
                if not self.rules:
                    continue
                # Per family, not DecisionPath.evaluate: changed families only, one parse (~40x).
                view = CaseView(parse_case(data))
                old = self.baseline.outcomes(view, decision, self.rules)
                new = self.candidate.outcomes(view, decision, self.rules)
            except Exception:  # an incomplete draft: counted, never fatal to the whole run
                failed += 1
                continue
            diffs = tuple((rule, a, b) for rule, a, b in zip(self.rules, old, new, strict=True)
                          if a != b)
            if diffs:
                changed.append((case_id, case_ref, status, decision.iso, diffs))
        return changed, failed


# The worker process's evaluator and database engine (set by _start_worker).
_worker: list[ChunkEvaluator] = []
_engine: list[Any] = []
_plan: list[tuple[str, str, list[str]]] = []


def _start_worker(url: str, raw_key: bytes | None, baseline: PackFiles, candidate: PackFiles,
                  today: DecisionDate, all_rules: bool) -> None:
    """In a worker process: read and parse both packs once, open the database for reading."""
    from db.cipher import DatabaseKey
    from db.engine import build_engine

    old, new = _files(baseline), _files(candidate)
    _plan[:] = [plan(old, new, all_rules)]
    old_hash, new_hash, rules = _plan[0]
    _worker[:] = [ChunkEvaluator(parse_pack(old, old_hash), parse_pack(new, new_hash), today,
                                 rules)]
    _engine[:] = [build_engine(url, DatabaseKey(raw_key) if raw_key is not None else None)]


def _worker_plan() -> tuple[str, str, list[str]]:
    return _plan[0]


def _run_range(after: int, upto: int | None, size: int) -> tuple[list[Found], int, int]:
    """In a worker: read the cases after..upto itself, evaluate them; only changes go back."""
    from db.law_flags import case_batch

    with _engine[0].connect() as connection, connection.begin():
        rows = case_batch(connection, after, size, upto)
    changed, failed = _worker[0](_plain(rows))
    return changed, failed, len(rows)


def _ranges(database: Database, size: int) -> Iterator[tuple[int, int | None]]:
    """(after, upto] id ranges `size` ids wide (at most `size` cases each); the last one
    open-ended. One query for the whole run: the workers read their own ranges, and this
    process (the window's) never waits on the database between chunks."""
    from db.law_flags import id_span

    with database.read() as connection:
        span = id_span(connection)
    if span is None:
        yield 0, None
        return
    low, high = span
    after = low - 1
    while after + size < high:
        yield after, after + size
        after += size
    yield after, None


def _batches(database: Database, size: int) -> Iterator[list[ImpactRow]]:
    from db.law_flags import case_batch

    after = 0
    while True:
        with database.read() as connection:
            batch = case_batch(connection, after, size)
        if not batch:
            return
        yield batch
        after = batch[-1].case_pk


def _plain(rows: list[ImpactRow]) -> list[tuple[str, str | None, str, str, str | None]]:
    return [(r.case_id, r.case_ref, r.status, r.data_json, r.determined_on) for r in rows]


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
               else (os.cpu_count() or 1))


def run_impact(database: Database, baseline: PackFiles, candidate: PackFiles, *,
               today: DecisionDate, workers: int | None = None,
               chunk_size: int = DEFAULT_CHUNK, progress: Progress | None = None,
               cancelled: Cancelled | None = None, all_rules: bool = False) -> ImpactReport:
    """Re-evaluate every stored case under both packs (files as data); report what changes.

    workers=1 runs in this process; more use a process pool (spawned, so it is safe from a
    Qt process) whose workers read the packs and their ranges of cases themselves.
    `today`: the office's today (DecisionPath.today), for cases with no date of their own.
    progress(done, total) is called after each chunk; cancelled() is polled between chunks
    and ends the run early with report.cancelled set. Only the families whose data differ are
    evaluated (changed_rules) unless all_rules is set.
    """
    from db.law_flags import count_cases

    with database.read() as connection:
        total = count_cases(connection)
    report = ImpactReport("", "", total=total)
    workers = workers or default_workers()
    results: dict[int, list[Found]] = {}

    def take(index: int, outcome: tuple[list[Found], int], size: int) -> None:
        results[index] = outcome[0]
        report.not_evaluable += outcome[1]
        report.evaluated += size - outcome[1]
        if progress is not None:
            progress(report.evaluated + report.not_evaluable, total)

    if workers == 1:
        old, new = _files(baseline), _files(candidate)
        report.baseline, report.candidate, report.rules = plan(old, new, all_rules)
        evaluator = ChunkEvaluator(parse_pack(old, report.baseline),
                                   parse_pack(new, report.candidate), today, report.rules)
        for index, batch in enumerate(_batches(database, chunk_size)):
            if cancelled is not None and cancelled():
                report.cancelled = True
                break
            take(index, evaluator(_plain(batch)), len(batch))
    else:
        _run_in_pool(database, (baseline, candidate, today, all_rules), workers, chunk_size, take,
                     cancelled, report)
    report.found = [case for index in sorted(results) for case in results[index]]
    return report


def _run_in_pool(database: Database, start: tuple[Any, ...], workers: int, chunk_size: int,
                 take: Callable[[int, tuple[list[Found], int], int], None],
                 cancelled: Cancelled | None, report: ImpactReport) -> None:
    """Workers read their own ranges of cases from the database (this process sends ids and
    gets back only the changed cases), so the calling process stays nearly idle."""
    raw_key = database.key.raw() if database.key is not None else None
    pool = ProcessPoolExecutor(max_workers=workers,
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start_worker,
                               initargs=(database.url, raw_key, *start))
    pending: dict[Future[tuple[list[Found], int, int]], int] = {}

    def collect(block: bool) -> None:
        done, _ = wait(pending, timeout=0.1 if block else 0, return_when=FIRST_COMPLETED)
        for future in done:
            index = pending.pop(future)
            changed, failed, size = future.result()
            take(index, (changed, failed), size)

    try:
        report.baseline, report.candidate, report.rules = pool.submit(_worker_plan).result()
        for index, (after, upto) in enumerate(_ranges(database, chunk_size)):
            # Bounded, with enough queued that no worker waits for its next chunk while this
            # process takes a result; results stream as chunks finish.
            while len(pending) >= workers * CHUNKS_IN_FLIGHT:
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    return
                collect(block=True)
            pending[pool.submit(_run_range, after, upto, chunk_size)] = index
        while pending:
            if cancelled is not None and cancelled():
                report.cancelled = True
                return
            collect(block=True)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def impact_as_rows(report: ImpactReport) -> list[dict[str, str]]:
    """One row per (case, rule) change: for CSV, JSON and the GUI table."""
    return [{"case_id": case.case_id, "case_ref": case.case_ref or "", "status": case.status,
             "decision_date": case.decision_date, "rule": change.rule, "old": change.old,
             "new": change.new}
            for case in report.cases for change in case.changes]
