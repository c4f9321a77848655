"""The command line: `waypoint <subcommand>`, the same services as the window, without Qt."""

from __future__ import annotations

import argparse
import importlib
import io
import os
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TextIO

from desktop import __version__
from desktop.case_rules.text import visible_text

# Each module in desktop/commands has register(subparsers); the parser it adds sets
# `handler`, a function taking the parsed arguments and returning the exit code.
COMMAND_MODULES = ("info", "evaluate", "memo", "storage", "rules", "passphrase", "admin",
                   "review")


class UserError(Exception):
    """A problem the user can fix; printed as one line on stderr, exit code 2."""


BROKEN_PIPE_EXIT = 141  # 128 + SIGPIPE: what a Unix tool reports when its reader went away
# What a terminal would obey rather than show: C0 controls but LF and TAB, DEL, C1, and the
# bidirectional embeddings, overrides and isolates.
_OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def shown(value: object) -> str:
    """A stored value for one line of terminal output: every control, line break or invisible
    character spelt out ('⟨U+001B⟩'), so a name cannot move the cursor, recolour the terminal
    or start a new line that looks like output of ours."""
    return visible_text(str(value))


class _TerminalGuard(io.TextIOBase):
    """A text stream that spells out what a terminal would obey, then passes the rest on."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(_OBEYED.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.stream.isatty()

    @property
    def encoding(self) -> str:  # type: ignore[override]  # TextIOBase declares it read-only
        return str(getattr(self.stream, "encoding", "utf-8"))


@contextmanager
def terminal_guarded() -> Iterator[None]:
    """stdout and stderr through _TerminalGuard for the length of one command."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = _TerminalGuard(saved[0]), _TerminalGuard(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


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
    except BrokenPipeError:
        # `waypoint import … | head -1`: the reader stopped reading; the work itself is done.
        # Point stdout at nothing so the final flush at exit does not fail again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return BROKEN_PIPE_EXIT


if __name__ == "__main__":
    sys.exit(main())
