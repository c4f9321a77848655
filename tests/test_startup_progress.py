"""Start-up says in words what it is doing while the database opens (issue 27)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from desktop.paths import resolve_database_url, resolve_paths
from desktop.services.startup import DEMO_WORDS, close_storage, open_storage
from desktop.ui.startup_progress import ProgressRelay
from tests.conftest import TEST_PASSPHRASE


def test_first_open_says_it_derives_the_key_then_adds_the_demo(tmp_path: Path) -> None:
    paths = resolve_paths(tmp_path / "data")
    said: list[str] = []
    storage = open_storage(paths, resolve_database_url(paths), passphrase=TEST_PASSPHRASE,
                           progress=said.append)
    close_storage(storage)
    assert len(said) == 2
    assert "deriving its key from the passphrase" in said[0]
    assert said[1] == DEMO_WORDS
    said.clear()
    close_storage(open_storage(paths, resolve_database_url(paths), passphrase=TEST_PASSPHRASE,
                               progress=said.append))
    assert said == ["Unlocking the database with the passphrase and checking it…"]


@pytest.mark.gui
def test_words_said_in_a_worker_thread_reach_the_label(qtbot) -> None:
    label = QLabel("Opening the database…")
    qtbot.addWidget(label)
    relay = ProgressRelay(label.setText, label)
    worker = threading.Thread(target=relay, args=("Adding the demo case…",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: label.text() == "Adding the demo case…", timeout=2_000)
