"""Who acts and when: the clock of record, the OS login and the database login.

Every service that records an act (cases, review, memos, the audit trail) asks here, and this
module asks no other service: so cases, review and memos no longer import each other to learn
who the actor is (the old circle cases -> review -> memos -> cases).
"""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.database import Database

__all__ = ["acting_person", "current_user", "database_login", "utc_clock"]


def utc_clock() -> datetime:
    """The time acts are recorded at (UTC; the office's local date is services.clock's)."""
    return datetime.now(UTC)


def current_user() -> str | None:
    """The operating-system user, recorded as the actor of audit entries."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return None


def database_login(database: Database) -> str | None:
    """On PostgreSQL, the role this connection acts as (the person); None on SQLite."""
    if database.dialect != "postgresql":
        return None
    with database.read() as connection:
        return str(connection.exec_driver_sql("SELECT current_user").scalar_one())


def acting_person(database: Database) -> str | None:
    """Who acts: on PostgreSQL the database login (each person has their own), else the OS user."""
    if database.dialect == "postgresql":
        return database_login(database)
    return current_user()
