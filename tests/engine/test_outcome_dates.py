"""When each outcome holds (issue 27): each rule's boundaries come from the pack's windows
(court orders, stays, vacaturs), agreements and law date; each span's outcome is the engine's."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from desktop.engine.outcome_dates import LAW_UNKNOWN_EVENT, outcome_strips, rule_boundaries
from desktop.resources import resource_path
from desktop.services.rules import bundled_rule_pack
from tests.engine.builders import base_case, change, mexico_crossing, outcome

WINDOWED = ("transit_bar_2019", "lawful_pathways_2023", "securing_border_2024",
            "entry_suspension_2025")


def _pack_windows(rule: str) -> list[dict[str, str]]:
    """The decision windows as the pack file writes them (read here, not through the engine)."""
    raw = json.loads(resource_path("rules", f"{rule}.json").read_text("utf-8"))
    windows: list[dict[str, str]] = raw["decision_windows"]
    return windows


@pytest.mark.parametrize("rule", WINDOWED)
def test_every_window_of_the_pack_starts_a_boundary(rule: str) -> None:
    days = {b.day for b in rule_boundaries(bundled_rule_pack(), rule)}
    for window in _pack_windows(rule):
        assert date.fromisoformat(window["from"]) in days, window["event"]


def test_the_law_date_is_a_boundary_of_every_rule() -> None:
    pack = bundled_rule_pack()
    assert pack.law_known_through is not None
    for rule in pack.families:
        last = rule_boundaries(pack, rule)[-1]
        assert last.day == pack.law_known_through + timedelta(days=1)
        assert last.event == LAW_UNKNOWN_EVENT


def test_transit_bar_2019_strip_follows_each_court_order_for_this_case() -> None:
    case = change(base_case(), entry__date="2019-07-20")
    pack = bundled_rule_pack()
    strip = next(s for s in outcome_strips(case, pack, date(2019, 12, 2))
                 if s.rule == "transit_bar_2019")
    assert strip.spans[0].start == date(2019, 7, 20)  # from the entry on
    for window in _pack_windows("transit_bar_2019"):
        start = date.fromisoformat(window["from"])
        if start <= date(2019, 7, 20):
            continue
        expected = outcome(case, "transit_bar_2019", start.isoformat())
        assert strip.outcome_on(start) == expected, window["event"]
        before = outcome(case, "transit_bar_2019", (start - timedelta(days=1)).isoformat())
        boundary = next(b for b in strip.boundaries if b.day == start)
        assert boundary.changes_outcome == (before != expected), window["event"]
    # the orders this case feels: enjoined nationwide, applied again after the Supreme
    # Court's stay, vacated in 2020
    assert strip.outcome_on(date(2019, 7, 25)) == "not_in_force"
    assert strip.outcome_on(date(2019, 9, 11)) == "applies"
    assert strip.outcome_on(date(2020, 7, 1)) == "not_in_force"
    changing = [b.day for b in strip.boundaries if b.changes_outcome]
    assert date(2019, 7, 24) in changing and date(2019, 9, 11) in changing


def test_agreement_entering_into_force_changes_the_aca_outcome() -> None:
    """A Honduran through Guatemala in 2025: the 2025 Guatemala agreement's day is where the
    asylum cooperative agreements begin to reach the case."""
    case = mexico_crossing("2025-06-02", "2025-06-30", nationality="HN")
    pack = bundled_rule_pack()
    strip = next(s for s in outcome_strips(case, pack, date(2025, 6, 30)) if s.rule == "aca")
    changing = [b for b in strip.boundaries if b.changes_outcome]
    assert changing, strip.boundaries
    for boundary in changing:
        assert strip.outcome_on(boundary.day) == outcome(case, "aca", boundary.day.isoformat())
        assert strip.outcome_on(boundary.day - timedelta(days=1)) == outcome(
            case, "aca", (boundary.day - timedelta(days=1)).isoformat())
    assert any("enters into force" in b.event for b in changing)


def test_spans_cover_every_day_from_the_entry_without_gaps() -> None:
    case = base_case()
    for strip in outcome_strips(case, bundled_rule_pack(), date(2019, 12, 2)):
        assert strip.spans[-1].end is None
        for left, right in zip(strip.spans, strip.spans[1:], strict=False):
            assert left.end is not None and left.end + timedelta(days=1) == right.start
            assert left.outcome != right.outcome
        assert strip.outcome_on(date(2019, 12, 2)) == outcome(case, strip.rule)
