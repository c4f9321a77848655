"""The frozen-app smoke test catches a missing resource and knows the migrations' head."""

from __future__ import annotations

import shutil
from pathlib import Path
from types import ModuleType

from tests.packaging.conftest import ROOT


def test_a_bundle_missing_one_resource_fails(smoke_test: ModuleType, tmp_path: Path) -> None:
    source = ROOT / "resources"
    bundled = tmp_path / "resources"
    shutil.copytree(source, bundled, ignore=shutil.ignore_patterns("__pycache__"))
    count, problems = smoke_test.compare_tree(source, bundled)
    assert count > 0 and problems == []

    victim = next(p for p in sorted(bundled.rglob("*.json")))
    victim.unlink()
    _, problems = smoke_test.compare_tree(source, bundled)
    assert problems == [f"missing {victim.relative_to(bundled).as_posix()}"]


def test_a_truncated_resource_fails(smoke_test: ModuleType, tmp_path: Path) -> None:
    source = tmp_path / "src"
    bundled = tmp_path / "bundle"
    (source / "fonts").mkdir(parents=True)
    (bundled / "fonts").mkdir(parents=True)
    (source / "fonts" / "a.ttf").write_bytes(b"0123456789")
    (bundled / "fonts" / "a.ttf").write_bytes(b"01234")
    assert smoke_test.compare_tree(source, bundled) == (1, ["differs fonts/a.ttf"])


def test_migration_head_matches_alembic(smoke_test: ModuleType) -> None:
    from db.migrate import head_revision

    revisions, heads = smoke_test.migration_revisions(ROOT / "db" / "migrations" / "versions")
    assert heads == {head_revision()}
    assert head_revision() in revisions


def test_the_bare_environment_leaks_nothing_from_the_venv(
    smoke_test: ModuleType, tmp_path: Path
) -> None:
    sandbox = smoke_test.Sandbox.create(tmp_path)
    assert ".venv" not in sandbox.env["PATH"]
    assert "PYTHONPATH" not in sandbox.env and "VIRTUAL_ENV" not in sandbox.env
    assert sandbox.env["WAYPOINT_DATA_DIR"] == str(tmp_path / "data")
    assert not str(sandbox.work_dir).startswith(str(ROOT))
