"""Identity you can check: an office authority issues officers' keys into a registry, and
`memo verify` says (exit 0/3/1) whether a memo is valid and signed by a registered person of a
trusted office, valid but by no one established, or not valid.

Everything runs through the real CLI on real encrypted SQLite files and real signed PDFs.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from asn1crypto import cms

from desktop.cli import main
from desktop.services import signing
from tests.memo.helpers import CASES_DIR, agree_with_every_finding, pages_text

CASE = CASES_DIR / "tb-trafficking-unknown.case.json"
CA_PASS = "office authority words"
KEY_PASS = "officer key words"


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder whose office authority issued Dana (caseworker) and Sam (supervisor)."""
    monkeypatch.setenv("WAYPOINT_CA_PASSPHRASE", CA_PASS)
    monkeypatch.setenv("WAYPOINT_SIGNING_PASSPHRASE", KEY_PASS)
    data = tmp_path / "office"
    assert cli(data, "admin", "office-ca", "create", "--name", "Tucson Field Office") == 0
    assert cli(data, "admin", "issue-key", "Dana Cole", "--role", "caseworker") == 0
    assert cli(data, "admin", "issue-key", "Sam Ortiz", "--role", "supervisor",
               "-o", str(tmp_path / "sam.p12")) == 0
    return data


def cli(data: Path, *args: str) -> int:
    return main(["--data-dir", str(data), *args])


def final_memo(data: Path, officer: str, out: Path) -> Path:
    assert cli(data, "memo", str(CASE), "-o", str(out), "--final", "--officer", officer,
               *agree_with_every_finding(), "--decide-without",
               "circumstances.trafficking_victim=Settled at interview.") == 0
    return out


