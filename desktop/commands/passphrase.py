"""`waypoint passphrase set | change | recovery-key`, and the CLI's passphrase sources."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from desktop.commands.secret_input import first_line, read_secret
from desktop.commands.user_error import UserError
from desktop.paths import resolve_database_url, resolve_paths

NO_PASSPHRASE = "no passphrase: set WAYPOINT_PASSPHRASE or use --passphrase-file"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the passphrase commands."""
    parser = subparsers.add_parser(
        "passphrase", help="encrypt the database, change its passphrase, make a recovery key",
        description="The SQLite database is encrypted with SQLCipher. The passphrase comes from "
                    "a prompt, $WAYPOINT_PASSPHRASE or --passphrase-file.")
    actions = parser.add_subparsers(dest="passphrase_command", metavar="ACTION", required=True)
    set_ = actions.add_parser("set", help="encrypt a plain (unencrypted) database")
    set_.set_defaults(handler=run_set)
    change = actions.add_parser("change", help="re-key the database for a new passphrase")
    change.add_argument("--new-passphrase-file", metavar="FILE",
                        help="read the new passphrase from FILE (default: prompt twice)")
    change.add_argument("--recovery-key", action="store_true",
                        help="also make a new recovery key (printed once)")
    change.set_defaults(handler=run_change)
    recovery = actions.add_parser(
        "recovery-key", help="make a recovery key that also opens the database (printed once)")
    recovery.set_defaults(handler=run_recovery_key)


def database_path(args: argparse.Namespace) -> tuple[str, Path | None]:
    from db.engine import sqlite_file_of

    paths = resolve_paths(getattr(args, "data_dir", None))
    url = resolve_database_url(paths, getattr(args, "database_url", None))
    file_name = sqlite_file_of(url)
    return url, Path(file_name).resolve() if file_name else None


def _prompt(text: str) -> str:
    return read_secret(text, missing=NO_PASSPHRASE)


def _new_passphrase(source_file: str | None) -> str:
    if source_file:
        new = first_line(source_file)
    else:
        new = read_secret("New passphrase: ", missing=NO_PASSPHRASE,
                          again="New passphrase again: ")
    return _strong_enough(new)


def _strong_enough(new: str) -> str:
    """The window's strength rule, for every source of a new passphrase."""
    from desktop.services.security import WeakPassphraseError, check_new_passphrase

    try:
        check_new_passphrase(new)
    except WeakPassphraseError as weak:
        raise UserError(f"{weak.message}; nothing was changed") from weak
    return new


def cli_passphrase(args: argparse.Namespace, database_url: str) -> str | None:
    """The passphrase for this run: --passphrase-file, $WAYPOINT_PASSPHRASE, else a prompt.

    None for a server database or a plain file (nothing to unlock). A new file gets a new
    passphrase (asked twice at a prompt), held to the window's strength rule from any source.
    """
    from desktop.services.security import StoreState, passphrase_from_env, store_state

    state = store_state(database_url)
    if state in (StoreState.SERVER, StoreState.PLAIN):
        return None
    source_file = getattr(args, "passphrase_file", None)
    given = first_line(source_file) if source_file else passphrase_from_env()
    if given:
        return _strong_enough(given) if state is StoreState.NEW else given
    if state is StoreState.MISSING and not sys.stdin.isatty():
        return None  # the open names what is missing; a restore asks for it itself
    if state is StoreState.NEW:
        print("A new encrypted database: choose its passphrase. It cannot be recovered if lost "
              "(make a recovery key: waypoint passphrase recovery-key).", file=sys.stderr)
        return _new_passphrase(None)
    return _prompt("Passphrase: ")


def current_passphrase(args: argparse.Namespace, url: str) -> str:
    secret = cli_passphrase(args, url)
    if secret is None:
        raise UserError("the database is not encrypted (run: waypoint passphrase set)")
    return secret


def run_set(args: argparse.Namespace) -> int:
    from db import DatabaseError, open_database
    from db.cipher import passphrase_from_env
    from desktop.services.security import StoreState, store_state

    url, sqlite_file = database_path(args)
    state = store_state(url)
    if state is not StoreState.PLAIN or sqlite_file is None:
        raise UserError({StoreState.SERVER: "a server database is encrypted by the server",
                         StoreState.NEW: "there is no database yet; it is encrypted when made",
                         StoreState.MISSING: "the database file is missing (waypoint list "
                                             "says what is left and which backup to restore)",
                         StoreState.ENCRYPTED: "the database is already encrypted (use "
                                               "`waypoint passphrase change`)",
                         StoreState.PLAIN: "no SQLite file"}[state])
    source_file = getattr(args, "passphrase_file", None)
    new = first_line(source_file) if source_file else passphrase_from_env()
    new = _strong_enough(new) if new else _new_passphrase(None)
    paths = resolve_paths(getattr(args, "data_dir", None))
    try:
        database = open_database(url, backup_dir=paths.backup_dir, passphrase=new,
                                 encrypt_plain=True)
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    from desktop.services.audit_trail import note_key_change

    note_key_change(database, "encrypted")
    database.close()
    print(f"Encrypted {sqlite_file} and its backups; keep the passphrase safe.")
    return 0


def run_change(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from db.cipher import change_passphrase, unlock

    url, sqlite_file = database_path(args)
    old = current_passphrase(args, url)
    assert sqlite_file is not None
    try:
        unlock(sqlite_file, old).forget()  # a wrong one is said before asking for the new one
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    new = _new_passphrase(args.new_passphrase_file)
    try:
        key, recovery = change_passphrase(sqlite_file, old, new,
                                          with_recovery=args.recovery_key)
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    from desktop.services.audit_trail import note_key_change_in_file

    note_key_change_in_file(sqlite_file, key, "passphrase" + (" and recovery key"
                                                              if recovery else ""))
    key.forget()
    print("The passphrase was changed (the database was re-keyed). Backups made before keep "
          "the passphrase they were made with.")
    if recovery:
        _print_recovery(recovery)
    return 0


def run_recovery_key(args: argparse.Namespace) -> int:
    from db import DatabaseError
    from db.cipher import add_recovery_key

    url, sqlite_file = database_path(args)
    secret = current_passphrase(args, url)
    assert sqlite_file is not None
    try:
        recovery = add_recovery_key(sqlite_file, secret)
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    from db.cipher import unlock
    from desktop.services.audit_trail import note_key_change_in_file

    key = unlock(sqlite_file, secret)
    note_key_change_in_file(sqlite_file, key, "recovery key")
    key.forget()
    _print_recovery(recovery)
    return 0


def _print_recovery(recovery: str) -> None:
    print("Recovery key (shown once; write it down and keep it apart from the laptop; it opens "
          f"the database wherever the passphrase is asked):\n\n    {recovery}\n")
