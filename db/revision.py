"""The Alembic head revision this build writes, as a constant (no Alembic import to read it)."""

from __future__ import annotations

# Kept equal to the newest file in db/migrations/versions (tests/db/test_quick_read.py checks).
HEAD_REVISION = "0011"
