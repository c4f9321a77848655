"""The `waypoint` entry point: no arguments opens the window, a subcommand runs the CLI."""

from __future__ import annotations

import sys
from pathlib import Path

GUI_OPTIONS = {"--data-dir", "--database-url"}
CASE_FILE_SUFFIX = ".json"  # case files are *.waypoint.json; any .json case file opens too


def is_case_file(arg: str) -> bool:
    """True for a path to an existing case file, as a file manager passes on double-click."""
    return not arg.startswith("-") and arg.lower().endswith(CASE_FILE_SUFFIX) and (
        Path(arg).is_file())


def wants_gui(argv: list[str]) -> bool:
    """True when argv holds only the window's options and at most one case file to open."""
    index = 0
    case_files = 0
    while index < len(argv):
        arg = argv[index]
        if is_case_file(arg):
            case_files += 1
            index += 1
            continue
        name = arg.split("=", 1)[0]
        if name not in GUI_OPTIONS:
            return False
        index += 1 if "=" in arg else 2
    return case_files <= 1


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI (desktop.app) or the command line (desktop.cli)."""
    from db.private_files import keep_new_files_private

    keep_new_files_private()
    args = sys.argv[1:] if argv is None else argv
    if args == ["--version"]:  # what argparse's version action prints, without its imports
        from desktop import __version__

        print(f"Waypoint {__version__}")
        return 0
    if wants_gui(args):
        from desktop import app

        return app.main(args)
    from desktop import cli

    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
