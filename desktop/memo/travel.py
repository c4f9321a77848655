"""The travel history table: each stop with dates, status, claims and treaty participation then."""

from __future__ import annotations

import calendar
from datetime import date
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable

from desktop.memo import lookups
from desktop.memo.blocks import UNVERIFIED_MARK, grid, lines, text
from desktop.memo.case_values import value_words
from desktop.memo.language import N_, _, pgettext
from desktop.memo.reasoning import plain
from desktop.memo.styles import MemoStyles
from desktop.memo.text import UNKNOWN, format_partial_date, tri_state

TREATY_LEGEND = N_("{mark} This date of participation comes from Waypoint's treaty table and has "
                   "not been checked against its primary source, the depositary record of the "
                   "treaty (United Nations Treaty Collection); check it before relying on it.")


def _period_end(value: object) -> date | None:
    """The last day of a date with any precision."""
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return date(year, month, day)


def _period_start(value: object) -> date | None:
    if not value:
        return None
    parts = [int(p) for p in str(value).split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _claims(stop: dict[str, Any]) -> str:
    lines = []
    for claim in stop.get("protection_claims") or []:
        outcome = claim.get("outcome")
        parts = [_("{kind}: filed {date}").format(kind=value_words(claim.get("kind"), capital=True),
                                                  date=format_partial_date(claim.get("filed"))),
                 _("outcome {outcome}").format(
                     outcome=value_words(outcome) if outcome else _(UNKNOWN))]
        if claim.get("decided"):
            parts.append(_("decided {date}").format(date=format_partial_date(claim.get("decided"))))
        final = claim.get("final")
        parts.append(pgettext("protection claim", "final") if final is True
                     else _("not final") if final is False else _("finality unknown"))
        if claim.get("authority"):
            parts.append(_("authority: {authority}").format(authority=claim["authority"]))
        lines.append("; ".join(parts))
    if stop.get("protection_claims") is None:
        return _("not asked yet")
    return "\n".join(lines) or _("none made")


def _status_held(stop: dict[str, Any]) -> str:
    held = stop.get("status_held")
    parts = [value_words(held, capital=True) if held else _(UNKNOWN)]
    offered = stop.get("permanent_status_offered")
    parts.append(_("permanent offer: {answer}").format(
        answer=tri_state(offered, yes=N_("yes"), no=N_("no"))))
    if stop.get("returned_later"):
        parts.append(_("Left and returned later"))
    return "; ".join(parts)


TREATY_LABELS = {
    "refugee_convention_1951": N_("1951 Convention"),
    "protocol_1967": N_("1967 Protocol"),
    "cat": N_("CAT"),
}


def _treatylines(status: dict[str, Any], on: date) -> list[str]:
    """One line per instrument: party or not on the day, since when, † where unverified."""
    if status.get("known") is False:
        return [f"unknown: not in the treaty table {UNVERIFIED_MARK}"]
    lines = []
    instruments = status.get("instruments") or {}
    for key, label in TREATY_LABELS.items():
        instrument = instruments.get(key)
        if not isinstance(instrument, dict):
            continue
        party = instrument.get("party")
        words = tri_state(party, yes=N_("party"), no=N_("not a party"))
        since = instrument.get("entry_into_force")
        if party and since:
            words = _("party since {date}").format(date=format_partial_date(since))
        mark = f" {UNVERIFIED_MARK}" if instrument.get("verified") is False else ""
        lines.append(_("{treaty}: {words}").format(treaty=_(label), words=words) + mark)
    if not lines:
        return []
    return ["; ".join(lines)]  # on the stop's last day: the column header says so


def _treaty_participation(stop: dict[str, Any], index: int, entry_date: object,
                          determination: dict[str, Any],
                          treaty_status: lookups.TreatyLookup | None) -> str:
    # the last day known to have been spent there: when the person was last in transit
    on = (_period_end(stop.get("departed")) or _period_start(stop.get("arrived"))
          or _period_start(entry_date))
    status = None
    if treaty_status is not None and on and stop.get("country"):
        try:
            status = treaty_status(stop["country"], on)
        except LookupError:
            status = None
    if status and on:
        lines = _treatylines(status, on)
        if lines:
            return "\n".join(lines)
    # Without a treaty table, show what the determination's reasoning says about this stop.
    said = []
    for finding in determination.get("findings") or []:
        for step in finding.get("trace") or []:
            facts = [str(f) for f in step.get("facts") or []]
            if any(f == f"journey[{index}]" or f.startswith(f"journey[{index}].") for f in facts):
                wording = str(step.get("step", ""))
                if any(w in wording.lower() for w in ("party", "convention", "protocol", "treaty")):
                    said.append(plain(wording))
    return "\n".join(dict.fromkeys(said)) or "not recorded in the determination"


def travel_history(case: dict[str, Any], determination: dict[str, Any],
                    styles: MemoStyles,
                    treaty_status: lookups.TreatyLookup | None) -> list[Flowable]:
    journey = case.get("journey") or []
    entry = case.get("entry") or {}
    flowables: list[Flowable] = [CondPageBreak(1.5 * inch),
                                 text(_("Travel history"), styles.table_heading)]
    if not journey:
        return flowables + [text(_("No countries recorded on the way."), styles.body)]
    headers = ("#", _("Country"), _("Arrived"), _("Departed"), _("Status held"),
               _("Protection claims"), _("Treaty participation at the time (the last day there)"))
    rows: list[list[Any]] = [[text(h, styles.cell_header) for h in headers]]
    treaty_cells = []
    for index, stop in enumerate(journey):
        code = stop.get("country")
        treaty_cells.append(_treaty_participation(stop, index, entry.get("date"), determination,
                                                  treaty_status))
        rows.append([
            text(str(index + 1), styles.cell),
            lines(f"{lookups.country_name(code)} ({code})"
                  + (f"\n{stop['place']}" if stop.get("place") else ""), styles.cell),
            text(format_partial_date(stop.get("arrived")), styles.cell),
            text(format_partial_date(stop.get("departed")), styles.cell),
            lines(_status_held(stop), styles.cell),
            lines(_claims(stop), styles.cell),
            lines(treaty_cells[-1], styles.cell),
        ])
    widths = [0.25, 0.88, 0.71, 0.71, 0.98, 0.81, 2.66]
    flowables.append(grid(rows, [w * inch for w in widths]))
    note = _("Dates are shown with the precision the applicant gave: a month or a year means some "
             "day in that month or year; 'unknown' means not known.")
    if any(UNVERIFIED_MARK in treaty for treaty in treaty_cells):
        note = " ".join((note, _(TREATY_LEGEND).format(mark=UNVERIFIED_MARK)))
    flowables.append(text(note, styles.small))
    return flowables
