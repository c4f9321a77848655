"""Callbacks from background work that arrive after their widget was deleted are dropped."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject
from shiboken6 import Shiboken


def while_alive(owner: QObject, callback: Callable[..., Any]) -> Callable[..., None]:
    """Wrap a runner callback so it runs only while `owner` still exists."""

    def guarded(*args: Any) -> None:
        if Shiboken.isValid(owner):
            callback(*args)

    return guarded
