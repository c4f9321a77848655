"""`waypoint info`: where the data lives, the database's schema revision and the rule pack."""

from __future__ import annotations

import argparse
from contextlib import closing
from pathlib import Path

from desktop import __version__
from desktop.paths import resolve_database_url, resolve_paths


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `info` command."""
    parser = subparsers.add_parser(
        "info", help="show the data folder, database, schema revision and rule pack",
        description="Show where Waypoint keeps its data, the database's schema revision and "
                    "the rule pack version. Reads only; creates nothing.")
    parser.set_defaults(handler=run)


def _sqlite_revision(path: Path) -> str | None:
    # Read-only and without SQLAlchemy: `info` must never create or change the file.
    from db import cipher

    key = None
    if cipher.looks_encrypted(path):
        secret = cipher.passphrase_from_env()
        if secret is None:
            raise cipher.PassphraseRequiredError(path)
        key = cipher.unlock(path, secret)
    with closing(cipher.connect(cipher.read_only_uri(path), key, uri=True)) as connection:
        try:
            row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        except cipher.sqlcipher.OperationalError:
            return None
    return None if row is None else str(row[0])


def encryption_line(database_url: str) -> str:
    """Whether the SQLite file is encrypted (a server's encryption at rest is the server's)."""
    from db import cipher
    from db.engine import sqlite_file_of

    file_name = sqlite_file_of(database_url)
    if file_name is None:
        return "the server's (use sslmode=verify-full in the URL for TLS)"
    path = Path(file_name)
    if not path.exists() or path.stat().st_size == 0:
        return "SQLCipher once a passphrase is set (first start)"
    if cipher.looks_encrypted(path):
        return f"SQLCipher (key file {cipher.key_file_of(path).name})"
    return "none: a plain SQLite file (`waypoint passphrase set` encrypts it)"


def _server_revision(database_url: str) -> str | None:
    from db.engine import build_engine
    from db.migrate import current_revision

    engine = build_engine(database_url)
    try:
        with engine.connect() as connection:
            return current_revision(connection)
    finally:
        engine.dispose()


def schema_line(database_url: str) -> str:
    """The schema revision, and how it relates to the revision this Waypoint expects."""
    from db.engine import sqlite_file_of
    from db.migrate import head_revision, is_known_revision

    head = head_revision()
    file_name = sqlite_file_of(database_url)
    try:
        if file_name is not None:
            path = Path(file_name)
            if not path.exists():
                return f"none yet: the database is created at first start (current: {head})"
            found = _sqlite_revision(path)
        else:
            found = _server_revision(database_url)
    except Exception as error:  # a damaged file or unreachable server: say so, do not crash
        return f"unreadable ({error})"
    if found is None:
        return f"none (not migrated yet; current: {head})"
    if found == head:
        return f"{found} (current)"
    if is_known_revision(found):
        return f"{found} (older; migrated to {head} at the next start)"
    return f"{found} (newer than this version of Waypoint knows; it will refuse to open it)"


def hide_password(database_url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(database_url).render_as_string(hide_password=True)


def run(args: argparse.Namespace) -> int:
    from desktop.services.rules_in_use import RulesInUse
    from desktop.services.startup import rule_pack_summary

    paths = resolve_paths(getattr(args, "data_dir", None))
    database_url = resolve_database_url(paths, getattr(args, "database_url", None))
    rule_pack = rule_pack_summary(RulesInUse(paths.data_dir))  # the data folder's active pack
    rules = (
        f"{rule_pack['version']} (hash {rule_pack['hash'][:16]})" if rule_pack else "not available"
    )
    lines = [
        ("Waypoint", __version__),
        ("Data folder", str(paths.data_dir)),
        ("Database", hide_password(database_url)),
        ("Schema revision", schema_line(database_url)),
        ("Encryption", encryption_line(database_url)),
        ("Rule pack", rules),
        ("Backups", str(paths.backup_dir)),
        ("Logs", str(paths.log_dir)),
    ]
    width = max(len(label) for label, _ in lines)
    for label, value in lines:
        print(f"{label + ':':<{width + 1}} {value}")
    return 0
