"""The rule pack is a value the composition roots pass: no module-wide active pack.

Two RulesInUse (or services given different packs) in one process evaluate differently;
activating or rolling back through one changes what its next evaluation uses, and only its.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from db import Database
from desktop.cli import main
from desktop.services.decision import DecisionPath
from desktop.services.review import ReviewService
from desktop.services.rule_pack_service import RulePackService
from desktop.services.rule_packs import PackStore, bundled_info
from desktop.services.rules import bundled_rule_pack
from desktop.services.rules_in_use import RulesInUse
from tests.packs.conftest import build, case_entering, copy_rules, move_transit_bar_start

ENTERED = "2019-07-20"  # the 2019 bar reaches it under the built-in pack, not the moved one


def _install_moved(data_dir: Path, tmp_path: Path) -> str:
    folder = copy_rules(tmp_path / "moved", edit=move_transit_bar_start, version="2099.1.1")
    assert main(["--data-dir", str(data_dir), "rules", "install",
                 str(build(folder, tmp_path / "moved.wprules"))]) == 0
    return PackStore(data_dir).active_hash()


def _transit_bar(path: DecisionPath, case: dict[str, Any]) -> str:
    determination = path.evaluate(case, path.decide(case))
    assert determination["rules_hash"] == path.pack.hash
    return str(determination["findings"][0]["outcome"])


def test_two_services_with_different_packs_in_one_process_evaluate_differently(
        data_dir: Path, tmp_path: Path) -> None:
    moved = _install_moved(data_dir, tmp_path)
    case = case_entering(ENTERED, "x")
    installed, built_in = RulesInUse(data_dir), RulesInUse(None)
    assert installed.pack().hash == moved != built_in.pack().hash == bundled_info().pack_hash
    assert _transit_bar(DecisionPath(installed.pack()), case) == "not_applicable"
    assert _transit_bar(DecisionPath(built_in.pack()), case) == "applies"
    assert _transit_bar(DecisionPath(installed.pack()), case) == "not_applicable"  # unchanged


def test_activation_changes_what_the_next_evaluation_uses_and_only_there(
        data_dir: Path, database: Database, tmp_path: Path) -> None:
    moved = _install_moved(data_dir, tmp_path)
    case = case_entering(ENTERED, "x")
    window = RulesInUse(data_dir)  # the window's, handed to its services
    elsewhere = RulesInUse(data_dir)  # e.g. a command that resolved its pack already
    assert window.pack().hash == elsewhere.pack().hash == moved
    service = RulePackService(data_dir, database, rules=window)

    service.rollback()
    assert _transit_bar(DecisionPath(window.pack()), case) == "applies"
    assert elsewhere.pack().hash == moved  # resolved once; nothing global switched it
    assert RulesInUse(data_dir).pack().hash == bundled_info().pack_hash  # the store's state

    service.activate(moved[:12])
    assert _transit_bar(DecisionPath(window.pack()), case) == "not_applicable"


def test_review_evaluates_under_the_pack_it_is_given(database: Database, data_dir: Path,
                                                     tmp_path: Path) -> None:
    from desktop.services.cases import CaseService

    moved = _install_moved(data_dir, tmp_path)
    case_id = CaseService(database).create_case(case_entering(ENTERED, "x"))
    outcomes = {}
    for name, pack in (("built in", bundled_rule_pack()),
                       ("installed", RulesInUse(data_dir).pack)):  # a value, or read lazily
        determination, _on = ReviewService(database, actor="ana", pack=pack).to_decide(case_id)
        outcomes[name] = (determination["rules_hash"], determination["findings"][0]["outcome"])
    assert outcomes == {"built in": (bundled_info().pack_hash, "applies"),
                        "installed": (moved, "not_applicable")}
    with pytest.raises(ValueError, match="needs the rule pack"):
        ReviewService(database, actor="ana").to_decide(case_id)


@pytest.mark.gui
def test_the_windows_services_switch_with_the_rules_page(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from desktop.app import launch
    from desktop.paths import resolve_database_url, resolve_paths

    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    paths = resolve_paths(tmp_path / "app")
    paths.data_dir.mkdir(parents=True)
    moved = _install_moved(paths.data_dir, tmp_path)
    launched = launch(paths, resolve_database_url(paths))
    window = launched.window
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.services is not None, timeout=20_000)
        services = window.services
        assert services is not None
        assert services.decision_path_factory()().pack.hash == moved
        window.rules_action.trigger()
        page = window.rules_page
        assert page is not None
        with qtbot.waitSignal(page.active_pack_changed, timeout=10_000):
            page.rollback_button.click()
        assert services.decision_path_factory()().pack.hash == bundled_info().pack_hash
        qtbot.waitUntil(lambda: bundled_info().version in window.rules_label.text())
    finally:
        launched.shutdown()
