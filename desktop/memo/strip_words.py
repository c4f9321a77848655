"""When each outcome holds, in words: one line per span of decision dates, saying what began
it. Pure text (no ReportLab), so the Review's strip can import it on the window's thread
without loading the PDF renderer (two threads importing the renderer at once had
deadlocked in the frozen app)."""

from __future__ import annotations

from desktop.engine.outcome_dates import OutcomeStrip, Span
from desktop.memo.language import _
from desktop.memo.text import format_partial_date, outcome_words


def _span_words(span: Span, strip: OutcomeStrip, cause: str | None) -> str:
    start = format_partial_date(span.start.isoformat())
    outcome = (_("not in force") if span.outcome == "not_in_force"  # a span, not the day
               else outcome_words(span.outcome).lower())
    if span.end is not None:
        words = _("{start} to {end}: {outcome}").format(
            start=start, end=format_partial_date(span.end.isoformat()), outcome=outcome)
    else:
        words = _("{start} on: {outcome}").format(start=start, outcome=outcome)
    if span.contains(strip.decision_date):
        words = _("{span} \u2190 the decision date").format(span=words)
    if cause:
        words = _("{span} ({cause})").format(span=words, cause=cause)
    return words


def strip_lines(strip: OutcomeStrip) -> list[str]:
    """One line per span; a span after the first says what began it."""
    found = []
    for index, span in enumerate(strip.spans):
        cause = None
        if index:
            begins = [b.event for b in strip.boundaries if b.day == span.start]
            cause = "; ".join(begins) or None
        found.append(_span_words(span, strip, cause))
    return found


def shown(strip: OutcomeStrip, reaching: set[str]) -> bool:
    return len(strip.spans) > 1 or strip.rule in reaching
