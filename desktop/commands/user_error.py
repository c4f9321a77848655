"""UserError: a problem the person at the terminal can fix (one line on stderr, exit code 2)."""

from __future__ import annotations


class UserError(Exception):
    """A problem the user can fix; printed as one line on stderr, exit code 2."""
