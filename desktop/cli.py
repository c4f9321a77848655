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
# bidirectional embeddings, overrides and isolates. A CR that ends a line (CRLF, as the csv
# module writes rows) is a line ending, not a cursor move, and passes.
_OBEYED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
                     "|\r(?!\n)")


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
        module = importlib.import_module(f"desktop.commands.{name}")  # a missing one fails
        module.register(subparsers)
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
    return (f"The database could not be read ({first}); it may be damaged. Nothing was "
            "changed. Run: waypoint audit verify")


if __name__ == "__main__":
    sys.exit(main())
