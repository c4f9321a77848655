"""Small rooms: every module of desktop/ and db/ is at most 400 lines and every function at
most 60, or says why not in a one-line comment ("# Over 400 lines: …" among the module's
first lines, "# Over 60 lines: …" on the line above the function). Generated migration
scripts are left out."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULE_LIMIT, FUNCTION_LIMIT = 400, 60
MODULE_REASON, FUNCTION_REASON = "# Over 400 lines:", "# Over 60 lines:"


def our_modules(root: Path) -> list[Path]:
    found = sorted((root / "desktop").rglob("*.py")) + sorted((root / "db").rglob("*.py"))
    return [path for path in found if "migrations" not in path.relative_to(root).parts]


def long_modules(paths: list[Path]) -> list[str]:
    """Modules over the limit without a reason among their first 20 lines."""
    found = []
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        if len(lines) > MODULE_LIMIT and not any(
                line.startswith(MODULE_REASON) for line in lines[:20]):
            found.append(f"{path}: {len(lines)} lines")
    return found


def long_functions(paths: list[Path]) -> list[str]:
    """Functions over the limit without a reason on the line above them."""
    found = []
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        for node in ast.walk(ast.parse(text)):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            start = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            length = (node.end_lineno or start) - start + 1
            if length > FUNCTION_LIMIT and not lines[start - 2].strip().startswith(
                    FUNCTION_REASON):
                found.append(f"{path}:{node.lineno} {node.name}: {length} lines")
    return found


def test_every_module_is_small_or_says_why() -> None:
    paths = our_modules(ROOT)
    assert len(paths) > 100  # the walk found the tree
    assert long_modules(paths) == []


def test_every_function_is_short_or_says_why() -> None:
    assert long_functions(our_modules(ROOT)) == []


@pytest.mark.parametrize("with_reasons", [False, True])
def test_the_checks_see_a_long_module_and_function_unless_they_say_why(
        tmp_path: Path, with_reasons: bool) -> None:
    source = tmp_path / "desktop" / "crowded.py"
    source.parent.mkdir()
    head = f"{MODULE_REASON} a reason\n" if with_reasons else ""
    above = f"{FUNCTION_REASON} a reason\n" if with_reasons else ""
    body = "\n".join(f"    x{n} = {n}" for n in range(FUNCTION_LIMIT))
    source.write_text(f'{head}"""A crowded module."""\n\n{above}def crowded() -> None:\n'
                      f"{body}\n" + "\n" * MODULE_LIMIT, encoding="utf-8")
    assert our_modules(tmp_path) == [source]
    assert bool(long_modules([source])) is not with_reasons
    assert bool(long_functions([source])) is not with_reasons
