"""Identity you can check: the office's trusted certificate authorities and the registry of
officers' signing certificates (person, role, validity dates, revocation).

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UTC_DATETIME = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "office_authorities",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("certificate_der", sa.LargeBinary(), nullable=False),
        sa.Column("added_at", UTC_DATETIME, nullable=False),
    )
    op.create_table(
        "signing_certificates",
        sa.Column("fingerprint", sa.String(64), primary_key=True),
        sa.Column("person", sa.String(200), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("issuer_fingerprint", sa.String(64),
                  sa.ForeignKey("office_authorities.fingerprint"), nullable=False),
        sa.Column("not_before", UTC_DATETIME, nullable=False),
        sa.Column("not_after", UTC_DATETIME, nullable=False),
        sa.Column("registered_at", UTC_DATETIME, nullable=False),
        sa.Column("revoked_at", UTC_DATETIME),
        sa.Column("revoked_reason", sa.Text()),
        sa.CheckConstraint("role IN ('caseworker', 'supervisor')",
                           name="ck_signing_certificates_role"),
    )
    op.create_index("ix_signing_certificates_person", "signing_certificates", ["person"])


def downgrade() -> None:
    op.drop_index("ix_signing_certificates_person", table_name="signing_certificates")
    op.drop_table("signing_certificates")
    op.drop_table("office_authorities")
