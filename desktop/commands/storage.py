"""`waypoint import | export | list | backup | restore | audit verify`: the stored cases."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.case_rules import shown_a_number
from desktop.commands.secret_input import read_secret
from desktop.commands.terminal import shown
from desktop.commands.user_error import UserError
from desktop.paths import resolve_database_url, resolve_paths

if TYPE_CHECKING:
    from db.database import Database

Handler = Callable[[argparse.Namespace], int]
BUNDLE_PASSPHRASE_ENV = "WAYPOINT_BUNDLE_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the storage commands."""
    imp = subparsers.add_parser(
        "import", help="import case files into the database (all or nothing)",
        description="Validate every file, then import them all in one transaction, or none. "
                    "A file already imported (same case_id, or same content) is not duplicated.")
    imp.add_argument("files", nargs="+", metavar="FILE",
                     help="waypoint-case/1 files or encrypted waypoint-bundle/1 files")
    imp.add_argument("--bundle-passphrase-file", metavar="FILE")
    imp.set_defaults(handler=run_import)

    exp = subparsers.add_parser("export", help="write a stored case as a case file")
    exp.add_argument("case_id", metavar="CASE_ID")
    exp.add_argument("-o", "--output", required=True, metavar="FILE")
    how = exp.add_mutually_exclusive_group()
    how.add_argument("--encrypt", action="store_true",
                     help="write an encrypted waypoint-bundle/1 (passphrase: prompt twice, "
                          "$WAYPOINT_BUNDLE_PASSPHRASE or --bundle-passphrase-file)")
    how.add_argument("--plain", action="store_true",
                     help="write plain JSON, readable by anyone who gets the file")
    exp.add_argument("--bundle-passphrase-file", metavar="FILE")
    exp.set_defaults(handler=run_export)

    lst = subparsers.add_parser("list", help="list stored cases (newest first)")
    lst.add_argument("--search", default="", help="name, A-number (any form) or note words")
    lst.add_argument("--status", choices=("draft", "determined", "finalized"))
    lst.add_argument("--limit", type=int, default=50)
    lst.set_defaults(handler=run_list)

    bak = subparsers.add_parser("backup", help="copy the database to a backup file")
    bak.add_argument("-o", "--output", metavar="FILE",
                     help="where to write it (default: a new file in the backups folder)")
    bak.set_defaults(handler=run_backup)

    res = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current file is kept aside)")
    res.add_argument("file", metavar="FILE")
    res.set_defaults(handler=run_restore)

    aud = subparsers.add_parser("audit", help="check the audit log")
    aud_sub = aud.add_subparsers(dest="audit_command", metavar="ACTION", required=True)
    verify = aud_sub.add_parser(
        "verify", help="check the hash chain and every memo's SHA-256; name what is wrong")
    verify.add_argument(
        "--against", action="append", default=[], metavar="CODE|FILE|SERVER",
        help="also check against anchors kept outside this laptop: an anchor code (waypoint "
             "audit anchor), a final memo PDF, an exported bundle, or the office server's "
             "URL (repeatable)")
    verify.set_defaults(handler=run_audit_verify)
    anchor = aud_sub.add_parser(
        "anchor", help="print the anchor code of the audit chain's head, to write down or send")
    anchor.add_argument("--to", metavar="SERVER_URL",
                        help="also send it to the office server, which keeps it for good")
    anchor.set_defaults(handler=run_audit_anchor)


def _location(args: argparse.Namespace) -> tuple[str, Path | None, Path]:
    """The database URL, its SQLite file (None for a server) and the backups folder."""
    from db.engine import sqlite_file_of

    paths = resolve_paths(getattr(args, "data_dir", None))
    url = resolve_database_url(paths, getattr(args, "database_url", None))
    file_name = sqlite_file_of(url)
    return url, Path(file_name).resolve() if file_name else None, paths.backup_dir


@contextmanager
def _opened(args: argparse.Namespace, *, auditing: bool = False) -> Iterator[Database]:
    from db import CorruptDatabaseError, DatabaseError, open_database
    from desktop.commands.passphrase import cli_passphrase
    from desktop.services.startup import server_receipts_file

    url, sqlite_file, backup_dir = _location(args)
    paths = resolve_paths(getattr(args, "data_dir", None))
    try:
        database = open_database(url, backup_dir=backup_dir if sqlite_file else None,
                                 receipts_file=server_receipts_file(paths, url),
                                 passphrase=cli_passphrase(args, url),
                                 check_receipts=not auditing)
    except CorruptDatabaseError as damaged:
        hint = (f" Run: waypoint restore {damaged.latest_backup}" if damaged.latest_backup
                else "")
        raise UserError(damaged.message + hint) from damaged
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    if database.lost_commits is not None:
        print(f"waypoint: warning: {database.lost_commits.message}", file=sys.stderr)
    if sqlite_file is not None and not database.encrypted:
        print("waypoint: note: the database is not encrypted (run: waypoint passphrase set)",
              file=sys.stderr)
    try:
        yield database
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    except driver_errors() as problem:  # damage the open's check could not see
        raise UserError(unreadable_message(database.where, problem)) from problem
    finally:
        database.close()


def driver_errors() -> tuple[type[BaseException], ...]:
    import sqlite3

    from sqlalchemy import exc

    from db.cipher import sqlcipher_errors

    return (exc.DBAPIError, sqlite3.Error, *sqlcipher_errors)


