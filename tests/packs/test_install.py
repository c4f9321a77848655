"""Build, verify and install rule packs; refusals change nothing in the data folder."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.services.rule_pack_file import FILE_FORMAT, canonical_bytes
from desktop.services.rule_packs import PackStore, bundled_info
from tests.owner_only import assert_owner_only
from tests.packs.conftest import UNTRUSTED_KEY, build, copy_rules, snapshot

NEWER = "2099.1.1"


def run(capsys: pytest.CaptureFixture[str], data_dir: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data_dir), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def signed(tmp_path: Path) -> Path:
    return build(copy_rules(tmp_path / "rules", version=NEWER), tmp_path / "new.wprules")


def test_a_signed_pack_installs_becomes_active_and_is_listed(
        capsys: pytest.CaptureFixture[str], data_dir: Path, signed: Path) -> None:
    start = time.perf_counter()
    code, out, err = run(capsys, data_dir, "rules", "install", str(signed))
    elapsed = time.perf_counter() - start
    assert (code, err) == (0, "")
    assert f"Rule pack {NEWER}" in out and "installed and active" in out
    assert elapsed < 1.0, f"install took {elapsed:.2f} s"
    store = PackStore(data_dir)
    installed = [p for p in store.installed() if not p.built_in]
    assert len(installed) == 1 and installed[0].active and installed[0].version == NEWER
    assert (data_dir / "rules" / installed[0].pack_hash / "pack.wprules").read_bytes() == (
        signed.read_bytes())
    assert_owner_only(data_dir / "rules" / installed[0].pack_hash / "pack.wprules")
    code, out, _ = run(capsys, data_dir, "rules", "list")
    lines = out.splitlines()
    assert any(line.startswith("*") and NEWER in line and "2026-11-27" in line
               and "TEST key" in line for line in lines)
    assert any(bundled_info().pack_hash[:12] in line and "built in" in line for line in lines)


def one_byte_changed(raw: bytes, at: int) -> bytes:
    changed = bytearray(raw)
    changed[at] = ord("7") if changed[at] != ord("7") else ord("8")
    return bytes(changed)


def unsigned(raw: bytes) -> bytes:
    document = json.loads(raw)
    del document["signature"]
    return canonical_bytes(document) + b"\n"


@pytest.mark.parametrize("how", ["byte in the rules", "byte in the signature",
                                 "whitespace added", "unsigned", "unknown key",
                                 "not a pack", "too new"])
def test_refused_files_exit_2_with_one_line_and_change_nothing(
        capsys: pytest.CaptureFixture[str], data_dir: Path, signed: Path, tmp_path: Path,
        how: str) -> None:
    raw = signed.read_bytes()
    bad = tmp_path / "bad.wprules"
    if how == "byte in the rules":
        at = raw.index(b'"2019-07-16"') + 9  # a digit of a date in the transit bar
        bad.write_bytes(one_byte_changed(raw, at))
    elif how == "byte in the signature":
        bad.write_bytes(one_byte_changed(raw, raw.index(b'"value":"') + 20))
    elif how == "whitespace added":
        bad.write_bytes(b"{ " + raw[1:])
    elif how == "unsigned":
        bad.write_bytes(unsigned(raw))
    elif how == "unknown key":
        build(copy_rules(tmp_path / "other", version=NEWER), bad, key=UNTRUSTED_KEY)
    elif how == "not a pack":
        bad.write_bytes(b'{"format":"waypoint-case/1"}\n')
    else:
        def future(folder: Path) -> None:
            manifest = json.loads((folder / "pack.json").read_text(encoding="utf-8"))
            manifest["format"] = "waypoint-rules/2"
            (folder / "pack.json").write_text(json.dumps(manifest), encoding="utf-8")
        build(copy_rules(tmp_path / "future", edit=future, version=NEWER), bad)
    before = snapshot(data_dir)
    code, out, err = run(capsys, data_dir, "rules", "install", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("waypoint: ") and "Traceback" not in err
    assert snapshot(data_dir) == before
    assert PackStore(data_dir).active_hash() == bundled_info().pack_hash


def test_the_reasons_are_named(capsys: pytest.CaptureFixture[str], data_dir: Path,
                               signed: Path, tmp_path: Path) -> None:
    raw = signed.read_bytes()
    cases = {
        "altered": one_byte_changed(raw, raw.index(b'"2019-07-16"') + 9),
        "not signed": unsigned(raw),
    }
    for word, content in cases.items():
        (tmp_path / "x.wprules").write_bytes(content)
        _code, _out, err = run(capsys, data_dir, "rules", "install", str(tmp_path / "x.wprules"))
        assert word in err, err
    build(copy_rules(tmp_path / "u", version=NEWER), tmp_path / "u.wprules", key=UNTRUSTED_KEY)
    _code, _out, err = run(capsys, data_dir, "rules", "install", str(tmp_path / "u.wprules"))
    assert "does not trust" in err
    assert json.loads(raw)["format"] == FILE_FORMAT


def test_older_than_active_is_refused_and_rollback_and_activate_work(
        capsys: pytest.CaptureFixture[str], data_dir: Path, signed: Path, tmp_path: Path) -> None:
    assert run(capsys, data_dir, "rules", "install", str(signed))[0] == 0
    newer_hash = PackStore(data_dir).active_hash()
    older = build(copy_rules(tmp_path / "old", version="2098.1.1"), tmp_path / "old.wprules")
    before = snapshot(data_dir)
    code, _out, err = run(capsys, data_dir, "rules", "install", str(older))
    assert code == 2 and "older than the active pack" in err
    assert snapshot(data_dir) == before

    code, out, _ = run(capsys, data_dir, "rules", "rollback")
    assert code == 0 and bundled_info().version in out
    assert PackStore(data_dir).active_hash() == bundled_info().pack_hash
    code, _out, err = run(capsys, data_dir, "rules", "rollback")
    assert code == 2 and "no earlier rule pack" in err
    code, out, _ = run(capsys, data_dir, "rules", "activate", newer_hash[:10])
    assert code == 0 and NEWER in out
    assert PackStore(data_dir).active_hash() == newer_hash
    code, _out, err = run(capsys, data_dir, "rules", "activate", "deadbeef00")
    assert code == 2 and "no single installed rule pack" in err


def test_installing_the_same_file_twice_keeps_one_copy(
        capsys: pytest.CaptureFixture[str], data_dir: Path, signed: Path) -> None:
    assert run(capsys, data_dir, "rules", "install", str(signed))[0] == 0
    code, out, _ = run(capsys, data_dir, "rules", "install", str(signed))
    assert code == 0 and "already installed" in out
    folders = [p for p in (data_dir / "rules").iterdir() if p.is_dir()]
    assert len(folders) == 1


def test_build_needs_a_changelog_and_a_real_key(
        capsys: pytest.CaptureFixture[str], data_dir: Path, tmp_path: Path) -> None:
    folder = copy_rules(tmp_path / "r", version=NEWER)
    key = str(Path(__file__).parent / "keys" / "test-signing-key.pem")
    code, _out, err = run(capsys, data_dir, "rules", "build", str(folder), "-o",
                          str(tmp_path / "a.wprules"), "--key", key)
    assert code == 2 and "changelog" in err
    code, out, _ = run(capsys, data_dir, "rules", "build", str(folder), "-o",
                       str(tmp_path / "a.wprules"), "--key", key, "--changelog", "One change.")
    assert code == 0 and "Wrote" in out
    assert json.loads((tmp_path / "a.wprules").read_bytes())["manifest"]["changelog"] == (
        "One change.")
    code, _out, err = run(capsys, data_dir, "rules", "build", str(folder), "-o",
                          str(tmp_path / "b.wprules"), "--key", str(folder / "pack.json"),
                          "--changelog", "x")
    assert code == 2 and "private key" in err


def test_a_damaged_record_of_an_installed_pack_is_listed_not_hidden(
        capsys: pytest.CaptureFixture[str], data_dir: Path, signed: Path) -> None:
    assert run(capsys, data_dir, "rules", "install", str(signed))[0] == 0
    active = PackStore(data_dir).active_hash()
    (data_dir / "rules" / active / "installed.json").write_text("{", encoding="utf-8")
    code, out, _ = run(capsys, data_dir, "rules", "list")
    assert code == 0 and f"{active[:12]}" in out and "installed.json unreadable" in out
