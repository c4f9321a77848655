"""The GitHub workflows are valid workflows (their published schema, vendored by
check-jsonschema, so this runs offline), and the check can fail."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def check(paths: list[Path]) -> subprocess.CompletedProcess[str]:
    tool = shutil.which("check-jsonschema", path=str(Path(sys.executable).parent))
    assert tool is not None, "check-jsonschema is in the test extra: pip install -e '.[test]'"
    return subprocess.run([tool, "--builtin-schema", "vendor.github-workflows", *map(str, paths)],
                          capture_output=True, text=True, timeout=120, check=False)


def test_every_workflow_is_valid() -> None:
    assert {path.name for path in WORKFLOWS} >= {"test.yml", "build.yml"}
    done = check(WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("breakage", [("runs-on:", "runs_on:"), ("steps:", "step:")])
def test_a_broken_workflow_is_refused(tmp_path: Path, breakage: tuple[str, str]) -> None:
    broken = tmp_path / "test.yml"
    text = (ROOT / ".github" / "workflows" / "test.yml").read_text(encoding="utf-8")
    assert breakage[0] in text
    broken.write_text(text.replace(breakage[0], breakage[1], 1), encoding="utf-8")
    assert check([broken]).returncode != 0
