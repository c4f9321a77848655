"""`waypoint review submit | approve | return | assign | queue`: the office's review."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from desktop.commands.memo_final import add_record_arguments, record_input
from desktop.commands.secret_input import given_secret, read_secret
from desktop.commands.storage import _opened
from desktop.commands.terminal import shown
from desktop.commands.user_error import UserError

if TYPE_CHECKING:
    from db.database import Database
    from desktop.services.decision import FinalInput
    from desktop.services.review import ReviewService, SigningKey

VIEWS = ("all", "mine", "awaiting_review", "returned_to_me")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `review` commands."""
    review = subparsers.add_parser("review", help="submit, approve or return cases; the queue")
    review.add_argument("--as", dest="profile", metavar="LOGIN",
                        help="the local profile acting (SQLite); on a server, the login in "
                             "the database URL is the person")
    actions = review.add_subparsers(dest="review_command", metavar="ACTION", required=True)
    for name, help_text in (("submit", "hand an evaluated case to a supervisor (signing the "
                                       "memo when $WAYPOINT_SIGNING_PASSPHRASE is set or the "
                                       "caseworker has a key)"),
                            ("approve", "approve a submitted case: final memo (counter-signed "
                                        "when the caseworker signed it), case locked")):
        action = actions.add_parser(name, help=help_text)
        action.add_argument("case_id", metavar="CASE_ID")
        action.set_defaults(handler=run_step)
        if name == "submit":  # the caseworker decides; the supervisor's approval endorses it
            add_record_arguments(action, "the caseworker's determination")
    back = actions.add_parser("return", help="send a submitted case back with a comment")
    back.add_argument("case_id", metavar="CASE_ID")
    back.add_argument("--step", required=True, help="the step the comment is about, e.g. journey")
    back.add_argument("--comment", required=True)
    back.set_defaults(handler=run_step)
    assign = actions.add_parser("assign", help="assign a case to a caseworker")
    assign.add_argument("case_id", metavar="CASE_ID")
    assign.add_argument("login", metavar="LOGIN")
    assign.set_defaults(handler=run_step)
    queue = actions.add_parser("queue", help="list cases: mine, awaiting review, returned")
    queue.add_argument("--view", choices=VIEWS, default="mine")
    queue.set_defaults(handler=run_queue)


def run_step(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from desktop.services.evaluation import CaseFileError
    from desktop.services.officer_record import RecordError
    from desktop.services.signing import SigningError

    with _opened(args) as database:
        service = review_service(args, database)
        try:
            if args.review_command == "submit":
                record = _record(args, service)
                service.submit(args.case_id, _signing(args, service, needed=False), record)
            elif args.review_command == "approve":
                memo_id = service.approve(args.case_id, _signing(args, service, needed=True))
                print(f"Approved; final memo {memo_id}")
            elif args.review_command == "return":
                service.return_case(args.case_id, [(args.step, args.comment)])
            else:
                service.assign(args.case_id, args.login)
        except DatabaseError as problem:
            raise UserError(problem.message) from problem
        except (SigningError, RecordError) as problem:
            raise UserError(str(problem)) from None
        except CaseFileError as problem:
            raise UserError(f"case {args.case_id}: {problem}") from None
    print(f"{args.review_command}: {args.case_id} (by {service.actor})")
    return 0


def review_service(args: argparse.Namespace, database: Database) -> ReviewService:
    """The review service under the data folder's active rule pack (resolved once, here) and
    the office's time zone."""
    from desktop.commands.memo import _data_dir
    from desktop.services.clock import configured_zone
    from desktop.services.review import ReviewService
    from desktop.services.rules_in_use import RulesInUse

    data_dir = _data_dir(args)
    return ReviewService(database, actor=args.profile, zone_name=configured_zone(data_dir),
                         pack=RulesInUse(data_dir).pack)


def _record(args: argparse.Namespace, service: ReviewService) -> FinalInput:
    """The caseworker's determination from --conclusion/--conclusions/--decide-without,
    read against the case's evaluation on the date this submission pins."""
    determination, _decision = service.to_decide(args.case_id)
    return record_input(args, service.display_name(service.actor), determination)


def _signing(args: argparse.Namespace, service: ReviewService, *, needed: bool
             ) -> SigningKey | None:
    """The actor's signing key and passphrase: from $WAYPOINT_SIGNING_PASSPHRASE, else asked for
    in a terminal (on approval always; on submission when the caseworker has a key)."""
    from desktop.commands.memo import PASSPHRASE_ENV, _data_dir
    from desktop.services.review import SigningKey
    from desktop.services.signing import has_key

    data_dir = _data_dir(args)
    given = given_secret(env=PASSPHRASE_ENV)
    if given:
        return SigningKey(data_dir, given)
    name = service.display_name(service.actor)
    if not sys.stdin.isatty() or not (needed or has_key(data_dir, name)):
        return None
    passphrase = read_secret(f"Signing passphrase for {name} (empty: do not sign): ",
                             missing="no terminal to ask the signing passphrase at")
    return SigningKey(data_dir, passphrase) if passphrase else None


def run_queue(args: argparse.Namespace) -> int:
    from desktop.services.review import ReviewService

    with _opened(args) as database:
        rows = ReviewService(database, actor=args.profile).office_rows(args.view)
    for row in rows:
        print(f"{shown(row.summary.case_id)}  {row.review_state or '-':<9}  "
              f"{shown(row.assigned_to or '-'):<12}  {row.comment_count:>2} comment(s)  "
              f"{shown(row.summary.display_name)}")
    print(f"{len(rows)} case(s)")
    return 0
