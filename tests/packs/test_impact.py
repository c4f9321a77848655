"""Impact of a candidate pack over stored cases; pinned re-evaluation; evaluate --rules."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from db import Database
from desktop.cli import main
from desktop.engine.determination import FAMILIES
from desktop.services.cases import CaseService
from desktop.services.decision import DecisionDate, resolve_decision_date
from desktop.services.law_changes import mark_affected, open_law_flags, verify_pinned
from desktop.services.memos import MemoService
from desktop.services.rule_impact import run_impact
from desktop.services.rule_packs import PackStore, bundled_files, bundled_info
from desktop.services.rules import read_pack_files
from tests.evaluated import evaluated
from tests.packs.conftest import (
    build,
    case_entering,
    copy_rules,
    move_transit_bar_start,
)

# Entry dates around the transit bar's start (2019-07-16); the candidate moves it to 08-01.
ENTRIES = ["2019-07-01", "2019-07-15", "2019-07-16", "2019-07-20", "2019-07-31",
           "2019-08-01", "2019-08-20", "2019-10-03"]
TODAY = resolve_decision_date({}, zone_name="UTC")  # for cases without a date of their own
DECIDED_BY_THE_DATE = {"c-2019-07-16", "c-2019-07-20", "c-2019-07-31"}


@pytest.fixture
def stored(database: Database) -> dict[str, str]:
    """One stored case per entry date (decided 2019-12-02), plus an incomplete draft."""
    service = CaseService(database)
    ids = {f"c-{on}": service.create_case(case_entering(on, f"c-{on}")) for on in ENTRIES}
    service.create_case({"format": "waypoint-case/1", "applicant": {}})
    return ids


def moved_pack(tmp_path: Path) -> Path:
    return copy_rules(tmp_path / "moved", edit=move_transit_bar_start, version="2099.1.1")


@pytest.mark.parametrize("workers", [1, 2])
def test_moving_one_date_reports_exactly_the_cases_it_decides(
        database: Database, stored: dict[str, str], tmp_path: Path, workers: int) -> None:
    candidate = read_pack_files(moved_pack(tmp_path))
    seen: list[tuple[int, int]] = []
    report = run_impact(database, bundled_files(), candidate, workers=workers, chunk_size=3,
                        today=DecisionDate(date(2019, 12, 2), False, "UTC"),
                        progress=lambda d, t: seen.append((d, t)))
    by_ref = {ref: case_id for ref, case_id in stored.items()}
    changed = {case.case_id for case in report.cases}
    assert changed == {by_ref[ref] for ref in DECIDED_BY_THE_DATE}
    for case in report.cases:
        assert [(c.rule, c.old, c.new) for c in case.changes] == [
            ("transit_bar_2019", "applies", "not_applicable")]
    assert (report.total, report.evaluated, report.not_evaluable) == (9, 8, 1)
    assert seen[-1] == (9, 9) and not report.cancelled


def test_the_active_pack_against_itself_changes_nothing(
        database: Database, stored: dict[str, str]) -> None:
    report = run_impact(database, bundled_files(), bundled_files(), today=TODAY, workers=2,
                        chunk_size=2, all_rules=True)
    assert report.cases == [] and (report.evaluated, report.not_evaluable) == (len(stored), 1)
    assert report.rules == [rule for rule, _run in FAMILIES]  # every family was compared
    quick = run_impact(database, bundled_files(), bundled_files(), today=TODAY, workers=1)
    assert quick.cases == [] and quick.rules == []


def test_only_the_changed_family_is_compared_and_it_agrees_with_all(
        database: Database, stored: dict[str, str], tmp_path: Path) -> None:
    candidate = read_pack_files(moved_pack(tmp_path))
    quick = run_impact(database, bundled_files(), candidate, today=TODAY, workers=1)
    full = run_impact(database, bundled_files(), candidate, today=TODAY, workers=1,
                      all_rules=True)
    assert quick.rules == ["transit_bar_2019"]
    assert quick.cases == full.cases and len(full.cases) == 3


def test_cancel_stops_the_run(database: Database, stored: dict[str, str],
                              tmp_path: Path) -> None:
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    report = run_impact(database, bundled_files(), read_pack_files(moved_pack(tmp_path)),
                        today=TODAY, workers=1, chunk_size=2, cancelled=cancelled)
    assert report.cancelled and report.evaluated + report.not_evaluable == 2


def test_cli_impact_in_three_formats_and_marking(
        capsys: pytest.CaptureFixture[str], data_dir: Path, database: Database,
        stored: dict[str, str], tmp_path: Path) -> None:
    pack_file = build(moved_pack(tmp_path), tmp_path / "moved.wprules")
    base = ["--data-dir", str(data_dir), "rules", "impact", str(pack_file), "--workers", "1"]
    assert main([*base, "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["changed_cases"] == 3 and report["by_rule"] == {"transit_bar_2019": 3}
    assert main([*base, "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["case_ref"] or r["case_id"] for r in rows} and len(rows) == 3
    assert {(r["rule"], r["old"], r["new"]) for r in rows} == {
        ("transit_bar_2019", "applies", "not_applicable")}
    assert main(base) == 0
    text = capsys.readouterr().out
    assert "3 of 9 case(s) change" in text and "applies → not_applicable" in text

    # the active pack against itself, named by its hash
    assert main(["--data-dir", str(data_dir), "rules", "impact",
                 bundled_info().pack_hash[:12], "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["changed_cases"] == 0

    assert main([*base, "--mark", "--format", "csv"]) == 0
    capsys.readouterr()
    flags = open_law_flags(database)
    assert {f.case_id for f in flags} == {stored[r] for r in DECIDED_BY_THE_DATE}
    assert {f.kind for f in flags} == {"reevaluate"}


def test_a_flag_clears_when_the_case_is_determined_again_and_finalized_cases_get_amend(
        database: Database, stored: dict[str, str], tmp_path: Path) -> None:
    memos = MemoService(database)
    finalized = stored["c-2019-07-20"]
    memos.record_determination(finalized, evaluated(
        CaseService(database).get_case(finalized).case_data))
    memos.finalize(finalized, "Officer Test", b"%PDF-1.4 test")
    report = run_impact(database, bundled_files(), read_pack_files(moved_pack(tmp_path)),
                        today=TODAY, workers=1)
    assert mark_affected(database, report) == 3
    kinds = {f.case_id: f.kind for f in open_law_flags(database)}
    assert kinds[finalized] == "amend"
    open_case = stored["c-2019-07-31"]
    memos.record_determination(open_case, evaluated(
        CaseService(database).get_case(open_case).case_data))
    assert open_case not in {f.case_id for f in open_law_flags(database)}


def test_every_stored_determination_re_evaluates_the_same_under_its_pinned_pack(
        capsys: pytest.CaptureFixture[str], data_dir: Path, database: Database,
        stored: dict[str, str], tmp_path: Path) -> None:
    memos, cases = MemoService(database), CaseService(database)
    for case_id in list(stored.values())[:4]:  # determined under the built-in pack
        memos.record_determination(case_id, evaluated(cases.get_case(case_id).case_data))
    pack_file = build(moved_pack(tmp_path), tmp_path / "moved.wprules")
    assert main(["--data-dir", str(data_dir), "rules", "install", str(pack_file)]) == 0
    store = PackStore(data_dir)
    for case_id in stored.values():  # determined under the new, active pack
        memos.record_determination(case_id, evaluated(cases.get_case(case_id).case_data,
                                                      pack=store.load()))
    hashes = {memos.latest_determination(c).rules_hash for c in stored.values()}  # type: ignore[union-attr]
    assert hashes == {store.active_hash()} != {bundled_info().pack_hash}
    result = verify_pinned(database, store)
    assert (result.checked, result.mismatches) == (12, [])
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "rules", "verify"]) == 0
    assert "Re-evaluated 12 stored determination(s)" in capsys.readouterr().out


def test_evaluate_under_a_pinned_pack(capsys: pytest.CaptureFixture[str], data_dir: Path,
                                      tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case_entering("2019-07-20", "x")), encoding="utf-8")
    pack_file = build(moved_pack(tmp_path), tmp_path / "moved.wprules")
    assert main(["--data-dir", str(data_dir), "rules", "install", str(pack_file)]) == 0
    capsys.readouterr()

    def transit_bar(*extra: str) -> str:
        assert main(["--data-dir", str(data_dir), "evaluate", str(case_file), "--format",
                     "json", *extra]) == 0
        determination = json.loads(capsys.readouterr().out)
        return str(determination["findings"][0]["outcome"])

    assert transit_bar() == "not_applicable"  # the active (moved) pack
    assert transit_bar("--rules", bundled_info().pack_hash) == "applies"
    assert main(["--data-dir", str(data_dir), "evaluate", str(case_file), "--rules",
                 "0123456789"]) == 2
    assert "no single installed rule pack" in capsys.readouterr().err


def test_evaluate_warns_when_the_decision_date_is_past_the_law_date(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(case_entering("2019-10-03", "x")), encoding="utf-8")
    folder = copy_rules(tmp_path / "dated", version="2099.1.1", law_known_through="2019-11-30")
    assert main(["--data-dir", str(data_dir), "rules", "install",
                 str(build(folder, tmp_path / "dated.wprules"))]) == 0
    capsys.readouterr()
    base = ["--data-dir", str(data_dir), "evaluate", str(case_file), "--format", "json"]
    assert main([*base, "--decision-date", "2019-11-30"]) == 0
    assert capsys.readouterr().err == ""
    assert main([*base, "--decision-date", "2019-12-01"]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "after the date the rule pack's law is known through " \
        "(2019-11-30)" in err


def test_verify_names_a_determination_whose_pack_is_missing(
        capsys: pytest.CaptureFixture[str], data_dir: Path, database: Database,
        stored: dict[str, str], tmp_path: Path) -> None:
    pack_file = build(moved_pack(tmp_path), tmp_path / "moved.wprules")
    assert main(["--data-dir", str(data_dir), "rules", "install", str(pack_file)]) == 0
    case_id = stored["c-2019-07-20"]
    MemoService(database).record_determination(case_id, evaluated(
        CaseService(database).get_case(case_id).case_data, pack=PackStore(data_dir).load()))
    moved_to = tmp_path / "elsewhere"
    (data_dir / "rules").rename(moved_to)  # the data folder lost its installed packs
    capsys.readouterr()
    assert main(["--data-dir", str(data_dir), "rules", "verify"]) == 1
    out = capsys.readouterr().out
    assert f"(case {case_id}): its rule pack" in out and "is not available here" in out
