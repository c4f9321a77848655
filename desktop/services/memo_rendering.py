"""Renders a case's memo with the services' look-ups (treaty participation from the rule pack)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from desktop.memo import render_memo
from desktop.services.evaluation import treaty_status


def render_case_memo(case_data: dict[str, Any], determination: dict[str, Any], *,
                     generated_at: datetime, **memo_options: Any) -> bytes:
    """The memo PDF for a case and its determination; options as desktop.memo.render_memo."""
    return render_memo(case_data, determination, generated_at=generated_at,
                       treaty_status=treaty_status, **memo_options)
