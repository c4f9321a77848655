"""render_memo: a case and its determination in, the PDF memo's bytes out."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from reportlab.platypus.doctemplate import LayoutError

from desktop import __version__
from desktop.case_rules import shown_a_number
from desktop.engine.outcome_dates import OutcomeStrip
from desktop.memo import lookups
from desktop.memo.blocks import split_rows
from desktop.memo.document import PageDecor, build_document
from desktop.memo.language import N_, _, rendering_in
from desktop.memo.story import Provenance, Signatures, applicant_name, build_story, case_reference
from desktop.memo.styles import memo_styles
from desktop.memo.text import format_partial_date
from desktop.text_catalogs import TextCatalog

STATUSES = (N_("draft"), N_("final"))
NAME_LIMIT = 60  # characters of the name in the running header (the details table has it all)


REVIEW_KEYWORD = "final with the reviewer's counter-signature"


def memo_keywords(determination: dict[str, Any], digest: str, supersedes_id: int | None,
                  audit_anchor: str | None = None, review_pending: bool = False) -> str:
    """The PDF's Keywords: what `waypoint memo verify` reads back (the rule ids live only here)."""
    rules = ",".join(str(f.get("rule")) for f in determination.get("findings") or [])
    words = (f"waypoint-determination; rules {determination.get('rules_version') or 'unknown'}; "
             f"rule pack {determination.get('rules_hash') or 'unknown'}; facts {digest}; "
             f"decision date {determination.get('decision_date')}; findings {rules}")
    if supersedes_id is not None:
        words += f"; supersedes memo {supersedes_id}"
    if audit_anchor:
        words += f"; audit chain head {audit_anchor}"
    if review_pending:
        words += f"; {REVIEW_KEYWORD}"
    return words


def _short(value: str, limit: int) -> str:
    return value if len(value) <= limit else value[:limit - 1].rstrip() + "\u2026"


