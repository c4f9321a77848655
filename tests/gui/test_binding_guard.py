"""The window refuses to start on a Qt binding that lowers None's reference count."""

from __future__ import annotations

import ctypes
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import desktop.app
from desktop.app import BAD_BINDING_EXIT, binding_drops_none, drops_none
from desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def test_the_installed_binding_keeps_none_alive(qapp) -> None:
    assert not binding_drops_none()


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from CPython 3.12")
def test_the_probe_sees_a_call_that_drops_none() -> None:
    decref = ctypes.pythonapi.Py_DecRef
    decref.argtypes = [ctypes.py_object]
    assert drops_none(lambda: decref(None))  # what every void call of PySide6 6.12.0 did
    for _ in range(100):  # give the references back
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
    assert not drops_none(lambda: None)


def test_start_up_on_a_bad_binding_says_why_and_opens_no_window(
        qapp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(desktop.app, "binding_drops_none", lambda: True)
    shown: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    QTimer.singleShot(0, answer)
    assert desktop.app.main(["--data-dir", str(tmp_path / "data")]) == BAD_BINDING_EXIT
    assert shown and "PySide6-Essentials==6.11.3" in shown[0] and "3.12" in shown[0]
    assert "reference-count bug" in capsys.readouterr().err
    assert not any(isinstance(w, MainWindow) for w in QApplication.topLevelWidgets())
    assert not (tmp_path / "data").exists()  # nothing written: no log, no database
