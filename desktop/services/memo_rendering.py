"""Renders a case's memo (with the treaty and law-date look-ups) and its interview sheet."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.memo import render_memo
from desktop.memo.interview import render_interview_sheet
from desktop.services.evaluation import treaty_status
from desktop.services.rule_pack_file import RulePackRefused, law_known_through
from desktop.services.rule_packs import pinned_rule_pack


def memo_law_date(determination: dict[str, Any]) -> str | None:
    """The law date the memo prints: the determination's own, else that of the pack it names.

    Never the bundled pack's file: a determination made under an installed pack that gives no
    date (or one stored before determinations carried it) must not borrow the built-in date.
    """
    if "law_known_through" in determination:
        known = determination["law_known_through"]
        return known if isinstance(known, str) and known else None
    rules_hash = determination.get("rules_hash")
    if not isinstance(rules_hash, str) or len(rules_hash) < 8:
        return None
    try:
        return law_known_through(pinned_rule_pack(rules_hash))
    except RulePackRefused:
        return None


def render_case_memo(case_data: dict[str, Any], determination: dict[str, Any], *,
                     generated_at: datetime, **memo_options: Any) -> bytes:
    """The memo PDF for a case and its determination; options as desktop.memo.render_memo."""
    memo_options.setdefault("law_known_through", memo_law_date(determination))
    return render_memo(case_data, determination, generated_at=generated_at,
                       treaty_status=treaty_status, **memo_options)


def render_case_interview_sheet(case_data: dict[str, Any], determination: dict[str, Any], *,
                                language: str, generated_at: datetime) -> bytes:
    """The one-page interview sheet of the case's open questions, in English or Spanish."""
    return render_interview_sheet(case_data, determination, language=language,
                                  generated_at=generated_at)
