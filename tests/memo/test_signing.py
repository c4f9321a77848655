"""Final memos carry the officer's PAdES signature; verify, pdfsig and a one-byte change agree."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services import signing
from desktop.services.memo_verification import StoredMemoFacts, check_memo
from tests.memo.helpers import (
    CASES_DIR,
    GENERATED_AT,
    agree_with_every_finding,
    load_case,
    pages_text,
    render,
)
from tests.owner_only import assert_mode

CASE = CASES_DIR / "tb-trafficking-unknown.case.json"
# Its one open question, decided without by the finalizing officer (a final memo needs it).
DECIDE_WITHOUT = ["--decide-without", "circumstances.trafficking_victim=Settled at interview."]
PASS = "correct horse battery"


def _final(tmp_path: Path, officer: str = "Ana Pérez") -> bytes:
    signing.create_officer_key(tmp_path, officer, PASS, now=GENERATED_AT)
    pdf = render(load_case("tb-trafficking-unknown"), status="final", prepared_by=officer,
                 finalized_by=officer, finalized_at=GENERATED_AT, signed=True)
    return signing.sign_final_memo(pdf, tmp_path, officer, PASS)


def _one_byte_changed(pdf: bytes) -> bytes:
    changed = bytearray(pdf)
    at = pdf.index(b"/Keywords") + 12  # inside the signed range
    changed[at] ^= 0x01
    return bytes(changed)


def _pdfsig(path: Path) -> str:
    return subprocess.run(["pdfsig", str(path)], capture_output=True, text=True).stdout


def test_key_is_encrypted_and_owner_only(tmp_path: Path) -> None:
    made = signing.create_officer_key(tmp_path, "Ana Pérez", PASS)
    assert_mode(made.path, 0o600)
    assert_mode(made.path.parent, 0o700)
    with pytest.raises(signing.SigningError, match="passphrase does not open"):
        signing.load_signer(tmp_path, "Ana Pérez", "wrong")
    with pytest.raises(signing.SigningError, match="already has a signing key"):
        signing.create_officer_key(tmp_path, "Ana Pérez", PASS)


def test_signed_memo_verifies_and_pdfsig_agrees(tmp_path: Path) -> None:
    pdf = _final(tmp_path)
    check = check_memo(pdf)
    assert check.valid, check.problems
    assert check.signatures[0].signer == "Ana Pérez"
    assert check.facts_digest and check.rules_hash
    memo = tmp_path / "final.pdf"
    memo.write_bytes(pdf)
    report = _pdfsig(memo)
    assert "Signature is Valid" in report and "Total document signed" in report
    assert "digitally signed" in "\n".join(pages_text(pdf))


def test_one_changed_byte_fails_verify_and_pdfsig(tmp_path: Path) -> None:
    broken = _one_byte_changed(_final(tmp_path))
    check = check_memo(broken)
    assert not check.valid
    assert any("changed after it was signed" in p for p in check.problems)
    memo = tmp_path / "broken.pdf"
    memo.write_bytes(broken)
    assert "Signature is Valid" not in _pdfsig(memo)


def test_reviewer_counter_signature_keeps_both_valid(tmp_path: Path) -> None:
    pdf = _final(tmp_path)
    signing.create_officer_key(tmp_path, "Sam Reviewer", PASS)
    both = signing.countersign(pdf, tmp_path, "Sam Reviewer", PASS)
    check = check_memo(both)
    assert check.valid, check.problems
    assert [s.signer for s in check.signatures] == ["Ana Pérez", "Sam Reviewer"]
    memo = tmp_path / "both.pdf"
    memo.write_bytes(both)
    assert _pdfsig(memo).count("Signature is Valid") == 2


def test_unsigned_memo_and_database_mismatch_are_reported(tmp_path: Path) -> None:
    assert not check_memo(render(load_case("tb-trafficking-unknown"))).valid
    pdf = _final(tmp_path)
    other = StoredMemoFacts("stored final memo 3", "0" * 64, None)
    check = check_memo(pdf, stored=lambda _sha, _digest: other)
    assert not check.valid
    assert any("facts digest differs" in p for p in check.problems)


def test_imported_pkcs12_signs(tmp_path: Path) -> None:
    made = signing.create_officer_key(tmp_path / "elsewhere", "Org Officer", "org-pass")
    signing.import_officer_key(tmp_path, "Ana Pérez", made.path.read_bytes(), "org-pass")
    pdf = render(load_case("tb-trafficking-unknown"), status="final", finalized_by="Ana Pérez",
                 finalized_at=GENERATED_AT, signed=True)
    assert check_memo(signing.sign_final_memo(pdf, tmp_path, "Ana Pérez", "org-pass")).valid


def test_cli_final_signs_and_verify_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", PASS)
    data = ["--data-dir", str(tmp_path / "data")]
    memo = tmp_path / "final.pdf"
    assert main([*data, "memo", str(CASE), "-o", str(memo), "--final",
                 "--officer", "Ana Pérez", *agree_with_every_finding(), *DECIDE_WITHOUT]) == 0
    assert main([*data, "memo", "verify", str(memo)]) == 3  # a self-signed key: valid, no one
    out = capsys.readouterr().out
    assert "intact and valid" in out and "IDENTITY IS NOT ESTABLISHED" in out
    assert "a self-signed key" in out
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(_one_byte_changed(memo.read_bytes()))
    assert main([*data, "memo", "verify", str(broken)]) == 1
    assert "NOT VALID" in capsys.readouterr().out
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "wrong")
    assert main([*data, "memo", str(CASE), "-o", str(tmp_path / "x.pdf"), "--final",
                 "--officer", "Ana Pérez", *agree_with_every_finding(), *DECIDE_WITHOUT]) == 2
    assert "passphrase does not open" in capsys.readouterr().err


def test_a_memo_that_cannot_be_read_is_named(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """verify and countersign name the file they cannot read, exit 2, no traceback."""
    data = ["--data-dir", str(tmp_path / "data")]
    missing = tmp_path / "no such memo.pdf"
    assert main([*data, "memo", "verify", str(missing)]) == 2
    assert f"{missing}: cannot read it (No such file or directory)" in capsys.readouterr().err
    assert main([*data, "memo", "countersign", str(tmp_path), "--officer", "Sam Reviewer",
                 "-o", str(tmp_path / "out.pdf")]) == 2
    assert f"{tmp_path}: cannot read it (Is a directory)" in capsys.readouterr().err
    assert not (tmp_path / "out.pdf").exists()


def test_quick_check_agrees_with_pyhanko(tmp_path: Path) -> None:
    from desktop.services.memo_verification import _full_check, _quick_check

    pdf = _final(tmp_path)
    for memo in (pdf, _one_byte_changed(pdf)):
        quick, full = _quick_check(memo), _full_check(memo)
        assert quick is not None
        (mine,), (theirs,) = quick[0], full[0]
        assert (mine.intact, mine.valid, mine.signer, mine.fingerprint) == \
            (theirs.intact, theirs.valid, theirs.signer, theirs.fingerprint)
        assert mine.signed_at == theirs.signed_at.replace(microsecond=0)
        assert quick[1] == full[1]


def _agree(memo: bytes) -> None:
    from desktop.services.memo_verification import _full_check, _quick_check

    quick, full = _quick_check(memo), _full_check(memo)
    assert quick is not None
    mine = [(s.intact, s.valid, s.signer, s.fingerprint, s.covers_whole_file) for s in quick[0]]
    theirs = [(s.intact, s.valid, s.signer, s.fingerprint, s.covers_whole_file)
              for s in full[0]]
    assert mine == theirs
    assert [s.signed_at for s in quick[0]] == [
        s.signed_at.replace(microsecond=0) if s.signed_at else None for s in full[0]]


def test_quick_check_of_a_counter_signed_memo_agrees_with_pyhanko(tmp_path: Path) -> None:
    signing.create_officer_key(tmp_path, "Sam Reviewer", PASS)
    both = signing.countersign(_final(tmp_path), tmp_path, "Sam Reviewer", PASS)
    _agree(both)
    broken = _one_byte_changed(both)  # inside both signatures' ranges
    _agree(broken)
    check = check_memo(broken)
    assert not check.valid and len(check.signatures) == 2
    assert not any(s.intact for s in check.signatures)


def test_bytes_appended_after_the_last_signature_are_left_to_pyhanko(tmp_path: Path) -> None:
    from desktop.services.memo_verification import _quick_check

    appended = _final(tmp_path) + b"\n1 0 obj (added) endobj\n"
    assert _quick_check(appended) is None
    check = check_memo(appended)
    assert not check.valid
    assert any("added to the file after the last signature" in p for p in check.problems)


def test_verify_command_loads_no_qt_engine_database_or_pyhanko(tmp_path: Path) -> None:
    signing.create_officer_key(tmp_path, "Sam Reviewer", PASS)
    memo = tmp_path / "both.pdf"
    memo.write_bytes(signing.countersign(_final(tmp_path), tmp_path, "Sam Reviewer", PASS))
    probe = ("import sys; from desktop.launcher import main; code = main(['--data-dir', "
             f"{str(tmp_path)!r}, 'memo', 'verify', {str(memo)!r}, '--signatures-only']); "
             "heavy = [m for m in ('PySide6', 'desktop.engine', 'jsonschema', 'sqlalchemy', "
             "'pyhanko', 'cryptography.x509') if m in sys.modules]; "
             "print('LOADED', heavy); sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 3, done.stdout + done.stderr  # self-signed keys: valid, no one
    assert "Signature 2 (Sam Reviewer" in done.stdout
    assert "LOADED []" in done.stdout
    assert "re-evaluated" not in done.stdout  # the embedded case needs the engine: not asked


def test_import_checks_the_file_before_anything_is_written(tmp_path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    data = signing.create_officer_key(tmp_path / "org", "Org Officer", "org-pass").path
    issued = data.read_bytes()
    store = tmp_path / "data"
    with pytest.raises(signing.SigningError, match="a.p12 is not a PKCS#12 key file"):
        signing.import_officer_key(store, "Ana Pérez", b"%PDF-1.7", "org-pass", source="a.p12")
    with pytest.raises(signing.SigningError, match="passphrase does not open a.p12"):
        signing.import_officer_key(store, "Ana Pérez", issued, "wrong", source="a.p12")
    with pytest.raises(signing.SigningError, match="officer's name"):
        signing.import_officer_key(store, "  ", issued, "org-pass")
    _key, certificate, _ = pkcs12.load_key_and_certificates(issued, b"org-pass")
    certificate_only = pkcs12.serialize_key_and_certificates(
        b"x", None, certificate, None, serialization.BestAvailableEncryption(b"org-pass"))
    with pytest.raises(signing.SigningError, match="holds no private key"):
        signing.import_officer_key(store, "Ana Pérez", certificate_only, "org-pass")
    assert not signing.keys_dir(store).exists()  # nothing written, not even the folder
    signing.create_officer_key(store, "Ana Pérez", PASS)
    before = signing.key_path(store, "Ana Pérez").read_bytes()
    with pytest.raises(signing.SigningError, match="already has a signing key"):
        signing.import_officer_key(store, "Ana Pérez", issued, "org-pass", replace=False)
    assert signing.key_path(store, "Ana Pérez").read_bytes() == before


def test_cli_key_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                        capsys: pytest.CaptureFixture[str]) -> None:
    issued = signing.create_officer_key(tmp_path / "org", "Org Officer", "org-pass")
    data = ["--data-dir", str(tmp_path / "data")]
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "wrong")
    assert main([*data, "memo", "key", "import", str(issued.path), "--officer", "Ana"]) == 2
    assert "passphrase does not open" in capsys.readouterr().err
    assert main([*data, "memo", "key", "import", str(tmp_path / "none.p12"),
                 "--officer", "Ana"]) == 2
    assert "no such file" in capsys.readouterr().err
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", "org-pass")
    assert main([*data, "memo", "key", "import", str(issued.path), "--officer", "Ana"]) == 0
    assert issued.fingerprint in capsys.readouterr().out
