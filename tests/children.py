"""How the suite starts Python children: with tests/child_site first on PYTHONPATH, so a child
makes the same cheap key slots as the suite (see tests/child_site/sitecustomize.py)."""

from __future__ import annotations

import os
from pathlib import Path

CHILD_SITE = Path(__file__).resolve().parent / "child_site"


def child_pythonpath(*more: str | Path) -> str:
    """PYTHONPATH for a child: the tests' site folder, then `more`."""
    return os.pathsep.join([str(CHILD_SITE), *(str(part) for part in more)])
