"""Turns a case and its determination into the memo's flowables, in reading order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Flowable, KeepTogether, Spacer

from desktop.case_rules import shown_a_number
from desktop.engine.outcome_dates import OutcomeStrip
from desktop.memo import lookups
from desktop.memo.blocks import CONTENT_WIDTH, UNVERIFIED_MARK, boxed, grid, labelled, lines, text
from desktop.memo.language import N_, _, english
from desktop.memo.officer import determination_heading, officer_section
from desktop.memo.outcome_dates import outcome_dates_section
from desktop.memo.people import family_words, languages_words, sex_words
from desktop.memo.sections import findings, not_reaching, still_needed, summary
from desktop.memo.styles import HEADER_FILL, MemoStyles, memo_styles
from desktop.memo.text import (
    UNKNOWN,
    format_partial_date,
    format_timestamp,
    humanize,
    normalized,
)
from desktop.memo.travel import travel_history

__all__ = ["Signatures", "applicant_name", "build_story", "case_reference", "UNVERIFIED_MARK"]

DECISION_SUPPORT_NOTICE = N_(
    "Decision support, not a decision. This memo records how Waypoint applied the transit rules "
    "of US asylum law to the facts recorded for this case. The officer decides: check each "
    "finding against the record and the law before relying on it."
)
BORDER_WORDS = {
    "southern_land": N_("Southern land border"),
    "northern_land": N_("Northern land border"),
    "air": N_("Air"),
    "sea": N_("Sea"),
}


REVIEW_BY_COUNTERSIGNATURE = N_("the supervisor's counter-signature (signature 2)")


@dataclass(frozen=True)
class Signatures:
    """Who prepared, reviewed and finalized the memo, and when."""

    status: str
    prepared_by: str | None
    reviewed_by: str | None
    finalized_by: str | None
    finalized_at: datetime | None
    generated_at: datetime
    signed: bool = False
    prepared_at: datetime | None = None  # default: generated_at
    reviewed_at: datetime | None = None
    review_pending: bool = False  # signed by the preparer; final with the reviewer's counter-sig.
    signer_note: str | None = None  # whose key signs: self-signed, or the issuing office


FINAL_DECISION_NOTICE = N_(
    "Waypoint's findings in this memo are decision support, not a decision: they record how "
    "Waypoint applied the transit rules of US asylum law to the facts recorded. The officer's "
    "decision is the section \u201c{heading}\u201d, recorded when the memo was finalized."
)


@dataclass(frozen=True)
class Provenance:
    """What the memo stands on besides the case: the law's date, the memo it supersedes, the
    decision date (typed, as resolved once by the decision path) and the officer's record."""

    law_known_through: str | None = None
    supersedes: str | None = None
    decision_date: date | None = None
    officer_determination: dict[str, Any] | None = None
    outcome_dates: tuple[OutcomeStrip, ...] = ()  # when each outcome holds (the engine's)


def applicant_name(applicant: dict[str, Any]) -> str:
    """'Family Given' in the names' own script.

    Spaces, not commas, between the parts: punctuation next to a right-to-left name would be
    shaped into the name's run.
    """
    family = normalized(applicant.get("family_name")).strip()
    given = normalized(applicant.get("given_names")).strip()
    return " ".join(part for part in (family, given) if part) or _(UNKNOWN)


def case_reference(case: dict[str, Any]) -> str:
    """The office's file number for the case, or 'not given'."""
    return normalized(case.get("case_reference")).strip() or _("not given")


def _nationality(applicant: dict[str, Any]) -> str:
    codes = applicant.get("nationalities") or []
    names = [lookups.country_name(str(code)) for code in codes]
    if applicant.get("stateless"):
        names.append(_("Stateless"))
    return ", ".join(names) or _(UNKNOWN)


def _border_and_port(entry: dict[str, Any]) -> str:
    border_id = entry.get("border") or ""
    border = _(BORDER_WORDS[border_id]) if border_id in BORDER_WORDS else humanize(border_id)
    at_port = entry.get("at_port_of_entry")
    where = (_("at a port of entry") if at_port is True
             else _("between ports of entry") if at_port is False
             else _("port of entry unknown"))
    port = entry.get("port")
    if port:
        return _("{border}, {where} ({port})").format(border=border, where=where, port=port)
    return _("{border}, {where}").format(border=border, where=where)


