"""The Linux menu entry, AppStream data and case-file MIME type are valid and agree."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.packaging.conftest import PACKAGING

LINUX = PACKAGING / "linux"
APP_ID = "io.github.waypoint_transit.Waypoint"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / "waypoint-case.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
CASE_TYPE = "application/x-waypoint-case"


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP_FILE, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_opens_case_files() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Icon"] == APP_ID
    assert entry["Exec"].split() == ["waypoint", "%f"]  # one file per start
    assert CASE_TYPE in entry["MimeType"].rstrip(";").split(";")
    assert entry["Terminal"] == "false"


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils absent")
def test_desktop_file_validate_accepts_it() -> None:
    done = subprocess.run(
        ["desktop-file-validate", str(DESKTOP_FILE)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr


def test_mime_type_globs_case_files_as_json() -> None:
    mime_type = ET.parse(MIME_XML).getroot().find(f"{MIME_NS}mime-type")
    assert mime_type is not None and mime_type.get("type") == CASE_TYPE
    globs = [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")]
    assert globs == ["*.waypoint.json", "*.case.json"]
    parents = [p.get("type") for p in mime_type.findall(f"{MIME_NS}sub-class-of")]
    assert parents == ["application/json"]


@pytest.mark.skipif(not shutil.which("update-mime-database"), reason="shared-mime-info absent")
def test_installed_mime_type_resolves_a_case_file(tmp_path: Path) -> None:
    """Install the type into a private MIME database and ask Qt what files are."""
    packages = tmp_path / "share" / "mime" / "packages"
    packages.mkdir(parents=True)
    shutil.copy(MIME_XML, packages)  # Qt adds its built-in freedesktop types (application/json)
    subprocess.run(["update-mime-database", str(packages.parent)], check=True, capture_output=True)
    names = ["smith.waypoint.json", "Smith-1a2b.case.json", "other.json"]
    for name in names:
        (tmp_path / name).write_text("{}", encoding="utf-8")  # the name alone decides
    probe = (
        "import sys\n"
        "from PySide6.QtCore import QMimeDatabase\n"
        "db = QMimeDatabase()\n"
        "print(*(db.mimeTypeForFile(path).name() for path in sys.argv[1:]))\n"
    )
    env = dict(os.environ, XDG_DATA_DIRS=str(tmp_path / "share"), XDG_DATA_HOME=str(tmp_path))
    done = subprocess.run(
        [sys.executable, "-c", probe, *(str(tmp_path / name) for name in names)],
        env=env, capture_output=True, text=True, check=True,
    )
    assert done.stdout.split() == [CASE_TYPE, CASE_TYPE, "application/json"]


def test_appstream_metadata_names_the_desktop_entry_and_type() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_FILE.name
    assert root.findtext("provides/mediatype") == CASE_TYPE
    assert root.findtext("provides/binary") == "waypoint"
    from desktop import __version__

    assert root.find("releases/release").get("version") == __version__  # type: ignore[union-attr]  # None fails the test anyway


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream absent")
def test_appstreamcli_validates_the_metadata() -> None:
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True, text=True, check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("script", ["install.sh", "uninstall.sh"])
def test_install_scripts_parse(script: str) -> None:
    subprocess.run(["bash", "-n", str(LINUX / script)], check=True)


def test_uninstall_keeps_data_unless_asked() -> None:
    text = (LINUX / "uninstall.sh").read_text(encoding="utf-8")
    purge = text.index('if [ "$PURGE" = 1 ]')
    assert 'rm -rf "$DATA_DIR"' in text[purge:]
    assert 'rm -rf "$DATA_DIR"' not in text[:purge]
    assert "DELETE" in text[purge:]  # a typed confirmation, not a default
