"""The rule pack: provenance on every value, hash, treaty table regenerated from the CSV."""

from __future__ import annotations

import importlib.util
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.engine import evaluate
from desktop.resources import resource_path
from desktop.services.evaluation import rule_pack_info, treaty_status
from desktop.services.rules import bundled_rule_pack, load_rule_pack, pack_hash, read_pack_files
from tests.engine.builders import base_case

REPO = Path(__file__).resolve().parents[2]


def law_dir() -> Path:
    """The treaty table's source lies beside the rule pack built from it."""
    return REPO / "resources" / "rules"


def _sourced_values(value: Any, path: str = "") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(value, dict):
        if "verified" in value:
            found.append((path, value))
        for key, item in value.items():
            if key != "states":
                found += _sourced_values(item, f"{path}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _sourced_values(item, f"{path}/{i}")
    return found


def test_every_value_has_citation_source_and_a_note_when_unverified() -> None:
    files = read_pack_files(resource_path("rules"))
    checked = 0
    for name, content in files.items():
        for path, value in _sourced_values(content):
            checked += 1
            assert isinstance(value["verified"], bool), f"{name}{path}"
            assert value.get("citation"), f"{name}{path} has no citation"
            if name != "treaties.json" or "source" in value:
                assert value.get("source") or name == "treaties.json", f"{name}{path}"
            if value["verified"] is False:
                assert value.get("note"), f"{name}{path} is unverified without a note"
    assert checked > 80


def test_pack_version_and_hash() -> None:
    files = read_pack_files(resource_path("rules"))
    pack = load_rule_pack(resource_path("rules"))
    assert pack.hash == pack_hash(files) and len(pack.hash) == 64
    info = rule_pack_info(bundled_rule_pack())
    assert info["label"] == f"{info['version']}+{info['hash'][:12]}"
    determination = evaluate(base_case(), pack, date(2019, 12, 2), "9.9")
    assert determination["rules_hash"] == pack.hash
    assert determination["engine_version"] == "9.9"


def test_changed_pack_changes_hash(tmp_path: Path) -> None:
    for source in resource_path("rules").glob("*.json"):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    original = load_rule_pack(tmp_path).hash
    aca = json.loads((tmp_path / "aca.json").read_text(encoding="utf-8"))
    aca["agreements"][0]["suspended_from"]["value"] = "2021-02-07"
    (tmp_path / "aca.json").write_text(json.dumps(aca), encoding="utf-8")
    assert load_rule_pack(tmp_path).hash != original


def test_treaties_json_is_regenerated_from_the_csv() -> None:
    csv_path = law_dir() / "treaties.csv"
    assert csv_path.is_file(), f"treaties.csv not found at {csv_path} (set WAYPOINT_LAW_DIR)"
    spec = importlib.util.spec_from_file_location("build_treaties",
                                                  resource_path("rules", "build_treaties.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    built = module.build(csv_path.read_text(encoding="utf-8"))
    committed = json.loads(resource_path("rules", "treaties.json").read_text(encoding="utf-8"))
    assert built == committed


def test_entry_into_force_and_provenance() -> None:
    states = json.loads(resource_path("rules", "treaties.json").read_text("utf-8"))["states"]
    assert states["AE"]["cat"]["entry_into_force"] == "2012-08-18"  # deposit 2012-07-19 + 30
    assert states["AE"]["cat"]["verified"] is True
    assert states["AO"]["refugee_convention_1951"]["entry_into_force"] == "1981-09-21"  # + 90
    assert states["AO"]["refugee_convention_1951"]["verified"] is False
    assert states["AO"]["protocol_1967"]["entry_into_force"] == "1981-06-23"
    assert states["MX"]["cat"]["entry_into_force"] == "1987-06-26"  # treaty in force later
    unverified = sorted(f"{code}:{key}" for code, row in states.items()
                        for key, cell in row.items()
                        if key != "name" and cell["party"] and not cell["deposit_verified"])
    assert unverified == ["KI:cat", "KM:cat", "MH:cat", "OM:cat", "SS:cat",
                          "SS:protocol_1967", "SS:refugee_convention_1951", "ST:cat"]
    assert states["IN"]["cat"]["verified_until"] == "2023-06-30"


def test_treaty_status_for_display() -> None:
    india_2019 = treaty_status("IN", date(2019, 1, 1), bundled_rule_pack())
    assert india_2019["party_to_any"] is False and india_2019["verified"] is True
    india_2024 = treaty_status("IN", date(2024, 1, 1), bundled_rule_pack())
    assert india_2024["verified"] is False
    kosovo = treaty_status("XK", date(2020, 1, 1), bundled_rule_pack())
    assert kosovo["known"] is False and kosovo["party_to_any"] is None
    assert kosovo["name"] == "Kosovo"
    assert treaty_status("MX", date(2020, 1, 1), bundled_rule_pack())["party_to_any"] is True


@pytest.mark.parametrize("name", ["transit_bar_2019", "aca", "stca_canada",
                                  "lawful_pathways_2023", "securing_border_2024",
                                  "entry_suspension_2025", "firm_resettlement"])
def test_every_family_is_in_the_pack(name: str) -> None:
    assert name in load_rule_pack(resource_path("rules")).families
