"""`waypoint admin init-server | add-person | remove-person | reset-password | add-profile |
review-setting`: an office's setup (and, from desktop.commands.identity, office-ca | issue-key |
revoke-key | keys). Passwords are read from stdin or a prompt, never printed."""

from __future__ import annotations

import argparse
import sys

from desktop.commands import identity
from desktop.commands.secret_input import read_secret
from desktop.commands.storage import _opened
from desktop.commands.user_error import UserError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `admin` commands."""
    admin = subparsers.add_parser("admin", help="set up an office: server, people, review")
    actions = admin.add_subparsers(dest="admin_command", metavar="ACTION", required=True)

    init = actions.add_parser(
        "init-server", help="create the schema and the caseworker/supervisor group roles",
        description="Run as the database owner or a superuser: migrates the schema, creates "
                    "the group roles waypoint_caseworker and waypoint_supervisor with their "
                    "privileges and requires a supervisor's review (unless --no-review).")
    init.add_argument("url", metavar="URL", help="postgresql+psycopg://admin@host/database")
    init.add_argument("--no-review", action="store_true",
                      help="let caseworkers finalize without a supervisor's approval")
    init.add_argument("--visibility", choices=("own", "all"),
                      help="own: a caseworker sees the cases she created or is assigned "
                           "(a new office's default); all: every case to everyone")
    init.set_defaults(handler=run_init_server)

    person = actions.add_parser(
        "add-person", help="create a person's login role on the server, in their group")
    person.add_argument("url", metavar="URL", help="the administrator's server URL")
    person.add_argument("login", metavar="LOGIN", help="their database login (lower case)")
    person.add_argument("--name", required=True, help="their name as memos show it")
    person.add_argument("--role", required=True, choices=("caseworker", "supervisor"))
    person.add_argument("--password-stdin", action="store_true",
                        help="read the login's password from the first line of stdin")
    person.set_defaults(handler=run_add_person)

    remove = actions.add_parser(
        "remove-person", help="someone leaves: their login stops working at once (audited)")
    remove.add_argument("url", metavar="URL", help="the administrator's server URL")
    remove.add_argument("login", metavar="LOGIN")
    remove.set_defaults(handler=run_remove_person)

    reset = actions.add_parser(
        "reset-password", help="give someone a new password (audited; the old one stops working)")
    reset.add_argument("url", metavar="URL", help="the administrator's server URL")
    reset.add_argument("login", metavar="LOGIN")
    reset.add_argument("--password-stdin", action="store_true",
                       help="read the new password from the first line of stdin")
    reset.set_defaults(handler=run_reset_password)

    profile = actions.add_parser(
        "add-profile", help="add a local profile (SQLite: one laptop, several people)")
    profile.add_argument("login", metavar="LOGIN")
    profile.add_argument("--name", required=True)
    profile.add_argument("--role", required=True, choices=("caseworker", "supervisor"))
    profile.set_defaults(handler=run_add_profile)

    setting = actions.add_parser(
        "review-setting", help="require a supervisor's review, or not (today's single user)")
    setting.add_argument("value", choices=("required", "none"))
    setting.set_defaults(handler=run_review_setting)
    identity.register(actions)


def run_init_server(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from desktop.services.office_setup import OfficeSetupError, init_server

    try:
        ready = init_server(args.url, review_required=not args.no_review,
                            visibility=args.visibility)
    except (OfficeSetupError, DatabaseError) as problem:
        raise UserError(str(problem)) from problem
    print(f"Database {ready.database} is at schema {ready.revision}; group roles "
          "waypoint_caseworker and waypoint_supervisor are ready; review is "
          f"{'required' if ready.review_required else 'not required'}.")
    return 0


def _read_password(from_stdin: bool, login: str) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    if not sys.stdin.isatty():
        return None
    return read_secret(f"Password for {login}: ", again="Again: ",
                       missing="no terminal to ask the password at (use --password-stdin)",
                       differ="The two passwords differ; nothing was changed.")


def run_add_person(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from desktop.services.office_people import PasswordPolicyError
    from desktop.services.office_setup import OfficeSetupError, add_person, url_for_person

    password = _read_password(args.password_stdin, args.login)
    try:
        add_person(args.url, args.login, args.name, args.role, password)
    except (OfficeSetupError, PasswordPolicyError, DatabaseError) as problem:
        raise UserError(str(problem)) from problem
    print(f"{args.name} connects as {url_for_person(args.url, args.login)} ({args.role})")
    return 0


def run_remove_person(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from desktop.services.office_people import PasswordPolicyError, remove_person

    try:
        ended = remove_person(args.url, args.login)
    except (PasswordPolicyError, DatabaseError) as problem:
        raise UserError(str(problem)) from problem
    print(f"{args.login} can no longer sign in ({ended} open session(s) ended).")
    return 0


def run_reset_password(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from desktop.services.office_people import PasswordPolicyError, reset_password

    password = _read_password(args.password_stdin, args.login)
    if password is None:
        raise UserError("Give the new password on stdin (--password-stdin) or at the prompt.")
    try:
        reset_password(args.url, args.login, password)
    except (PasswordPolicyError, DatabaseError) as problem:
        raise UserError(str(problem)) from problem
    print(f"{args.login} has a new password.")
    return 0


def run_add_profile(args: argparse.Namespace) -> int:
    from desktop.services.review import ReviewService

    with _opened(args) as database:
        try:
            person = ReviewService(database).add_profile(args.login, args.name, args.role)
        except ValueError as problem:
            raise UserError(str(problem)) from problem
    print(f"Profile {person.login}: {person.display_name} ({person.role})")
    return 0


def run_review_setting(args: argparse.Namespace) -> int:
    from desktop.services.review import ReviewService

    with _opened(args) as database:
        ReviewService(database).set_review_required(args.value == "required")
    print(f"Review: {args.value}")
    return 0
