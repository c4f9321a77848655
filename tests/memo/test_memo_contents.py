"""The case inside a signed memo: verify re-evaluates the embedded case under the pack the
receipt names and says whether the findings reproduce; an altered embedded file breaks the
signature and is named; signing keeps the PDF/A-3 markers and PDF 1.7."""

from __future__ import annotations

import io
import json
import subprocess
from pathlib import Path

import pikepdf
import pytest

from desktop.cli import main
from desktop.memo.archival import CASE_FILE_NAME, RECEIPT_FILE_NAME, associated_files
from desktop.services import signing
from desktop.services.memo_verification import check_memo
from tests.memo.helpers import (
    CASES_DIR,
    GENERATED_AT,
    agree_with_every_finding,
    determine,
    load_case,
    render,
)

CASE = CASES_DIR / "tb-trafficking-unknown.case.json"
DECIDE_WITHOUT = ["--decide-without", "circumstances.trafficking_victim=Settled at interview."]
PASS = "correct horse battery"
OFFICER = "Ana Pérez"


def _signed(tmp_path: Path, determination: dict | None = None) -> bytes:
    signing.create_officer_key(tmp_path, OFFICER, PASS, now=GENERATED_AT)
    case = load_case("tb-trafficking-unknown")
    pdf = render(case, determination, status="final", prepared_by=OFFICER,
                 finalized_by=OFFICER, finalized_at=GENERATED_AT, signed=True)
    return signing.sign_final_memo(pdf, tmp_path, OFFICER, PASS)


def _rewrite_embedded(pdf: bytes, name: str, change: object) -> bytes:
    """The memo with one embedded JSON file changed by `change` (and the file saved anew)."""
    with pikepdf.open(io.BytesIO(pdf)) as document:
        for spec in document.Root.AF:
            if str(spec.UF) == name:
                data = json.loads(spec.EF.F.read_bytes())
                change(data)  # type: ignore[operator]  # a callable taking the parsed JSON
                spec.EF.F.write(json.dumps(data, indent=2).encode())
        out = io.BytesIO()
        document.save(out)
    return out.getvalue()


def _pdfsig(pdf: bytes, tmp_path: Path) -> str:
    memo = tmp_path / "memo.pdf"
    memo.write_bytes(pdf)
    return subprocess.run(["pdfsig", str(memo)], capture_output=True, text=True).stdout


def test_signed_memo_keeps_pdfa_markers_and_pdf_17(tmp_path: Path) -> None:
    pdf = _signed(tmp_path)
    signing.create_officer_key(tmp_path, "Sam Reviewer", PASS)
    both = signing.countersign(pdf, tmp_path, "Sam Reviewer", PASS)
    for signed in (pdf, both):
        with pikepdf.open(io.BytesIO(signed)) as document:
            # pyHanko would mark an ECDSA-signed file PDF 2.0; PDF/A-3 is PDF 1.7
            assert "/Version" not in document.Root
            assert "/ISO_" not in document.Root.Extensions
            assert "/ESIC" in document.Root.Extensions
            with document.open_metadata(set_pikepdf_as_editor=False) as meta:
                assert (meta["pdfaid:part"], meta["pdfaid:conformance"]) == ("3", "B")
            assert len(document.Root.OutputIntents) == 1
            assert str(document.Root.Lang) == "en-US"
        assert sorted(associated_files(signed)) == [CASE_FILE_NAME, RECEIPT_FILE_NAME]
    report = _pdfsig(both, tmp_path)
    assert report.count("Signature is Valid") == 2
    info = subprocess.run(["pdfinfo", "-"], input=both, capture_output=True, check=True).stdout
    assert b"PDF version:     1.7" in info


def test_verify_says_the_findings_reproduce(tmp_path: Path) -> None:
    check = check_memo(_signed(tmp_path))
    assert check.valid, check.problems
    assert any("the findings reproduce (7 findings" in line for line in check.findings), \
        check.findings


def test_verify_without_the_named_pack_says_it_was_not_reevaluated(tmp_path: Path) -> None:
    determination = determine(load_case("tb-trafficking-unknown"))
    determination["rules_hash"] = "ab" * 32  # a pack this machine does not have
    check = check_memo(_signed(tmp_path, determination), pack_dir=tmp_path / "data")
    assert check.valid, check.problems  # nothing is wrong with the memo itself
    assert not any("the findings reproduce" in line for line in check.findings)
    assert any("rule pack the memo names (abababababababab" in line
               and "is not installed here" in line for line in check.findings)


def test_altered_embedded_case_breaks_the_signature_and_is_named(tmp_path: Path) -> None:
    def rename_applicant(case: dict) -> None:
        case["applicant"]["family_name"] = "Someone Else"

    altered = _rewrite_embedded(_signed(tmp_path), CASE_FILE_NAME, rename_applicant)
    check = check_memo(altered)
    assert not check.valid
    assert any("changed after it was signed" in p for p in check.problems), check.problems
    assert any("not the case the memo was made from" in p and "the memo records" in p
               for p in check.problems)
    assert "Signature is Valid" not in _pdfsig(altered, tmp_path)


def test_altered_receipt_findings_do_not_reproduce(tmp_path: Path) -> None:
    def flip(receipt: dict) -> None:
        first = receipt["findings"][0]
        first["outcome"] = "applies" if first["outcome"] != "applies" else "does_not_apply"

    altered = _rewrite_embedded(_signed(tmp_path), RECEIPT_FILE_NAME, flip)
    check = check_memo(altered)
    assert any("changed after it was signed" in p for p in check.problems)
    assert any("findings do NOT reproduce" in p for p in check.problems), check.problems


def test_cli_final_memo_carries_the_pinned_case_and_officer_conclusions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", PASS)
    data = ["--data-dir", str(tmp_path / "data")]
    memo = tmp_path / "final.pdf"
    assert main([*data, "memo", str(CASE), "-o", str(memo), "--final",
                 "--officer", OFFICER, *agree_with_every_finding(), *DECIDE_WITHOUT]) == 0
    capsys.readouterr()
    files = associated_files(memo.read_bytes())
    case = json.loads(files[CASE_FILE_NAME][1])
    original = json.loads(CASE.read_text("utf-8"))
    assert case["applicant"] == original["applicant"]
    assert case["journey"] == original["journey"]
    receipt = json.loads(files[RECEIPT_FILE_NAME][1])
    assert receipt["decision_date"] == case["decision_date"]
    officer = receipt["officer_determination"]
    assert officer and OFFICER in json.dumps(officer, ensure_ascii=False)
    assert main([*data, "memo", "verify", str(memo)]) == 3  # valid; self-signed signer
    out = capsys.readouterr().out
    assert "the findings reproduce" in out
