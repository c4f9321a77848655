"""Search: a folded search_text column, SQLite FTS5 over it, and indexes for the case list.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

from db.normalise import derive_columns

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# External-content FTS5 over cases.search_text, kept in sync by triggers in the same
# transaction as the row change. search_text is already folded in Python (the same text
# PostgreSQL searches), and unicode61 remove_diacritics 2 folds anything typed raw.
SQLITE_FTS = (
    """CREATE VIRTUAL TABLE cases_fts USING fts5(
           search_text, content='cases', content_rowid='id',
           tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')""",
    """CREATE TRIGGER cases_fts_after_insert AFTER INSERT ON cases BEGIN
           INSERT INTO cases_fts(rowid, search_text) VALUES (NEW.id, NEW.search_text); END""",
    """CREATE TRIGGER cases_fts_after_delete AFTER DELETE ON cases BEGIN
           INSERT INTO cases_fts(cases_fts, rowid, search_text)
           VALUES ('delete', OLD.id, OLD.search_text); END""",
    """CREATE TRIGGER cases_fts_after_update AFTER UPDATE OF search_text ON cases BEGIN
           INSERT INTO cases_fts(cases_fts, rowid, search_text)
           VALUES ('delete', OLD.id, OLD.search_text);
           INSERT INTO cases_fts(rowid, search_text) VALUES (NEW.id, NEW.search_text); END""",
)


def upgrade() -> None:
    op.add_column(
        "cases", sa.Column("search_text", sa.Text(), nullable=False, server_default="")
    )
    op.create_index("ix_cases_status_updated_at", "cases", ["status", "updated_at"])
    op.create_index("ix_cases_display_name", "cases", ["display_name"])
    op.create_index("ix_cases_entry_date", "cases", ["entry_date"])

    bind = op.get_bind()
    cases = sa.table("cases", sa.column("id", sa.Integer), sa.column("data_json", sa.Text),
                     sa.column("search_text", sa.Text))
    rows = bind.execute(sa.select(cases.c.id, cases.c.data_json)).all()
    updates = []
    for case_pk, data_json in rows:
        try:
            data = json.loads(data_json)
        except ValueError:
            data = {}
        updates.append({"pk": case_pk, "text": derive_columns(
            data if isinstance(data, dict) else {}).search_text})
    if updates:
        bind.execute(
            cases.update().where(cases.c.id == sa.bindparam("pk")).values(
                search_text=sa.bindparam("text")),
            updates,
        )
    if bind.dialect.name == "sqlite":
        for statement in SQLITE_FTS:
            op.execute(statement)
        op.execute("INSERT INTO cases_fts(cases_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS cases_fts_after_{trigger}")
        op.execute("DROP TABLE IF EXISTS cases_fts")
    op.drop_index("ix_cases_entry_date", "cases")
    op.drop_index("ix_cases_display_name", "cases")
    op.drop_index("ix_cases_status_updated_at", "cases")
    op.drop_column("cases", "search_text")  # SQLite 3.35+ drops it in place, keeping triggers
