"""Screenshots of the case list and every step of issue 27's walk case in the main window at
1024x700, as a caseworker on a small laptop sees them; prints what the geometry check finds.
Run under Xvfb with the real X platform, from the repository's root:

    xvfb-run -a -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb \\
        .venv/bin/python docs/screens/take_screens.py [--size 1024x700] [--out docs/screens]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the walk case and the probe live with the tests

from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.ui.fonts import register_bundled_fonts  # noqa: E402
from tests.gui.step_geometry_probe import probe  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", default="1024x700")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent)
    options = parser.parse_args()
    width, height = (int(part) for part in options.size.split("x"))
    options.out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    register_bundled_fonts()
    found = probe(width, height, options.out)
    print(json.dumps(found, indent=1, ensure_ascii=False))
    del app
    return 1 if any(found.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
