"""The wheel carries desktop and db, with the resources inside desktop, and nothing else."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def test_the_package_list_names_every_package_in_the_tree() -> None:
    config = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for top in ("desktop", "db")
        for init in (REPO / top).rglob("__init__.py")
    }
    assert listed == found | {"desktop._resources"}


@pytest.mark.slow
def test_the_wheel_holds_code_migrations_and_every_resource(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path), str(REPO)],
        check=True, capture_output=True,
    )
    (wheel,) = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tops = {name.split("/")[0] for name in names if not name.split("/")[0].endswith(".dist-info")}
    assert tops == {"desktop", "db"}
    resources = [p for p in (REPO / "resources").rglob("*") if p.is_file()
                 and "__pycache__" not in p.parts]
    assert resources
    for resource in resources:
        assert f"desktop/_resources/{resource.relative_to(REPO / 'resources').as_posix()}" in names
    for migration in (REPO / "db" / "migrations").rglob("*.py"):
        assert migration.relative_to(REPO).as_posix() in names
