"""Turns a case and its determination into the memo's flowables, in reading order."""

from __future__ import annotations

import calendar
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.memo import lookups
from desktop.memo.fonts import FAMILIES, LATIN, is_plain_latin, markup, needs_shaping
from desktop.memo.styles import (
    HEADER_FILL,
    NOTICE_FILL,
    NOTICE_LINE,
    OUTCOME_FILLS,
    MemoStyles,
    grid_table_style,
    memo_styles,
    shaped,
)
from desktop.memo.text import (
    OUTCOME_EXPLANATIONS,
    UNKNOWN,
    format_partial_date,
    format_timestamp,
    humanize,
    normalized,
    outcome_words,
    tri_state,
)

CONTENT_WIDTH = 7 * inch
UNVERIFIED_MARK = "\u2020"  # dagger
UNVERIFIED_LEGEND = (f"{UNVERIFIED_MARK} rests on rule data not verified against a primary source; "
                     "check it before relying on it.")
DECISION_SUPPORT_NOTICE = (
    "Decision support, not a decision. This memo records how Waypoint applied the transit rules "
    "of US asylum law to the facts recorded for this case. The officer decides: check each "
    "finding against the record and the law before relying on it."
)
BORDER_WORDS = {
    "southern_land": "Southern land border",
    "northern_land": "Northern land border",
    "air": "Air",
    "sea": "Sea",
}


@dataclass(frozen=True)
class Signatures:
    """Who prepared, reviewed and finalized the memo, and when."""

    status: str
    prepared_by: str | None
    reviewed_by: str | None
    finalized_by: str | None
    finalized_at: datetime | None
    generated_at: datetime


class MemoParagraph(Paragraph):  # type: ignore[misc]  # ReportLab ships no type hints
    """A Paragraph that breaks its lines once per width.

    Tables wrap each cell to size a row, again to split across pages and again to draw it; line
    breaking depends only on the width, so the repeats are answered from the first.
    """

    _wrapped_width: float | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        if availWidth == self._wrapped_width and "blPara" in self.__dict__:
            return self.width, self.height
        size: tuple[float, float] = super().wrap(availWidth, availHeight)
        self._wrapped_width = availWidth
        return size


_TEMPLATE_FRAGS: dict[str, Any] = {}
_TEMPLATE_LOCK = threading.Lock()  # memos render on worker threads


