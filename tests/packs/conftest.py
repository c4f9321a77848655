"""Fixtures for rule packs: the test key (trusted only here), data folders, built pack files."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from db import Database, open_database
from desktop.resources import resource_path
from desktop.services.rule_pack_file import build_pack_file, trust_key_folders

KEYS = Path(__file__).parent / "keys"
TEST_KEY = KEYS / "test-signing-key.pem"
UNTRUSTED_KEY = KEYS / "untrusted-key.pem"
BUILT_AT = datetime(2026, 11, 29, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def trusted_test_key(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Trust the test key (for these tests only)."""
    trust_key_folders(Path(__file__).parent / "trusted")
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    yield
    trust_key_folders()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def copy_rules(destination: Path, edit: Any = None, version: str | None = None,
               law_known_through: str | None = "2026-11-27") -> Path:
    """A copy of the shipped rule folder, with pack.json's version/date and an edit applied."""
    shutil.copytree(resource_path("rules"), destination)
    manifest = json.loads((destination / "pack.json").read_text(encoding="utf-8"))
    if version is not None:
        manifest["version"] = version
    if law_known_through is not None:
        manifest["law_known_through"] = law_known_through
    (destination / "pack.json").write_text(json.dumps(manifest), encoding="utf-8")
    if edit is not None:
        edit(destination)
    return destination


def build(folder: Path, out: Path, key: Path = TEST_KEY, changelog: str = "Test pack.") -> Path:
    out.write_bytes(build_pack_file(folder, key.read_bytes(), changelog, "tests", BUILT_AT))
    return out


def move_transit_bar_start(folder: Path, new_start: str = "2019-08-01") -> None:
    """The one-date change: the 2019 transit bar reaches entries from new_start."""
    path = folder / "transit_bar_2019.json"
    family = json.loads(path.read_text(encoding="utf-8"))
    family["entry_on_or_after"]["value"] = new_start
    path.write_text(json.dumps(family), encoding="utf-8")


def demo_case() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resource_path("demo", "demo.case.json").read_text(encoding="utf-8"))
    return data


def case_entering(on: str, case_id: str) -> dict[str, Any]:
    """The demo case (southern border via Guatemala and Mexico), entering on `on`."""
    case = copy.deepcopy(demo_case())
    case["case_id"] = case_id
    entered = date.fromisoformat(on)
    left_home, reached_mexico = entered - timedelta(days=10), entered - timedelta(days=7)
    case["entry"]["date"] = on
    case["journey"][0]["departed"] = left_home.isoformat()
    case["journey"][1].update(arrived=left_home.isoformat(), departed=reached_mexico.isoformat())
    case["journey"][2].update(arrived=reached_mexico.isoformat(), departed=on,
                              protection_claims=[])
    return case


@pytest.fixture
def database(data_dir: Path) -> Iterator[Database]:
    opened = open_database(f"sqlite:///{data_dir / 'waypoint.sqlite3'}")
    yield opened
    opened.close()


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file under folder with its bytes (to prove a refusal changed nothing)."""
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}
