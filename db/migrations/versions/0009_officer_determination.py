"""The officer's determination and the pinned decision date, stored with each memo.

A final memo row keeps the decision date it was made for (pinned at finalize; every later
evaluation of that final record uses it), the office time zone that date was read in, and
the officer's own determination (conclusions per rule, questions decided without) as JSON.

Revision ID: 0009
Revises: 0008_office
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008_office"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("memos", sa.Column("decision_date", sa.String(10)))
    op.add_column("memos", sa.Column("time_zone", sa.String(64)))
    op.add_column("memos", sa.Column("officer_determination_json", sa.Text()))


def downgrade() -> None:
    op.drop_column("memos", "officer_determination_json")
    op.drop_column("memos", "time_zone")
    op.drop_column("memos", "decision_date")
