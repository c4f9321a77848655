"""Guards on finalized cases, their determinations and memos; audit coverage of older rows.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

from datetime import UTC, datetime

from alembic import op

from db import guards
from db.audit import COVERAGE_ACTION, AuditEvent, append, coverage_details

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    guards.install(op.execute, bind.dialect.name)
    # Rows written before entries carried digests of them get one entry that does.
    details = coverage_details(bind)
    if any(details.values()):
        append(bind, datetime.now(UTC), None, [AuditEvent(COVERAGE_ACTION, details=details)])


def downgrade() -> None:
    for statement in guards.drop_statements(op.get_bind().dialect.name):
        op.execute(statement)
