"""Anchors kept on the office server: a laptop sends its chain's head; the server stamps it.

The store is named by its first entry's hash (every store's first entry differs), so one
server keeps the anchors of many laptops. The table (migration 0007) is append-only for
everyone and the server sets the time and the login itself.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from db.anchor import Anchor, AnchorError
from db.audit import audit_head
from db.engine import build_engine


def store_id(connection: Connection) -> str | None:
    """The store's name for the server: its first audit entry's hash (None: empty chain)."""
    first = connection.execute(text("SELECT entry_hash FROM audit_log WHERE id = 1")).scalar()
    return None if first is None else str(first)


def _where(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


def send(connection: Connection, server_url: str) -> tuple[int, str]:
    """Send this store's head to the server; returns the anchored (entry, hash)."""
    head, store = audit_head(connection), store_id(connection)
    if head is None or store is None:
        raise AnchorError("The audit log is empty: nothing to anchor yet.")
    engine = build_engine(server_url)
    try:
        with engine.begin() as server:
            server.execute(text(
                "INSERT INTO audit_anchors (store_id, entry_id, entry_hash) "
                "VALUES (:store, :entry, :hash)"), {"store": store, "entry": head[0],
                                                    "hash": head[1]})
    except Exception as error:  # any driver's error: said in one line, no URL password
        raise AnchorError(f"The office server {_where(server_url)} did not take the anchor "
                          f"({type(error).__name__}).") from error
    finally:
        engine.dispose()
    return head


def fetch(connection: Connection, server_url: str) -> list[Anchor]:
    """Every anchor the server holds for this store, oldest first."""
    store = store_id(connection)
    if store is None:
        return []
    engine = build_engine(server_url)
    try:
        with engine.connect() as server:
            rows = server.execute(text(
                "SELECT entry_id, entry_hash, anchored_at, anchored_by FROM audit_anchors "
                "WHERE store_id = :store ORDER BY id"), {"store": store}).all()
    except Exception as error:  # any driver's error: said in one line, no URL password
        raise AnchorError(f"The office server {_where(server_url)} could not be read "
                          f"({type(error).__name__}).") from error
    finally:
        engine.dispose()
    return [Anchor(int(entry), str(digest), f"office server's anchor of "
                   f"{when:%Y-%m-%d %H:%M} UTC (sent by {who})")
            for entry, digest, when, who in rows]
