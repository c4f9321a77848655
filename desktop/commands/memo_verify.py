"""`waypoint memo verify MEMO.pdf`: the memo's signatures, signers and recorded facts, checked
against this data folder's database (memo records, signing registry) when there is one.

Exit 0: valid, and every signer a registered person of a trusted office; 3: valid, but a
signer's identity is not established; 1: not valid.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.secret_input import given_secret
from desktop.commands.user_error import UserError, read_given_file

if TYPE_CHECKING:
    from db.signing_registry import RegistrySnapshot
    from desktop.services.memo_verification import StoredLookup, StoredMemoFacts


def _data_dir(args: argparse.Namespace) -> Path:
    from desktop.paths import resolve_paths

    return resolve_paths(getattr(args, "data_dir", None)).data_dir


EXIT_VALID, EXIT_NOT_VALID, EXIT_IDENTITY_NOT_ESTABLISHED = 0, 1, 3


def run_verify(args: argparse.Namespace) -> int:
    """Check a memo's signatures, signers and recorded facts.

    Exit 0: valid, and every signer a registered person of a trusted office; 3: valid, but a
    signer's identity is not established (self-signed, unknown authority, not registered, no
    registry); 1: not valid (changed, broken, revoked, a review that is not one).
    """
    from desktop.services.memo_verification import check_memo

    if len(args.more) != 1:
        raise UserError("usage: waypoint memo verify MEMO.pdf")
    source = Path(args.more[0])
    pdf = read_given_file(source)
    try:
        check = check_memo(pdf, stored=_stored_lookup(args),
                           current_rules_hash=_current_rules(_data_dir(args)),
                           registry=_registry(args), pack_dir=_data_dir(args),
                           reevaluate=not getattr(args, "signatures_only", False))
    finally:
        for key in getattr(args, "_database_keys", {}).values():
            if key is not None:
                key.forget()  # the database key, zeroed once both look-ups are done
    for line in check.findings:
        print(line)
    for line in check.problems:
        print(f"PROBLEM: {line}")
    if not check.valid:
        print(f"{source}: NOT VALID.")
        return EXIT_NOT_VALID
    if not check.identity_established:
        print(f"{source}: VALID, BUT THE SIGNER'S IDENTITY IS NOT ESTABLISHED: the signatures "
              "are intact and the memo is consistent with what it records, but no trusted "
              "office's registry names the signer (a self-signed key, an unknown authority, an "
              "unregistered certificate, or no registry here).")
        return EXIT_IDENTITY_NOT_ESTABLISHED
    print(f"{source}: VALID: signed by a registered person of a trusted office, unchanged since "
          "signing, and consistent with what it records.")
    return EXIT_VALID


def _registry(args: argparse.Namespace) -> RegistrySnapshot | None:
    """The data folder's signing registry, or None when there is no database to ask (never
    made here) or its passphrase was not given."""
    from desktop.paths import resolve_database_url, resolve_paths

    paths = resolve_paths(getattr(args, "data_dir", None))
    url = resolve_database_url(paths, getattr(args, "database_url", None))
    from db import cipher
    from db.quick_read import read_signing_registry, sqlite_file_in

    database_file = sqlite_file_in(url)
    if database_file is not None:
        if not database_file.is_file():
            return None
        key = None
        if cipher.looks_encrypted(database_file):
            key = _database_key(args, database_file)
            if key is None:
                return None
        return read_signing_registry(database_file, key)
    if url.startswith("sqlite:"):
        return None
    from db import DatabaseError, open_database
    from db.signing_registry import SigningRegistry

    try:
        database = open_database(url)
    except DatabaseError:
        return None
    try:
        return SigningRegistry(database).snapshot()
    except DatabaseError:
        return None
    finally:
        database.close()


def _current_rules(data_dir: Path) -> str | None:
    """The hash of the rule pack in use, from the data folder's state file or the built-in
    pack's files: no engine to import (PackStore.active_hash, without parsing a pack)."""
    import json

    from desktop.resources import resource_path
    from desktop.services.rules import RulePackError, pack_hash, read_pack_files

    rules = data_dir / "rules"  # rule_packs.PackStore's layout (importing it loads the engine)
    try:
        active = json.loads((rules / "state.json").read_text("utf-8")).get("active")
    except (OSError, ValueError, AttributeError):
        active = None
    if isinstance(active, str) and (rules / active / "pack.wprules").is_file():
        return active
    try:
        return pack_hash(read_pack_files(resource_path("rules")))
    except RulePackError:
        return None


