"""After a rule-pack change: flag the cases it changes, and check stored determinations."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from desktop.services.rule_impact import ImpactReport
from desktop.services.rule_pack_file import RulePackRefused
from desktop.services.rule_packs import PackStore
from desktop.services.rules import RulePackError

if TYPE_CHECKING:
    from db.database import Database
    from db.law_flags import LawFlag

REEVALUATE = "law changed — re-evaluate"
AMEND = "law changed — finalized: needs an amendment"


def flag_label(kind: str) -> str:
    return AMEND if kind == "amend" else REEVALUATE


def mark_affected(database: Database, report: ImpactReport,
                  clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> int:
    """Flag every case the report lists: open cases to re-evaluate, finalized ones to amend.

    Finalized memos never change; a finalized case is flagged "amend" (an amendment starts
    with MemoService / the case page's amendment action, then it is re-evaluated).
    """
    from db.law_flags import add_flags

    flags = [(case.case_id, "amend" if case.status == "finalized" else "reevaluate",
              [{"rule": c.rule, "old": c.old, "new": c.new} for c in case.changes])
             for case in report.cases]
    with database.write() as connection:
        return add_flags(connection, flags, report.candidate, clock())


def open_law_flags(database: Database) -> list[LawFlag]:
    """Cases flagged by a rule-pack change and not determined again since."""
    from db.law_flags import open_flags

    with database.read() as connection:
        return open_flags(connection)


@dataclass(frozen=True)
class PinnedCheck:
    """Re-evaluating stored determinations under the packs they name."""

    checked: int
    skipped_facts_changed: int  # the case was edited after the determination
    mismatches: list[str]  # "determination 12 (case …): rule old → new"


def verify_pinned(database: Database, store: PackStore, batch: int = 500) -> PinnedCheck:
    """Every stored determination, re-evaluated under its pinned pack, gives the same outcomes."""
    from db.law_flags import determination_batch
    from desktop.case_rules import facts_digest
    from desktop.services.decision import DecisionDate, DecisionPath

    checked = skipped = 0
    mismatches: list[str] = []
    after = 0
    while True:
        with database.read() as connection:
            rows = determination_batch(connection, after, batch)
        if not rows:
            return PinnedCheck(checked, skipped, mismatches)
        after = rows[-1].determination_id
        for row in rows:
            data = json.loads(row.data_json)
            if facts_digest(data) != row.facts_digest:
                skipped += 1
                continue
            stored = json.loads(row.findings_json)
            pinned = str(row.rules_hash or stored.get("rules_hash") or "")
            try:
                pack = store.load(pinned)
            except (RulePackRefused, RulePackError) as problem:
                mismatches.append(f"determination {row.determination_id} (case {row.case_id}):"
                                  f" its rule pack {pinned[:12] or '(not recorded)'} is not "
                                  f"available here ({problem})")
                continue
            when = date.fromisoformat(row.decision_date or stored["decision_date"])
            again = DecisionPath(pack).evaluate(data, DecisionDate(when, True, ""))
            checked += 1
            for old, new in zip(stored["findings"], again["findings"], strict=True):
                if old["outcome"] != new["outcome"]:
                    mismatches.append(f"determination {row.determination_id} (case "
                                      f"{row.case_id}): {old['rule']} {old['outcome']} → "
                                      f"{new['outcome']}")
