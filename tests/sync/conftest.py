"""Fixtures for the field-sync tests: the storage tests' PostgreSQL database per test."""

from __future__ import annotations

from tests.db.conftest import pg_url  # noqa: F401 (fixture)
