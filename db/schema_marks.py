"""Does the schema match the revision alembic_version names? Checked before any backup.

A version set back by hand (or a file pieced together) would make the open back the file up
and then run migrations that fail on tables already there: every open a new backup and a
crash, rotating the good backups out. Each revision below leaves a mark (a table or column
only it creates); a mark newer than the recorded revision, or the recorded revision's own mark
missing, refuses the open with a message, before anything is written or copied.
"""

from __future__ import annotations

from sqlalchemy import Engine, inspect

from db.errors import DatabaseError

# revision -> (table, column or None): something only that revision (or a later one) creates
MARKS: dict[str, tuple[str, str | None]] = {
    "0002": ("cases", "search_text"),
    "0004": ("case_law_flags", None),
    "0005": ("cases", "version"),
    "0006": ("signing_certificates", None),
    "0008_office": ("cases", "created_by"),
    "0009": ("memos", "decision_date"),
    "0011": ("field_events", None),
}


class SchemaMismatchError(DatabaseError):
    """The tables do not match the schema version recorded in the file; nothing was changed."""

    def __init__(self, where: str, recorded: str, found: str, newer: bool) -> None:
        state = (f"tables that revision {found} created" if newer
                 else f"none of the tables or columns revision {found} creates")
        super().__init__(
            f"The database in {where} says its schema is revision {recorded}, but it holds "
            f"{state}: its schema version was changed outside Waypoint. Nothing was changed "
            "and no backup was taken; restore a backup (waypoint restore) or ask for help.")
        self.recorded = recorded


def _present(engine: Engine) -> set[str]:
    """The marks present: 'table' and 'table.column' names."""
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    names = set(tables)
    for table in {table for table, column in MARKS.values() if column and table in tables}:
        names |= {f"{table}.{column['name']}" for column in inspector.get_columns(table)}
    return names


def check_schema_matches(engine: Engine, recorded: str | None, order: list[str],
                         where: str) -> None:
    """Raise SchemaMismatchError when the marks disagree with the recorded revision."""
    if recorded is None or recorded not in order:
        return
    present = _present(engine)
    position = order.index(recorded)
    for revision, (table, column) in reversed(MARKS.items()):  # the newest mark first
        if revision not in order:
            continue
        mark = f"{table}.{column}" if column else table
        if order.index(revision) > position and mark in present:
            raise SchemaMismatchError(where, recorded, revision, newer=True)
        if revision == recorded and mark not in present:
            raise SchemaMismatchError(where, recorded, revision, newer=False)
