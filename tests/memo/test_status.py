"""Drafts carry a DRAFT watermark on every page; finals carry none and say who finalized them."""

from __future__ import annotations

import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.memo.helpers import load_case, pages_text, pages_with_images, render, squeeze

FINALIZED_AT = datetime(2024, 5, 2, 9, 30, tzinfo=UTC)


def test_draft_has_the_watermark_on_every_page() -> None:
    pdf = render(load_case("tb-trafficking-unknown"))
    pages = pages_text(pdf)
    assert len(pages) >= 2
    assert all("DRAFT" in page for page in pages)  # the footer says so in words
    assert all(pages_with_images(pdf))  # and the watermark is drawn on every page


def test_the_watermark_is_a_picture_so_its_letters_stay_out_of_the_text(tmp_path: Path) -> None:
    # Drawn as text, pdftotext's layout reading scattered D, R, A, F, T between the lines.
    memo = tmp_path / "draft.pdf"
    memo.write_bytes(render(load_case("tb-trafficking-unknown")))
    layout = subprocess.run(["pdftotext", "-layout", str(memo), "-"], check=True,
                            capture_output=True, text=True).stdout
    stray = [line for line in layout.splitlines() if line.strip() in set("DRAFT")]
    assert stray == []


def test_final_has_no_watermark_and_records_who_finalized_it_and_when() -> None:
    pdf = render(load_case("tb-trafficking-unknown"), status="final", prepared_by="J. Officer",
                 reviewed_by="S. Supervisor", finalized_by="S. Supervisor",
                 finalized_at=FINALIZED_AT)
    pages = pages_text(pdf)
    assert not any("DRAFT" in page for page in pages)
    assert not any(pages_with_images(pdf))
    flat = squeeze("\n".join(pages))
    assert squeeze("Finalized by S. Supervisor on 2 May 2024 09:30 UTC") in flat
    assert squeeze("J. Officer") in flat


def test_final_without_who_and_when_is_refused() -> None:
    with pytest.raises(ValueError, match="finalized_by"):
        render(load_case("tb-trafficking-unknown"), status="final")
    with pytest.raises(ValueError, match="status"):
        render(load_case("tb-trafficking-unknown"), status="approved")


def test_prepared_and_reviewed_lines_carry_their_own_dates() -> None:
    pdf = render(load_case("tb-trafficking-unknown"), status="final", prepared_by="J. Officer",
                 prepared_at=datetime(2024, 4, 20, 15, 0, tzinfo=UTC),
                 reviewed_by="S. Supervisor", reviewed_at=FINALIZED_AT,
                 finalized_by="S. Supervisor", finalized_at=FINALIZED_AT)
    flat = squeeze("\n".join(pages_text(pdf)))
    assert squeeze("Prepared by J. Officer 20 Apr 2024") in flat
    assert squeeze("Reviewed by S. Supervisor 2 May 2024") in flat
    assert "J.Officer(" not in flat  # the date is its own column, not part of the name
