"""The stale-law notice (issue 27): the pack's law-known-through date against the decision
date and today, read through the one place that reads it (rule_pack_file.law_known_through)."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

from desktop.services.law_currency import OLD_AFTER_DAYS, law_currency_notice
from desktop.services.rules import load_rule_pack

PACK = load_rule_pack()


def _known(known: date | None):  # the shipped pack with another law date
    return dataclasses.replace(PACK, law_known_through=known)


def test_a_decision_after_the_law_date_is_said_with_both_dates() -> None:
    notice = law_currency_notice(_known(date(2024, 6, 30)), date(2024, 9, 2), date(2024, 9, 3))
    assert notice is not None
    assert "2 Sep 2024" in notice and "30 Jun 2024" in notice and "after" in notice


def test_a_law_date_months_before_today_is_old() -> None:
    known = date(2026, 1, 15)
    today = known + timedelta(days=OLD_AFTER_DAYS + 1)
    notice = law_currency_notice(_known(known), date(2025, 5, 1), today)
    assert notice is not None and "15 Jan 2026" in notice and "6 months before today" in notice
    assert law_currency_notice(_known(known), date(2025, 5, 1),
                               known + timedelta(days=OLD_AFTER_DAYS)) is None


def test_current_law_or_no_date_says_nothing() -> None:
    assert PACK.law_known_through is not None
    assert law_currency_notice(PACK, PACK.law_known_through, PACK.law_known_through) is None
    assert law_currency_notice(_known(None), date(2030, 1, 1), date(2030, 1, 1)) is None
