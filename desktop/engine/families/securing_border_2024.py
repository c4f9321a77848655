"""The Securing the Border limitation, 8 CFR 208.35 and Proclamation 10773 (2024)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine.case_view import BORDER_TEXT, CaseView
from desktop.engine.families import border_entry
from desktop.engine.families.boundary import entry_on_or_after
from desktop.engine.families.common import window_step
from desktop.engine.pack import FamilyPack, RulePack
from desktop.engine.reasoning import Check, Facts, FindingBuilder, first_met

RULE = "securing_border_2024"
LAWFUL_PERMISSION = ("valid_visa", "other_valid_admission_document", "parole_travel_authorization",
                     "visa_exempt")
REBUTTALS = ("medical_emergency", "imminent_threat", "trafficking_victim")


def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    entry = view.case.entry
    borders, border_prov = family.sourced("borders")
    by_sea = border_entry.southern_coastal_landing(view, family, facts, out)
    if not by_sea and (entry.border not in borders):
        out.step(f"Entry by {BORDER_TEXT[entry.border]}, not across the southern border", False,
                 ["entry.border"], border_prov.citation)
        return out.finish("not_applicable", "The limitation reaches only entries across the "
                                            "southern border.")
    _start, start_prov = family.dates["entry_on_or_after"]
    cell = family.raw["entry_on_or_after"]
    after, words = entry_on_or_after(facts, pack.places, entry, view.entry_date, cell)
    timed = [*view.entry_facts(), "entry.time", "entry.place"]
    if not after:
        out.step(f"Entry {words}, when the limitation took effect", False, timed,
                 start_prov.citation)
        return out.finish("not_applicable", "The limitation reaches only entries on or after "
                                            f"{cell['time_text']} on {cell['value']}.")
    out.step(f"Entered across the southern border {words}, when the limitation took effect",
             True, [*timed, "entry.border"], start_prov.citation)
    emergency, emergency_prov = family.sourced("emergency_circumstances")
    verified = out.rests_on(emergency_prov, "emergency border circumstances still in effect on "
                                            "the entry date")
    out.step(f"Emergency border circumstances in effect from {emergency['from']}; no "
             "discontinuation found, and Waypoint does not end the window on encounter data",
             True, ["entry.date"], emergency_prov.citation, verified)
    window = window_step(out, family, decision)
    if window is not None and window.status == "not_in_force":
        out.step("The 'reasonable probability' withholding/CAT screening standard was upheld and "
                 "still applies", None, [], window.provenance.citation)
        return out.finish("not_in_force", f"The 208.35(a) asylum limitation may not be applied "
                                          f"on {decision}: {window.event}.")
    met = first_met(facts, [
        ("us_national", lambda: _us_national(view)),
        ("unaccompanied_child", lambda: view.unaccompanied_child(facts)),
        ("trafficking_victim_3b", lambda: border_entry.trafficking(view, facts)),
        ("lawful_permission_or_appointment", lambda: _permission(view, facts, family)),
        ("case_by_case_exception", lambda: _case_by_case(view, facts)),
        ("medical_emergency", lambda: border_entry.medical_emergency(view, facts)),
        ("imminent_threat", lambda: border_entry.imminent_threat(view, facts)),
        ("trafficking_victim", lambda: border_entry.trafficking(view, facts)),
    ], out)
    if met is not None:
        spec = family.exceptions[met]
        how = ("exceptionally compelling circumstances" if met in REBUTTALS
               else "excepted from the Proclamation")
        return out.finish("exception", f"The limitation does not apply ({how}): {spec.text} "
                                       f"({spec.provenance.citation}).")
    out.step(str(family.raw["lpr_note"]), None, [], "Proclamation 10773 s. 3(b)", False)
    out.flag("LPR exception of Proclamation 10773 s. 3(b)", str(family.raw["lpr_note"]))
    return out.finish("applies", family.consequence)


def _us_national(view: CaseView) -> Check:
    met = "US" in view.nationalities
    return Check(met, "US national" if met else "Not a US national", ("applicant.nationalities",))


def _permission(view: CaseView, facts: Facts, family: FamilyPack) -> Check:
    held = border_entry.documents(view, facts)
    if held in LAWFUL_PERMISSION:
        return Check(True, f"Valid visa or other lawful permission to seek entry "
                           f"({held.replace('_', ' ')})", ("entry.documents",),
                     held != "visa_exempt",
                     (("visa-exempt status read as lawful permission to seek entry",
                       "Waypoint's reading (R)"),) if held == "visa_exempt" else ())
    appointment = border_entry.scheduled_appointment(view, facts, family)
    if appointment.met:
        return appointment
    return Check(False, "No visa, other lawful permission or pre-scheduled appointment at a port",
                 ("entry.documents", "entry.scheduled_appointment"))


def _case_by_case(view: CaseView, facts: Facts) -> Check:
    # A discretionary grant by DHS: none recorded means none granted (never asked).
    met = view.case.circumstances.proclamation_case_by_case_exception is True
    return Check(met, "Case-by-case exception under Proclamation 10773 s. 3(b) granted by DHS"
                 if met else "No case-by-case exception under s. 3(b) recorded as granted",
                 ("circumstances.proclamation_case_by_case_exception",))
