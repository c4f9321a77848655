"""Every test runs against encrypted databases: a test passphrase and a cheap key derivation."""

from __future__ import annotations

import pytest

# Test-only settings (db.cipher): WAYPOINT_PASSPHRASE opens and creates encrypted databases
# without a prompt; WAYPOINT_KDF_FAST=1 makes scrypt cheap. Never set the latter for real data.
TEST_PASSPHRASE = "test passphrase: correct horse battery staple"


@pytest.fixture(autouse=True)
def test_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("WAYPOINT_KDF_FAST", "1")
    return TEST_PASSPHRASE
