"""Audit entries for what happens to the store as a whole, or to a case's copies outside it.

Exports, prints, backups, restores and key changes are recorded here, each in its own write
transaction (the operation itself happened, or is about to, outside the database).
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.audit import AuditEvent, append

if TYPE_CHECKING:
    from db.database import Database

log = logging.getLogger(__name__)


def record(database: Database, action: str, *, now: datetime, actor: str | None,
           case_id: str | None = None, details: dict[str, Any] | None = None) -> None:
    """Append one entry (and its receipt) for action."""
    with database.write() as connection:
        append(connection, now, actor, [AuditEvent(action, case_id, None, details)])


def note_automatic_backup(database: Database, reason: str) -> None:
    """The entry for an automatic backup, written just before it (so the backup holds it) and
    checkpointed (so the file does not look changed since that backup); never raises."""
    from datetime import UTC

    from db.errors import DatabaseError

    try:
        record(database, "store.backed_up", now=datetime.now(UTC), actor=None,
               details={"automatic": True, "reason": reason})
        database.checkpoint()
    except (DatabaseError, OSError) as error:
        log.warning("could not record the automatic backup: %s", type(error).__name__)


KEY_CHANGED = "store.key_changed"


def note_key_change(database: Database, change: str) -> None:
    """The entry for a passphrase changed, a recovery key made or a store encrypted; logged,
    never raised (the key change itself is done)."""
    from datetime import UTC

    from db.errors import DatabaseError

    try:
        record(database, KEY_CHANGED, now=datetime.now(UTC), actor=None,
               details={"change": change})
    except (DatabaseError, OSError) as error:
        log.warning("could not record the key change: %s", type(error).__name__)


def anchor_older_chain(database: Database) -> None:
    """A chain from before receipts existed gets its first receipt: its head now."""
    from sqlalchemy import text

    if database.receipts_file is None or database.receipts_file.exists():
        return
    with database.read() as connection:
        head = connection.execute(text(
            "SELECT id, entry_hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    if head is not None:
        database._record_receipt((int(head[0]), str(head[1])))
