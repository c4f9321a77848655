"""Dates keep their precision and outcomes read as plain words."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop.memo.text import format_partial_date, format_timestamp, outcome_words


@pytest.mark.parametrize(("value", "shown"), [
    ("2019-10-03", "3 Oct 2019"), ("2019-09", "Sep 2019"), ("2019", "2019"), (None, "unknown"),
    ("", "unknown"), (date(2020, 1, 31), "31 Jan 2020"), ("sometime", "sometime"),
])
def test_partial_dates_keep_their_precision(value: object, shown: str) -> None:
    assert format_partial_date(value) == shown


def test_timestamps_are_shown_in_utc() -> None:
    eastern = timezone(timedelta(hours=-5))
    assert format_timestamp(datetime(2024, 5, 1, 20, 15, tzinfo=eastern)) == "2 May 2024 01:15 UTC"
    assert format_timestamp(datetime(2024, 5, 1, 8, 0, tzinfo=UTC)) == "1 May 2024 08:00 UTC"


def test_every_outcome_has_plain_words() -> None:
    for outcome in ("applies", "not_applicable", "not_in_force", "exception", "needs_information"):
        assert "_" not in outcome_words(outcome)
