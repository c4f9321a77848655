"""The CLI's one passphrase reader: a file's first line, an environment variable, or a prompt.

Every command that needs a secret (the database passphrase, a bundle's, a signing key's, the
office authority's, a server password) reads it here, so the sources, their order, the refusal
without a terminal and the typed-twice check are the same everywhere.
"""

from __future__ import annotations

import getpass
import os
import sys

from desktop.commands.user_error import UserError


def first_line(name: str) -> str:
    """The first line of a passphrase file ("" for an empty file); UserError if unreadable."""
    from desktop.services.security import passphrase_from_file

    try:
        return passphrase_from_file(name)
    except (OSError, UnicodeError) as error:
        raise UserError(f"cannot read the passphrase file {name}: {error}") from error


def given_secret(*, env: str | None = None, file: str | None = None) -> str | None:
    """The secret given without a prompt: FILE's first line, else $ENV when set, else None."""
    if file:
        return first_line(file)
    return (os.environ.get(env) or None) if env else None


def read_secret(prompt: str, *, missing: str, env: str | None = None, file: str | None = None,
                again: str | None = None,
                differ: str = "the two passphrases differ; nothing was changed") -> str:
    """A secret from FILE, $ENV or a prompt (typed twice when `again` names the second prompt).

    Without a terminal to ask at, UserError(`missing`) says how to give it instead.
    """
    given = given_secret(env=env, file=file)
    if given is not None:
        return given
    if not sys.stdin.isatty():
        raise UserError(missing)
    try:
        first = getpass.getpass(prompt)
        if again is not None and getpass.getpass(again) != first:
            raise UserError(differ)
    except EOFError as error:
        raise UserError("no passphrase given") from error
    return first
