"""What the real-X tests share: their marks (xcb only) and keyboard helpers."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

# Offscreen has no real dialogs or focus: these tests run only on the xcb platform (Xvfb).
REAL_X_MARKS = [
    pytest.mark.gui,
    pytest.mark.xcb,
    pytest.mark.skipif(
        os.environ.get("QT_QPA_PLATFORM") != "xcb", reason="needs a real X server (xcb)"
    ),
]

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def modal() -> QWidget | None:
    return QApplication.activeModalWidget()


def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused() or QApplication.activeWindow(), key, modifier)
