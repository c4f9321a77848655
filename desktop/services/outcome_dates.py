"""When each outcome holds, for the window and the memo: the engine's strips for a case under
the rule pack its determination was made with (the caller's pack, when it is that one)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine import RulePack
from desktop.engine.outcome_dates import OutcomeStrip, outcome_strips
from desktop.services.evaluation import CaseFileError, validate_case_data


def when_outcomes_hold(case_data: dict[str, Any], determination: dict[str, Any],
                       pack: RulePack) -> tuple[OutcomeStrip, ...]:
    """The strips for the determination's decision date under `pack`; () when the
    determination was made under another rule pack (its windows may differ) or the case does
    not validate (the determination shows why)."""
    if determination.get("rules_hash") not in (None, pack.hash):
        return ()
    try:
        validate_case_data(case_data)
        decided = date.fromisoformat(str(determination.get("decision_date"))[:10])
    except (CaseFileError, ValueError):
        return ()
    return tuple(outcome_strips(case_data, pack, decided))
