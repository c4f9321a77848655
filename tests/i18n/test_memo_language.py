"""The memo in Spanish, chosen per memo: rendered through the real CLI and read back with
pdftotext; the officer's own words and the citations are printed as given; dates in long form;
the catalog's hash recorded in the decision receipt like the rule pack's."""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
from pathlib import Path

import pikepdf
import pytest

from desktop.cli import main
from desktop.text_catalogs import mo_path
from tests.memo.helpers import CASES_DIR, agree_with_every_finding, squeeze

CASE = CASES_DIR / "tb-trafficking-unknown.case.json"  # one question still open
QUESTION = "circumstances.trafficking_victim"
WHY = "The applicant's credible testimony at interview settles it; no document exists."
DIFFER = "Her testimony shows trafficking by the smuggler; the exception is met."
LONG_DATE = re.compile(r"\b\d{1,2} de (enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
                       r"septiembre|octubre|noviembre|diciembre) de \d{4}\b")
SHORT_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b")


@pytest.fixture(autouse=True)
def _signing_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "a passphrase")  # a final memo is signed


def pdftotext(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, timeout=60, check=True)
    return done.stdout


def receipt(path: Path) -> dict[str, object]:
    with pikepdf.open(path) as pdf:
        data = pdf.attachments["decision-receipt.json"].get_file().read_bytes()
    loaded: dict[str, object] = json.loads(data)
    return loaded


def _final_memo(tmp_path: Path, *language: str) -> Path:
    output = tmp_path / f"final-{'-'.join(language) or 'en'}.pdf"
    code = main(["--data-dir", str(tmp_path / "data"), "memo", str(CASE), "-o", str(output),
                 "--final", "--officer", "R. Okafor", *agree_with_every_finding(),
                 "--conclusion", f"transit_bar_2019=differ:{DIFFER}",
                 "--decide-without", f"{QUESTION}={WHY}", *language])
    assert code == 0
    return output


def test_a_final_memo_in_spanish_keeps_the_officers_words_and_citations(tmp_path: Path) -> None:
    words = pdftotext(_final_memo(tmp_path, "--language", "es"))
    flat = squeeze(words)
    for spanish in ("Determinación sobre los requisitos de tránsito", "Resumen",
                    "Lo que aún se necesita", "Historial de viaje", "Determinación de R. Okafor",
                    "Difiere de la conclusión de Waypoint", "Firmas", "Página 1 de"):
        assert squeeze(spanish) in flat, spanish
    assert squeeze(DIFFER) in flat and squeeze(WHY) in flat  # never rephrased
    for citation in ("8 CFR 208.13(c)(4)", "84 FR 33829"):
        assert squeeze(citation) in flat, citation
    assert LONG_DATE.search(words)  # long dates by locale (Babel): "10 de diciembre de 2019"
    assert not SHORT_DATE.search(words), SHORT_DATE.search(words)
    assert "Summary" not in words and "What is still needed" not in words
    assert "BORRADOR" not in words and "DRAFT" not in words  # final: no watermark either way


def test_the_receipt_records_the_catalog_like_the_rule_pack(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    memo = _final_memo(tmp_path, "--language", "es")
    spanish = receipt(memo)
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "data"), "memo", "verify", str(memo)]) == 3
    said = capsys.readouterr().out  # 3: valid, the self-signed officer key is vouched by none
    assert "Worded from the es text catalog" in said and "installed here is the same" in said
    english = receipt(_final_memo(tmp_path))
    expected = hashlib.sha256(Path(mo_path("es")).read_bytes()).hexdigest()
    assert spanish["text_language"] == "es" and spanish["text_catalog_hash"] == expected
    assert spanish["rules_hash"] == english["rules_hash"]
    assert spanish["findings"] == english["findings"]  # the same decision, worded in Spanish
    assert "text_catalog_hash" not in english  # English memos' receipts are as they were


def test_a_draft_in_english_is_byte_for_byte_the_default(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1773500000")
    default, english = tmp_path / "default.pdf", tmp_path / "en.pdf"
    assert main(["memo", str(CASE), "-o", str(default)]) == 0
    assert main(["memo", str(CASE), "-o", str(english), "--language", "en"]) == 0
    assert default.read_bytes() == english.read_bytes()


def test_a_memo_language_without_a_catalog_is_refused(tmp_path: Path,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    output = tmp_path / "memo.pdf"
    assert main(["memo", str(CASE), "-o", str(output), "--language", "ht"]) == 2
    err = capsys.readouterr().err
    assert "no memo in 'ht'" in err and "en, es" in err and not output.exists()


def test_evaluate_words_its_summary_in_spanish(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(CASE), "--language", "es", "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["summary_translated"].startswith("Evaluado el ")
    assert result["text_catalog_hash"] and result["summary"].startswith("Evaluated on ")
    assert main(["evaluate", str(CASE), "--language", "es"]) == 0
    text = capsys.readouterr().out
    assert text.startswith("Determinación de Waypoint") and "Traceback" not in text


def test_the_open_questions_are_asked_in_spanish(tmp_path: Path) -> None:
    """The memo's open questions in Spanish are the interview sheet's (what the caseworker
    asks), with the answers' effects in Spanish."""
    output = tmp_path / "borrador.pdf"
    assert main(["memo", str(CASE), "-o", str(output), "--language", "es"]) == 0
    flat = squeeze(pdftotext(output))
    assert squeeze("víctima de trata de personas") in flat
    assert squeeze("excepción acreditada") in flat
    assert squeeze("victim of trafficking") not in flat


MEMO_CHROME = ("Summary", "What is still needed", "When each outcome holds", "Travel history",
               "Findings for the rules", "Rules that do not reach", "Signatures",
               "Officer's notes", "Prepared by", "Case reference", "Date of birth", "Facts:",
               "Outcome:", "Consequence:", "Page ", "party since", "permanent offer",
               "not asked yet", "Travelling with", "Decision dates and outcome",
               "What the record shows", "Rule pack SHA-256", "Stateless", "Crossed from")


@pytest.mark.parametrize("name", ["aca-salvadoran-to-guatemala", "tb-claim-pending-in-mexico",
                                  "tb-trafficking-unknown"])
def test_no_memo_wording_is_left_in_english(name: str, tmp_path: Path) -> None:
    """The memo's own words (not the engine's sentences) are all Spanish."""
    output = tmp_path / f"{name}.pdf"
    assert main(["memo", str(CASES_DIR / f"{name}.case.json"), "-o", str(output),
                 "--language", "es"]) == 0
    words = " ".join(pdftotext(output).split())
    left = [phrase for phrase in MEMO_CHROME if phrase in words]
    assert not left, left
