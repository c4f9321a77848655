"""The interview sheet in the applicant's language: Haitian Creole, Portuguese (Brazil) and
French besides English and Spanish, agreeing with the applicant's gender where the language
marks it, by default in the applicant's first recorded language; a language with no catalog
is refused with the ones there are. Read back with pdftotext."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import main
from desktop.memo.interview import sheet_questions
from desktop.text_catalogs import text_catalog
from tests.case_paths import EXTRA_CASES_DIR
from tests.memo.helpers import determine, squeeze

FEAR_CASE = EXTRA_CASES_DIR / "aca-fear-of-guatemala-unknown.case.json"  # fear not recorded


def pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout


def _case(languages: list[str], sex: str | None = None) -> dict[str, Any]:
    case: dict[str, Any] = json.loads(FEAR_CASE.read_text("utf-8"))
    case["applicant"]["languages"] = languages
    case["applicant"]["sex"] = sex
    return case


def _sheet(tmp_path: Path, case: dict[str, Any], *language: str) -> tuple[int, Path]:
    source, output = tmp_path / "case.json", tmp_path / "sheet.pdf"
    source.write_text(json.dumps(case), encoding="utf-8")
    code = main(["memo", str(source), "--interview-sheet", "-o", str(output), *language])
    return code, output


def test_haitian_creole_sheet_read_back(tmp_path: Path) -> None:
    code, output = _sheet(tmp_path, _case(["ht", "fr"]))  # no --language: the first recorded
    assert code == 0
    words = pdftotext(output)
    flat = squeeze(words)
    for creole in ("Fèy entèvyou: kesyon ki poko reponn", "Referans dosye a", "Entèprèt",
                   "Èske ou pè pou yo pèsekite ou oswa tòtire ou si yo voye ou nan peyi "
                   "Gwatemala", "Paj 1 sou 1"):
        assert squeeze(creole) in flat, creole
    assert "Interview sheet" not in words and "Do you fear" not in words


@pytest.mark.parametrize(("sex", "expected", "absent"), [
    ("female", "persécutée ou torturée si vous êtes renvoyée", "persécuté ou"),
    ("male", "persécuté ou torturé si vous êtes renvoyé dans", "persécutée"),
    (None, "des persécutions ou la torture en cas de renvoi", "persécuté"),
    ("x", "des persécutions ou la torture en cas de renvoi", "persécuté")])
def test_french_agrees_with_the_applicants_gender_or_stays_neutral(
        sex: str | None, expected: str, absent: str) -> None:
    case = _case(["fr"], sex)
    questions, _officer = sheet_questions(case, determine(case), text_catalog("fr"))
    said = " ".join(questions)
    assert expected in said and absent not in said, said


def test_portuguese_agrees_with_the_applicants_gender() -> None:
    case = _case(["pt"], "female")
    questions, _officer = sheet_questions(case, determine(case), "pt")
    assert any("perseguida ou torturada" in q and "Guatemala" in q for q in questions)
    case["applicant"]["sex"] = None
    neutral, _officer = sheet_questions(case, determine(case), "pt-BR")
    assert any("sofrer perseguição ou tortura" in q for q in neutral)


def test_the_language_given_wins_over_the_recorded_one(tmp_path: Path) -> None:
    code, output = _sheet(tmp_path, _case(["ht"]), "--language", "pt-BR")
    assert code == 0 and "Ficha de entrevista" in pdftotext(output)


def test_a_language_with_no_catalog_names_the_ones_there_are(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, output = _sheet(tmp_path, _case(["quc", "es"]))  # K'iche' first
    err = capsys.readouterr().err
    assert code == 2 and not output.exists()
    assert "no interview sheet in 'quc'" in err
    assert "en, es, fr, ht, pt-BR" in err and "--language" in err and "Traceback" not in err


def test_no_recorded_language_means_english(tmp_path: Path) -> None:
    code, output = _sheet(tmp_path, _case([]))
    assert code == 0 and "Interview sheet: questions still open" in pdftotext(output)
