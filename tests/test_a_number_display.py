"""One A-number display: the form, the case list, the memo, the interview sheet and the CLI agree.

Before, eight-digit numbers were shown three ways (A-12-345-678 in the list, A-012-345-678 in
the form) and the memo printed the value as typed in an imported file ('a 12345678').
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.case_rules import display_a_number, shown_a_number
from desktop.cli import main
from desktop.memo.interview import render_interview_sheet
from desktop.ui.case_list.case_list_model import format_a_number
from desktop.ui.widgets.text_edits import canonical_a_number
from tests.db.conftest import make_case
from tests.memo.helpers import GENERATED_AT, determine, pages_text, render, squeeze

TYPED = ["a 12345678", "12-345-678", "A012345678", "A-012-345-678", "012 345 678"]


@pytest.mark.parametrize("typed", TYPED)
def test_every_display_of_an_eight_digit_number_agrees(typed: str) -> None:
    assert display_a_number(typed) == "A-012-345-678"
    assert canonical_a_number(typed) == "A-012-345-678"
    assert format_a_number(typed) == "A-012-345-678"


def test_nine_digits_and_what_is_not_an_a_number() -> None:
    assert display_a_number("123456789") == "A-123-456-789"
    assert display_a_number("A#123456789") is None
    assert shown_a_number("A#123456789") == "A#123456789"  # shown as given, never guessed at
    assert shown_a_number(None, "not recorded") == "not recorded"
    assert format_a_number(None) == ""


def test_the_memo_and_the_sheet_print_the_display_form_not_the_typed_value() -> None:
    case = make_case(a_number="a 12345678")
    memo = squeeze("\n".join(pages_text(render(case))))
    assert "A-012-345-678" in memo and "a 12345678" not in memo
    sheet_pdf = render_interview_sheet(case, determine(case), generated_at=GENERATED_AT)
    sheet = squeeze("\n".join(pages_text(sheet_pdf)))
    assert "A-012-345-678" in sheet and "a 12345678" not in sheet


def test_the_cli_list_shows_the_display_form(tmp_path: Path, data_dir: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    case_file = tmp_path / "one.case.json"
    case_file.write_text(json.dumps(make_case(a_number="12-345-678")), "utf-8")
    data = ["--data-dir", str(data_dir)]
    assert main([*data, "import", str(case_file)]) == 0
    capsys.readouterr()
    assert main([*data, "list"]) == 0
    assert "A-012-345-678" in capsys.readouterr().out
