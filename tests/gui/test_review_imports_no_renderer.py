"""The Review page loads on the window's thread without the PDF renderer.

The case pages are imported ahead on the window's thread (desktop.ui.idle_imports) while a
worker may be rendering a memo. When the Review's outcome strip pulled in desktop.memo's
ReportLab modules, the two threads importing the renderer at once deadlocked in the frozen
app (Python's _DeadlockError on desktop.memo.fonts). The strip's words are pure text.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.gui


def test_importing_the_review_page_loads_no_reportlab() -> None:
    probe = ("import sys; import desktop.ui.case_flow.review_page; "
             "print(sorted(m for m in sys.modules "
             "if m.startswith(('reportlab', 'desktop.memo.'))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, check=True, env={**os.environ,
                                                        "QT_QPA_PLATFORM": "offscreen"})
    loaded = done.stdout.strip()
    assert "reportlab" not in loaded, loaded
    assert "desktop.memo.render" not in loaded and "desktop.memo.fonts" not in loaded, loaded
