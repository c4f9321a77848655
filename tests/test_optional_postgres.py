"""PostgreSQL is an optional extra: without its driver the message says how to install it."""

from __future__ import annotations

import sys

import pytest

import db
from db.engine import build_engine


def test_a_postgres_url_without_the_driver_names_the_extra(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if the extra were not installed
    with pytest.raises(db.DatabaseUnavailableError, match=r"waypoint-transit\[postgres\]"):
        build_engine("postgresql+psycopg://postgres@127.0.0.1:9/waypoint")
