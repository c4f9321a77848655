"""The guided flow (what the GUI shows), the CLI and import apply one set of case-file rules."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from db.normalise import derive_columns
from desktop import cli
from desktop.case_rules import normalise_a_number
from desktop.case_rules.consistency import Rule, inconsistencies
from desktop.case_rules.fact_rules import FactRule, fact_contradictions
from desktop.engine import parse_partial_date
from desktop.flow import CaseFlow
from desktop.flow.field_paths import format_path
from desktop.flow.validation import Severity, validate_case
from desktop.memo.lookups import country_name as memo_country_name
from desktop.services.evaluation import treaty_status
from desktop.services.rules import bundled_rule_pack
from tests.engine.builders import base_case, change
from tests.evaluated import evaluated
from tests.gui.test_case_flow_support import services_fixture  # noqa: F401  (`services`)

# (name, the case, the field the rule refuses): each file must be refused by every path.
BAD_INPUTS: list[tuple[str, dict[str, Any], str]] = [
    ("a-number-with-hash", change(base_case(), applicant__a_number="A#123456789"),
     "/applicant/a_number"),
    ("a-number-with-dots", change(base_case(), applicant__a_number="123.456.789"),
     "/applicant/a_number"),
    ("a-number-too-short", change(base_case(), applicant__a_number="A-12-34"),
     "/applicant/a_number"),
    ("a-number-ten-digits", change(base_case(), applicant__a_number="1234567890"),
     "/applicant/a_number"),
    ("month-13", change(base_case(), journey__1__arrived="2019-13"), "/journey/1/arrived"),
    ("february-30", change(base_case(), journey__1__departed="2019-02-30"),
     "/journey/1/departed"),
    ("year-out-of-range", change(base_case(), applicant__date_of_birth="1850"),
     "/applicant/date_of_birth"),
    ("unknown-country", change(base_case(), journey__1__country="QQ"), "/journey/1/country"),
    ("lower-case-country", change(base_case(), journey__1__country="gt"), "/journey/1/country"),
]

# Accepted everywhere: Kosovo (XK, not in ISO 3166-1), the A-number in its usual spellings,
# dates known only to the month or the year.
GOOD_INPUTS: list[tuple[str, dict[str, Any]]] = [
    ("kosovo", change(base_case(), applicant__nationalities=["XK"], journey__0__country="XK")),
    ("a-number-spelled-out", change(base_case(), applicant__a_number="A-123-456-789")),
    ("a-number-spaces", change(base_case(), applicant__a_number="a 12 345 678")),
    ("partial-dates", change(base_case(), applicant__date_of_birth="1990",
                             journey__1__arrived="2019-09")),
]


def flow_field(pointer: str) -> str:
    """'/journey/1/country' -> 'journey[1].country', the flow's (and the form's) field name."""
    return re.sub(r"\.(\d+)", r"[\1]", pointer.strip("/").replace("/", "."))


def flow_errors(case: dict[str, Any]) -> set[str]:
    """The fields the flow refuses, by path (the form shows them in words)."""
    return {format_path(p.path) for p in validate_case(case) if p.severity is Severity.ERROR}


def write(tmp_path: Path, name: str, case: dict[str, Any]) -> Path:
    path = tmp_path / f"{name}.waypoint.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "case", "pointer"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_bad_input_is_refused_by_the_form_the_cli_and_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, case: dict[str, Any],
        pointer: str) -> None:
    assert flow_field(pointer) in flow_errors(case)
    path = write(tmp_path, name, case)
    assert cli.main(["evaluate", str(path)]) == 2
    assert pointer in capsys.readouterr().err
    data_dir = tmp_path / "data"
    assert cli.main(["--data-dir", str(data_dir), "import", str(path)]) == 2
    refused = capsys.readouterr().err
    assert pointer in refused and "nothing was imported" in refused


@pytest.mark.parametrize(("name", "case"), GOOD_INPUTS, ids=[g[0] for g in GOOD_INPUTS])
def test_good_input_is_accepted_by_the_form_the_cli_and_import(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
        case: dict[str, Any]) -> None:
    assert flow_errors(case) == set()
    path = write(tmp_path, name, case)
    assert cli.main(["evaluate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["facts_digest"] == evaluated(case)[
        "facts_digest"]
    assert cli.main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 0


# One file per cross-field rule of desktop.case_rules.consistency: (rule, the case, the field
# blamed). The base case's journey: HN (departed 2019-09-12), GT (2019-09-12 to 2019-09-15),
# MX (2019-09-15 to 2019-10-03), entry 2019-10-03, born 1990-01-15, decided 2019-12-02.
CONTRADICTIONS: list[tuple[Rule, dict[str, Any], str]] = [
    (Rule.BIRTH_AFTER_ENTRY, change(base_case(), applicant__date_of_birth="2019-10-04"),
     "/applicant/date_of_birth"),
    (Rule.DECISION_BEFORE_ENTRY, change(base_case(), decision_date="2019-10-02"),
     "/decision_date"),
    (Rule.DEPARTED_BEFORE_ARRIVED, change(base_case(), journey__1__departed="2019-09-10"),
     "/journey/1/departed"),
    (Rule.ARRIVED_BEFORE_PREVIOUS_DEPARTURE, change(base_case(), journey__2__arrived="2019-09-14"),
     "/journey/2/arrived"),
    (Rule.ARRIVED_BEFORE_EARLIER_STOP,  # GT's departure unknown: MX against GT's arrival
     change(base_case(), journey__1__departed=None, journey__2__arrived="2019-09-11"),
     "/journey/2/arrived"),
    (Rule.AFTER_ENTRY, change(base_case(), journey__2__arrived="2019-10-04",
                              journey__2__departed=None), "/journey/2/arrived"),
    (Rule.BEFORE_BIRTH, change(base_case(), applicant__date_of_birth="2019-09-13"),
     "/journey/0/departed"),
    (Rule.CLAIM_DECIDED_BEFORE_FILED, change(base_case(), journey__2__protection_claims=[
        {"kind": "asylum", "filed": "2019-09-20", "decided": "2019-09-16"}]),
     "/journey/2/protection_claims/0/decided"),
    (Rule.CLAIM_FILED_BEFORE_ARRIVAL, change(base_case(), journey__2__protection_claims=[
        {"kind": "asylum", "filed": "2019-09-14"}]), "/journey/2/protection_claims/0/filed"),
]

# One file per rule of desktop.case_rules.fact_rules (answers that contradict each other
# whatever the dates): every path refuses it, blaming the same field.
FACT_CONTRADICTIONS: list[tuple[FactRule, dict[str, Any], str]] = [
    (FactRule.STATELESS_WITH_NATIONALITY, change(base_case(), applicant__stateless=True),
     "/applicant/stateless"),
    (FactRule.CROSSED_FROM_ANOTHER_COUNTRY, change(base_case(), entry__coming_from="GT"),
     "/entry/coming_from"),
    (FactRule.PENDING_CLAIM_FINAL, change(base_case(), journey__2__protection_claims=[
        {"kind": "asylum", "filed": "2019-09-20", "outcome": "pending", "final": True}]),
     "/journey/2/protection_claims/0/final"),
]


def test_each_fact_rule_has_its_file_and_breaks_only_itself() -> None:
    assert {rule for rule, _, _ in FACT_CONTRADICTIONS} == set(FactRule)
    for rule, case, pointer in FACT_CONTRADICTIONS:
        assert [(f.rule, f.pointer) for f in fact_contradictions(case)] == [(rule, pointer)]
    assert fact_contradictions(base_case()) == []


@pytest.mark.parametrize(("rule", "case", "pointer"), FACT_CONTRADICTIONS,
                         ids=[c[0].value for c in FACT_CONTRADICTIONS])
def test_every_entry_path_refuses_each_fact_contradiction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: FactRule,
        case: dict[str, Any], pointer: str) -> None:
    assert flow_field(pointer) in form_refuses(case)
    path = write(tmp_path, rule.value, case)
    assert cli.main(["evaluate", str(path)]) == 2
    assert pointer in capsys.readouterr().err
    assert cli.main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 2
    refused = capsys.readouterr().err
    assert pointer in refused and "nothing was imported" in refused


# The same rules with dates whose order is not certain (known only to the month or the
# year), or equal: no path refuses them.
CONSISTENT: list[tuple[str, dict[str, Any]]] = [
    ("born-in-the-year-of-entry", change(base_case(), applicant__date_of_birth="2019")),
    ("decided-on-the-entry-date", change(base_case(), decision_date="2019-10-03")),
    ("departed-in-the-month-of-arrival", change(base_case(), journey__1__departed="2019-09")),
    ("arrived-in-the-month-of-the-previous-departure",
     change(base_case(), journey__2__arrived="2019-09")),
    ("entry-known-to-the-year", change(base_case(), entry__date="2019",
                                       journey__2__departed="2019-10")),
    ("claim-filed-and-decided-in-the-month-of-arrival", change(
        base_case(), journey__2__protection_claims=[
            {"kind": "asylum", "filed": "2019-09", "decided": "2019-09-15"}])),
]


def form_refuses(case: dict[str, Any]) -> set[str]:
    """The fields the guided form (CaseFlow, as the window drives it) marks as errors."""
    return {format_path(p.path) for p in CaseFlow(case).errors()}


def test_each_contradiction_breaks_only_its_own_rule() -> None:
    for rule, case, pointer in CONTRADICTIONS:
        found = {(f.rule, f.pointer) for f in inconsistencies(case, parse_partial_date)}
        assert (rule, pointer) in found, rule
    assert {rule for rule, _, _ in CONTRADICTIONS} == set(Rule)  # every rule has its file
    assert all(inconsistencies(case, parse_partial_date) == [] for _, case in CONSISTENT)


@pytest.mark.parametrize(("rule", "case", "pointer"), CONTRADICTIONS,
                         ids=[c[0].value for c in CONTRADICTIONS])
def test_every_entry_path_refuses_each_contradiction(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], rule: Rule, case: dict[str, Any],
        pointer: str) -> None:
    assert flow_field(pointer) in form_refuses(case)
    path = write(tmp_path, rule.value, case)
    assert cli.main(["evaluate", str(path)]) == 2
    assert pointer in capsys.readouterr().err
    assert cli.main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 2
    refused = capsys.readouterr().err
    assert pointer in refused and "nothing was imported" in refused


@pytest.mark.parametrize(("name", "case"), CONSISTENT, ids=[c[0] for c in CONSISTENT])
def test_every_entry_path_accepts_dates_whose_order_is_uncertain(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str,
        case: dict[str, Any]) -> None:
    assert form_refuses(case) == set()
    path = write(tmp_path, name, case)
    assert cli.main(["evaluate", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["facts_digest"] == evaluated(case)[
        "facts_digest"]
    assert cli.main(["--data-dir", str(tmp_path / "data"), "import", str(path)]) == 0


@pytest.mark.parametrize(("raw", "stored"), [
    ("A-123-456-789", "123456789"), ("A12345678", "012345678"), ("a 12 345 678", "012345678"),
    ("A#123456789", None), ("123.456.789", None), ("12-34", None), (123456789, None), (None, None),
])
def test_the_database_indexes_the_a_number_the_form_accepts(raw: object,
                                                            stored: str | None) -> None:
    assert normalise_a_number(raw) == stored
    assert derive_columns(change(base_case(), applicant__a_number=raw)).a_number == stored
    form_accepts = "applicant.a_number" not in flow_errors(
        change(base_case(), applicant__a_number=raw))
    assert form_accepts == (stored is not None or raw is None)


def test_kosovo_has_one_name_in_the_services_and_the_memo() -> None:
    on = date(2020, 1, 1)
    pack = bundled_rule_pack()
    assert treaty_status("XK", on, pack)["name"] == memo_country_name("XK") == "Kosovo"
    assert treaty_status("MX", on, pack)["name"] == memo_country_name("MX") == "Mexico"


@pytest.mark.gui
@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_window_applies_the_same_a_number_rule_and_offers_kosovo(
        qtbot: Any, services: Any) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from desktop.flow import Step
    from desktop.ui.case_flow.field_form import FieldForm
    from desktop.ui.widgets.country_combo_box import resolve_country
    from tests.gui.test_case_flow_support import open_page

    page = open_page(qtbot, services, services.cases.create_case(base_case()))
    applicant = page.pages[Step.APPLICANT]
    binding = next(b for form in applicant.findChildren(FieldForm) for b in form.bindings
                   if b.relative == ("a_number",))
    for typed, refused in (("A#123456789", True), ("A-123-456-789", False),
                           ("123.456.789", True), ("a 12 345 678", False)):
        applicant.a_number.selectAll()
        QTest.keyClicks(applicant.a_number, typed)
        QTest.keyClick(applicant.a_number, Qt.Key.Key_Return)  # the form judges a finished entry
        # isHidden(): the label's own state, whether or not the window is on a screen yet
        qtbot.waitUntil(lambda r=refused: binding.problem_label.isHidden() is not r)
        assert (normalise_a_number(typed) is None) is refused
    assert resolve_country("Kosovo") == resolve_country("XK") == "XK"
