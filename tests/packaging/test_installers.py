"""The Windows installer script compiles (NSIS, on Linux too) and says what it must; the CI
workflow and .ci/package.sh likewise."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.packaging.conftest import PACKAGING, ROOT

NSI = PACKAGING / "windows" / "waypoint.nsi"
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def nsis_sections() -> dict[str, str]:
    """The script's sections by name ("Uninstall" included), each up to its SectionEnd."""
    text = NSI.read_text(encoding="utf-8")
    found = re.findall(r'^Section\s+(?:/o\s+)?"([^"]+)"[^\n]*\n(.*?)^SectionEnd', text, re.M | re.S)
    return dict(found)


def compile_installer(tmp_path: Path, version: str = "9.8.7") -> subprocess.CompletedProcess[str]:
    """makensis -WX (every warning an error) over a stand-in bundle of the frozen app."""
    payload = tmp_path / "dist"
    (payload / "_internal").mkdir(parents=True)
    for name in ("waypoint.exe", "waypointw.exe"):
        (payload / name).write_bytes(b"MZ stand-in for the PyInstaller executable")
    (payload / "_internal" / "resource.txt").write_text("stand-in", encoding="utf-8")
    (tmp_path / "out").mkdir()
    return subprocess.run(
        ["makensis", "-WX", "-V2", f"-DAPP_VERSION={version}", f"-DSOURCE_DIR={payload}",
         f"-DOUTPUT_DIR={tmp_path / 'out'}", str(NSI)],
        capture_output=True, text=True, timeout=120, check=False, cwd=NSI.parent)


@pytest.mark.skipif(shutil.which("makensis") is None,
                    reason="NSIS is not installed (apt-get install nsis; CI installs it)")
def test_the_installer_script_compiles_with_every_warning_an_error(tmp_path: Path) -> None:
    done = compile_installer(tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    installer = tmp_path / "out" / "Waypoint-9.8.7-setup.exe"
    assert installer.read_bytes()[:2] == b"MZ"  # a Windows executable
    assert installer.stat().st_size > 50_000


@pytest.mark.skipif(shutil.which("makensis") is None,
                    reason="NSIS is not installed (apt-get install nsis; CI installs it)")
def test_a_broken_installer_script_does_not_compile(tmp_path: Path) -> None:
    broken = tmp_path / "windows" / "waypoint.nsi"
    broken.parent.mkdir()
    broken.write_text(NSI.read_text(encoding="utf-8").replace("SectionEnd", "", 1),
                      encoding="utf-8")
    done = subprocess.run(["makensis", "-WX", "-V1", f"-DSOURCE_DIR={tmp_path}",
                           f"-DOUTPUT_DIR={tmp_path}", str(broken)],
                          capture_output=True, text=True, timeout=120, check=False,
                          cwd=NSI.parent)
    assert done.returncode != 0


def test_installer_has_start_menu_entry_and_uninstaller() -> None:
    text = NSI.read_text(encoding="utf-8")
    program = nsis_sections()["Waypoint (required)"]
    assert '!define APP_EXE "waypointw.exe"' in text
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk" "$INSTDIR\\${APP_EXE}"' in program
    assert 'WriteUninstaller "$INSTDIR\\uninstall.exe"' in program
    assert 'File /r "${SOURCE_DIR}\\*.*"' in program
    assert "RequestExecutionLevel user" in text  # no administrator needed


def test_installer_associates_case_files_without_taking_json() -> None:
    program = nsis_sections()["Waypoint (required)"]
    assert 'WriteRegStr HKCU "Software\\Classes\\.json\\OpenWithProgids" "${PROG_ID}" ""' in program
    # Never the default handler of every .json file:
    assert not re.search(r'WriteRegStr HKCU "Software\\Classes\\\.json" ""', program)


def test_installer_keeps_user_data_unless_asked() -> None:
    uninstall = nsis_sections()["Uninstall"]
    delete_at = uninstall.index('RMDir /r "$LOCALAPPDATA\\${APP_NAME}"')
    asked = uninstall.rindex("MessageBox", 0, delete_at)
    assert "MB_DEFBUTTON2" in uninstall[asked:delete_at]  # "No" is the default button
    assert "/SD IDNO" in uninstall[asked:delete_at]
    assert "IfSilent keep_data" in uninstall[:asked]


def test_workflow_builds_and_smoke_tests_on_three_runners() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("ubuntu-22.04", "windows-latest", "macos-14"):
        assert f"os: {runner}" in text
    assert "packaging/waypoint.spec" in text
    assert "packaging/smoke_test.py --bundle" in text
    assert "waypoint.nsi" in text


def test_package_script_builds_then_smoke_tests() -> None:
    script = ROOT / ".ci" / "package.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    build = text.index('"$PY" -m PyInstaller')
    assert text.index('"$PY" packaging/smoke_test.py') > build
    assert "set -euo pipefail" in text
