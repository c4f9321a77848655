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
    parser.add_argument("--insecure", action="store_true",
                        help="allow a server URL without TLS to a host that is not this "
                        "machine (passwords and cases then cross the network in clear)")
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
    if args.insecure:
        from desktop.services.office_setup import allow_insecure

        allow_insecure()
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
    except BrokenPipeError:
        # `waypoint import … | head -1`: the reader stopped reading; the work itself is done.
        # Point stdout at nothing so the final flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_EXIT


if __name__ == "__main__":
    sys.exit(main())