def _stored_lookup(args: argparse.Namespace) -> StoredLookup | None:
    """A look-up in the data folder's database, or None when there is none (never made here).

    An SQLite file is read read-only with the standard library (db.quick_read); anything else,
    or a file it is unsure of, is opened the normal way. An encrypted file needs its key: the
    passphrase from --passphrase-file or $WAYPOINT_PASSPHRASE, derived once (scrypt).
    """
    from desktop.paths import resolve_database_url, resolve_paths

    paths = resolve_paths(getattr(args, "data_dir", None))
    url = resolve_database_url(paths, getattr(args, "database_url", None))
    sqlite = url.startswith("sqlite:///")
    if sqlite and not Path(url.removeprefix("sqlite:///")).is_file():
        return None  # no database in this data folder: none is made by verifying
    from db.cipher import looks_encrypted
    from db.quick_read import sqlite_file_in

    database_file = sqlite_file_in(url)
    if database_file is not None and looks_encrypted(database_file) and \
            _database_passphrase(args) is None:
        print("waypoint: note: the database is encrypted; give its passphrase "
              "($WAYPOINT_PASSPHRASE or --passphrase-file) to compare the memo with it",
              file=sys.stderr)
        return None

    def lookup(sha256: str, facts_digest: str | None) -> StoredMemoFacts | None:
        from desktop.services.memo_verification import StoredMemoFacts

        quick = _quick_lookup(args, url, sha256, facts_digest)
        if quick is not None:
            return None if quick[0] is None else StoredMemoFacts(*quick[0])
        from db import DatabaseError, open_database

        try:
            database = open_database(url, backup_dir=paths.backup_dir if sqlite else None)
        except DatabaseError:
            return None
        try:
            found = database.memos.recorded_for(sha256, facts_digest)
        finally:
            database.close()
        return StoredMemoFacts(*found) if found else None

    return lookup


def _quick_lookup(args: argparse.Namespace, url: str, sha256: str,
                  facts_digest: str | None) -> tuple[tuple[str, str | None, str | None] | None
                                                     ] | None:
    from db import cipher
    from db.quick_read import read_memo_record, sqlite_file_in

    database_file = sqlite_file_in(url)
    if database_file is None:
        return None
    key = None
    if cipher.looks_encrypted(database_file):
        key = _database_key(args, database_file)
        if key is None:
            return None
    return read_memo_record(database_file, sha256, facts_digest, key)


def _database_key(args: argparse.Namespace, database_file: Path) -> Any:
    """The encrypted database's key (a DatabaseKey), derived once (scrypt) for both look-ups;
    None without its passphrase or with a wrong one."""
    from db import cipher

    keys: dict[Path, Any] = args.__dict__.setdefault("_database_keys", {})
    if database_file not in keys:
        secret = _database_passphrase(args)
        try:
            keys[database_file] = None if secret is None else cipher.unlock(database_file,
                                                                             secret)
        except cipher.WrongPassphraseError:
            keys[database_file] = None
    return keys[database_file]


def _database_passphrase(args: argparse.Namespace) -> str | None:
    """--passphrase-file's first line or $WAYPOINT_PASSPHRASE; None when neither gives one."""
    try:
        return given_secret(env="WAYPOINT_PASSPHRASE",
                            file=getattr(args, "passphrase_file", None)) or None
    except UserError:
        return None
