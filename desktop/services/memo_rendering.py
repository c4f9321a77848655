"""Renders a case's memo (with the treaty and law-date look-ups) and its interview sheet, each
as PDF/A-3b; the memo carries its case file and decision receipt inside (memo.archival)."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.memo import render_memo
from desktop.memo.archival import (
    CASE_FILE_NAME,
    RECEIPT_FILE_NAME,
    Attachment,
    case_file_bytes,
    decision_receipt,
    make_archival,
    receipt_bytes,
)
from desktop.memo.interview import render_interview_sheet, sheet_catalog
from desktop.memo.signature_fields import OFFICER, REVIEWER, SignatureField
from desktop.services.evaluation import treaty_status
from desktop.services.memo_catalogs import MEMO_LANGUAGES as MEMO_LANGUAGES  # re-exported
from desktop.services.memo_catalogs import memo_catalog
from desktop.services.outcome_dates import when_outcomes_hold
from desktop.services.rule_pack_file import law_known_through

if TYPE_CHECKING:
    from desktop.engine import RulePack


def memo_law_date(determination: dict[str, Any], pack: RulePack) -> str | None:
    """The law date the memo prints: the determination's own, else that of the pack it names
    when that is `pack` (the one the memo is rendered with).

    Never the bundled pack's file: a determination made under an installed pack that gives no
    date (or one stored before determinations carried it) must not borrow the built-in date.
    """
    if "law_known_through" in determination:
        known = determination["law_known_through"]
        return known if isinstance(known, str) and known else None
    rules_hash = determination.get("rules_hash")
    if not isinstance(rules_hash, str) or len(rules_hash) < 8 or \
            not pack.hash.startswith(rules_hash):
        return None
    return law_known_through(pack)


def render_case_memo(case_data: dict[str, Any], determination: dict[str, Any], *,
                     pack: RulePack, generated_at: datetime, **memo_options: Any) -> bytes:
    """The memo PDF for a case and its determination, with treaty look-ups under `pack` (the
    one it was evaluated with); options as desktop.memo.render_memo, and `language` (en or es,
    default en): the memo's catalog, whose SHA-256 the decision receipt records beside the
    rule pack's."""
    catalog = memo_catalog(memo_options.pop("language", None))
    if catalog.sha256:  # additive fields: an English memo's receipt is as it always was
        determination = {**determination, "text_language": catalog.language,
                         "text_catalog_hash": catalog.sha256}
    memo_options["catalog"] = catalog
    memo_options.setdefault("law_known_through", memo_law_date(determination, pack))
    if "outcome_dates" not in memo_options:
        memo_options["outcome_dates"] = when_outcomes_hold(case_data, determination, pack)
    pdf = render_memo(case_data, determination, generated_at=generated_at,
                      treaty_status=partial(treaty_status, pack=pack), **memo_options)
    return make_archival(pdf, memo_attachments(case_data, determination, memo_options),
                         signature_fields=memo_signature_fields(memo_options))


def memo_signature_fields(memo_options: dict[str, Any]) -> list[SignatureField]:
    """The signature fields a memo is rendered with: the officer's when a final memo will be
    signed, and the reviewer's too when it waits for a counter-signature."""
    if memo_options.get("status") != "final" or not memo_options.get("signed"):
        return []
    return [OFFICER, REVIEWER] if memo_options.get("review_pending") else [OFFICER]


def memo_attachments(case_data: dict[str, Any], determination: dict[str, Any],
                     memo_options: dict[str, Any]) -> list[Attachment]:
    """The case file the memo was made from and its decision receipt, to embed in the memo."""
    decision_date = memo_options.get("decision_date")
    receipt = decision_receipt(
        determination, waypoint_version=__version__,
        decision_date=decision_date.isoformat() if decision_date is not None else None,
        officer_determination=memo_options.get("officer_determination"))
    return [Attachment(CASE_FILE_NAME, case_file_bytes(case_data),
                       "The case file (waypoint-case/1) the memo was made from", "Source"),
            Attachment(RECEIPT_FILE_NAME, receipt_bytes(receipt),
                       "Decision receipt: rule pack, engine, facts digest, decision date, "
                       "findings and the officer's conclusions", "Data")]


def render_case_interview_sheet(case_data: dict[str, Any], determination: dict[str, Any], *,
                                language: str | None, generated_at: datetime) -> bytes:
    """The one-page interview sheet of the case's open questions in `language` (None: the
    applicant's first recorded language); NoCatalog names the languages there are."""
    catalog = sheet_catalog(case_data, language)
    return make_archival(render_interview_sheet(case_data, determination, catalog=catalog,
                                                generated_at=generated_at))
