"""Test-run policy: encrypted databases with a test passphrase; with WAYPOINT_NO_SKIPS=1 (set
by .ci/run) a skipped test is a failure."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Generator
from pathlib import Path

import pytest


def _isolate_home() -> None:
    """The suite writes nothing into the runner's real home, and does not act as the runner.

    Qt keeps its own settings (QtProject.conf: file-dialog history) and caches under HOME and
    the XDG folders, and Waypoint takes the acting person from the operating-system login
    (getpass reads LOGNAME/USER first). Both are pointed, for the whole run and every child
    process, at a temporary home and a fixed login that no test profile uses, so a run by a
    user named like a test person ("ana", "dana") behaves as any other.
    """
    home = tempfile.mkdtemp(prefix="waypoint-tests-home-")
    os.environ["HOME"] = home
    for variable, folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                             ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
        os.makedirs(os.path.join(home, folder), mode=0o700, exist_ok=True)
        os.environ[variable] = os.path.join(home, folder)
    for variable in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        os.environ[variable] = TEST_LOGIN


# The operating-system login every test runs as (not a name any test gives a person).
TEST_LOGIN = "waypoint-test-runner"
_isolate_home()

NO_SKIPS_ENV = "WAYPOINT_NO_SKIPS"
# WAYPOINT_PASSPHRASE opens and creates encrypted databases without a prompt. Key slots and
# bundles the suite makes use a cheap scrypt, set in this process through db.cipher's
# parameter and in every Python child through tests/child_site (first on PYTHONPATH): the app
# reads no test switch from the environment. Never use that cost for real data.
TEST_KDF_COST = (2**10, 8, 1)  # the same as tests/child_site/sitecustomize.py
TEST_PASSPHRASE = "test passphrase: correct horse battery staple"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder not yet made (the CLI makes it), with no server URL inherited."""
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    return tmp_path / "data"


@pytest.fixture(autouse=True)
def test_passphrase(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)
    return TEST_PASSPHRASE


def _cheap_key_slots() -> None:
    """The suite's key slots and bundles, here and in the Python children it starts."""
    from db.cipher import set_kdf_cost
    from tests.children import child_pythonpath

    set_kdf_cost(*TEST_KDF_COST)
    inherited = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = child_pythonpath(*([inherited] if inherited else []))


_cheap_key_slots()


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


def pytest_runtest_setup(item: pytest.Item) -> None:
    """A test marked posix(reason=...) needs what only POSIX systems have; elsewhere it is
    skipped with that reason (its Windows counterpart, where the behaviour exists there, is
    a test of its own)."""
    marker = item.get_closest_marker("posix")
    if marker is None:
        return
    reason = marker.kwargs.get("reason") or (marker.args[0] if marker.args else "")
    if not reason:
        raise pytest.UsageError(f"{item.nodeid}: posix marker without a reason")
    if os.name != "posix":
        pytest.skip(f"POSIX only: {reason}")
