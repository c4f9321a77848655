"""render_memo: a case and its determination in, the PDF memo's bytes out."""

from __future__ import annotations

import io
from datetime import datetime
from typing import Any

from desktop import __version__
from desktop.memo import lookups
from desktop.memo.document import PageDecor, build_document
from desktop.memo.story import Signatures, applicant_name, build_story
from desktop.memo.styles import memo_styles

STATUSES = ("draft", "final")


def render_memo(case_data: dict[str, Any], determination: dict[str, Any], *,
                status: str = "draft", prepared_by: str | None = None,
                reviewed_by: str | None = None, finalized_by: str | None = None,
                finalized_at: datetime | None = None, officer_notes: str | None = None,
                generated_at: datetime, treaty_status: lookups.TreatyLookup | None = None,
                audit_anchor: str | None = None) -> bytes:
    """Render the determination memo for a case as PDF bytes.

    The same inputs give the same bytes. A draft carries a DRAFT watermark on every page; a
    final memo has none and must say who finalized it and when. `treaty_status` fills the
    travel history's treaty column; without it the column quotes the determination's reasoning.
    `audit_anchor` ("<entry>:<hash>", MemoService.chain_anchor) puts the audit chain's head
    into the PDF's keywords, so a memo handed out vouches for the chain as it was.
    """
    if status not in STATUSES:
        raise ValueError(f"status must be 'draft' or 'final', not {status!r}")
    if status == "final" and (not finalized_by or finalized_at is None):
        raise ValueError("a final memo needs finalized_by and finalized_at")
    memo_styles()  # registers the fonts (once per process)
    signatures = Signatures(status=status, prepared_by=prepared_by, reviewed_by=reviewed_by,
                            finalized_by=finalized_by if status == "final" else None,
                            finalized_at=finalized_at if status == "final" else None,
                            generated_at=generated_at)
    digest = lookups.facts_digest(case_data, determination)
    rules_version = str(determination.get("rules_version") or "unknown")
    rules_hash = determination.get("rules_hash")
    engine_version = str(determination.get("engine_version") or "unknown")
    applicant = case_data.get("applicant") or {}
    reference = case_data.get("case_id") or applicant.get("a_number") or "no reference"
    label = "Final" if status == "final" else "DRAFT"
    decor = PageDecor(
        running_title=(f"Transit requirements determination · {reference} · "
                       f"{applicant_name(applicant)} · {label}"),
        footer_lines=(f"{label} · Waypoint {__version__} · engine {engine_version} · "
                      f"rules {rules_version}",
                      f"Rule pack SHA-256 {rules_hash or 'not given'}",
                      f"Case facts SHA-256 {digest}"),
        draft=status != "final",
    )
    story = build_story(case_data, determination, signatures, officer_notes=officer_notes,
                        version=__version__, treaty_status=treaty_status)
    buffer = io.BytesIO()
    build_document(
        buffer, story, decor, created_at=generated_at,
        title=f"Transit requirements determination: {reference}",
        subject=(f"Decision support memo ({status}) for {applicant_name(applicant)} "
                 f"(decision date {determination.get('decision_date')})"),
        author=f"Waypoint {__version__}",
        keywords=(f"waypoint-determination; rules {rules_version}; rule pack {rules_hash}; "
                  f"facts {digest}"
                  + (f"; audit chain head {audit_anchor}" if audit_anchor else "")),
    )
    return buffer.getvalue()
