"""The `waypoint` entry point: no arguments opens the window, a subcommand runs the CLI."""

from __future__ import annotations

import sys

GUI_OPTIONS = {"--data-dir", "--database-url"}


def wants_gui(argv: list[str]) -> bool:
    """True when argv holds only the options the window understands (or nothing at all)."""
    index = 0
    while index < len(argv):
        arg = argv[index]
        name = arg.split("=", 1)[0]
        if name not in GUI_OPTIONS:
            return False
        index += 1 if "=" in arg else 2
    return True


def main(argv: list[str] | None = None) -> int:
    """Dispatch to the GUI (desktop.app) or the command line (desktop.cli)."""
    args = sys.argv[1:] if argv is None else argv
    if wants_gui(args):
        from desktop import app

        return app.main(args)
    from desktop import cli

    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
