"""Rule packs: case_law_flags marks cases a newly installed rule pack changes.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "case_law_flags",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_pk", sa.Integer(), sa.ForeignKey("cases.id", ondelete="CASCADE"),
                  nullable=False),
        sa.Column("pack_hash", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("changes_json", sa.Text(), nullable=False),
        sa.Column("flagged_at", sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint("kind IN ('reevaluate', 'amend')", name="ck_case_law_flags_kind"),
    )
    op.create_index("ix_case_law_flags_case", "case_law_flags", ["case_pk", "flagged_at"])


def downgrade() -> None:
    op.drop_index("ix_case_law_flags_case", "case_law_flags")
    op.drop_table("case_law_flags")
