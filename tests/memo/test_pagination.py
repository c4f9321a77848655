"""A long journey breaks across pages cleanly, with the table header on every page of the table."""

from __future__ import annotations

from desktop.memo.lookups import country_name
from tests.memo.helpers import LONG_ROUTE, long_journey_case, pages_text, render, squeeze

HEADER = squeeze("Treaty participation at the time")


def _row_marker(number: int, code: str) -> str:
    return squeeze(f"{number}\n{country_name(code)} ({code})")


def test_long_travel_history_repeats_its_header_on_every_page() -> None:
    pages = [squeeze(page) for page in pages_text(render(long_journey_case()))]
    row_pages = []
    for number, code in enumerate(LONG_ROUTE, start=1):
        found = [index for index, page in enumerate(pages) if _row_marker(number, code) in page]
        assert found, f"row {number} ({code}) is missing"
        row_pages.append(found[0])
    assert row_pages == sorted(row_pages), "rows out of order"
    table_pages = range(row_pages[0], row_pages[-1] + 1)
    assert len(table_pages) >= 2, "the long journey should span pages"
    for index in table_pages:
        assert HEADER in pages[index], f"no table header on page {index + 1}"
    for number, page in enumerate(pages, start=1):
        assert f"Page{number}of{len(pages)}" in page
