"""UiServices: the collaborators every page of the window is given (no global registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings

from desktop.paths import AppPaths
from desktop.ui.background import BackgroundRunner

if TYPE_CHECKING:  # the storage stack is imported lazily, after the window is on screen
    from desktop.services.cases import CaseService
    from desktop.services.decision import DecisionDate, DecisionPath
    from desktop.services.memos import MemoService
    from desktop.services.rules_in_use import RulesInUse

TIME_ZONE_KEY = "office/time_zone"  # = desktop.services.clock.TIME_ZONE_KEY


@dataclass(frozen=True)
class UiServices:
    """What a page needs: storage services, the background runner, settings and the clock."""

    cases: CaseService
    memos: MemoService
    runner: BackgroundRunner
    settings: QSettings
    clock: Callable[[], datetime]
    paths: AppPaths
    database_url: str
    # The rule pack the window evaluates with (resolved once from the data folder's store;
    # File → Rule packs… switches it). Default: this data folder's own RulesInUse.
    rules: RulesInUse = None  # type: ignore[assignment]  # set in __post_init__ when not given

    def __post_init__(self) -> None:
        if self.rules is None:
            from desktop.services.rules_in_use import RulesInUse

            object.__setattr__(self, "rules", RulesInUse(self.paths.data_dir))

    def office_zone(self) -> str | None:
        """The office's time zone setting (an IANA name), None for the machine's own zone."""
        value = self.settings.value(TIME_ZONE_KEY, "")
        return value.strip() or None if isinstance(value, str) else None

    def decision_date(self, case_data: dict[str, Any]) -> DecisionDate:
        """The case's decision date, else today in the office's time zone (the one clock)."""
        from desktop.services.decision import resolve_decision_date

        return resolve_decision_date(case_data, now=self.clock(), zone_name=self.office_zone())

    def decision_path_factory(self) -> Callable[[], DecisionPath]:
        """Made on the GUI thread, called in a worker: the decision path under the window's
        rule pack (loading it is slow), with this window's clock and office time zone."""
        zone, clock, rules = self.office_zone(), self.clock, self.rules

        def make() -> DecisionPath:
            from desktop.services.decision import DecisionPath

            return DecisionPath(rules.pack(), zone_name=zone, clock=clock)

        return make
