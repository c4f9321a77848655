"""Is the law in the rule pack current enough to rely on? The notice Review shows when the
pack's "law known through" date (read in its one place, rule_pack_file.law_known_through) is
before the decision date, or long before today (a pack not updated for months)."""

from __future__ import annotations

from datetime import date

from desktop.engine.pack import RulePack
from desktop.memo.text import format_partial_date
from desktop.services.rule_pack_file import law_known_through

# A pack whose law is known only through a date this many days before today is old: the
# transit rules changed by court order several times a year in 2019-2024.
OLD_AFTER_DAYS = 183


def law_currency_notice(pack: RulePack, decision: date, today: date) -> str | None:
    """Words for the officer when the pack's law date is before `decision` or more than
    OLD_AFTER_DAYS before `today`; None when the law is current (or the pack gives no date,
    which the status bar already says as "unknown")."""
    known_text = law_known_through(pack)
    if known_text is None:
        return None
    known = date.fromisoformat(known_text)
    known_words = format_partial_date(known_text)
    if decision > known:
        return (f"The decision date, {format_partial_date(decision.isoformat())}, is after "
                f"{known_words}, the last day the law in Waypoint's rule pack is known to be "
                "current. Check for changes in the law since then before relying on these "
                "findings.")
    days_old = (today - known).days
    if days_old > OLD_AFTER_DAYS:
        return (f"The law in Waypoint's rule pack is known only through {known_words}, "
                f"{days_old // 30} months before today ({format_partial_date(today.isoformat())})."
                " Install a newer rule pack (File → Rule packs…) or check for changes in the "
                "law before relying on these findings.")
    return None
