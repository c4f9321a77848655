"""The app icon exists in every size and format each system needs."""

from __future__ import annotations

from PIL import Image

from tests.packaging.conftest import PACKAGING

ICONS = PACKAGING / "icons"


def test_png_sizes_for_linux_hicolor() -> None:
    for size in (16, 24, 32, 48, 64, 128, 256, 512, 1024):
        with Image.open(ICONS / f"waypoint-{size}.png") as image:
            assert image.size == (size, size)
            assert image.mode == "RGBA"


def test_windows_ico_holds_16_to_256() -> None:
    with Image.open(ICONS / "waypoint.ico") as ico:
        assert ico.format == "ICO"
        sizes = ico.info["sizes"]
    assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(sizes)


def test_macos_icns_holds_up_to_1024() -> None:
    with Image.open(ICONS / "waypoint.icns") as icns:
        assert icns.format == "ICNS"
        assert icns.size == (1024, 1024)
        sizes = {(w * scale, h * scale) for w, h, scale in icns.info["sizes"]}
    assert {(32, 32), (128, 128), (256, 256), (512, 512), (1024, 1024)} <= sizes