def _case_details(case: dict[str, Any], determination: dict[str, Any],
                  styles: MemoStyles) -> Flowable:
    applicant = case.get("applicant") or {}
    entry = case.get("entry") or {}
    coming_from = entry.get("coming_from")
    pairs = [
        (_("Case reference"), case_reference(case)),
        (_("A-number"), shown_a_number(applicant.get("a_number"), _("not recorded"))),
        (_("Family name(s)"), normalized(applicant.get("family_name")).strip() or _(UNKNOWN)),
        (_("Given name(s)"), normalized(applicant.get("given_names")).strip() or _(UNKNOWN)),
        (_("Date of birth"), format_partial_date(applicant.get("date_of_birth"))),
        (_("Nationality"), _nationality(applicant)),
        (_("Sex"), sex_words(applicant)),
        (_("Languages"), languages_words(applicant)),
        (_("Date of entry"), format_partial_date(entry.get("date"))),
        (_("Crossed from"), lookups.country_name(coming_from) if coming_from else _(UNKNOWN)),
        (_("Border and port"), _border_and_port(entry)),
        (_("Decision date"), format_partial_date(determination.get("decision_date"))),
    ]
    rows = []
    for left, right in zip(pairs[0::2], pairs[1::2], strict=True):
        rows.append([text(left[0], styles.cell_header), text(left[1], styles.cell, limit=300),
                     text(right[0], styles.cell_header), text(right[1], styles.cell, limit=300)])
    family = family_words(case.get("circumstances") or {})
    rows.append([text(_("Travelling with"), styles.cell_header),
                 text(family, styles.cell, limit=600), "", ""])
    label, value = 1.15 * inch, CONTENT_WIDTH / 2 - 1.15 * inch
    return grid(rows, [label, value, label, value], header_rows=0,
                extra=[("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                       ("BACKGROUND", (2, 0), (2, -2), HEADER_FILL),
                       ("SPAN", (1, -1), (3, -1))])


def _engine_language_notice(styles: MemoStyles) -> list[Flowable]:
    """In a memo worded in another language: which parts stay as the engine recorded them."""
    if english():
        return []
    return [Spacer(1, 3), text(_(
        "Waypoint's reasoning steps, consequences, exception names and rule-data notes come "
        "from its engine and are printed in English, as recorded. Citations and the officer's "
        "own words are never translated."), styles.notice)]


def _law_date_notice(determination: dict[str, Any], provenance: Provenance) -> str | None:
    known = provenance.law_known_through
    decided = provenance.decision_date or determination.get("decision_date")
    try:
        as_date = decided if isinstance(decided, date) else date.fromisoformat(str(decided)[:10])
        late = bool(known and decided and as_date > date.fromisoformat(str(known)[:10]))
    except ValueError:
        return None
    if not late:
        return None
    return _("The decision date, {decided}, is after {known}, the last day the law in "
             "Waypoint's rule pack is known to be current. Check for changes in the law since "
             "then before relying on this memo.").format(decided=format_partial_date(decided),
                                                         known=format_partial_date(known))


def _notes(case: dict[str, Any], officer_notes: str | None, styles: MemoStyles) -> list[Flowable]:
    if not (officer_notes and officer_notes.strip()) and not case.get("notes"):
        return [Spacer(1, 6), labelled(_("Officer's notes:"), _("none."), styles.body)]
    flowables: list[Flowable] = [text(_("Officer's notes"), styles.heading)]
    if officer_notes and officer_notes.strip():
        flowables.extend(_paragraphs(officer_notes, styles.body))
    else:
        flowables.append(text(_("None."), styles.body))
    if case.get("notes") and case.get("notes") != officer_notes:
        flowables.append(text(_("Notes recorded with the case"), styles.subheading))
        flowables.extend(_paragraphs(str(case["notes"]), styles.body))
    return flowables


def _paragraphs(value: str, style: ParagraphStyle) -> list[Flowable]:
    blocks = normalized(value, multiline=True).split("\n\n")
    return [lines(block, style) for block in blocks if block.strip()]


def _signature_state(signatures: Signatures) -> str:
    """What the memo's signatures make of it, in sentences."""
    if signatures.review_pending:
        sentences = [_(
            "Prepared and digitally signed by {officer} and submitted for review. It is final "
            "only when a supervisor approves it by counter-signing this file: a second digital "
            "signature, which names the reviewer and the time. Check both with 'waypoint memo "
            "verify' or any PDF reader that shows signatures.").format(
                officer=signatures.prepared_by)]
    elif signatures.status == "final":
        sentences = [_("Finalized by {officer} on {moment}.").format(
            officer=signatures.finalized_by, moment=format_timestamp(signatures.finalized_at))
            if signatures.finalized_at else _("Finalized.")]
        if signatures.signed:
            sentences.append(_(
                "The finalizing officer's digital signature covers this whole document; check "
                "it with 'waypoint memo verify' or any PDF reader that shows signatures. Any "
                "change after signing breaks it."))
    else:
        sentences = [_("Draft: not finalized. The officer's decision is recorded only when "
                       "finalized.")]
    if signatures.signer_note and (signatures.signed or signatures.review_pending):
        sentences.append(signatures.signer_note)
    return " ".join(sentences)


def _signature_block(signatures: Signatures, styles: MemoStyles) -> list[Flowable]:
    blank = "____________________"
    prepared_on = format_partial_date(
        (signatures.prepared_at or signatures.generated_at).date()) if signatures.prepared_by \
        else blank
    reviewed_on = format_partial_date(signatures.reviewed_at.date()) if (
        signatures.reviewed_by and signatures.reviewed_at) else blank
    rows: list[list[Any]] = [
        [text(h, styles.cell_header) for h in (_("Role"), _("Name"), _("Date"), _("Signature"))],
        [text(_("Prepared by"), styles.cell), text(signatures.prepared_by or blank, styles.cell),
         text(prepared_on, styles.cell), text("", styles.cell)],
        [text(_("Reviewed by"), styles.cell),
         text(_(REVIEW_BY_COUNTERSIGNATURE) if signatures.review_pending
              else signatures.reviewed_by or blank, styles.cell),
         text(reviewed_on, styles.cell), text("", styles.cell)],
    ]
    if signatures.status == "final" and signatures.finalized_at is not None and \
            not signatures.review_pending:
        rows.append([text(_("Finalized by"), styles.cell),
                     text(signatures.finalized_by or _(UNKNOWN), styles.cell),
                     text(format_timestamp(signatures.finalized_at), styles.cell),
                     text(_("digitally signed") if signatures.signed else "", styles.cell)])
    table = grid(rows, [1.2 * inch, 2.4 * inch, 1.5 * inch, CONTENT_WIDTH - 5.1 * inch],
                 row_heights=[None] + [24] * (len(rows) - 1))  # room to sign by hand
    state = _signature_state(signatures)
    return [KeepTogether([text(_("Signatures"), styles.heading), table, Spacer(1, 3),
                          text(state, styles.body)])]


def build_story(case: dict[str, Any], determination: dict[str, Any], signatures: Signatures,
                *, officer_notes: str | None, version: str,
                treaty_status: lookups.TreatyLookup | None = None,
                provenance: Provenance | None = None) -> list[Flowable]:
    """Every flowable of the memo, in reading order."""
    styles = memo_styles()
    provenance = provenance or Provenance()
    subtitle = (_("Final memo \u00b7 Waypoint {version} \u00b7 generated {moment}")
                if signatures.status == "final" else
                _("Draft memo \u00b7 Waypoint {version} \u00b7 generated {moment}"))
    record = provenance.officer_determination if signatures.status == "final" else None
    notice = (_(FINAL_DECISION_NOTICE).format(heading=determination_heading(record))
              if record else _(DECISION_SUPPORT_NOTICE))
    story: list[Flowable] = [
        text(_("Transit requirements determination"), styles.title),
        text(subtitle.format(version=version, moment=format_timestamp(signatures.generated_at)),
             styles.subtitle),
        boxed([text(notice, styles.notice), *_engine_language_notice(styles)]),
        Spacer(1, 6),
        _case_details(case, determination, styles),
    ]
    notices = []
    if provenance.supersedes:
        notices.append(labelled(_("Amendment:"), provenance.supersedes, styles.notice))
    law_notice = _law_date_notice(determination, provenance)
    if law_notice:
        notices.append(labelled(_("Law date:"), law_notice, styles.notice))
    if notices:
        story.extend([Spacer(1, 6), boxed(notices)])
    story.extend(summary(determination, styles))
    story.extend(still_needed(case, determination, styles))
    story.extend(outcome_dates_section(provenance.outcome_dates, determination, styles))
    story.extend(travel_history(case, determination, styles, treaty_status))
    story.extend(findings(case, determination, styles))
    story.extend(not_reaching(determination, styles))
    if record:
        story.extend(officer_section(record, determination, styles))
    story.extend(_notes(case, officer_notes, styles))
    story.extend(_signature_block(signatures, styles))
    if record:  # a draft opens with this notice already; a final memo opens with another
        story.append(Spacer(1, 4))
        story.append(text(_(DECISION_SUPPORT_NOTICE), styles.small))
    return story
