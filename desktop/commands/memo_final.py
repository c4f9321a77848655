"""`waypoint memo CASE.json --final`: the officer's determination from the command line
(--conclusion, --conclusions FILE, --decide-without), checked before anything is written."""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.user_error import UserError

if TYPE_CHECKING:
    from desktop.services.decision import DecisionPath


def decision_path_for(data_dir: Path) -> DecisionPath:
    """The decision path under the data folder's active rule pack and office time zone."""
    from desktop.commands.memo import _generated_at
    from desktop.services.clock import configured_zone
    from desktop.services.decision import DecisionPath
    from desktop.services.rule_packs import active_rule_pack

    return DecisionPath(active_rule_pack(), zone_name=configured_zone(data_dir),
                        clock=_generated_at)


def final_memo(args: argparse.Namespace, decision_path: DecisionPath,
               case_data: dict[str, Any], officer: str, generated_at: datetime,
               given: date | None, signer_note: str | None = None) -> bytes:
    """The officer's record checked (UserError naming every gap), then the final memo rendered
    with it, ready to be signed."""
    from desktop.services.decision import DecisionDate
    from desktop.services.officer_record import (
        RecordError,
        open_questions,
        parse_conclusion,
        parse_decided_without,
        read_conclusions_file,
    )

    try:
        questions = open_questions(decision_path.evaluate(
            case_data, decision_path.decide(case_data, given)))
        conclusions, without = (read_conclusions_file(Path(args.conclusions), questions)
                                if args.conclusions else ([], []))
        conclusions += [parse_conclusion(text) for text in args.conclusion]
        without += [parse_decided_without(text, questions) for text in args.decide_without]
        pinned, determination, record = decision_path.officer_record(
            case_data, officer, conclusions, without, given)
    except RecordError as problem:
        raise UserError(f"{args.case_file}: {problem}") from None
    decision = DecisionDate(date.fromisoformat(record.decision_date), True, record.time_zone)
    return decision_path.render(
        pinned, determination, decision, status="final", prepared_by=officer,
        finalized_by=officer, finalized_at=generated_at, generated_at=generated_at,
        signed=True, signer_note=signer_note, officer_determination=record.as_json())
