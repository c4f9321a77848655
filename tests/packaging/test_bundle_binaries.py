"""The bundle leaves out the Qt libraries that only Qt's virtual keyboard (from Addons) needs."""

from __future__ import annotations

from types import ModuleType

import pytest

from tests.packaging.conftest import PACKAGING


def test_the_spec_filters_the_binaries() -> None:
    spec = (PACKAGING / "waypoint.spec").read_text(encoding="utf-8")
    assert "not unwanted_binary(entry[0])" in spec


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/Qt/lib/libQt6Qml.so.6",
    "PySide6/Qt/lib/libQt6QmlModels.so.6",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6VirtualKeyboard.so.6",
    "PySide6/Qt6Quick.dll",
    "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
    "PySide6/Qt/lib/QtQml.framework/Versions/A/QtQml",
])
def test_virtual_keyboard_and_qml_are_left_out(bundle_contents: ModuleType, dest: str) -> None:
    assert bundle_contents.unwanted_binary(dest)


@pytest.mark.parametrize("dest", [
    "PySide6/Qt/lib/libQt6Pdf.so.6",
    "PySide6/Qt/lib/libQt6PdfWidgets.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6PrintSupport.so.6",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqpdf.so",
    "PySide6/Qt6Pdf.dll",
    "PySide6/Qt/lib/QtPdf.framework/Versions/A/QtPdf",
])
def test_what_the_window_loads_stays(bundle_contents: ModuleType, dest: str) -> None:
    assert not bundle_contents.unwanted_binary(dest)
