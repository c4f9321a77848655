"""Opening the storage at start-up: create/migrate the database and seed the demo case once."""

from __future__ import annotations

import gc
import json
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from db import Database, DatabaseError, DataFolderError, ReadOnlyDataError, open_database
from db.cipher import DatabaseKey
from db.engine import sqlite_file_of
from db.private_files import make_private_dir
from desktop.paths import AppPaths
from desktop.resources import resource_path
from desktop.services.cases import CaseService
from desktop.services.memos import MemoService
from desktop.services.rules_in_use import RulesInUse

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The clock the services get in the running app."""
    return datetime.now(UTC)


@dataclass(frozen=True)
class Storage:
    """The open database and the services over it."""

    database: Database
    cases: CaseService
    memos: MemoService
    created: bool  # the database did not exist before this start
    demo_case_id: str | None  # the demo case seeded now, if any
    rule_pack: dict[str, str] | None  # version and hash of the loaded rule pack, if available
    rules: RulesInUse  # the data folder's active pack: what this window evaluates with


def load_demo_case() -> dict[str, Any]:
    """The demo case shipped in resources/demo (a valid waypoint-case/1 file)."""
    path = resource_path("demo", "demo.case.json")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def database_file_is_new(database_url: str) -> bool:
    """True when the URL names an SQLite file that does not exist yet (or is empty)."""
    file_name = sqlite_file_of(database_url)
    if file_name is None:
        return False
    path = Path(file_name)
    return not path.exists() or path.stat().st_size == 0


def rule_pack_summary(rules: RulesInUse) -> dict[str, str] | None:
    """The rule pack's version and hash, or None when the pack cannot be loaded (logged)."""
    from desktop.services.evaluation import rule_pack_info  # loads the engine: at first use

    try:
        info = rule_pack_info(rules.pack())
    except Exception:  # the window still opens; the status bar says the rules are missing
        log.exception("The rule pack could not be loaded")
        return None
    return {"version": str(info.get("version", "?")), "hash": str(info.get("hash", "")),
            "law_known_through": str(info.get("law_known_through", ""))}


def warm_up(rules: RulesInUse | None = None) -> None:
    """Pay the one-time costs of the first evaluation and memo now (run it in a worker).

    The first evaluation loads the engine, compiles the case schema and parses pycountry's
    country and language data (long C calls that hold the interpreter lock, which stalls the
    window); the first memo imports ReportLab and parses the fonts. The app runs this right
    after the database opens, while nobody waits, not on the officer's first Review or memo.
    """
    try:
        from desktop.memo.fonts import register_fonts
        from desktop.services.decision import DecisionPath
        from desktop.services.evaluation import case_problems, evaluate_case

        path = DecisionPath((rules or RulesInUse(None)).pack())  # loads the pack, once
        demo = load_demo_case()
        evaluate_case(demo, path.decide(demo), path.pack)
        case_problems({})  # the first refused file: jsonschema's import and validator, now
        register_fonts()  # parses the bundled TrueType fonts
    except Exception:  # only a head start: the real evaluation reports any problem itself
        log.exception("Warming up the evaluation failed")
    # What start-up loaded stays for the whole run: move it out of the garbage collector's
    # sight, so each later full collection (which holds the interpreter lock, stalling the
    # window) walks only what was made since, not a million long-lived objects.
    gc.freeze()


def make_data_folder(folder: Path) -> None:
    """Create the data folder; a file in its place is a DataFolderError (a clear message)."""
    for part in (folder, *folder.parents):
        if part.exists() and not part.is_dir():
            raise DataFolderError(str(part))
    try:
        make_private_dir(folder)
    except OSError as error:
        raise ReadOnlyDataError(str(folder.parent)) from error


def server_receipts_file(paths: AppPaths, database_url: str) -> Path | None:
    """Where this machine keeps the audit receipts of a server database (None for a file)."""
    if sqlite_file_of(database_url) is not None:
        return None
    from sqlalchemy.engine import make_url

    url = make_url(database_url)
    label = "-".join(str(part) for part in (url.host, url.port, url.database) if part)
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in label) or "server"
    return paths.data_dir / f"audit-receipts-{safe}.log"


DEMO_WORDS = "Adding the demo case…"


def opening_words(*, created: bool, encrypted: bool) -> str:
    """What opening the database is doing, in words for the person waiting."""
    if created and encrypted:
        return ("Creating the encrypted database: deriving its key from the passphrase takes a "
                "few seconds…")
    if created:
        return "Creating the database…"
    if encrypted:
        return "Unlocking the database with the passphrase and checking it…"
    return "Opening the database and checking it…"


def open_storage(
    paths: AppPaths, database_url: str, *, clock: Clock = utc_now, seed_demo: bool = True,
    passphrase: str | None = None, key: DatabaseKey | None = None, encrypt_plain: bool = False,
    defer_check: bool = True, progress: Callable[[str], None] | None = None,
) -> Storage:
    """Open (create, migrate, check, back up) the database and build the services.

    The demo case is added only when this call created the SQLite file, so a second start
    never duplicates it and a user who deleted it does not get it back. Raises db's
    DatabaseError subclasses (newer schema, damaged file, read-only, disk full, wrong
    passphrase) unchanged. A new SQLite file is encrypted with the passphrase (else
    $WAYPOINT_PASSPHRASE); encrypt_plain converts an existing plain file first. After a
    clean exit the full integrity check is deferred (defer_check): the window runs it after
    the first screen, and the database runs it before any write that comes sooner. progress,
    if given, is told in words what is being done (from this thread: the caller relays it).
    """
    say = progress or (lambda _words: None)
    make_data_folder(paths.data_dir)
    rules = RulesInUse(paths.data_dir)  # the data folder's active pack, resolved at first use
    created = database_file_is_new(database_url)
    is_file = sqlite_file_of(database_url) is not None
    say(opening_words(created=created, encrypted=bool(passphrase or key or encrypt_plain)))
    database = open_database(database_url, backup_dir=paths.backup_dir if is_file else None,
                             receipts_file=server_receipts_file(paths, database_url),
                             passphrase=passphrase, key=key, encrypt_plain=encrypt_plain,
                             defer_check=defer_check)
    cases = CaseService(database, clock)
    memos = MemoService(database, clock)
    demo_case_id = None
    if created and seed_demo:
        say(DEMO_WORDS)
        demo_case_id = cases.create_case(load_demo_case())
        log.info("Created %s with the demo case %s (encrypted: %s)", database_url, demo_case_id,
                 database.encrypted)
    return Storage(database, cases, memos, created, demo_case_id, rule_pack_summary(rules),
                   rules)


def close_storage(storage: Storage) -> None:
    """Back up what changed, then release the database's connections (at a clean exit).

    The WAL is checkpointed first, so the backup is the file's last state and the next start
    neither backs it up again nor (after the clean-exit marker) reads it all to check it.
    """
    try:
        storage.database.checkpoint()
    except DatabaseError as error:  # the backup and close still run; SQLite checkpoints then
        log.warning("checkpoint at exit failed: %s", error)
    storage.database.backup_after("exit")
    storage.database.close()
