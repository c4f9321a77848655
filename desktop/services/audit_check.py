"""Checking the audit chain, alone or against anchors kept outside the laptop's reach.

`verify(database, against)` takes what the caseworker kept: an anchor code they wrote down,
a final memo PDF, an exported bundle, or the office server's URL (the anchors it keeps).
Each anchor proves that the chain up to its entry was not rewritten, cut short or rolled
back since; a final memo file must also still be stored. What an anchor cannot prove
(entries after it) is said as a note.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from db.anchor import (
    Anchor,
    AnchorError,
    anchors_in_file,
    check_all,
    code_for,
    looks_like_code,
    memo_copies,
    parse_code,
)
from db.audit import audit_head
from db.records import AuditReport

if TYPE_CHECKING:
    from db.database import Database

__all__ = ["AnchorError", "AuditReport", "anchor_code", "quick_check", "verify"]

LIMITS = ("An anchor proves the entries up to it are the ones that existed when it was taken; "
          "entries written after the newest anchor can be checked only against the rows they "
          "describe, so keep anchors outside this laptop: write down the code, or send it.")


def anchor_code(database: Database) -> str | None:
    """The current chain head as an anchor code (None: nothing recorded yet)."""
    with database.read() as connection:
        head = audit_head(connection)
    return None if head is None else code_for(*head)


def is_server(target: str) -> bool:
    return target.startswith(("postgresql:", "postgresql+"))


def send_anchor(database: Database, server_url: str) -> tuple[int, str]:
    """Send the chain's head to the office server (it stamps the time and the login)."""
    from db.server_anchor import send

    with database.read() as connection:
        return send(connection, server_url)


def _targets(database: Database, against: list[str]
             ) -> tuple[list[Anchor], list[tuple[str, list[str]]]]:
    anchors: list[Anchor] = []
    memo_files: list[tuple[str, list[str]]] = []
    for target in against:
        if is_server(target):
            from db.server_anchor import fetch

            with database.read() as connection:
                found = fetch(connection, target)
            if not found:
                raise AnchorError("The office server holds no anchor of this store yet "
                                  "(send one: waypoint audit anchor --to URL).")
            anchors += found
            continue
        if looks_like_code(target):
            anchors.append(parse_code(target))
            continue
        path = Path(target)
        if not path.is_file():
            raise AnchorError(f"{target} is neither an anchor code nor a file")
        anchors += anchors_in_file(path)
        if path.read_bytes()[:4] == b"%PDF":
            memo_files.append((path.name, memo_copies(path.read_bytes())))
    return anchors, memo_files


def verify(database: Database, against: list[str] | None = None) -> AuditReport:
    """database.verify_audit(), then every anchor given; AnchorError for an unreadable one."""
    anchors, memo_files = _targets(database, against or [])
    report = database.verify_audit()
    if not anchors and not memo_files:
        return report
    with database.read() as connection:
        problems, notes = check_all(connection, anchors, memo_files)
    return AuditReport(report.entries_checked, report.memos_checked,
                       report.problems + tuple(problems), report.notes + tuple(notes))


def quick_check(database: Database) -> AuditReport:
    """The cheap check for every start: the chain's head against the newest receipt."""
    from db.audit_quick import quick_problems

    if database.sqlite_file is None:  # a server's chain grows from other machines too
        return AuditReport(0, 0, ())
    with database.read() as connection:
        problems = quick_problems(connection, database.receipts_file)
    return AuditReport(0, 0, tuple(problems))
