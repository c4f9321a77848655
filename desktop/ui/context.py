"""UiServices: the collaborators every page of the window is given (no global registry)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings

from desktop.paths import AppPaths
from desktop.ui.background import BackgroundRunner

if TYPE_CHECKING:  # the storage stack is imported lazily, after the window is on screen
    from desktop.services.cases import CaseService
    from desktop.services.memos import MemoService


@dataclass(frozen=True)
class UiServices:
    """What a page needs: storage services, the background runner, settings and the clock."""

    cases: CaseService
    memos: MemoService
    runner: BackgroundRunner
    settings: QSettings
    clock: Callable[[], datetime]
    paths: AppPaths
    database_url: str
