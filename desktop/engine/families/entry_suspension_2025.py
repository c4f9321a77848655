"""Proclamation 10888 (2025): suspension of entry at the southern border and its litigation."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from desktop.engine.case_view import BORDER_TEXT, CaseView
from desktop.engine.families import border_entry
from desktop.engine.families.boundary import entry_on_or_after
from desktop.engine.families.common import window_step
from desktop.engine.pack import RulePack
from desktop.engine.reasoning import Facts, FindingBuilder

RULE = "entry_suspension_2025"
ONE_DAY = timedelta(days=1)


def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    entry = view.case.entry
    start, start_prov = family.dates["entry_on_or_after"]
    cell = family.raw["entry_on_or_after"]
    after, words = entry_on_or_after(facts, pack.places, entry, view.entry_date, cell)
    timed = [*view.entry_facts(), "entry.time", "entry.place"]
    unsettled = view.entry_date.first < start <= view.entry_date.last + ONE_DAY
    if unsettled:
        _reading, reading_prov = family.sourced("start_time_reading")
        out.rests_on(reading_prov, "the start of Proclamation 10888 read as Eastern midnight")
    if not after:
        out.step(f"Entry {words}, when the proclamation took effect", False, timed,
                 start_prov.citation, not unsettled)
        return out.finish("not_applicable", "The proclamation reaches only entries on or after "
                                            f"{cell['time_text']} on {cell['value']}.")
    borders, border_prov = family.sourced("borders")
    _reading, coastal_prov = family.sourced("coastal_reading")
    by_sea = entry.border == "sea" and border_entry.southern_coastal_landing(
        view, pack.families["securing_border_2024"], facts, out)
    if by_sea:
        out.rests_on(coastal_prov, "Proclamation 10888's southern border read as including the "
                                   "southern coastal borders")
    if not by_sea and entry.border not in borders:
        _s3, s3_prov = family.sourced("section_3_reading")
        out.rests_on(s3_prov, "section 3 of Proclamation 10888 outside the southern border")
        out.step(f"Entry by {BORDER_TEXT[entry.border]}, not across the southern border (whether "
                 "section 3 reaches other entries without a visa is unsettled: the officer "
                 "checks)", False, ["entry.border", "entry.port"], border_prov.citation, False)
        return out.finish("not_applicable", "The proclamation's suspension reaches entries across "
                                            "the southern border.")
    out.step(f"Entered across the southern border {words}, when the proclamation took effect",
             True, [*timed, "entry.border"], border_prov.citation, not unsettled)
    outside, documents_prov = family.sourced("documents_outside")
    if border_entry.at_port(view, facts):
        held = border_entry.documents(view, facts)
        if held in outside:
            out.rests_on(documents_prov, "a valid visa or admission document read as outside the "
                                         "suspension")
            out.step(f"Presented at a port with {held.replace('_', ' ')}: not among those whose "
                     "entry the proclamation suspends", False,
                     ["entry.at_port_of_entry", "entry.documents"], documents_prov.citation,
                     False)
            return out.finish("not_applicable", "The proclamation suspends entry of those "
                                                "without a visa or other admission document.")
    out.step("Entered without a visa or other admission document (or between ports)", True,
             ["entry.at_port_of_entry", "entry.documents"], documents_prov.citation)
    window = window_step(out, family, decision)
    if window is not None and window.status == "not_in_force":
        return out.finish("not_in_force", f"The proclamation's asylum bar may not be applied on "
                                          f"{decision}: {window.event} "
                                          f"({window.provenance.citation}).")
    consequence = window.consequence if window is not None and window.consequence else (
        family.consequence)
    return out.finish("applies", consequence)
