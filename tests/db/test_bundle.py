"""waypoint-bundle/1: export --encrypt writes it, import reads it; plain export warns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.bundle import BUNDLE_FORMAT, BundleError, open_bundle, seal
from tests.db.conftest import make_case

BUNDLE_SECRET = "bundle passphrase for the office"


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.setenv("WAYPOINT_BUNDLE_PASSPHRASE", BUNDLE_SECRET)
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case()), "utf-8")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(case_file)]) == 0
    case_id = capsys.readouterr().out.splitlines()[-1].split()[0]
    return data, case_id


def test_export_encrypt_and_import_round_trip(data_dir: tuple[Path, str], tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data, case_id = data_dir
    bundle = tmp_path / "case.waypoint-bundle"
    assert main(["--data-dir", str(data), "export", case_id, "-o", str(bundle),
                 "--encrypt"]) == 0
    raw = bundle.read_bytes()
    assert json.loads(raw)["format"] == BUNDLE_FORMAT
    # Whole words only: a 3-letter piece such as b"Ram" turns up in base64 ciphertext by chance
    # (about one bundle in fifty), so it proved nothing and failed at random.
    for secret in ("Ramírez".encode(), "Ana Lucía".encode(), b"212345678", b"212-345-678",
                   b"1994-03"):
        assert secret not in raw
    assert bundle.stat().st_mode & 0o077 == 0
    assert "warning" not in capsys.readouterr().err

    other = tmp_path / "other"
    assert main(["--data-dir", str(other), "import", str(bundle)]) == 0
    assert "Imported 1 new case(s)" in capsys.readouterr().out
    assert main(["--data-dir", str(other), "list"]) == 0
    assert "Ramírez Cruz, Ana Lucía" in capsys.readouterr().out


def test_wrong_bundle_passphrase_or_a_changed_byte_is_refused(
        data_dir: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    data, case_id = data_dir
    bundle = tmp_path / "case.waypoint-bundle"
    assert main(["--data-dir", str(data), "export", case_id, "-o", str(bundle),
                 "--encrypt"]) == 0
    monkeypatch.setenv("WAYPOINT_BUNDLE_PASSPHRASE", "not it")
    capsys.readouterr()
    assert main(["--data-dir", str(tmp_path / "other"), "import", str(bundle)]) == 2
    err = capsys.readouterr().err
    assert "wrong passphrase, or the bundle was changed" in err and "nothing was imported" in err
    envelope = json.loads(bundle.read_text())
    envelope["kdf"]["n"] = envelope["kdf"]["n"] * 2  # the header is authenticated too
    bundle.write_text(json.dumps(envelope))
    with pytest.raises(BundleError, match="wrong passphrase, or the bundle was changed"):
        open_bundle(bundle, BUNDLE_SECRET)


def test_plain_export_says_it_leaves_the_encrypted_store(
        data_dir: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, case_id = data_dir
    plain = tmp_path / "out.json"
    assert main(["--data-dir", str(data), "export", case_id, "-o", str(plain), "--plain"]) == 0
    assert "plain JSON: it has left the encrypted store" in capsys.readouterr().err
    assert json.loads(plain.read_text("utf-8"))["applicant"]["family_name"] == "Ramírez Cruz"


def test_seal_and_open_are_inverse(tmp_path: Path) -> None:
    path = tmp_path / "b"
    path.write_bytes(seal({"format": "waypoint-case/1", "x": "王"}, "pw"))
    assert open_bundle(path, "pw") == {"format": "waypoint-case/1", "x": "王"}
