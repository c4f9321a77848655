"""The optional case-file fields of December 2026: read, validated, and shown in the memo."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.services.evaluation import CaseFileError, read_case_file
from tests.cases.conftest import EXTRA_DIR
from tests.memo.helpers import pages_text, render, squeeze

BASE = EXTRA_DIR / "clp-claims-in-mexico-never-asked.case.json"


def with_additions() -> dict[str, object]:
    case = json.loads(BASE.read_text("utf-8"))
    case["entry"]["place"] = "El Paso Sector"
    case["journey"][2]["place"] = "Tapachula"
    case["journey"][2]["protection_claims"] = [
        {"kind": "asylum", "filed": "2023-12-01", "outcome": "pending", "final": False,
         "decided": None, "authority": "COMAR"}]
    case["circumstances"]["needs_visa_to_enter"] = {"HN": False}
    return case


def test_a_file_with_the_additions_loads(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(with_additions()), encoding="utf-8")
    data = read_case_file(path)
    assert data["entry"]["place"] == "El Paso Sector"


def test_a_file_without_them_still_loads() -> None:
    data = read_case_file(BASE)
    assert "place" not in data["entry"]


@pytest.mark.parametrize(("where", "value"), [
    (("entry", "place"), 12), (("circumstances", "needs_visa_to_enter"), {"HN": "maybe"})])
def test_a_wrong_value_is_refused_naming_the_field(tmp_path: Path, where: tuple[str, str],
                                                   value: object) -> None:
    case = with_additions()
    section = case[where[0]]
    assert isinstance(section, dict)
    section[where[1]] = value
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    with pytest.raises(CaseFileError) as refused:
        read_case_file(path)
    assert where[1] in str(refused.value)


def test_the_memo_shows_the_stop_place_and_the_claim_authority() -> None:
    flat = squeeze("\n".join(pages_text(render(with_additions()))))
    assert squeeze("Tapachula") in flat
    assert squeeze("authority: COMAR") in flat
    assert squeeze("El Paso Sector") in flat


def test_the_memo_says_claims_were_not_asked() -> None:
    case = json.loads(BASE.read_text("utf-8"))
    flat = squeeze("\n".join(pages_text(render(case))))
    assert squeeze("not asked yet") in flat
