"""The memo's table of when each outcome holds: for each rule whose outcome changes with the
decision date (or that reaches the case), the spans of decision dates and what begins each one.
The spans are the engine's (desktop.engine.outcome_dates), handed in by the services."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable

from desktop.engine.outcome_dates import OutcomeStrip
from desktop.memo.blocks import CONTENT_WIDTH, grid, lines, text
from desktop.memo.language import N_, _, pgettext
from desktop.memo.strip_words import shown, strip_lines
from desktop.memo.styles import MemoStyles
from desktop.memo.text import format_partial_date

HEADING = N_("When each outcome holds")
INTRO = N_("The outcome of a rule can change with the decision date alone: court orders, stays, "
           "vacaturs and agreements entering into force.")
FOR_THIS_CASE = N_("For this case, on the facts recorded:")


def outcome_dates_section(strips: Sequence[OutcomeStrip], determination: dict[str, Any],
                          styles: MemoStyles) -> list[Flowable]:
    """The table, or nothing when no strip was computed (e.g. a determination of another pack)."""
    reaching = {str(f.get("rule")) for f in determination.get("findings") or []
                if f.get("outcome") != "not_applicable"}
    rows: list[list[Any]] = [[text(h, styles.cell_header)
                              for h in (_("Rule"), _("Decision dates and outcome"))]]
    for strip in strips:
        if shown(strip, reaching):
            rows.append([text(pgettext("rule title", strip.title), styles.cell),
                         lines("\n".join(strip_lines(strip)), styles.cell)])
    if len(rows) == 1:
        return []
    known = strips[0].law_known_through if strips else None
    sentences = [_(INTRO)]
    if known:
        sentences.append(_("The rule pack knows the law through {date}; after that, changes are "
                           "unknown.").format(date=format_partial_date(known.isoformat())))
    sentences.append(_(FOR_THIS_CASE))
    return [CondPageBreak(1.0 * inch), text(_(HEADING), styles.table_heading),
            text(" ".join(sentences), styles.small),
            grid(rows, [1.9 * inch, CONTENT_WIDTH - 1.9 * inch])]
