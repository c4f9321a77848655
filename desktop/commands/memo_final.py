"""`waypoint memo CASE.json --final`: the officer's determination from the command line
(--conclusion, --conclusions FILE, --decide-without), checked before anything is written."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.user_error import UserError

if TYPE_CHECKING:
    from desktop.services.decision import DecisionPath, FinalInput


def decision_path_for(data_dir: Path, rules: str | None = None,
                      clock: Callable[[], datetime] | None = None) -> DecisionPath:
    """The decision path under the data folder's active rule pack (resolved here, once, for
    this command), or the pack whose hash `rules` names; with the office time zone and
    `clock` (default: the memo's, which SOURCE_DATE_EPOCH pins)."""
    from desktop.services.clock import configured_zone
    from desktop.services.decision import DecisionPath
    from desktop.services.rules_in_use import RulesInUse

    in_use = RulesInUse(data_dir)
    return DecisionPath(in_use.pinned(rules) if rules else in_use.pack(),
                        zone_name=configured_zone(data_dir), clock=clock or _memo_clock())


def _memo_clock() -> Callable[[], datetime]:
    from desktop.commands.memo import _generated_at

    return _generated_at


def add_record_arguments(parser: argparse.ArgumentParser, when: str) -> None:
    """--conclusion, --conclusions FILE and --decide-without (`when`: "with --final", …)."""
    parser.add_argument("--conclusion", action="append", default=[], metavar="RULE=…",
                        help=f"{when}, the officer's conclusion on a finding (repeat for "
                             "each): RULE=agree, RULE=differ:\"reason\" or "
                             "RULE=not_decided:\"why\"")
    parser.add_argument("--conclusions", metavar="FILE.json",
                        help=f"{when}, the officer's determination as JSON "
                             "(conclusions and decided_without)")
    parser.add_argument("--decide-without", action="append", default=[],
                        metavar="FIELD=\"why\"",
                        help=f"{when}, decide without an open question (its case-file "
                             "field) and say why; repeat for each")


def record_input(args: argparse.Namespace, officer: str, determination: dict[str, Any]
                 ) -> FinalInput:
    """The officer's conclusions and questions decided without, as given on the command line
    (RecordError when one cannot be read; completeness is checked by the decision path)."""
    from desktop.services.decision import FinalInput
    from desktop.services.officer_record import (
        open_questions,
        parse_conclusion,
        parse_decided_without,
        read_conclusions_file,
    )

    questions = open_questions(determination)
    conclusions, without = (read_conclusions_file(Path(args.conclusions), questions)
                            if args.conclusions else ([], []))
    conclusions += [parse_conclusion(text) for text in args.conclusion]
    without += [parse_decided_without(text, questions) for text in args.decide_without]
    return FinalInput(officer, tuple(conclusions), tuple(without))


def final_memo(args: argparse.Namespace, decision_path: DecisionPath,
               case_data: dict[str, Any], officer: str, generated_at: datetime,
               given: date | None, signer_note: str | None = None,
               language: str = "en") -> bytes:
    """The officer's record checked (UserError naming every gap), then the final memo rendered
    with it, ready to be signed."""
    from desktop.services.decision import DecisionDate
    from desktop.services.officer_record import RecordError

    try:
        given_record = record_input(args, officer, decision_path.evaluate(
            case_data, decision_path.decide(case_data, given)))
        pinned, determination, record = decision_path.officer_record(
            case_data, officer, list(given_record.conclusions),
            list(given_record.decided_without), given)
    except RecordError as problem:
        raise UserError(f"{args.case_file}: {problem}") from None
    decision = DecisionDate(date.fromisoformat(record.decision_date), True, record.time_zone)
    return decision_path.render(
        pinned, determination, decision, status="final", prepared_by=officer,
        finalized_by=officer, finalized_at=generated_at, generated_at=generated_at,
        signed=True, signer_note=signer_note, officer_determination=record.as_json(),
        language=language)
