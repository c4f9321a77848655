"""Bad input: every refusal names the field by JSON pointer; the CLI exits 2 without a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from desktop.services.evaluation import (
    MAX_CASE_FILE_BYTES,
    CaseFileError,
    case_problems,
    read_case_file,
    unknown_fields,
    validate_case_data,
)
from tests.engine.builders import base_case, change
from tests.evaluated import evaluated

REPO = Path(__file__).resolve().parents[2]

BAD = [
    (change(base_case(), journey__1__departed="2019-09-10"), "/journey/1/departed",
     "departure 2019-09-10 is before arrival 2019-09-12"),
    (change(base_case(), entry__date="2019-13-01"), "/entry/date", "no month 13"),
    (change(base_case(), entry__date="2019-02-30"), "/entry/date", "has 28 days"),
    (change(base_case(), entry__date="03/10/2019"), "/entry/date", "is not a date"),
    (change(base_case(), journey__1__country="XX"), "/journey/1/country",
     "unknown country code 'XX'"),
    (change(base_case(), applicant__nationalities=["hn"]), "/applicant/nationalities/0",
     "is not a country code"),
    (change(base_case(), entry__border="southern"), "/entry/border", "unknown value 'southern'"),
    (change(base_case(), entry__documents="passport"), "/entry/documents", "unknown value"),
    (change(base_case(), journey__2__arrived="2019-10-05", journey__2__departed="2019-10-06"),
     "/journey/2/arrived",
     "after the entry into the United States"),
    (change(base_case(), applicant__date_of_birth="2020-01-01"), "/applicant/date_of_birth",
     "after the entry date"),
    (change(base_case(), decision_date="2019-01-01"), "/decision_date", "before the entry date"),
    (change(base_case(), decision_date="2019-12"), "/decision_date", "not a full date"),
    (change(base_case(), applicant__a_number="12-34"), "/applicant/a_number", "not an A-number"),
    (change(base_case(), applicant__nationalities=[]), "/applicant/nationalities",
     "not marked stateless"),
    (change(base_case(), entry__claimed_within_days=-1), "/entry/claimed_within_days",
     "below the minimum"),
    (change(base_case(), format="waypoint-case/2"), "/format", "unsupported value"),
    (change(base_case(), entry__at_port_of_entry="yes"), "/entry/at_port_of_entry",
     "expected boolean or null"),
    (change(base_case(), circumstances__fear_of_receiving_country={"GT": "maybe"}),
     "/circumstances/fear_of_receiving_country/GT", "unknown value 'maybe'"),
    (change(base_case(), circumstances__fear_of_receiving_country={"QQ": "not_claimed"}),
     "/circumstances/fear_of_receiving_country/QQ", "unknown country code"),
    (change(base_case(), journey__2__protection_claims=[{"filed": "2019-09-20",
                                                         "decided": "2019-09-01"}]),
     "/journey/2/protection_claims/0/decided", "before the claim was filed"),
]


def _without(key: str) -> dict[str, Any]:
    case = base_case()
    del case["entry"][key]
    return case


@pytest.mark.parametrize(("data", "pointer", "words"), BAD + [
    (_without("date"), "/entry/date", "required field is missing"),
])
def test_refusals_name_the_field(data: dict[str, Any], pointer: str, words: str) -> None:
    with pytest.raises(CaseFileError) as caught:
        validate_case_data(data)
    assert caught.value.pointer == pointer
    assert words in caught.value.message
    assert str(caught.value) == f"{pointer}: {caught.value.message}"
    assert any(p.pointer == pointer for p in case_problems(data))


def test_valid_cases_and_unknowns_pass() -> None:
    validate_case_data(base_case())
    sparse = base_case()
    del sparse["circumstances"]
    sparse["entry"] = {"date": "2019-10", "border": "southern_land", "coming_from": "MX"}
    sparse["journey"] = []
    validate_case_data(sparse)
    assert evaluated(sparse)["findings"][0]["outcome"] == "needs_information"
    kosovo = change(base_case(), journey__1__country="XK")
    validate_case_data(kosovo)


def test_not_json_and_not_an_object(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{\"format\": ", encoding="utf-8")
    with pytest.raises(CaseFileError) as caught:
        read_case_file(broken)
    assert caught.value.pointer == "" and "not JSON" in str(caught.value)
    assert case_problems([1, 2])[0].message == "the case file must be a JSON object"


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "desktop", "evaluate", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def test_cli_refuses_an_invalid_case_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(BAD[0][0]), encoding="utf-8")
    result = _cli(str(path), "--format", "json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr == (f"waypoint: {path}: /journey/1/departed: departure 2019-09-10 is "
                             "before arrival 2019-09-12\n")
    not_json = tmp_path / "x.json"
    not_json.write_text("hello", encoding="utf-8")
    result = _cli(str(not_json))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith(f"waypoint: {not_json}: not JSON")
    missing = _cli(str(tmp_path / "absent.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr


def test_cli_decision_date_and_text_format(tmp_path: Path) -> None:
    path = tmp_path / "case.json"
    path.write_text(json.dumps(base_case()), encoding="utf-8")
    vacated = _cli(str(path), "--format", "json", "--decision-date", "2020-07-15")
    assert vacated.returncode == 0
    determination = json.loads(vacated.stdout)
    assert determination["decision_date"] == "2020-07-15"
    assert determination["findings"][0]["outcome"] == "not_in_force"
    text = _cli(str(path), "--format", "text")
    assert text.returncode == 0
    assert "Third-country transit bar (2019) [transit_bar_2019]: APPLIES" in text.stdout
    assert "officer" in text.stdout
    bad_date = _cli(str(path), "--decision-date", "2020-13-01")
    assert bad_date.returncode == 2


@pytest.mark.parametrize(("raw", "words"), [
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ('{"format": NaN}', "NaN is not allowed"),
])
def test_pathological_json_is_refused_cleanly(tmp_path: Path, raw: str, words: str) -> None:
    path = tmp_path / "case.json"
    path.write_text(raw, encoding="utf-8")
    with pytest.raises(CaseFileError) as refused:
        read_case_file(path)
    assert words in str(refused.value)


def test_repeated_key_is_refused_with_its_pointer(tmp_path: Path) -> None:
    text = json.dumps(base_case()).replace('"border": "southern_land"',
                                           '"border": "southern_land", "border": "air"')
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CaseFileError) as refused:
        read_case_file(path)
    assert refused.value.pointer == "/entry/border"


def test_encodings_utf8_bom_accepted_utf16_refused(tmp_path: Path) -> None:
    text = json.dumps(base_case(), ensure_ascii=False)
    bom = tmp_path / "bom.json"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_case_file(bom)["entry"]["border"] == "southern_land"
    wide = tmp_path / "wide.json"
    wide.write_bytes(text.encode("utf-16"))
    with pytest.raises(CaseFileError, match="UTF-16 text; save it as UTF-8"):
        read_case_file(wide)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(MAX_CASE_FILE_BYTES + 1)
    with pytest.raises(CaseFileError, match="at most"):
        read_case_file(path)


def test_unknown_fields_are_reported_not_refused() -> None:
    case = change(base_case(), entry__bordr="air", circumstances__trafficking_victm=True)
    case["journey"][1]["protection_claims"] = [{"outcome": "denied", "finall": True}]
    validate_case_data(case)
    assert unknown_fields(case) == ["/entry/bordr", "/journey/1/protection_claims/0/finall",
                                    "/circumstances/trafficking_victm"]
    assert unknown_fields(base_case()) == []
