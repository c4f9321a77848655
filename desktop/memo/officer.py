"""The officer's own determination in a final memo: a section apart from Waypoint's findings.

It is given as the contract's `officer_determination` object (plain JSON): the officer, the
decision date, a conclusion per rule family, and the open questions decided without (why).
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, Spacer

from desktop.memo.blocks import CONTENT_WIDTH, grid, text
from desktop.memo.language import N_, _
from desktop.memo.reasoning import finding_title
from desktop.memo.styles import MemoStyles
from desktop.memo.text import format_partial_date, normalized, outcome_words

CONCLUSION_WORDS = {"agree": N_("Agrees with Waypoint's finding"),
                    "differ": N_("Differs from Waypoint's finding"),
                    "not_decided": N_("Not decided here")}


def determination_heading(record: dict[str, Any]) -> str:
    """"Determination of <officer>, <date>": the section's title."""
    officer = normalized(record.get("officer")).strip() or _("the officer")
    return _("Determination of {officer}, {date}").format(
        officer=officer, date=format_partial_date(record.get("decision_date")))


def officer_section(record: dict[str, Any], determination: dict[str, Any],
                    styles: MemoStyles) -> list[Flowable]:
    """The section: what the officer concluded on each finding, and what she decided without."""
    zone = normalized(record.get("time_zone")).strip()
    flowables: list[Flowable] = [
        CondPageBreak(2.2 * inch),
        text(determination_heading(record), styles.heading),
        text(" ".join((_recorded_when(record), _(
            "Waypoint's findings above stay decision support; where the officer differs, her "
            "reason is given here."), _date_fixed(record, zone))), styles.body),
        Spacer(1, 4),
    ]
    titles = {str(f.get("rule")): finding_title(f) for f in determination.get("findings") or []}
    outcomes = {str(f.get("rule")): str(f.get("outcome", ""))
                for f in determination.get("findings") or []}
    rows: list[list[Any]] = [[text(h, styles.cell_header) for h in
                              (_("Rule"), _("Waypoint's finding"), _("Officer's conclusion"),
                               _("Reason"))]]
    for item in record.get("conclusions") or []:
        rule = str(item.get("rule"))
        rows.append([text(titles.get(rule, rule), styles.cell),
                     text(outcome_words(outcomes[rule]) if rule in outcomes else "\u2014",
                          styles.cell),
                     text(_(CONCLUSION_WORDS.get(str(item.get("conclusion")), "?")),
                          styles.cell),
                     text(normalized(item.get("reason")).strip() or "\u2014", styles.cell,
                          limit=4000)])
    flowables.append(grid(rows, [1.55 * inch, 1.15 * inch, 1.6 * inch,
                                 CONTENT_WIDTH - 4.3 * inch]))
    flowables.append(Spacer(1, 6))
    flowables.extend(_decided_without(record, styles))
    return flowables


def _date_fixed(record: dict[str, Any], zone: str) -> str:
    submitted = bool(record.get("approved_by") or record.get("submitted_for_review"))
    if zone:
        return (_("The decision date was fixed when the case was submitted (office time zone "
                  "{zone}) and is the date every later evaluation of this record uses.")
                if submitted else
                _("The decision date was fixed when the memo was finalized (office time zone "
                  "{zone}) and is the date every later evaluation of this record uses.")
                ).format(zone=zone)
    return (_("The decision date was fixed when the case was submitted and is the date every "
              "later evaluation of this record uses.") if submitted else
            _("The decision date was fixed when the memo was finalized and is the date every "
              "later evaluation of this record uses."))


def _recorded_when(record: dict[str, Any]) -> str:
    """Who recorded the decision and when: at finalizing, or at submitting for review (and
    endorsed by the supervisor's approval)."""
    approved_by = normalized(record.get("approved_by")).strip()
    if record.get("submitted_for_review") and not approved_by:
        return _("This is the officer's decision, recorded when she submitted the case for "
                 "review; a supervisor's approval (the counter-signature) makes it final.")
    if not approved_by:
        return _("This is the officer's decision, recorded at finalizing.")
    return _("This is the officer's decision, recorded when she submitted the case for review "
             "and endorsed by {supervisor}'s approval.").format(supervisor=approved_by)


def _decided_without(record: dict[str, Any], styles: MemoStyles) -> list[Flowable]:
    without = record.get("decided_without") or []
    heading = text(_("Questions still open, decided without"), styles.subheading)
    if not without:
        return [heading, text(_("None: no question was still open on the decision date."),
                              styles.body)]
    headings = (_("Question still open"), _("Why the officer decides without it"))
    rows: list[list[Any]] = [[text(h, styles.cell_header) for h in headings]]
    for item in without:
        rows.append([text(normalized(item.get("question") or item.get("field")), styles.cell),
                     text(normalized(item.get("reason")), styles.cell, limit=4000)])
    return [heading, grid(rows, [2.8 * inch, CONTENT_WIDTH - 2.8 * inch])]
