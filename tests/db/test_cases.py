"""CaseService on both backends: drafts, listing, search, import (all or nothing), export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import db
from db.repositories import ImportItem
from desktop.services.storage_errors import CaseImportError
from tests.db.conftest import make_case

PEOPLE = [
    ("Núñez", "José", "A-212-345-678"),
    ("Nunes", "Maria", "A012345678"),
    ("Ramírez Cruz", "Ana Lucía", "099 888 777"),
    ("Øvergaard", "Kristin", None),
    ("王", "小明", "A-12-345-679"),
    ("Abdullah", "Fatima", "300111222"),
]


@pytest.fixture
def people(case_service: Any) -> dict[str, str]:
    """Case ids by family name, created oldest first."""
    return {family: case_service.create_case(make_case(family, given, a_number,
                                                       notes=f"interviewed {family}"))
            for family, given, a_number in PEOPLE}


def _names(case_service: Any, query: str) -> list[str]:
    return sorted(s.display_name.split(",")[0] for s in case_service.list_cases(search=query))


def test_draft_may_be_incomplete_and_round_trips(case_service: Any) -> None:
    draft = {"format": "waypoint-case/1", "applicant": {"family_name": "Lê"}}
    case_id = case_service.create_case(draft)
    stored = case_service.get_case(case_id)
    assert stored.case_data == draft
    assert stored.status == "draft"
    assert stored.updated_at.tzinfo is not None
    odd = {"applicant": "not an object", "journey": [1, None, {"country": 5}]}
    case_service.save_draft(case_id, odd)
    assert case_service.get_case(case_id).case_data == odd
    [summary] = case_service.list_cases()
    assert summary.display_name == "(no name yet)"


def test_summary_columns_are_derived_from_the_json(case_service: Any) -> None:
    case_id = case_service.create_case(make_case("Núñez", "José", "A-12-345-678"))
    [summary] = case_service.list_cases()
    assert summary == db.CaseSummary(case_id, "Núñez, José", "012345678", "HN",
                                     "2019-10-03", "draft", summary.updated_at)


def test_save_draft_updates_and_reorders_by_updated(case_service: Any,
                                                    people: dict[str, str]) -> None:
    ids = case_service.list_cases()
    assert ids[0].case_id == people["Abdullah"]  # newest first
    case_service.save_draft(people["Núñez"], make_case("Núñez", "Josefina", "A-212-345-678"))
    listed = case_service.list_cases()
    assert listed[0].case_id == people["Núñez"]
    assert listed[0].display_name == "Núñez, Josefina"
    oldest_first = case_service.list_cases(descending=False)
    assert oldest_first[-1].case_id == people["Núñez"]


def test_paging_sorting_and_count(case_service: Any, people: dict[str, str]) -> None:
    assert case_service.count_cases() == len(PEOPLE)
    first = case_service.list_cases(limit=4)
    second = case_service.list_cases(offset=4, limit=4)
    assert len(first) == 4 and len(second) == 2
    assert {s.case_id for s in first + second} == set(people.values())
    by_name = [s.display_name for s in case_service.list_cases(sort="name", descending=False)]
    assert by_name == sorted(by_name)
    with pytest.raises(ValueError):
        case_service.list_cases(sort="nonsense")


@pytest.mark.parametrize(("query", "expected"), [
    ("nunez", ["Núñez"]),
    ("NÚÑEZ", ["Núñez"]),
    ("nu", ["Nunes", "Núñez"]),
    ("nun", ["Nunes", "Núñez"]),
    ("jose nu", ["Núñez"]),
    ("ramirez", ["Ramírez Cruz"]),
    ("cruz ana", ["Ramírez Cruz"]),
    ("overgaard", ["Øvergaard"]),
    ("王", ["王"]),
    ("A-212-345-678", ["Núñez"]),
    ("212345678", ["Núñez"]),
    ("A212 345 678", ["Núñez"]),
    ("a-212-3", ["Núñez"]),
    ("12345678", ["Nunes", "Núñez"]),  # any part of the number: 012345678 and 212345678
    ("345678", ["Nunes", "Núñez"]),  # the last six digits
    ("A-12-345-679", ["王"]),
    ("012345679", ["王"]),
    ("interviewed abd", ["Abdullah"]),
    ("zzz", []),
    ("", ["Abdullah", "Nunes", "Núñez", "Ramírez Cruz", "王", "Øvergaard"]),
])
def test_search_is_accent_insensitive_prefix_and_reads_a_numbers(
        case_service: Any, people: dict[str, str], query: str, expected: list[str]) -> None:
    assert _names(case_service, query) == sorted(expected)
    assert case_service.count_cases(search=query) == len(expected)


def test_search_follows_saves(case_service: Any, people: dict[str, str]) -> None:
    case_service.save_draft(people["Abdullah"], make_case("Haddad", "Fatima", None))
    assert _names(case_service, "abdullah") == []
    assert _names(case_service, "hadd") == ["Haddad"]


def test_status_filter_and_finalized_case_is_locked(
        case_service: Any, memo_service: Any, people: dict[str, str]) -> None:
    case_id = people["Núñez"]
    memo_service.record_determination(case_id, {"format": "waypoint-determination/1",
                                                 "findings": []})
    assert case_service.get_case(case_id).status == "determined"
    memo_service.finalize(case_id, "Officer K. Lee", b"%PDF-final")
    assert [s.case_id for s in case_service.list_cases(status="finalized")] == [case_id]
    assert case_service.count_cases(status="draft") == len(PEOPLE) - 1
    with pytest.raises(db.CaseFinalizedError, match="finalized and locked"):
        case_service.save_draft(case_id, make_case("Changed"))
    assert case_service.get_case(case_id).case_data["applicant"]["family_name"] == "Núñez"


def test_unknown_case_gives_a_clear_error(case_service: Any) -> None:
    with pytest.raises(db.CaseNotFoundError, match="no case with id nope"):
        case_service.get_case("nope")


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_import_twice_does_not_duplicate(case_service: Any, tmp_path: Path) -> None:
    with_ref = _write(tmp_path / "a.json", make_case("Núñez", case_id="HQ-1"))
    without_ref = _write(tmp_path / "b.json", make_case("Nunes"))
    first = case_service.import_files([with_ref, without_ref])
    second = case_service.import_files([without_ref, with_ref])
    assert second == first[::-1]
    assert case_service.count_cases() == 2
    assert case_service.get_case("HQ-1").case_id == first[0]  # found by its own case_id


def test_import_is_all_or_nothing(case_service: Any, tmp_path: Path) -> None:
    good = _write(tmp_path / "good.json", make_case("Good"))
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CaseImportError) as refused:
        case_service.import_files([good, bad])
    assert "bad.json" in str(refused.value) and "nothing was imported" in str(refused.value)
    assert case_service.count_cases() == 0


def test_import_conflict_refuses_everything(case_service: Any, tmp_path: Path) -> None:
    case_service.import_files([_write(tmp_path / "a.json", make_case("One", case_id="R-7"))])
    changed = _write(tmp_path / "a2.json", make_case("Other", case_id="R-7"))
    fresh = _write(tmp_path / "c.json", make_case("Fresh"))
    with pytest.raises(db.ImportConflictError, match="R-7"):
        case_service.import_files([fresh, changed])
    assert _names(case_service, "") == ["One"]


def test_export_then_import_round_trips_without_duplicate(case_service: Any,
                                                         tmp_path: Path) -> None:
    case_id = case_service.create_case(make_case("王", "小明"))
    out = case_service.export_case(case_id, tmp_path / "out.json")
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert exported["case_id"] == case_id and exported["applicant"]["family_name"] == "王"
    assert case_service.import_files([out]) == [case_id]
    assert case_service.count_cases() == 1


def test_bulk_import_of_ten_thousand_in_one_transaction(database: Any, clock: Any) -> None:
    items = [ImportItem(make_case(f"Family{i}", "Given", f"{100000000 + i}", case_id=f"B-{i}"),
                        f"B-{i}", f"b{i}.json") for i in range(10_000)]
    ids = database.cases.import_cases(items, now=clock(), actor="bulk")
    assert len(set(ids)) == 10_000
    assert database.cases.count() == 10_000
    assert [s.display_name for s in database.cases.summaries(search="family9999")] == [
        "Family9999, Given"]
    assert [s.display_name for s in database.cases.summaries(search="A-100-000-042")] == [
        "Family42, Given"]
    # A broad prefix (thousands of matches) takes the index-walk plan: same rows, same order.
    assert database.cases.summaries(search="fam", limit=60) == database.cases.summaries(limit=60)
    assert database.cases.summaries(search="fam", limit=5, descending=False) == (
        database.cases.summaries(limit=5, descending=False))
    assert database.cases.count(search="fam") == 10_000
    with database.read() as connection:
        stops = connection.exec_driver_sql("SELECT count(*) FROM journey_stops").scalar()
        claims = connection.exec_driver_sql("SELECT count(*) FROM protection_claims").scalar()
    assert (stops, claims) == (30_000, 10_000)
    report = database.verify_audit()
    assert report.ok and report.entries_checked == 10_000
