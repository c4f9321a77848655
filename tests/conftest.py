"""Test-run policy: encrypted databases with a test passphrase; with WAYPOINT_NO_SKIPS=1 (set
by .ci/run) a skipped test is a failure."""

from __future__ import annotations

import os
from collections.abc import Generator

import pytest

NO_SKIPS_ENV = "WAYPOINT_NO_SKIPS"
# Test-only settings (db.cipher): WAYPOINT_PASSPHRASE opens and creates encrypted databases
# without a prompt; WAYPOINT_KDF_FAST=1 makes scrypt cheap. Never set the latter for real data.
TEST_PASSPHRASE = "test passphrase: correct horse battery staple"


@pytest.fixture(autouse=True)
def test_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setenv("WAYPOINT_KDF_FAST", "1")
    return TEST_PASSPHRASE


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
        item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """CI installs everything the suite needs, so a skip there means something is missing."""
    report = yield
    if os.environ.get(NO_SKIPS_ENV) == "1" and report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else report.longrepr
        report.outcome = "failed"
        report.longrepr = f"skipped, but {NO_SKIPS_ENV}=1 (CI runs every test): {reason}"
    return report