# Over 60 lines: a long keyword signature, a docstring line per argument, then one layout.
def render_memo(case_data: dict[str, Any], determination: dict[str, Any], *,
                status: str = "draft", prepared_by: str | None = None,
                reviewed_by: str | None = None, finalized_by: str | None = None,
                finalized_at: datetime | None = None, officer_notes: str | None = None,
                generated_at: datetime, treaty_status: lookups.TreatyLookup | None = None,
                law_known_through: str | None = None, supersedes: str | None = None,
                supersedes_id: int | None = None, signed: bool = False,
                audit_anchor: str | None = None, prepared_at: datetime | None = None,
                reviewed_at: datetime | None = None, review_pending: bool = False,
                signer_note: str | None = None, decision_date: date | None = None,
                officer_determination: dict[str, Any] | None = None,
                outcome_dates: Sequence[OutcomeStrip] = (),
                catalog: TextCatalog | None = None) -> bytes:
    """Render the determination memo for a case as PDF bytes.

    The same inputs give the same bytes. A draft carries a DRAFT watermark on every page; a
    final memo has none and must say who finalized it and when. `treaty_status` fills the
    travel history's treaty column; without it the column quotes the determination's reasoning.
    `law_known_through` (the rule pack's date) goes in the footer; `supersedes` names the memo an
    amendment replaces; `signed` says the memo will carry the finalizing officer's signature.
    `audit_anchor` ("<entry>:<hash>", MemoService.chain_anchor) puts the audit chain's head
    into the PDF's keywords, so a memo handed out vouches for the chain as it was.
    `prepared_at` (default generated_at) and `reviewed_at` date the Prepared/Reviewed by lines.
    `review_pending`: a final memo the preparer signs on submitting it for review; it says (and
    its keywords record) that it is final only with the reviewer's counter-signature.
    `signer_note` says whose key signs (signing.signer_note: self-signed, or the office's).
    `decision_date`: the decision date as the decision path resolved it (default: the
    determination's). `officer_determination` (a final memo): the officer's own record, printed
    in its own section ("Determination of <officer>, <date>") apart from Waypoint's findings.
    `outcome_dates`: the engine's strips of when each outcome holds, printed as a table.
    `catalog`: the language the memo is worded in (default English, the source text); the
    officer's own words, names and citations are printed as given, never translated.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be 'draft' or 'final', not {status!r}")
    if status == "final" and (not finalized_by or finalized_at is None):
        raise ValueError("a final memo needs finalized_by and finalized_at")
    memo_styles()  # registers the fonts (once per process)
    with rendering_in(catalog) as language:
        return _render(case_data, determination, status=status, prepared_by=prepared_by,
                       reviewed_by=reviewed_by, finalized_by=finalized_by,
                       finalized_at=finalized_at, officer_notes=officer_notes,
                       generated_at=generated_at, treaty_status=treaty_status,
                       provenance=Provenance(law_known_through=law_known_through,
                                             supersedes=supersedes, decision_date=decision_date,
                                             officer_determination=officer_determination,
                                             outcome_dates=tuple(outcome_dates)),
                       supersedes_id=supersedes_id, signed=signed, audit_anchor=audit_anchor,
                       prepared_at=prepared_at, reviewed_at=reviewed_at,
                       review_pending=review_pending, signer_note=signer_note,
                       language=language)


# Over 60 lines: the keyword signature, then one layout (render_memo's, in its language).
def _render(case_data: dict[str, Any], determination: dict[str, Any], *, status: str,
            prepared_by: str | None, reviewed_by: str | None, finalized_by: str | None,
            finalized_at: datetime | None, officer_notes: str | None, generated_at: datetime,
            treaty_status: lookups.TreatyLookup | None, provenance: Provenance,
            supersedes_id: int | None, signed: bool, audit_anchor: str | None,
            prepared_at: datetime | None, reviewed_at: datetime | None, review_pending: bool,
            signer_note: str | None, language: TextCatalog) -> bytes:
    final = status == "final"
    law_known_through = provenance.law_known_through
    signatures = Signatures(status=status, prepared_by=prepared_by, reviewed_by=reviewed_by,
                            finalized_by=finalized_by if final else None,
                            finalized_at=finalized_at if final else None,
                            generated_at=generated_at, signed=signed and final,
                            prepared_at=prepared_at, reviewed_at=reviewed_at,
                            review_pending=review_pending and final,
                            signer_note=signer_note)
    digest = lookups.facts_digest(case_data, determination)
    rules_version = str(determination.get("rules_version") or "unknown")
    rules_hash = determination.get("rules_hash")
    engine_version = str(determination.get("engine_version") or "unknown")
    applicant = case_data.get("applicant") or {}
    reference = case_reference(case_data)
    a_number = shown_a_number(applicant.get("a_number"), _("not recorded"))
    label = _("Final") if final else _("DRAFT")
    versions = _("{label} \u00b7 Waypoint {version} \u00b7 engine {engine} \u00b7 rules {rules}")
    if law_known_through:
        versions = _("{label} \u00b7 Waypoint {version} \u00b7 engine {engine} \u00b7 rules "
                     "{rules} \u00b7 law known through {law}")
    footer = [versions.format(label=label, version=__version__, engine=engine_version,
                              rules=rules_version,
                              law=format_partial_date(law_known_through)),
              _("Rule pack SHA-256 {hash}").format(hash=rules_hash or _("not given")),
              _("Case facts SHA-256 {hash}").format(hash=digest)]
    if language.sha256:  # the catalog the memo's words came from, like the rule pack
        footer.append(_("Text catalog {language} SHA-256 {hash}").format(
            language=language.language, hash=language.sha256))
    decor = PageDecor(
        running_title=_("Case reference {reference} \u00b7 A-number {a_number} \u00b7 {name} "
                        "\u00b7 {label}").format(
            reference=_short(reference, 40), a_number=_short(a_number, 20),
            name=_short(applicant_name(applicant), NAME_LIMIT), label=label),
        footer_lines=tuple(footer), draft=not final,
        page_words=_("Page {number} of {total}"), watermark=_("DRAFT"),
    )
    def lay_out() -> io.BytesIO:
        story = build_story(case_data, determination, signatures, officer_notes=officer_notes,
                            version=__version__, treaty_status=treaty_status,
                            provenance=provenance)
        buffer = io.BytesIO()
        build_document(
            buffer, story, decor, created_at=generated_at,
            title=_("Transit requirements determination: {reference}").format(
                reference=_short(reference, 80)),
            # Metadata is read by file browsers and indexers: the case reference, no name.
            subject=_("Decision support memo ({status}), case reference {reference} (decision "
                      "date {date})").format(status=_(status), reference=_short(reference, 80),
                                             date=determination.get("decision_date")),
            lang=language.document_lang,
            author=f"Waypoint {__version__}",
            keywords=memo_keywords(determination, digest, supersedes_id, audit_anchor,
                                   review_pending and final),
        )
        return buffer

    try:
        buffer = lay_out()
    except LayoutError:  # a row taller than a page: lay out again, letting rows split
        token = split_rows.set(True)
        try:
            buffer = lay_out()
        finally:
            split_rows.reset(token)
    return buffer.getvalue()
