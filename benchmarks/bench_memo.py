"""Time to render a typical and a long memo, beside a bare ReportLab document of as many pages."""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pypdf
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from desktop.services.memo_rendering import render_case_memo  # noqa: E402
from tests.memo.helpers import GENERATED_AT, determine, load_case, long_journey_case  # noqa: E402

RUNS = 15
LOREM = ("The applicant travelled through several countries before reaching the border, and the "
         "officer recorded each stop with the dates the applicant could recall. ") * 3


def page_count(pdf: bytes) -> int:
    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def bare_document(pages: int) -> bytes:
    """The floor: plain paragraphs in ReportLab's default font, the same number of pages."""
    styles = getSampleStyleSheet()
    story = []
    for page in range(pages):
        story.extend(Paragraph(LOREM, styles["BodyText"]) for _ in range(9))
        if page < pages - 1:
            story.append(PageBreak())
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, invariant=1).build(story)
    return buffer.getvalue()


def _ms(work: Callable[[], bytes]) -> float:
    start = time.perf_counter()
    work()
    return (time.perf_counter() - start) * 1000


def paired_medians(memo: Callable[[], bytes], floor: Callable[[], bytes]) -> tuple[float, float]:
    """Medians of memo and floor runs, alternated so both see the same load on a shared box."""
    memo()  # warm-up: font registration and imports are once per process
    floor()
    memo_times, floor_times = [], []
    for _ in range(RUNS):
        memo_times.append(_ms(memo))
        floor_times.append(_ms(floor))
    return statistics.median(memo_times), statistics.median(floor_times)


def main() -> None:
    cases = {"typical": load_case("tb-claim-pending-in-mexico"), "long": long_journey_case()}
    print(f"{'memo':<8} {'pages':>5} {'memo ms':>9} {'floor ms':>9} {'ratio':>6}")
    for label, case in cases.items():
        determination = determine(case)  # the real engine, not timed

        def memo(case: dict = case, determination: dict = determination) -> bytes:
            return render_case_memo(case, determination, generated_at=GENERATED_AT)

        pages = page_count(memo())
        memo_time, floor_time = paired_medians(memo, lambda pages=pages: bare_document(pages))
        print(f"{label:<8} {pages:>5} {memo_time:>9.1f} {floor_time:>9.1f} "
              f"{memo_time / floor_time:>5.2f}x")
    print("goal: ratio <= 3x (medians of", RUNS, "runs each, measured in this run)")


if __name__ == "__main__":
    main()
