"""The Windows installer script, the CI workflow and .ci/package.sh say what they must."""

from __future__ import annotations

import re
import subprocess

from tests.packaging.conftest import PACKAGING, ROOT

ISS = PACKAGING / "windows" / "waypoint.iss"
WORKFLOW = ROOT / ".github" / "workflows" / "build.yml"


def iss_sections() -> dict[str, str]:
    text = ISS.read_text(encoding="utf-8")
    parts = re.split(r"^\[(\w+)\]\s*$", text, flags=re.M)
    return {name: body for name, body in zip(parts[1::2], parts[2::2], strict=True)}


def test_inno_setup_has_start_menu_entry_and_uninstaller() -> None:
    sections = iss_sections()
    assert re.search(r"^AppId=\{\{[0-9A-F-]{36}\}", sections["Setup"], re.M)
    assert '#define AppExe "waypointw.exe"' in ISS.read_text(encoding="utf-8")
    assert re.search(r'^Name: "\{autoprograms\}.*Filename: "\{app\}\\\{#AppExe\}"',
                     sections["Icons"], re.M)
    assert "Uninstallable=no" not in sections["Setup"]
    assert r"{#SourceDir}\*" in sections["Files"]


def test_inno_setup_associates_case_files_without_taking_json() -> None:
    registry = iss_sections()["Registry"]
    assert r'Software\Classes\.json\OpenWithProgids' in registry
    assert r'"{app}\{#AppExe}"" ""%1"""' in registry
    # Never the default handler of every .json file:
    assert not re.search(r'Subkey: "Software\\Classes\\\.json"; ValueType: string; ValueName: ""',
                         registry)


def test_inno_setup_keeps_user_data_unless_asked() -> None:
    code = iss_sections()["Code"]
    delete_at = code.index("DelTree(DataDir")
    asked = code.rindex("MsgBox(", 0, delete_at)
    assert "MB_DEFBUTTON2" in code[asked:delete_at]  # "No" is the default button
    assert "UninstallSilent" in code[:delete_at]
    assert "localappdata" not in iss_sections().get("UninstallDelete", "").lower()


def test_workflow_builds_and_smoke_tests_on_three_runners() -> None:
    text = WORKFLOW.read_text(encoding="utf-8")
    for runner in ("ubuntu-22.04", "windows-latest", "macos-14"):
        assert f"os: {runner}" in text
    assert "packaging/waypoint.spec" in text
    assert "packaging/smoke_test.py --bundle" in text
    assert "waypoint.iss" in text


def test_package_script_builds_then_smoke_tests() -> None:
    script = ROOT / ".ci" / "package.sh"
    subprocess.run(["bash", "-n", str(script)], check=True)
    text = script.read_text(encoding="utf-8")
    build = text.index('"$PY" -m PyInstaller')
    assert text.index('"$PY" packaging/smoke_test.py') > build
    assert "set -euo pipefail" in text
