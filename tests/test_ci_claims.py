"""CI checks what it claims: the workflow's systems and steps, .ci/run's packages, bounded deps."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))
TEST_WORKFLOW = (REPO / ".github" / "workflows" / "test.yml").read_text("utf-8")
CI_RUN = (REPO / ".ci" / "run").read_text("utf-8")
README = (REPO / "README.md").read_text("utf-8")

# Import name -> distribution name, for the imports whose names differ.
DISTRIBUTION_OF = {"PySide6": "pyside6-essentials", "PIL": "pillow",
                   "pyhanko_certvalidator": "pyhanko-certvalidator"}
OUR_PACKAGES = {"desktop", "db"}


def requirement_name(requirement: str) -> str:
    return re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def test_the_workflow_runs_every_check_on_three_systems() -> None:
    matrix = re.search(r"os: \[(.*)\]", TEST_WORKFLOW)
    assert matrix is not None
    systems = matrix.group(1)
    assert "ubuntu" in systems and "windows" in systems and "macos" in systems
    for command in ("run: ruff check .", "run: mypy", "run: lint-imports", "run: pytest -q"):
        assert command in TEST_WORKFLOW, command
    assert "image: ${{ startsWith(matrix.os, 'ubuntu') && 'postgres:15'" in TEST_WORKFLOW
    assert 'WAYPOINT_REQUIRE_PG: "1"' in TEST_WORKFLOW
    assert "bash .ci/fresh_clone.sh" in TEST_WORKFLOW


def test_ci_run_installs_what_nothing_skipped_needs_and_checks_a_fresh_clone() -> None:
    for package in ("libpython3.11", "desktop-file-utils", "shared-mime-info", "appstream",
                    "postgresql", "poppler-utils", "python3-venv", "git"):
        assert re.search(rf"\s{re.escape(package)}(\s|$)", CI_RUN, re.M), package
    assert "export WAYPOINT_REQUIRE_PG=1 WAYPOINT_NO_SKIPS=1" in CI_RUN
    assert "export WAYPOINT_SMOKE_PG_URL=" in CI_RUN  # the frozen app is checked on PostgreSQL too
    # The README's test command (.ci/test) runs inside the fresh clone, then the bundle there.
    assert 'bash .ci/fresh_clone.sh "bash .ci/package.sh"' in CI_RUN
    fresh_clone = (REPO / ".ci" / "fresh_clone.sh").read_text("utf-8")
    assert "grep -m1 '^bash .ci/test' README.md" in fresh_clone


def test_the_readme_holds_the_commands_the_fresh_clone_check_runs() -> None:
    assert re.search(r"^python3 -m venv \.venv && \.venv/bin/pip install \. && "
                     r"\.venv/bin/waypoint$", README, re.M)
    assert re.search(r"^bash \.ci/test$", README, re.M)
    assert "sudo apt-get" not in README  # a root shell has no sudo; the README says when


def test_every_dependency_has_an_upper_bound_and_ci_tools_are_pinned() -> None:
    project = PYPROJECT["project"]
    extras = project["optional-dependencies"]
    ours = project["name"]
    for requirement in project["dependencies"] + [r for rs in extras.values() for r in rs]:
        if requirement_name(requirement) == ours:
            continue
        assert "<" in requirement or "==" in requirement, requirement
    pinned = {requirement_name(r): r for r in extras["test"] + extras["packaging"]}
    for tool in ("ruff", "mypy", "import-linter", "pyinstaller"):
        assert "==" in pinned[tool], pinned[tool]
    assert requirement_name(extras["postgres"][0]) == "psycopg"
    assert not any(requirement_name(r) == "psycopg" for r in project["dependencies"])


def test_every_imported_package_is_declared() -> None:
    project = PYPROJECT["project"]
    declared = {requirement_name(r) for r in project["dependencies"]}
    declared |= {requirement_name(r) for r in project["optional-dependencies"]["postgres"]}
    imported: set[str] = set()
    for top in OUR_PACKAGES:
        for source in (REPO / top).rglob("*.py"):
            tree = ast.parse(source.read_text("utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    imported |= {alias.name.split(".")[0] for alias in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    imported.add(node.module.split(".")[0])
    third_party = imported - OUR_PACKAGES - set(sys.stdlib_module_names) - {"__future__"}
    assert third_party, "no imports found"
    missing = {name for name in third_party
               if DISTRIBUTION_OF.get(name, name).lower() not in declared}
    assert not missing, f"imported but not declared in pyproject.toml: {sorted(missing)}"
