"""The circumvention of lawful pathways presumption, 8 CFR 208.33 (88 FR 31314)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from desktop.engine.case_view import BORDER_TEXT, CaseView
from desktop.engine.dates import PartialDate, years_between
from desktop.engine.families import border_entry
from desktop.engine.families.boundary import (
    EntryClock,
    Instant,
    entry_clock,
    instant,
    place_entry,
)
from desktop.engine.families.common import final_denial_in, names, window_step
from desktop.engine.families.family_members import family_denial, family_fact
from desktop.engine.model import Stop
from desktop.engine.pack import FamilyPack, RulePack
from desktop.engine.reasoning import Check, Facts, FindingBuilder, first_met
from desktop.engine.zones import EASTERN_ZONE

RULE = "lawful_pathways_2023"
ONE_DAY = timedelta(days=1)
REBUTTALS = ("medical_emergency", "imminent_threat", "trafficking_victim", "proclamation_3b")


# Over 60 lines: the rule's conditions and exceptions in the order the memo prints them.
def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    start, end = _window(family)
    not_reached = _current_entry(view, pack, family, facts, out, start, end)
    earlier: Stop | None = None
    if not_reached is not None:
        earlier = _earlier_entry(view, pack, family, facts, out, start, end)
        if earlier is None:
            return out.finish("not_applicable", not_reached)
    own = frozenset(view.nationalities or (
        {view.case.applicant.last_habitual_residence}
        if view.case.applicant.last_habitual_residence else set()))
    transits = view.transits_outside(own)
    if earlier is not None:
        transits = tuple(t for t in transits if t.stop is not None
                         and t.stop.index < earlier.index)
    _own_value, own_prov = family.sourced("own_countries")
    if not transits:
        out.step("Travelled through no country other than their own", False,
                 ["journey", "applicant.nationalities"], own_prov.citation)
        return out.finish("not_applicable", "The presumption reaches only those who travelled "
                                            "through a country other than their own.")
    verified = own_prov.verified or bool(view.nationalities)
    travelled = names(pack.country_name, dict.fromkeys(t.country for t in transits))
    out.step(f"Travelled through {travelled}, other than their own country", True,
             ["journey", "applicant.nationalities"], own_prov.citation, verified)
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
    if earlier is not None:
        return _follows_the_person(view, pack, family, facts, out, earlier, transit_set)
    held = border_entry.documents(view, facts)
    met = first_met(facts, [
        ("unaccompanied_child", lambda: view.unaccompanied_child(facts)),
        ("parole_travel_authorization", lambda: _parole(held)),
        ("family_parole_authorization", lambda: family_fact(view, family, facts, "parole")),
        ("scheduled_appointment", lambda: border_entry.scheduled_appointment(view, facts, family)),
        ("family_scheduled_appointment", lambda: family_fact(view, family, facts, "appointment")),
        ("scheduling_not_possible", lambda: border_entry.scheduling_not_possible(view, facts)),
        ("final_denial_in_transit_country",
         lambda: final_denial_in(view, pack, facts, transit_set, denial="decision",
                                 place="a country travelled through")),
        ("family_final_denial", lambda: family_denial(view, family, pack, facts)),
        ("medical_emergency", lambda: border_entry.medical_emergency(view, facts)),
        ("imminent_threat", lambda: border_entry.imminent_threat(view, facts)),
        ("trafficking_victim", lambda: border_entry.trafficking(view, facts)),
        ("proclamation_3b", lambda: _proclamation_3b(view)),
    ], out)
    if met is not None:
        spec = family.exceptions[met]
        kind = "rebutted" if spec.id in REBUTTALS else "does not apply"
        return out.finish("exception", f"The presumption {kind}: {spec.text} "
                                       f"({spec.provenance.citation}).")
    _minor_carve_out_note(view, family, decision, out, end)
    out.step("Other exceptionally compelling circumstances may also rebut the presumption; "
             f"{_decider(view)} weighs them (no recorded fact decides this)", None, [],
             "8 CFR 208.33(a)(3)")
    return out.finish("applies", _with_family_unity(view, family, out))


def _window(family: FamilyPack) -> tuple[Instant, Instant]:
    window, _prov = family.sourced("entry_window")
    return (instant(window["from"], window["from_time"], window["zone_text"]),
            instant(window["to"], window["to_time"], window["zone_text"]))


def _inside(facts: Facts, when: PartialDate, field: str, what: str, clock: EntryClock,
            start: Instant, end: Instant) -> tuple[bool, str | None]:
    """Inside the window, with the words placing the entry in time when a clock decided it."""
    after_start = place_entry(facts, when, field, what, start, clock)
    if not after_start.after:
        return False, after_start.words
    after_end = place_entry(facts, when, field, what, end, clock)
    return not after_end.after, after_end.words or after_start.words


def _current_entry(view: CaseView, pack: RulePack, family: FamilyPack, facts: Facts,
                   out: FindingBuilder, start: Instant, end: Instant) -> str | None:
    """Why the latest entry is outside the presumption (steps recorded), or None if inside."""
    entry = view.case.entry
    borders, border_prov = family.sourced("borders")
    origin, _origin_prov = family.sourced("coming_from")
    by_sea = border_entry.sea_arrival_read_as_coastal(
        view, family, out, "coming_from",
        f"sea arrival from {origin} read as an adjacent coastal border",
        f"Arrived by sea from {pack.country_name(origin)}, read as an entry at the adjacent "
        "coastal borders")
    if not by_sea and (entry.border not in borders or entry.coming_from != origin):
        out.step(f"Entry by {BORDER_TEXT[entry.border]} from "
                 f"{pack.country_name(entry.coming_from)}, not from "
                 f"{pack.country_name(origin)} across the southwest land border", False,
                 ["entry.border", "entry.coming_from"], border_prov.citation)
        return ("The presumption reaches only entries from Mexico across the southwest land "
                "border or adjacent coastal borders.")
    _window_value, window_prov = family.sourced("entry_window")
    near = any(view.entry_date.first <= b.day + ONE_DAY and b.day - ONE_DAY <= view.entry_date.last
               for b in (start, end))
    verified = not near or out.rests_on(window_prov, "entry window of 8 CFR 208.33(a)(1)")
    clock = entry_clock(pack.places, entry.time, entry.place, entry.port, entry.border)
    inside, words = _inside(facts, view.entry_date, "entry.date", "The entry", clock, start, end)
    when = words or f"on {view.entry_date}"
    if not inside:
        out.step(f"Entry {when} outside the rule's window (from {start.text} to "
                 f"before {end.text})", False, [*view.entry_facts(), "entry.time", "entry.place"],
                 window_prov.citation, verified)
        return (f"The presumption reaches entries from {start.text} to before {end.text} "
                "only.")
    out.step(f"Entered from {pack.country_name(origin)} {when}, within the "
             f"window {start.text} to before {end.text}", True,
             [*view.entry_facts(), "entry.time", "entry.place", "entry.border",
              "entry.coming_from"],
             window_prov.citation, verified)
    held = border_entry.documents(view, facts)
    sufficient, documents_prov = family.sourced("sufficient_documents")
    if held in sufficient:
        verified = held != "visa_exempt" or out.rests_on(
            documents_prov, "visa-exempt status read as documents sufficient for admission")
        out.step(f"Held documents sufficient for lawful admission ({held.replace('_', ' ')})",
                 False, ["entry.documents"], documents_prov.citation, verified)
        return ("The presumption reaches only those without documents sufficient for lawful "
                "admission.")
    out.step("Without documents sufficient for lawful admission", True, ["entry.documents"],
             documents_prov.citation)
    return None


def _earlier_entry(view: CaseView, pack: RulePack, family: FamilyPack, facts: Facts,
                   out: FindingBuilder, start: Instant, end: Instant) -> Stop | None:
    """An earlier US entry inside the window, from Mexico (journey stops with country US)."""
    _value, prov = family.sourced("continuing_application")
    origin, _origin_prov = family.sourced("coming_from")
    for stop in view.earlier_us_stops:
        path = f"journey[{stop.index}]"
        clock = EntryClock(None, f"{path}.arrived", (EASTERN_ZONE,), f"{path}.place")
        if stop.arrived is None:
            inside = bool(facts.choose(
                f"{path}.arrived@window", f"{path}.arrived",
                "When did the earlier entry into the United States (a stay recorded in the "
                "journey) take place: "
                f"within the window ({start.text} to before {end.text}) or outside it?",
                (("within the window", True), ("outside the window", False))))
        else:
            inside = _inside(facts, stop.arrived, f"{path}.arrived",
                             "The earlier entry into the United States", clock, start, end)[0]
        if not inside:
            out.step(f"Earlier entry into the United States (on {stop.arrived}) outside "
                     "the window", False, [f"{path}.arrived"], prov.citation)
            continue
        before = view.case.journey[stop.index - 1] if stop.index > 0 else None
        if before is None:
            from_origin = bool(facts.choose(
                f"{path}@from", path,
                f"Where did the applicant come from for the earlier entry into the United "
                f"States on {stop.arrived}? (Record that country as the stop before "
                "it.)", ((f"from {pack.country_name(origin)}", True), ("from elsewhere", False))))
        else:
            from_origin = before.country == origin
        if not from_origin:
            out.step(f"Earlier entry (on {stop.arrived}) inside the window but not from "
                     f"{pack.country_name(origin)}", False, [path], prov.citation)
            continue
        out.rests_on(prov, "the presumption follows a person who entered inside the window; "
                           "the earlier entry's border and documents are not recorded")
        out.step(f"Entered the United States earlier inside the window (on "
                 f"{stop.arrived}, from {pack.country_name(origin)}): the presumption "
                 "continues to apply in later proceedings and later asylum applications", True,
                 [f"{path}.arrived", path], prov.citation, False)
        return stop
    return None


def _follows_the_person(view: CaseView, pack: RulePack, family: FamilyPack, facts: Facts,
                        out: FindingBuilder, earlier: Stop,
                        transit_set: frozenset[str]) -> dict[str, Any]:
    """The presumption through an earlier entry: the minors' carve-out, then what is known."""
    minor_age, minor_prov = family.sourced("minor_age")
    _value, prov = family.sourced("continuing_application")
    _start, end = _window(family)
    if view.entry_date.first > end.day:
        path = f"journey[{earlier.index}]"
        minor = _minor_at(view, facts, earlier.arrived, minor_age, path)
        if minor:
            out.rests_on(minor_prov, "entered as a minor")
            out.step(f"Entered inside the window as a minor (under {minor_age}) and applies "
                     f"now, after the window, as the principal applicant", True,
                     ["applicant.date_of_birth", f"{path}.arrived", "entry.date"],
                     prov.citation, False)
            return out.finish("not_applicable", "The presumption does not follow a person who "
                                                "entered inside the window as a minor into an "
                                                "application filed after the window as principal "
                                                "applicant.")
        out.step("Not a minor at the earlier entry into the United States", False,
                 ["applicant.date_of_birth", f"{path}.arrived"], prov.citation)
    met = first_met(facts, [
        ("final_denial_in_transit_country",
         lambda: final_denial_in(view, pack, facts, transit_set, denial="decision",
                                 place="a country travelled through")),
    ], out)
    if met is not None:
        spec = family.exceptions[met]
        return out.finish("exception", f"The presumption does not apply: {spec.text} "
                                       f"({spec.provenance.citation}).")
    out.step("The exceptions and rebuttals tied to the moment of the earlier entry (unaccompanied "
             "child, parole, appointment, medical emergency, imminent threat, trafficking) are "
             "not recorded for that entry: the officer checks them", None,
             [f"journey[{earlier.index}]"], prov.citation, False)
    out.flag("exceptions at the earlier entry", "not recorded in the case file")
    return out.finish("applies", _with_family_unity(view, family, out))