def _plain_paragraph(plain: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph of Latin-only text, built without running ReportLab's markup parser.

    Most cells of the memo are short plain strings; parsing each as markup was the largest
    single cost of a render. The text fragment is a copy of one parsed once per style.
    """
    with _TEMPLATE_LOCK:
        template = _TEMPLATE_FRAGS.get(style.name)
        if template is None:
            template = _TEMPLATE_FRAGS[style.name] = Paragraph("x", style).frags[0]
    return MemoParagraph(plain, style, frags=[template.clone(text=plain)])


def text(value: object, style: ParagraphStyle, *, bold: bool = False) -> Paragraph:
    """A paragraph of plain text, each script in its own font."""
    plain = " ".join(normalized(value).split())
    if not bold and is_plain_latin(plain):
        return _plain_paragraph(plain, style)
    return MemoParagraph(markup(plain, bold=bold), shaped(style) if needs_shaping(plain) else style)


def labelled(label: str, value: object, style: ParagraphStyle) -> Paragraph:
    """'Label: value' with the label in bold."""
    plain = normalized(value)
    body = f"<b>{escape(label)}</b> {markup(plain)}"
    return MemoParagraph(body, shaped(style) if needs_shaping(plain) else style)


def _table(rows: list[list[Any]], widths: Sequence[float], *, header_rows: int = 1,
           extra: Iterable[tuple[Any, ...]] = (),
           row_heights: Sequence[float | None] | None = None) -> Table:
    table = Table(rows, colWidths=list(widths), rowHeights=row_heights, repeatRows=header_rows,
                  hAlign="LEFT")
    style = grid_table_style(header_rows=header_rows)
    for command in extra:
        style.add(*command)
    table.setStyle(style)
    return table


def _notice(styles: MemoStyles) -> Table:
    box = Table([[text(DECISION_SUPPORT_NOTICE, styles.notice)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILIES[LATIN].regular),
        ("BACKGROUND", (0, 0), (-1, -1), NOTICE_FILL),
        ("BOX", (0, 0), (-1, -1), 0.8, NOTICE_LINE),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
        ("RIGHTPADDING", (0, 0), (-1, -1), 7),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return box


def applicant_name(applicant: dict[str, Any]) -> str:
    """'Family Given' in the names' own script.

    Spaces, not commas, between the parts: punctuation next to a right-to-left name would be
    shaped into the name's run.
    """
    family = normalized(applicant.get("family_name")).strip()
    given = normalized(applicant.get("given_names")).strip()
    return " ".join(part for part in (family, given) if part) or UNKNOWN


def _nationality(applicant: dict[str, Any]) -> str:
    codes = applicant.get("nationalities") or []
    names = [f"{lookups.country_name(code)} ({code})" for code in codes]
    if applicant.get("stateless"):
        names.append("Stateless")
    return "; ".join(names) or UNKNOWN


def _border_and_port(entry: dict[str, Any]) -> str:
    border = BORDER_WORDS.get(entry.get("border") or "", humanize(entry.get("border")))
    at_port = entry.get("at_port_of_entry")
    where = ("at a port of entry" if at_port is True
             else "between ports of entry" if at_port is False else "port of entry unknown")
    port = entry.get("port")
    return f"{border}, {where}" + (f" ({port})" if port else "")


def _case_details(case: dict[str, Any], determination: dict[str, Any],
                  styles: MemoStyles) -> Table:
    applicant = case.get("applicant") or {}
    entry = case.get("entry") or {}
    coming_from = entry.get("coming_from")
    pairs = [
        ("Case reference", case.get("case_id") or "not given"),
        ("A-number", applicant.get("a_number") or "not recorded"),
        ("Family name(s)", normalized(applicant.get("family_name")).strip() or UNKNOWN),
        ("Given name(s)", normalized(applicant.get("given_names")).strip() or UNKNOWN),
        ("Date of birth", format_partial_date(applicant.get("date_of_birth"))),
        ("Nationality", _nationality(applicant)),
        ("Date of entry", format_partial_date(entry.get("date"))),
        ("Border and port", _border_and_port(entry)),
        ("Crossed from", f"{lookups.country_name(coming_from)} ({coming_from})"
         if coming_from else UNKNOWN),
        ("Decision date", format_partial_date(determination.get("decision_date"))),
    ]
    rows = [[text(label, styles.cell_header), text(value, styles.cell)] for label, value in pairs]
    return _table(rows, [1.35 * inch, CONTENT_WIDTH - 1.35 * inch], header_rows=0,
                  extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_FILL)])


def _finding_is_unverified(finding: dict[str, Any]) -> bool:
    return (bool(finding.get("unverified"))
            or any(step.get("verified") is False for step in finding.get("trace") or [])
            or any(exception.get("verified") is False
                   for exception in finding.get("exceptions_considered") or []))


def _summary(determination: dict[str, Any], styles: MemoStyles) -> list[Flowable]:
    flowables: list[Flowable] = [text("Summary", styles.heading)]
    if determination.get("summary"):
        flowables.append(text(determination["summary"], styles.body))
    rows: list[list[Any]] = [[text(h, styles.cell_header)
                              for h in ("Rule", "Outcome", "Consequence")]]
    fills = []
    for index, finding in enumerate(determination.get("findings") or [], start=1):
        mark = f" {UNVERIFIED_MARK}" if _finding_is_unverified(finding) else ""
        outcome = finding.get("outcome", "")
        rows.append([
            text(f"{finding.get('title') or humanize(finding.get('rule'))}{mark}", styles.cell),
            text(outcome_words(outcome), styles.cell_header),
            text(finding.get("consequence") or "—", styles.cell),
        ])
        if outcome in OUTCOME_FILLS:
            fills.append(("BACKGROUND", (1, index), (1, index), OUTCOME_FILLS[outcome]))
    if len(rows) > 1:
        flowables.append(_table(rows, [2.1 * inch, 1.5 * inch, CONTENT_WIDTH - 3.6 * inch],
                                extra=fills))
    return flowables


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
        parts = [f"{humanize(claim.get('kind'))}: filed {format_partial_date(claim.get('filed'))}",
                 f"outcome {claim.get('outcome') or UNKNOWN}"]
        if claim.get("decided"):
            parts.append(f"decided {format_partial_date(claim.get('decided'))}")
        parts.append({True: "final", False: "not final"}.get(claim.get("final"),
                                                              "finality unknown"))
        lines.append("; ".join(parts))
    return "\n".join(lines) or "none recorded"


def _status_held(stop: dict[str, Any]) -> str:
    parts = [humanize(stop.get("status_held")) if stop.get("status_held") else UNKNOWN]
    offered = stop.get("permanent_status_offered")
    parts.append(f"Permanent offer: {tri_state(offered, yes='yes', no='no')}")
    if stop.get("returned_later"):
        parts.append("Left and returned later")
    return "\n".join(parts)


TREATY_LABELS = {
    "refugee_convention_1951": "1951 Convention",
    "protocol_1967": "1967 Protocol",
    "cat": "CAT",
}


def _treaty_lines(status: dict[str, Any], on: date) -> list[str]:
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
        words = tri_state(party, yes="party", no="not a party")
        since = instrument.get("entry_into_force")
        if party and since:
            words += f" since {format_partial_date(since)}"
        mark = f" {UNVERIFIED_MARK}" if instrument.get("verified") is False else ""
        lines.append(f"{label}: {words}{mark}")
    if not lines:
        return []
    return lines + [f"on {format_partial_date(on)}"]


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
        lines = _treaty_lines(status, on)
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
                    said.append(wording)
    return "\n".join(dict.fromkeys(said)) or "not recorded in the determination"


def _travel_history(case: dict[str, Any], determination: dict[str, Any],
                    styles: MemoStyles,
                    treaty_status: lookups.TreatyLookup | None) -> list[Flowable]:
    journey = case.get("journey") or []
    entry = case.get("entry") or {}
    flowables: list[Flowable] = [CondPageBreak(1.5 * inch),
                                 text("Travel history", styles.table_heading)]
    if not journey:
        return flowables + [text("No countries recorded on the way.", styles.body)]
    headers = ("#", "Country", "Arrived", "Departed", "Status held", "Protection claims",
               "Treaty participation at the time")
    rows: list[list[Any]] = [[text(h, styles.cell_header) for h in headers]]
    treaty_cells = []
    for index, stop in enumerate(journey):
        code = stop.get("country")
        treaty_cells.append(_treaty_participation(stop, index, entry.get("date"), determination,
                                                  treaty_status))
        rows.append([
            text(str(index + 1), styles.cell),
            text(f"{lookups.country_name(code)} ({code})", styles.cell),
            text(format_partial_date(stop.get("arrived")), styles.cell),
            text(format_partial_date(stop.get("departed")), styles.cell),
            _lines(_status_held(stop), styles.cell),
            _lines(_claims(stop), styles.cell),
            _lines(treaty_cells[-1], styles.cell),
        ])
    widths = [0.25, 0.95, 0.68, 0.68, 1.05, 1.72, 1.67]
    flowables.append(_table(rows, [w * inch for w in widths]))
    note = ("Dates are shown with the precision the applicant gave: a month or a year means some "
            "day in that month or year; 'unknown' means not known.")
    if any(UNVERIFIED_MARK in treaty for treaty in treaty_cells):
        note += f" {UNVERIFIED_LEGEND}"
    flowables.append(text(note, styles.small))
    return flowables


def _lines(value: str, style: ParagraphStyle) -> Paragraph:
    """A paragraph that keeps the value's line breaks."""
    plain = normalized(value)
    body = "<br/>".join(markup(line) for line in plain.split("\n"))
    return MemoParagraph(body, shaped(style) if needs_shaping(plain) else style)


def _outcome_band(finding: dict[str, Any], styles: MemoStyles) -> Table:
    outcome = finding.get("outcome", "")
    band = Table([[text(f"Outcome: {outcome_words(outcome)}", styles.outcome)]],
                 colWidths=[CONTENT_WIDTH])
    band.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILIES[LATIN].regular),
        ("BACKGROUND", (0, 0), (-1, -1), OUTCOME_FILLS.get(outcome, NOTICE_FILL)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return band


def _met_words(value: object) -> str:
    return tri_state(value, yes="Met", no="Not met")


def _unverified_items(finding: dict[str, Any]) -> list[str]:
    """The finding's unverified rule data, each as 'what (why)'."""
    items = []
    for item in finding.get("unverified") or []:
        if isinstance(item, dict):
            what = item.get("what") or item.get("description") or item.get("item") or str(item)
            note = item.get("note") or item.get("source")
            items.append(f"{what} ({note})" if note and note != what else str(what))
        else:
            items.append(str(item))
    return list(dict.fromkeys(items))


def _finding(number: int, finding: dict[str, Any], styles: MemoStyles) -> list[Flowable]:
    unverified = _finding_is_unverified(finding)
    mark = f" {UNVERIFIED_MARK}" if unverified else ""
    title = finding.get("title") or humanize(finding.get("rule"))
    outcome = finding.get("outcome", "")
    head: list[Flowable] = [
        CondPageBreak(1.6 * inch),
        text(f"{number}. {title}{mark}", styles.heading),
        text(f"Rule family: {finding.get('rule')}", styles.small),
        _outcome_band(finding, styles),
        Spacer(1, 4),
        text(OUTCOME_EXPLANATIONS.get(outcome, ""), styles.body),
    ]
    flowables: list[Flowable] = [KeepTogether(head)]
    if finding.get("consequence"):
        flowables.append(labelled("Consequence:", finding["consequence"], styles.body))
    receiving = finding.get("receiving_countries") or []
    if receiving:
        names = ", ".join(f"{lookups.country_name(c)} ({c})" for c in receiving)
        flowables.append(labelled("Could be sent to, in this order:", names, styles.body))

    exceptions = finding.get("exceptions_considered") or []
    flowables.append(text("Exceptions considered", styles.subheading))
    if exceptions:
        rows: list[list[Any]] = [[text(h, styles.cell_header)
                                  for h in ("Exception", "Met?", "Citation")]]
        for exception in exceptions:
            exception_mark = f" {UNVERIFIED_MARK}" if exception.get("verified") is False else ""
            rows.append([text(f"{humanize(exception.get('id'))}{exception_mark}", styles.cell),
                         text(_met_words(exception.get("met")), styles.cell_header),
                         text(exception.get("citation") or "—", styles.cell)])
        flowables.append(_table(rows, [3.4 * inch, 0.8 * inch, CONTENT_WIDTH - 4.2 * inch]))
    else:
        flowables.append(text("None for this outcome.", styles.body))

    missing = finding.get("missing_facts") or []
    if missing:
        flowables.append(text("Questions that remain", styles.subheading))
        rows = [[text(h, styles.cell_header)
                 for h in ("Question (case-file field)", "If the answer is", "Outcome")]]
        for fact in missing:
            answers = fact.get("answers") or {}
            answer_lines = "\n".join(str(a) for a in answers) or "—"
            outcome_lines = "\n".join(outcome_words(str(o)) for o in answers.values()) or "—"
            rows.append([
                _lines(f"{fact.get('question') or 'Question not given'}\n"
                       f"({fact.get('field') or 'field not named'})", styles.cell),
                _lines(answer_lines, styles.cell),
                _lines(outcome_lines, styles.cell),
            ])
        flowables.append(_table(rows, [3.6 * inch, 1.7 * inch, CONTENT_WIDTH - 5.3 * inch]))

    trace = finding.get("trace") or []
    if trace:
        flowables.append(text("Reasoning", styles.subheading))
        rows = [[text(h, styles.cell_header)
                 for h in ("#", "Step", "Holds?", "Facts used", "Citation")]]
        for index, step in enumerate(trace, start=1):
            step_mark = f" {UNVERIFIED_MARK}" if step.get("verified") is False else ""
            rows.append([
                text(str(index), styles.cell),
                text(f"{step.get('step', '')}{step_mark}", styles.cell),
                text(tri_state(step.get("result")), styles.cell_header),
                text(", ".join(str(f) for f in step.get("facts") or []) or "—", styles.cell),
                text(step.get("citation") or "—", styles.cell),
            ])
        flowables.append(_table(rows, [w * inch for w in (0.25, 3.05, 0.75, 1.35, 1.6)]))
        flowables.append(Spacer(1, 5))

    citations = finding.get("citations") or []
    if citations:
        flowables.append(labelled("Authorities:", "; ".join(str(c) for c in citations),
                                  styles.body))
    items = _unverified_items(finding)
    if unverified:
        detail = f": {'; '.join(items)}" if items else "."
        flowables.append(text(
            f"{UNVERIFIED_MARK} This finding rests on rule data not verified against a primary "
            f"source{detail}", styles.small))
    return flowables


def _notes(case: dict[str, Any], officer_notes: str | None, styles: MemoStyles) -> list[Flowable]:
    flowables: list[Flowable] = [text("Officer's notes", styles.heading)]
    if officer_notes and officer_notes.strip():
        flowables.extend(_paragraphs(officer_notes, styles.body))
    else:
        flowables.append(text("None.", styles.body))
    if case.get("notes"):
        flowables.append(text("Notes recorded with the case", styles.subheading))
        flowables.extend(_paragraphs(str(case["notes"]), styles.body))
    return flowables


def _paragraphs(value: str, style: ParagraphStyle) -> list[Flowable]:
    return [_lines(block, style) for block in normalized(value).split("\n\n") if block.strip()]


def _signature_block(signatures: Signatures, styles: MemoStyles) -> list[Flowable]:
    blank = "____________________"
    prepared_on = format_partial_date(signatures.generated_at.date()) if signatures.prepared_by \
        else blank
    rows: list[list[Any]] = [
        [text(h, styles.cell_header) for h in ("Role", "Name", "Date", "Signature")],
        [text("Prepared by", styles.cell), text(signatures.prepared_by or blank, styles.cell),
         text(prepared_on, styles.cell), text("", styles.cell)],
        [text("Reviewed by", styles.cell), text(signatures.reviewed_by or blank, styles.cell),
         text(blank, styles.cell), text("", styles.cell)],
    ]
    if signatures.status == "final" and signatures.finalized_at is not None:
        rows.append([text("Finalized by", styles.cell),
                     text(signatures.finalized_by or UNKNOWN, styles.cell),
                     text(format_timestamp(signatures.finalized_at), styles.cell),
                     text("", styles.cell)])
    table = _table(rows, [1.2 * inch, 2.4 * inch, 1.5 * inch, CONTENT_WIDTH - 5.1 * inch],
                   row_heights=[None] + [28] * (len(rows) - 1))  # room to sign by hand
    if signatures.status == "final":
        state = (f"Finalized by {signatures.finalized_by} on "
                 f"{format_timestamp(signatures.finalized_at)}."
                 if signatures.finalized_at else "Finalized.")
    else:
        state = "Draft: not finalized. The officer's decision is recorded only when finalized."
    return [KeepTogether([text("Signatures", styles.heading), table, Spacer(1, 4),
                          text(state, styles.body)])]


def build_story(case: dict[str, Any], determination: dict[str, Any], signatures: Signatures,
                *, officer_notes: str | None, version: str,
                treaty_status: lookups.TreatyLookup | None = None) -> list[Flowable]:
    """Every flowable of the memo, in reading order."""
    styles = memo_styles()
    status_words = ("Final" if signatures.status == "final" else "Draft")
    story: list[Flowable] = [
        text("Transit requirements determination", styles.title),
        text(f"{status_words} memo · Waypoint {version} · generated "
             f"{format_timestamp(signatures.generated_at)}", styles.subtitle),
        _notice(styles),
        Spacer(1, 8),
        _case_details(case, determination, styles),
    ]
    story.extend(_summary(determination, styles))
    story.extend(_travel_history(case, determination, styles, treaty_status))
    findings = determination.get("findings") or []
    story.append(CondPageBreak(2.5 * inch))
    story.append(text("Findings by rule family", styles.heading))
    for number, finding in enumerate(findings, start=1):
        story.extend(_finding(number, finding, styles))
    if any(_finding_is_unverified(f) for f in findings):
        story.append(Spacer(1, 6))
        story.append(text(UNVERIFIED_LEGEND, styles.small))
    story.extend(_notes(case, officer_notes, styles))
    story.extend(_signature_block(signatures, styles))
    story.append(Spacer(1, 6))
    story.append(text(DECISION_SUPPORT_NOTICE, styles.small))
    return story
