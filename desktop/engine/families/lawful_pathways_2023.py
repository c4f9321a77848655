"""The circumvention of lawful pathways presumption, 8 CFR 208.33 (88 FR 31314)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine.case_view import BORDER_TEXT, CaseView
from desktop.engine.families import border_entry
from desktop.engine.families.common import final_denial_in, names, window_step
from desktop.engine.pack import RulePack
from desktop.engine.reasoning import Check, Facts, FindingBuilder, first_met

RULE = "lawful_pathways_2023"


def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    entry = view.case.entry
    borders, border_prov = family.sourced("borders")
    origin, _origin_prov = family.sourced("coming_from")
    by_sea = border_entry.sea_arrival_read_as_coastal(
        view, family, out, "coming_from",
        "sea arrival from Mexico read as an adjacent coastal border",
        "Arrived by sea from Mexico, read as an entry at the adjacent coastal borders")
    if not by_sea and (entry.border not in borders or entry.coming_from != origin):
        out.step(f"Entry by {BORDER_TEXT[entry.border]} from "
                 f"{pack.country_name(entry.coming_from)}, not from Mexico across the southwest "
                 "land border", False, ["entry.border", "entry.coming_from"],
                 border_prov.citation)
        return out.finish("not_applicable", "The presumption reaches only entries from Mexico "
                                            "across the southwest land border or adjacent "
                                            "coastal borders.")
    window, window_prov = family.sourced("entry_window")
    start = date.fromisoformat(window["from"])
    end = date.fromisoformat(window["before"])
    inside = (facts.on_or_after(entry.date, start, "entry.date", "The entry date")
              and facts.before(entry.date, end, "entry.date", "The entry date"))
    if not inside:
        out.step(f"Entry on {entry.date} outside the rule's window ({start} to before {end})",
                 False, ["entry.date"], window_prov.citation)
        return out.finish("not_applicable", f"The presumption reaches entries from {start} to "
                                            f"before {end} only.")
    out.step(f"Entered from Mexico on {entry.date}, within the window {start} to before {end}",
             True, ["entry.date", "entry.border", "entry.coming_from"], window_prov.citation)
    held = border_entry.documents(view, facts)
    sufficient, documents_prov = family.sourced("sufficient_documents")
    if held in sufficient:
        verified = held != "visa_exempt" or out.rests_on(
            documents_prov, "visa-exempt status read as documents sufficient for admission")
        out.step(f"Held documents sufficient for lawful admission ({held.replace('_', ' ')})",
                 False, ["entry.documents"], documents_prov.citation, verified)
        return out.finish("not_applicable", "The presumption reaches only those without "
                                            "documents sufficient for lawful admission.")
    out.step("Without documents sufficient for lawful admission", True, ["entry.documents"],
             documents_prov.citation)
    own = frozenset(view.nationalities or (
        {view.case.applicant.last_habitual_residence}
        if view.case.applicant.last_habitual_residence else set()))
    transits = view.transits_outside(own)
    _own_value, own_prov = family.sourced("own_countries")
    if not transits:
        out.step("Travelled through no country other than their own", False,
                 ["journey", "applicant.nationalities"], own_prov.citation)
        return out.finish("not_applicable", "The presumption reaches only those who travelled "
                                            "through a country other than their own.")
    verified = own_prov.verified or bool(view.nationalities)
    out.step(f"Travelled through {names(pack.country_name, [t.country for t in transits])}, "
             "other than their own country", True, ["journey", "applicant.nationalities"],
             own_prov.citation, verified)
    enabled, qualifier_prov = family.sourced("treaty_party_qualifier")
    out.step("Treaty-party qualifier of 8 CFR 208.33(a)(1)(iii) (transit country a party to the "
             "1951 Convention or 1967 Protocol) NOT applied: its existence is unconfirmed, so no "
             "one is excluded on that ground" if not enabled else
             "Treaty-party qualifier applied", None, [], qualifier_prov.citation, False)
    out.flag("treaty-party qualifier of 8 CFR 208.33(a)(1)(iii)",
             qualifier_prov.note or "unconfirmed")
    window_at = window_step(out, family, decision)
    if window_at is not None and window_at.status == "not_in_force":
        return out.finish("not_in_force", f"The rule may not be applied on {decision}: "
                                          f"{window_at.event}.")
    transit_set = frozenset(t.country for t in transits)
    met = first_met(facts, [
        ("unaccompanied_child", lambda: view.unaccompanied_child(facts)),
        ("parole_travel_authorization", lambda: _parole(held)),
        ("scheduled_appointment", lambda: border_entry.scheduled_appointment(view, facts)),
        ("scheduling_not_possible", lambda: border_entry.scheduling_not_possible(view, facts)),
        ("final_denial_in_transit_country",
         lambda: final_denial_in(view, pack, facts, transit_set, denial="decision",
                                 place="a country travelled through")),
        ("medical_emergency", lambda: border_entry.medical_emergency(view, facts)),
        ("imminent_threat", lambda: border_entry.imminent_threat(view, facts)),
        ("trafficking_victim", lambda: border_entry.trafficking(view, facts)),
    ], out)
    if met is not None:
        spec = family.exceptions[met]
        kind = "rebutted" if spec.id in ("medical_emergency", "imminent_threat",
                                         "trafficking_victim") else "does not apply"
        return out.finish("exception", f"The presumption {kind}: {spec.text} "
                                       f"({spec.provenance.citation}).")
    out.step("Other exceptionally compelling circumstances may also rebut the presumption; the "
             "officer weighs them", None, [], "8 CFR 208.33(a)(3)")
    return out.finish("applies", family.consequence)


def _parole(held: str) -> Check:
    met = held == "parole_travel_authorization"
    return Check(met, "Authorized to travel to seek parole under a DHS-approved process" if met
                 else "No parole travel authorization", ("entry.documents",))
