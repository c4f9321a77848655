"""The command line's quick paths say exactly what the slow ones said.

The code tables (generated from pycountry) match pycountry; the compiled schema check gives
jsonschema's verdict on valid and broken case files; `waypoint evaluate` and `--version`
import only what they use and print what they printed before.
"""

from __future__ import annotations

import copy
import importlib.util
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pycountry
import pytest
from jsonschema import Draft202012Validator

from desktop import __version__, cli
from desktop.case_rules import country_name, is_country_code
from desktop.flow.languages import is_iso_639_code, language_entries, two_letter_code
from desktop.resources import resource_path
from desktop.services.evaluation import case_schema
from desktop.services.schema_check import compile_schema
from tests.children import child_pythonpath

REPO = Path(__file__).resolve().parents[1]
CASE_FILES = sorted((REPO / "tests" / "cases").rglob("*.case.json"))


def build_codes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_codes",
                                                  resource_path("codes", "build_codes.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_committed_tables_are_what_pycountry_gives() -> None:
    builder = build_codes()
    assert resource_path("codes", "languages.tsv").read_text(encoding="utf-8") == (
        builder.build_languages())
    module_file = REPO / "desktop" / "case_rules" / "country_table.py"
    assert module_file.read_text(encoding="utf-8") == builder.build_countries()


def test_country_lookups_agree_with_pycountry() -> None:
    for country in pycountry.countries:
        assert is_country_code(country.alpha_2)
        expected = getattr(country, "common_name", None) or country.name
        assert country_name(country.alpha_2) == expected
        assert country_name(country.alpha_2.lower()) == expected
    assert is_country_code("XK") and country_name("XK") == "Kosovo"
    for refused in ("ZZ", "mx", "M", "MEX", "", None, 12):
        assert not is_country_code(refused)
    assert country_name("ZZ") == "ZZ"


def test_language_lookups_agree_with_pycountry() -> None:
    languages = list(pycountry.languages)
    shown = {(getattr(lang, "alpha_2", None) or lang.alpha_3, lang.name) for lang in languages}
    assert set(language_entries()) == shown
    assert [name for _code, name in language_entries()] == sorted(name for _c, name in shown)
    for language in languages:
        assert is_iso_639_code(language.alpha_3)
        if hasattr(language, "alpha_2"):
            assert is_iso_639_code(language.alpha_2)
            assert two_letter_code(language.alpha_3) == language.alpha_2
        else:
            assert two_letter_code(language.alpha_3) is None
    for refused in ("zz", "qqx", "EN", "e", ""):
        assert not is_iso_639_code(refused)


WRONG_VALUES: list[Any] = [None, True, -1.5, "x" * 300, {"US": []}]


def mutations(case: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """Copies of `case` with one value replaced, one key dropped or one key added."""
    def walk(node: Any, path: list[Any]) -> Iterator[list[Any]]:
        yield path
        children = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(
            node, list) else []
        for key, child in children:
            yield from walk(child, [*path, key])

    for path in walk(case, []):
        if not path:
            continue
        for wrong in WRONG_VALUES:
            changed = copy.deepcopy(case)
            parent = changed
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = wrong
            yield changed
        changed = copy.deepcopy(case)
        parent = changed
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict):
            del parent[path[-1]]
            yield changed
            parent["an_unknown_key"] = 1
            yield changed


def test_the_compiled_check_gives_jsonschemas_verdict() -> None:
    schema = case_schema()
    quick = compile_schema(schema)
    reference = Draft202012Validator(schema)
    tried = valid = 0
    for case_file in CASE_FILES[::110]:  # a sample: jsonschema takes 1-3 ms a candidate
        case = json.loads(case_file.read_text(encoding="utf-8"))
        for candidate in [case, *mutations(case)]:
            expected = reference.is_valid(candidate)
            assert quick(candidate) is expected, (case_file.name, candidate)
            tried += 1
            valid += expected
    assert tried > 500 and 0 < valid < tried  # both verdicts were exercised


def test_the_compiled_check_refuses_keywords_it_does_not_know() -> None:
    with pytest.raises(ValueError, match="patternProperties|unevaluatedProperties"):
        compile_schema({"type": "object", "unevaluatedProperties": False})


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    probe = ("import runpy, sys; sys.argv = ['waypoint', *sys.argv[1:]]\n"
             "try:\n    runpy.run_module('desktop', run_name='__main__')\n"
             "except SystemExit as done:\n"
             "    print('MODULES', ' '.join(sorted(sys.modules)), file=sys.stderr)\n"
             "    raise\n")
    return subprocess.run([sys.executable, "-c", probe, *args], capture_output=True,
                          text=True, timeout=120, check=False,
                          env={**os.environ, "PYTHONPATH": child_pythonpath(REPO)})


def loaded_modules(ran: subprocess.CompletedProcess[str]) -> set[str]:
    line = next(line for line in ran.stderr.splitlines() if line.startswith("MODULES "))
    return set(line.split()[1:])


def test_evaluate_imports_only_what_it_uses(tmp_path: Path) -> None:
    case = resource_path("demo", "demo.case.json")
    ran = run_cli("--data-dir", str(tmp_path), "evaluate", str(case))
    assert ran.returncode == 0, ran.stderr
    assert "Waypoint determination" in ran.stdout
    modules = loaded_modules(ran)
    assert "desktop.commands.evaluate" in modules
    # The memo's renderer (ReportLab, pikepdf) cost `evaluate` ~200 ms when only its
    # catalog choice was needed.
    for unused in ("desktop.commands.memo", "desktop.commands.storage", "jsonschema",
                   "pycountry", "sqlalchemy", "db.records", "desktop.services.memo_rendering",
                   "reportlab", "pikepdf"):
        assert unused not in modules, unused


def test_an_invalid_case_still_gets_jsonschemas_words(tmp_path: Path) -> None:
    case = json.loads(resource_path("demo", "demo.case.json").read_text(encoding="utf-8"))
    case["entry"]["border"] = "by_teleport"
    broken = tmp_path / "broken.case.json"
    broken.write_text(json.dumps(case), encoding="utf-8")
    ran = run_cli("--data-dir", str(tmp_path), "evaluate", str(broken))
    assert ran.returncode == 2
    assert "/entry/border" in ran.stderr and "jsonschema" in loaded_modules(ran)


def test_version_prints_what_argparse_printed(capsys: pytest.CaptureFixture[str]) -> None:
    ran = run_cli("--version")
    assert ran.returncode == 0 and ran.stdout == f"Waypoint {__version__}\n"
    assert "argparse" not in loaded_modules(ran)
    with pytest.raises(SystemExit):
        cli.build_parser().parse_args(["--version"])
    assert capsys.readouterr().out == ran.stdout


@pytest.mark.parametrize(("argv", "named"), [
    (["evaluate", "x.json"], "evaluate"),
    (["--data-dir", "memo", "info"], "info"),
    (["--data-dir=/tmp", "rules", "list"], "rules"),
    (["--passphrase", "f", "storage", "check"], "storage"),
    (["--version"], None),
    (["-h", "evaluate"], None),
    (["evaluates"], None),
    ([], None),
])
def test_only_a_certainly_named_command_is_registered_alone(argv: list[str],
                                                            named: str | None) -> None:
    assert cli.named_command(argv) == named


def test_every_command_is_an_import_edge_the_linter_sees() -> None:
    import grimp

    graph = grimp.build_graph("desktop")
    edges = graph.find_modules_directly_imported_by("desktop.cli")
    assert {f"desktop.commands.{name}" for name in cli.COMMANDS} <= edges
    assert "importlib" not in Path(cli.__file__).read_text("utf-8")
