"""Alembic in-process: absolute script_location from this package, no alembic.ini at run time."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection, Engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# SQLite's FTS5 table and its shadow tables, and the office server's audit anchors (0007),
# live outside the SQLModel metadata.
UNMANAGED_PREFIXES = ("cases_fts", "audit_anchors")


def include_name(name: str | None, type_: str, _parents: Any) -> bool:
    """Leave tables Alembic does not manage (FTS5) out of comparisons."""
    return not (type_ == "table" and name is not None and name.startswith(UNMANAGED_PREFIXES))


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script_directory().get_current_head()
    assert head is not None
    return head


def all_revisions() -> list[str]:
    """Every revision from the first to head."""
    return [script.revision for script in reversed(list(script_directory().walk_revisions()))]


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def is_known_revision(revision: str) -> bool:
    try:
        return script_directory().get_revision(revision) is not None
    except CommandError:
        return False


def upgrade(engine: Engine, target: str = "head") -> None:
    """Run the migrations up to target, each revision in its own transaction."""
    with engine.connect() as connection:
        command.upgrade(alembic_config(connection), target)
        if connection.in_transaction():
            connection.commit()


def downgrade(engine: Engine, target: str) -> None:
    with engine.connect() as connection:
        command.downgrade(alembic_config(connection), target)
        if connection.in_transaction():
            connection.commit()


def schema_differences(engine: Engine) -> list[Any]:
    """What `alembic check` would report: models and the migrated schema disagree."""
    from db.models import metadata

    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"include_name": include_name, "compare_type": True}
        )
        return list(compare_metadata(context, metadata))
