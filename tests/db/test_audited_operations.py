"""Exports, backups, restores and key changes are audit entries; a bundle carries an anchor.

Each goes through the command line on a real encrypted store; the entries are read back
from the database file, and `audit verify` stays clean after each.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from desktop.cli import main
from tests.conftest import TEST_PASSPHRASE
from tests.db.conftest import make_case
from tests.sqlite_files import connect_file

BUNDLE_SECRET = "bundle passphrase for the office"


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
          capsys: pytest.CaptureFixture[str]) -> tuple[Path, str]:
    monkeypatch.delenv("WAYPOINT_DATABASE_URL", raising=False)
    monkeypatch.setenv("WAYPOINT_BUNDLE_PASSPHRASE", BUNDLE_SECRET)
    case_file = tmp_path / "case.json"
    case_file.write_text(json.dumps(make_case()), "utf-8")
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "import", str(case_file)]) == 0
    return data, capsys.readouterr().out.splitlines()[-1].split()[0]


def _entries(data: Path, passphrase: str = TEST_PASSPHRASE) -> list[tuple[str, str | None,
                                                                         dict[str, object]]]:
    connection = connect_file(data / "waypoint.sqlite3", passphrase)
    try:
        rows = connection.execute(
            "SELECT action, case_id, details_json FROM audit_log ORDER BY id").fetchall()
    finally:
        connection.close()
    return [(action, case_id, json.loads(details)) for action, case_id, details in rows]


def _verified(data: Path, capsys: pytest.CaptureFixture[str], *against: str) -> str:
    capsys.readouterr()
    extra = [arg for target in against for arg in ("--against", target)]
    code = main(["--data-dir", str(data), "audit", "verify", *extra])
    out = capsys.readouterr().out
    assert code == 0, out
    return out


def test_an_export_is_an_entry_and_the_bundle_anchors_the_chain(
        store: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data, case_id = store
    before = _entries(data)
    for name, how in (("case.waypoint-bundle", "--encrypt"), ("case.json", "--plain")):
        assert main(["--data-dir", str(data), "export", case_id, "-o", str(tmp_path / name),
                     how]) == 0
    exported = _entries(data)[len(before):]
    assert exported == [
        ("case.exported", case_id, {"encrypted": True, "sha256": hashlib.sha256(
            (tmp_path / "case.waypoint-bundle").read_bytes()).hexdigest()}),
        ("case.exported", case_id, {"encrypted": False, "sha256": hashlib.sha256(
            (tmp_path / "case.json").read_bytes()).hexdigest()})]
    envelope = json.loads((tmp_path / "case.waypoint-bundle").read_text("utf-8"))
    assert envelope["audit_anchor"].startswith(f"{len(before)}:")
    out = _verified(data, capsys, str(tmp_path / "case.waypoint-bundle"))
    assert f"the chain up to entry {len(before)} matches the bundle case.waypoint-bundle" in out
    # The anchor is authenticated with the rest of the header: changed, the bundle is refused.
    envelope["audit_anchor"] = "1:" + "0" * 64
    forged = tmp_path / "forged.waypoint-bundle"
    forged.write_text(json.dumps(envelope), "utf-8")
    assert main(["--data-dir", str(tmp_path / "other"), "import", str(forged)]) == 2
    assert "wrong passphrase, or the bundle was changed" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "other"), "import",
                 str(tmp_path / "case.waypoint-bundle")]) == 0


def test_backup_restore_and_key_changes_are_entries(
        store: tuple[Path, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    data, _case_id = store
    copy = tmp_path / "copy.sqlite3"
    assert main(["--data-dir", str(data), "backup", "-o", str(copy)]) == 0
    assert _entries(data)[-1] == ("store.backed_up", None, {"file": "copy.sqlite3"})
    assert main(["--data-dir", str(data), "passphrase", "recovery-key"]) == 0
    assert _entries(data)[-1][0::2] == ("store.key_changed", {"change": "recovery key"})
    new_file = tmp_path / "new.txt"
    new_file.write_text("four words for the new one\n", "utf-8")
    assert main(["--data-dir", str(data), "passphrase", "change",
                 "--new-passphrase-file", str(new_file)]) == 0
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", "four words for the new one")
    entries = _entries(data, "four words for the new one")
    assert entries[-1][0::2] == ("store.key_changed", {"change": "passphrase"})
    _verified(data, capsys)
    monkeypatch.setenv("WAYPOINT_PASSPHRASE", TEST_PASSPHRASE)  # the backup's passphrase
    assert main(["--data-dir", str(data), "restore", str(copy)]) == 0
    action, _, details = _entries(data)[-1]
    assert action == "store.restored"
    assert details["backup"] == "copy.sqlite3"
    # The replaced file has another passphrase now: its head comes from the receipts, and
    # what final memos it held is not known (the tamper tests cover a readable one).
    assert "final_memos_lost" not in details
    assert details["replaced_head"][0] == len(entries)
    assert str(details["replaced_kept_as"]).startswith("waypoint.sqlite3.replaced-")
    out = _verified(data, capsys)
    assert f"rolled the store from entry {len(entries)} back to entry" in out
