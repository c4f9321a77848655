"""The main window's size and place: restored from settings, kept within the screen."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtWidgets import QApplication, QMainWindow

GEOMETRY_KEY = "main_window/geometry"
SIZE_KEY = "main_window/size"
DEFAULT_SIZE = QSize(1100, 680)


def restore_geometry(window: QMainWindow, settings: QSettings) -> None:
    """The size and place saved at the last close, fitted to this screen."""
    geometry = settings.value(GEOMETRY_KEY)
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        window.restoreGeometry(geometry)
    else:
        window.resize(DEFAULT_SIZE)
        if _fill_small_screen(window):  # first start on a small screen: all of it
            return
    saved = settings.value(SIZE_KEY)
    fit_on_screen(window, saved if isinstance(saved, QSize) else window.size())


def _fill_small_screen(window: QMainWindow) -> bool:
    """On a screen smaller than the default size (a 1024x700 laptop), the window takes its
    whole free area: 90% of it (921 px wide) cut the Journey's editor and the status bar."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None:
        return False
    area = screen.availableGeometry()
    if area.width() >= DEFAULT_SIZE.width() and area.height() >= DEFAULT_SIZE.height():
        return False
    window.setGeometry(area)
    return True


def fit_on_screen(window: QMainWindow, saved: QSize) -> None:
    """Keep the window within the screen's free area. A size saved on a larger screen
    (which restoreGeometry shrinks oddly: 873x480 on a 1024x700 screen) becomes most of
    this screen, centred."""
    screen = window.screen() or QApplication.primaryScreen()
    if screen is None or window.isMaximized() or window.isFullScreen():
        return
    area = screen.availableGeometry()
    wider, taller = saved.width() > area.width(), saved.height() > area.height()
    if wider or taller:  # a side too long for this screen: 90% of it; the other as saved
        width = int(area.width() * 0.9) if wider else saved.width()
        height = int(area.height() * 0.9) if taller else saved.height()
        x = area.left() + (area.width() - width) // 2
        y = area.top() + (area.height() - height) // 2
    else:
        width = min(window.width(), area.width())
        height = min(window.height(), area.height())
        x = min(max(window.x(), area.left()), area.right() - width + 1)
        y = min(max(window.y(), area.top()), area.bottom() - height + 1)
    window.setGeometry(x, y, width, height)