def verify(data: Path, memo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    code = cli(data, "memo", "verify", str(memo))
    return code, capsys.readouterr().out


def one_byte_changed(memo: Path, out: Path) -> Path:
    changed = bytearray(memo.read_bytes())
    changed[changed.index(b"/Keywords") + 12] ^= 0x01  # inside the signed range
    out.write_bytes(bytes(changed))
    return out


def test_office_key_self_signed_key_and_one_byte_change_give_0_3_1(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    issued = final_memo(office, "Dana Cole", tmp_path / "issued.pdf")
    code, out = verify(office, issued, capsys)
    assert code == 0, out
    assert "signed by Dana Cole, caseworker, with a certificate registered by the office" in out
    assert "VALID: signed by a registered person of a trusted office" in out
    assert "Tucson Field Office" in " ".join(pages_text(issued.read_bytes()))

    lone = final_memo(office, "Lee Lone", tmp_path / "lone.pdf")  # a key made on first use
    code, out = verify(office, lone, capsys)
    assert code == 3, out
    assert "a self-signed key: no office vouches for the signer" in out
    assert "IDENTITY IS NOT ESTABLISHED" in out
    memo_text = " ".join(" ".join(pages_text(lone.read_bytes())).split())
    assert "Signed with a self-signed key" in memo_text
    assert "identity is not established" in memo_text

    code, out = verify(office, one_byte_changed(issued, tmp_path / "changed.pdf"), capsys)
    assert code == 1 and "NOT VALID" in out and "changed after it was signed" in out


def test_a_revoked_key_makes_its_memos_not_valid(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    issued = final_memo(office, "Dana Cole", tmp_path / "issued.pdf")
    assert cli(office, "admin", "revoke-key", "Dana Cole", "--reason", "laptop stolen") == 0
    code, out = verify(office, issued, capsys)
    assert code == 1, out
    assert "was revoked by the office" in out and "laptop stolen" in out
    capsys.readouterr()
    assert cli(office, "admin", "keys") == 0
    listing = capsys.readouterr().out
    assert "Dana Cole  caseworker" in listing and "revoked" in listing
    assert "Sam Ortiz  supervisor" in listing and "in force" in listing
    assert cli(office, "admin", "revoke-key", "Dana Cole", "--reason", "again") == 2


def test_a_counter_signature_is_a_review_only_from_a_supervisors_certificate(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    issued = final_memo(office, "Dana Cole", tmp_path / "issued.pdf")
    by_caseworker = tmp_path / "by-caseworker.pdf"
    capsys.readouterr()
    assert cli(office, "memo", "countersign", str(issued), "--officer", "Dana Cole",
               "-o", str(by_caseworker)) == 0
    assert "does not count as a review: Dana Cole is registered as a caseworker" in \
        capsys.readouterr().err
    code, out = verify(office, by_caseworker, capsys)
    assert code == 1, out
    assert "signs as a caseworker, not a supervisor: the counter-signature does not count as " \
           "a review" in out
    by_supervisor = tmp_path / "by-supervisor.pdf"
    assert cli(office, "memo", "countersign", str(issued), "--officer", "Sam Ortiz",
               "-o", str(by_supervisor)) == 0
    assert "does not count" not in capsys.readouterr().err
    code, out = verify(office, by_supervisor, capsys)
    assert code == 0, out
    assert "signed by Sam Ortiz, supervisor" in out


def test_another_offices_key_or_no_registry_is_not_established(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    assert cli(elsewhere, "admin", "office-ca", "create", "--name", "Another Office") == 0
    assert cli(elsewhere, "admin", "issue-key", "Kim Park", "--role", "supervisor") == 0
    foreign = final_memo(elsewhere, "Kim Park", tmp_path / "foreign.pdf")
    code, out = verify(office, foreign, capsys)
    assert code == 3, out
    assert "an authority this office does not trust" in out
    issued = final_memo(office, "Dana Cole", tmp_path / "issued.pdf")
    code, out = verify(tmp_path / "empty", issued, capsys)  # no database: no one vouches
    assert code == 3 and "no office registry was consulted" in out
    assert not (tmp_path / "empty" / "waypoint.sqlite3").exists()


def test_importing_the_authority_certificate_makes_another_office_trust_it(
        office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    issued = final_memo(office, "Sam Ortiz", tmp_path / "issued.pdf")
    p12 = pkcs12.load_pkcs12((tmp_path / "sam.p12").read_bytes(), KEY_PASS.encode())
    authority = p12.additional_certs[0].certificate  # the office's authority travels with it
    pem = tmp_path / "office-ca.pem"
    pem.write_bytes(authority.public_bytes(Encoding.PEM))
    receiving = tmp_path / "receiving"
    assert cli(receiving, "admin", "office-ca", "import", str(pem)) == 0
    code, out = verify(receiving, issued, capsys)
    assert code == 3 and "not in the office's registry of officers" in out
    not_a_ca = tmp_path / "not-a-ca.pem"
    not_a_ca.write_bytes(p12.cert.certificate.public_bytes(Encoding.PEM))
    assert cli(receiving, "admin", "office-ca", "import", str(not_a_ca)) == 2
    assert "is not a certificate authority" in capsys.readouterr().err


def test_pdfsig_shows_the_chain_embedded_in_the_signature(office: Path, tmp_path: Path) -> None:
    issued = final_memo(office, "Dana Cole", tmp_path / "issued.pdf")
    shown = subprocess.run(["pdfsig", str(issued)], capture_output=True, text=True).stdout
    assert "Signer Certificate Common Name: Dana Cole" in shown
    assert "O=Tucson Field Office signing authority" in shown
    assert "Signature is Valid" in shown
    dump = tmp_path / "dump"
    dump.mkdir()
    subprocess.run(["pdfsig", "-dump", str(issued)], cwd=dump, capture_output=True, check=True)
    [signature_file] = list(dump.iterdir())
    signed_data = cms.ContentInfo.load(signature_file.read_bytes())["content"]
    subjects = sorted(c.chosen.subject.native["common_name"]
                      for c in signed_data["certificates"])
    assert subjects == ["Dana Cole", "Tucson Field Office signing authority"]


def test_the_key_is_installed_and_a_wrong_passphrase_issues_nothing(
        office: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    assert signing.has_key(office, "Dana Cole")
    assert "issued by" in signing.signer_note(office, "Dana Cole")
    monkeypatch.setenv("WAYPOINT_CA_PASSPHRASE", "not the authority's")
    capsys.readouterr()
    assert cli(office, "admin", "issue-key", "Ravi Shah", "--role", "caseworker") == 2
    assert "passphrase does not open the office authority's key" in capsys.readouterr().err
    assert not signing.has_key(office, "Ravi Shah")
    assert cli(office, "admin", "office-ca", "create", "--name", "Twice") == 2
    monkeypatch.setenv("WAYPOINT_CA_PASSPHRASE", CA_PASS)
    assert cli(office, "admin", "add-profile", "ravi", "--name", "Ravi Shah",
               "--role", "caseworker") == 0
    capsys.readouterr()
    assert cli(office, "admin", "issue-key", "Ravi Shah", "--role", "supervisor") == 2
    assert "the key's role must match" in capsys.readouterr().err
    assert cli(office, "admin", "issue-key", "Ravi Shah", "--role", "caseworker") == 0
