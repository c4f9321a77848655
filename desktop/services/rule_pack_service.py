"""RulePackService: what the Rules page does (verify, impact, install and flag, list, switch)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.services.clock import configured_zone
from desktop.services.decision import resolve_decision_date
from desktop.services.law_changes import mark_affected, open_law_flags
from desktop.services.rule_impact import Cancelled, ImpactReport, Progress, run_impact
from desktop.services.rule_pack_file import (
    RulePackRefused,
    VerifiedPack,
    trusted_keys,
    verify_pack_bytes,
)
from desktop.services.rule_packs import PackInfo, PackStore, stored_files, verified_files
from desktop.services.rules_in_use import RulesInUse

if TYPE_CHECKING:
    from db.database import Database
    from db.law_flags import LawFlag


class RulePackService:
    """Rule packs of one data folder over one database; every method may block (use a worker)."""

    def __init__(self, data_dir: Path, database: Database,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 workers: int | None = None, rules: RulesInUse | None = None) -> None:
        self.data_dir = data_dir
        # The window's RulesInUse: activating here changes the pack its next evaluation uses.
        self.rules = rules if rules is not None else RulesInUse(data_dir)
        self.store = self.rules.store or PackStore(data_dir)
        self.database = database
        self.clock = clock
        self.workers = workers

    def packs(self) -> list[PackInfo]:
        return self.store.installed()

    def check_file(self, path: Path) -> VerifiedPack:
        """Verify a *.wprules file and that it may be installed; RulePackRefused if not.

        The file is parsed and its signature checked in a child process: parsing ~400 KB of
        JSON holds the interpreter lock, which would stall the window's thread.
        """
        try:
            raw = path.read_bytes()
        except OSError as problem:
            raise RulePackRefused(f"{path}: cannot read ({problem.strerror})") from None
        with ProcessPoolExecutor(max_workers=1,
                                 mp_context=multiprocessing.get_context("spawn")) as child:
            pack = child.submit(verify_pack_bytes, raw, path.name, trusted_keys()).result()
        self.store.check_installable(pack)
        return pack

    def impact(self, pack: VerifiedPack, progress: Progress | None = None,
               cancelled: Cancelled | None = None) -> ImpactReport:
        """The worker processes read both packs themselves (nothing parsed here)."""
        baseline = partial(stored_files, self.data_dir, self.store.active_hash())
        today = resolve_decision_date({}, now=self.clock(),  # the one clock, read once
                                      zone_name=configured_zone(self.data_dir))
        candidate = partial(verified_files, pack.raw, trusted_keys())  # the child trusts as we do
        return run_impact(self.database, baseline, candidate, workers=self.workers, today=today,
                          progress=progress,
                          cancelled=cancelled)

    def install_and_mark(self, pack: VerifiedPack, report: ImpactReport) -> int:
        """Install and activate the pack, then flag the cases the impact found; how many."""
        self.store.install(pack, now=self.clock())
        self.rules.reload()
        return mark_affected(self.database, report, self.clock)

    def activate(self, pack_hash: str) -> PackInfo:
        return self.rules.activate(pack_hash)

    def rollback(self) -> PackInfo:
        return self.rules.rollback()

    def flags(self) -> list[LawFlag]:
        return open_law_flags(self.database)
