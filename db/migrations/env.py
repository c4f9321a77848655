"""Alembic environment: runs in-process on the connection Waypoint hands it."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from db.migrate import include_name
from db.models import metadata

config = context.config


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        include_name=include_name,
        render_as_batch=connection.dialect.name == "sqlite",
        transaction_per_migration=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


_connection = config.attributes.get("connection")
if _connection is not None:
    _run(_connection)
else:
    from db.engine import build_engine

    _engine = build_engine(config.get_main_option("sqlalchemy.url") or "")
    with _engine.connect() as _fresh:
        _run(_fresh)
    _engine.dispose()