def unreadable_message(where: str, problem: BaseException) -> str:
    """One line naming the driver's own complaint, never the statement or its parameters
    (SQLAlchemy's text of an error carries both, and so the case's data)."""
    driver = getattr(problem, "orig", None) or problem
    first = (str(driver).strip().splitlines() or ["?"])[0][:120]
    if "[SQL:" in first or "parameters" in first:
        first = type(driver).__name__
    return (f"The database in {where} could not be read ({first}); it may be damaged. "
            "Nothing was changed. Run: waypoint audit verify")


def run_import(args: argparse.Namespace) -> int:
    from desktop.services.bundle import is_bundle
    from desktop.services.cases import CaseService

    bundle_secret = None
    if any(is_bundle(Path(name)) for name in args.files):
        bundle_secret = bundle_passphrase(args, confirm=False)
    with _opened(args) as database:
        outcome = CaseService(database).import_files_counted(args.files, bundle_secret)
    ids, added = outcome
    print(f"Imported {added} new case(s); {len(ids) - added} already stored.")
    for path, case_id in zip(args.files, ids, strict=True):
        print(f"{shown(case_id)}  {shown(path)}")
    return 0


def run_export(args: argparse.Namespace) -> int:
    from desktop.services.cases import CaseService

    secret = bundle_passphrase(args, confirm=True) if args.encrypt else None
    with _opened(args) as database:
        written = CaseService(database).export_case(args.case_id, args.output, secret)
    if secret is None:
        print(f"waypoint: warning: {written} is plain JSON: it has left the encrypted store "
              "and anyone with the file can read it (--encrypt writes a bundle)",
              file=sys.stderr)
    print(f"Wrote {written}")
    return 0


def bundle_passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    """The bundle's passphrase: --bundle-passphrase-file, $WAYPOINT_BUNDLE_PASSPHRASE, prompt."""
    return read_secret(
        "Bundle passphrase: ", env=BUNDLE_PASSPHRASE_ENV,
        file=getattr(args, "bundle_passphrase_file", None),
        again="Bundle passphrase again: " if confirm else None,
        missing=f"no bundle passphrase: set {BUNDLE_PASSPHRASE_ENV} or use "
                "--bundle-passphrase-file",
        differ="the two passphrases differ; nothing was written")


def run_list(args: argparse.Namespace) -> int:
    from desktop.services.cases import CaseService

    with _opened(args) as database:
        service = CaseService(database)
        total = service.count_cases(args.search, args.status)
        rows = service.list_cases(args.search, args.status, limit=max(0, args.limit))
    for row in rows:
        a_number = shown(shown_a_number(row.a_number, "-"))
        print(f"{shown(row.case_id)}  {row.status:<10}  {a_number:<13}  "
              f"{row.entry_date or '-':<10}  {shown(row.display_name)}")
    print(f"{len(rows)} of {total} case(s)")
    return 0


def run_backup(args: argparse.Namespace) -> int:
    from desktop.services.audit_trail import note_backup

    with _opened(args) as database:
        if args.output:
            target = Path(args.output)
        else:
            stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
            target = (database.backup_dir or Path(".")) / f"manual-waypoint-{stamp}.sqlite3"
        if target.exists():
            raise UserError(f"{target} already exists; choose another file")
        note_backup(database, target)  # first, so the backup holds its own entry
        written = database.backup_to(target)
        encrypted = database.encrypted
    print(f"Backed up to {written}")
    if encrypted:
        print(f"Encrypted with the current passphrase; its key file is {written}.keys "
              "(keep the two together)")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from db import DatabaseError, restore_backup

    url, sqlite_file, _backups = _location(args)
    if sqlite_file is None:
        raise UserError("restore works on Waypoint's SQLite file; restore a server database "
                        "with the server's own tools")
    from desktop.commands.passphrase import cli_passphrase

    try:
        kept = restore_backup(sqlite_file, Path(args.file), cli_passphrase(args, url))
    except DatabaseError as problem:
        raise UserError(problem.message) from problem
    except OSError as problem:
        raise UserError(f"cannot restore: {problem}") from problem
    if kept is not None:
        print(f"The previous database was kept as {kept}")
    with _opened(args) as database:
        count = database.cases.count()
    print(f"Restored {args.file}: {count} case(s)")
    return 0


def run_audit_verify(args: argparse.Namespace) -> int:
    from desktop.services.audit_check import LIMITS, AnchorError, verify

    with _opened(args, auditing=True) as database:  # it compares the receipts itself
        try:
            report = verify(database, args.against)
        except AnchorError as error:
            raise UserError(str(error)) from error
        receipts = database.receipts_file
    for problem in report.problems:
        print(problem)
    for note in report.notes:
        print(f"note: {note}")
    if args.against:
        print(LIMITS)
    if receipts is not None:
        print(f"Receipts: {receipts}")
    verdict = "OK" if report.ok else f"{len(report.problems)} problem(s)"
    print(f"Audit log: {report.entries_checked} entries; memos: {report.memos_checked}; "
          f"{verdict}")
    return 0 if report.ok else 1


def run_audit_anchor(args: argparse.Namespace) -> int:
    from desktop.services.audit_check import AnchorError, anchor_code, send_anchor

    with _opened(args) as database:
        code = anchor_code(database)
        if code is not None and args.to:
            try:
                send_anchor(database, args.to)
            except AnchorError as error:
                raise UserError(str(error)) from error
            print("The office server keeps this anchor: waypoint audit verify --against URL")
    if code is None:
        print("The audit log is empty: nothing to anchor yet.")
        return 0
    print(f"Anchor code: {code}")
    print("Write it down or send it to your office: `waypoint audit verify --against CODE` "
          "then proves the record up to now was not rewritten, cut short or rolled back.")
    return 0
