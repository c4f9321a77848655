"""The CLI's terminal guard spells out what a terminal would obey, and passes line endings."""

from __future__ import annotations

import csv
import io

from desktop.commands.terminal import _TerminalGuard


def written(text: str) -> str:
    sink = io.StringIO()
    _TerminalGuard(sink).write(text)
    return sink.getvalue()


def test_a_lone_carriage_return_escape_and_override_are_spelt_out() -> None:
    assert written("Rosa\rDENIED") == "Rosa⟨U+000D⟩DENIED"
    assert written("\x1b[31mred") == "⟨U+001B⟩[31mred"
    assert written("RAMIREZ\u202e") == "RAMIREZ⟨U+202E⟩"


def test_line_endings_pass_so_csv_rows_stay_rows() -> None:
    sink = io.StringIO()
    rows = csv.writer(_TerminalGuard(sink))
    rows.writerow(["case_id", "new"])
    rows.writerow(["abc", "applies"])
    assert sink.getvalue() == "case_id,new\r\nabc,applies\r\n"
    assert list(csv.DictReader(io.StringIO(sink.getvalue()))) == [
        {"case_id": "abc", "new": "applies"}]
    assert written("one\ntwo\tthree\r\n") == "one\ntwo\tthree\r\n"