def _minor_at(view: CaseView, facts: Facts, when: PartialDate | None, minor_age: int,
              path: str) -> bool:
    born = view.case.applicant.date_of_birth
    if born is not None and when is not None:
        if years_between(born.last, when.first) >= minor_age:
            return False
        if years_between(born.first, when.last) < minor_age:
            return True
    return bool(facts.choose(
        f"{path}@minor", "applicant.date_of_birth",
        f"Was the applicant under {minor_age} at the earlier entry into the United States"
        + (f" on {when}?" if when is not None else "?"),
        ((f"under {minor_age}", True), (f"{minor_age} or older", False))))


def _minor_carve_out_note(view: CaseView, family: FamilyPack, decision: date,
                          out: FindingBuilder, end: Instant) -> None:
    minor_age, prov = family.sourced("minor_age")
    if decision > end.day and (view.min_age is None or view.min_age < minor_age):
        out.step(f"If the applicant entered as a minor and files as principal applicant after "
                 f"{end.day}, the presumption does not follow that application (filing date not "
                 "recorded: the officer checks)", None,
                 ["applicant.date_of_birth"], prov.citation, False)
        out.flag("minors' carve-out", prov.note or "unverified")


def _with_family_unity(view: CaseView, family: FamilyPack, out: FindingBuilder) -> str:
    """The consequence, with the 1208.33(c) family-unity provision where it can arise."""
    relations = family.raw["family_unity_relations"]
    proceeding = view.case.entry.proceeding
    spec = family.exceptions["family_unity"]
    if proceeding in ("expedited_removal", "affirmative"):
        out.exception("family_unity", False)
        out.step(f"Family unity ({spec.provenance.citation}) is available only in removal "
                 f"proceedings; this claim is in {proceeding.replace('_', ' ')}", False,
                 ["entry.proceeding"], spec.provenance.citation, spec.provenance.verified)
        return family.consequence
    family_members = [m for m in view.case.circumstances.travelling_with_family
                      if m.relation in relations or m.relation is None]
    out.exception("family_unity", None)
    out.rests_on(spec.provenance, f"family unity ({spec.provenance.citation})")
    out.step(f"Family unity ({spec.provenance.citation}): decided by the immigration judge at the "
             "merits; it needs a grant of withholding, eligibility for asylum but for the "
             "presumption, and a spouse or child (travelling or abroad) eligible to follow to "
             f"join{' (a spouse or child travels with the applicant)' if family_members else ''}",
             None, ["entry.proceeding", "circumstances.travelling_with_family"],
             spec.provenance.citation, False)
    return (f"{family.consequence} In removal proceedings the family-unity provision "
            f"({spec.provenance.citation}) may deem the presumption rebutted at the merits.")


def _parole(held: str) -> Check:
    met = held == "parole_travel_authorization"
    return Check(met, "Authorized to travel to seek parole under a DHS-approved process" if met
                 else "No parole travel authorization", ("entry.documents",))


def _proclamation_3b(view: CaseView) -> Check:
    # A discretionary grant by DHS: none recorded means none granted (never asked).
    met = view.case.circumstances.proclamation_case_by_case_exception is True
    return Check(met, "Described in Proclamation 10773 s. 3(b): case-by-case exception granted"
                 if met else "No case-by-case exception under Proclamation 10773 s. 3(b) "
                             "recorded", ("circumstances.proclamation_case_by_case_exception",))


def _decider(view: CaseView) -> str:
    """Who weighs the rebuttal, by proceeding (8 CFR 208.33(b); 8 CFR 1208.33(b))."""
    return {"section_240": "the immigration judge", "expedited_removal": "the asylum officer",
            "affirmative": "the asylum officer"}.get(view.case.entry.proceeding or "",
                                                     "the asylum officer or immigration judge")
