"""The command line: `waypoint <subcommand>`, the same services as the window, without Qt."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from typing import TypeAlias

from desktop import __version__
from desktop.commands.terminal import terminal_guarded
from desktop.commands.user_error import UserError

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"


# One small function per command, each importing its module with a plain `from … import`
# (so the import linter sees every edge) only when called: `waypoint evaluate` imports the
# evaluate command alone. Each module's register(subparsers) adds a parser that sets
# `handler`, a function taking the parsed arguments and returning the exit code.
def _info(subparsers: Subparsers) -> None:
    from desktop.commands import info

    info.register(subparsers)


def _evaluate(subparsers: Subparsers) -> None:
    from desktop.commands import evaluate

    evaluate.register(subparsers)


def _memo(subparsers: Subparsers) -> None:
    from desktop.commands import memo

    memo.register(subparsers)


def _storage(subparsers: Subparsers) -> None:
    from desktop.commands import storage

    storage.register(subparsers)


def _rules(subparsers: Subparsers) -> None:
    from desktop.commands import rules

    rules.register(subparsers)


def _passphrase(subparsers: Subparsers) -> None:
    from desktop.commands import passphrase

    passphrase.register(subparsers)


def _admin(subparsers: Subparsers) -> None:
    from desktop.commands import admin

    admin.register(subparsers)


def _review(subparsers: Subparsers) -> None:
    from desktop.commands import review

    review.register(subparsers)


def _field(subparsers: Subparsers) -> None:
    from desktop.commands import field

    field.register(subparsers)


COMMANDS: dict[str, Callable[[Subparsers], None]] = {
    "info": _info, "evaluate": _evaluate, "memo": _memo, "storage": _storage, "rules": _rules,
    "passphrase": _passphrase, "admin": _admin, "review": _review, "field": _field,
}
COMMAND_MODULES = tuple(COMMANDS)


BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE: what a Unix tool reports when its reader went away


# The top-level options that take a value (as `--opt VALUE` or `--opt=VALUE`).
VALUE_OPTIONS = ("--data-dir", "--database-url", "--passphrase-file")


def named_command(argv: list[str]) -> str | None:
    """The subcommand argv names, when it is certainly one of ours; else None.

    Only that command's module is then imported and registered (each costs import time);
    anything unusual (help, a bare `-`, an unknown word) registers them all, as before.
    """
    index = 0
    while index < len(argv):
        arg = argv[index]
        if arg in ("-h", "--help", "--"):
            return None
        if arg.startswith("--") and "=" not in arg:
            takes_value = [name for name in VALUE_OPTIONS if name.startswith(arg)]
            if len(arg) > 2 and len(takes_value) == 1:  # argparse accepts unique prefixes
                index += 2
                continue
            index += 1
            continue
        if arg.startswith("-"):
            index += 1
            continue
        return arg if arg in COMMAND_MODULES else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The parser with every subcommand, or only the one `argv` names (see named_command)."""
    parser = argparse.ArgumentParser(
        prog="waypoint",
        description="Waypoint: transit requirements of US asylum law (decision support).",
    )
    parser.add_argument("--version", action="version", version=f"Waypoint {__version__}")
    parser.add_argument("--data-dir", help="folder for the database and backups "
                        "(default: the user data folder; or $WAYPOINT_DATA_DIR)")
    parser.add_argument("--database-url", help="SQLAlchemy URL of the database "
                        "(default: SQLite in the data folder; or $WAYPOINT_DATABASE_URL)")
    parser.add_argument("--passphrase-file", metavar="FILE",
                        help="read the database passphrase from the first line of FILE "
                        "(else $WAYPOINT_PASSPHRASE, else a prompt)")
    parser.add_argument("--insecure", action="store_true",
                        help="allow a server URL without TLS to a host that is not this "
                        "machine (passwords and cases then cross the network in clear)")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    named = named_command(argv) if argv is not None else None
    for name in (named,) if named else COMMAND_MODULES:
        COMMANDS[name](subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    parser = build_parser(arguments)
    args = parser.parse_args(arguments)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    if args.insecure:
        from desktop.services.office_setup import allow_insecure

        allow_insecure()
    with terminal_guarded():
        return _run(handler, args)


def _run(handler: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except UserError as problem:
        print(f"waypoint: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # before Exception, which it is one of
        # `waypoint import … | head -1`: the reader stopped reading; the work itself is done.
        # Point stdout at nothing so the final flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_EXIT
    except Exception as error:  # a storage error no command translated: one line, no data
        line = _storage_error_line(error)
        if line is None:
            raise
        print(f"waypoint: {line}", file=sys.stderr)
        return 2


def _storage_error_line(error: BaseException) -> str | None:
    """The one-line message for a storage error that escaped a command, else None.

    Never the driver's full text: SQLAlchemy's carries the statement and its parameters,
    which is how a whole case once reached the terminal. (Told apart by module, since the
    CLI's layer imports neither db nor the commands.)
    """
    module = type(error).__module__
    message = getattr(error, "message", None)
    if module.startswith("db.") and isinstance(message, str):
        return message  # db's own errors are sentences for the user
    if module.split(".")[0] not in ("sqlalchemy", "sqlite3", "sqlcipher3"):
        return None
    driver = getattr(error, "orig", None) or error
    first = (str(driver).strip().splitlines() or ["?"])[0][:120]
    if "[SQL:" in first or "parameters" in first:
        first = type(driver).__name__
    if type(driver).__module__.startswith("psycopg"):  # the office server: no damaged file
        what = ("refused this" if type(driver).__name__ == "InsufficientPrivilege" else
                "could not be reached or refused the connection")
        return f"The database server {what} ({first}). Nothing was changed."
    return (f"The database could not be read ({first}); it may be damaged. Nothing was "
            "changed. Run: waypoint audit verify")


if __name__ == "__main__":
    sys.exit(main())
