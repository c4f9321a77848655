"""The review's 'why' tree puts each answer of an open question in words, never as arrows or ids."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex

from desktop.cli import main as cli_main
from desktop.ui.case_flow.why_tree_model import WhyTreeModel
from tests.cases.conftest import EXTRA_DIR


def all_texts(model: WhyTreeModel) -> list[str]:
    texts: list[str] = []

    def walk(parent: QModelIndex | QPersistentModelIndex) -> None:
        for row in range(model.rowCount(parent)):
            for column in range(model.columnCount(parent)):
                texts.append(str(model.data(model.index(row, column, parent)) or ""))
            walk(model.index(row, 0, parent))

    walk(QModelIndex())
    return texts


def test_open_answers_read_in_words(capsys: pytest.CaptureFixture[str]) -> None:
    case_file = EXTRA_DIR / "clp-claims-in-mexico-never-asked.case.json"
    assert cli_main(["evaluate", str(case_file), "--format", "json"]) == 0
    determination = json.loads(capsys.readouterr().out)
    model = WhyTreeModel()
    model.set_determination(determination, json.loads(case_file.read_text("utf-8")))
    details = [t for t in all_texts(model) if t.startswith("if ")]
    assert "if yes: exception established; if no: applies" in details
    assert not any("→" in t or "needs_information" in t for t in all_texts(model))
