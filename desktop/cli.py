"""The command line: `waypoint <subcommand>`, the same services as the window, without Qt."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Callable

from desktop import __version__

# Each module in desktop/commands has register(subparsers); the parser it adds sets
# `handler`, a function taking the parsed arguments and returning the exit code.
COMMAND_MODULES = ("info", "evaluate", "memo", "storage", "rules", "passphrase", "admin",
                   "review")


class UserError(Exception):
    """A problem the user can fix; printed as one line on stderr, exit code 2."""


BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE: what a Unix tool reports when its reader went away


def build_parser() -> argparse.ArgumentParser:
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
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"desktop.commands.{name}")  # a missing one fails
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 0
    if getattr(args, "uses_pack_store", True):  # `memo verify` reads only the pack's hash
        from desktop.paths import resolve_paths
        from desktop.services.rule_packs import use_pack_store

        use_pack_store(resolve_paths(args.data_dir).data_dir)  # its active pack is the default
    try:
        code = handler(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except UserError as problem:
        print(f"waypoint: {problem}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a storage error no command translated: one line, no data
        line = _storage_error_line(error)
        if line is None:
            raise
        print(f"waypoint: {line}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # `waypoint import … | head -1`: the reader stopped reading; the work itself is done.
        # Point stdout at nothing so the final flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_EXIT


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
    return (f"The database could not be read ({first}); it may be damaged. Nothing was "
            "changed. Run: waypoint audit verify")


if __name__ == "__main__":
    sys.exit(main())
