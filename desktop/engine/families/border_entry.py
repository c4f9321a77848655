"""Checks shared by the 2023 and 2024 southern-border rules: documents, appointments, rebuttals."""

from __future__ import annotations

import re

from desktop.engine.case_view import CaseView, port_state
from desktop.engine.pack import FamilyPack
from desktop.engine.reasoning import Check, Facts, FindingBuilder

DOCUMENT_OPTIONS = (("none", "none"), ("valid_visa", "valid_visa"),
                    ("other_valid_admission_document", "other_valid_admission_document"),
                    ("parole_travel_authorization", "parole_travel_authorization"),
                    ("visa_exempt", "visa_exempt"))  # answer labels are the case-file values


def documents(view: CaseView, facts: Facts) -> str:
    value = view.case.entry.documents
    if value is not None:
        return value
    return str(facts.choose("entry.documents", "entry.documents",
                            "What documents did the applicant hold for entry?",
                            DOCUMENT_OPTIONS))


def at_port(view: CaseView, facts: Facts) -> bool:
    return facts.tri(view.case.entry.at_port_of_entry, "entry.at_port_of_entry",
                     "Did the applicant present at a port of entry (rather than cross between "
                     "ports)?")


def scheduled_appointment(view: CaseView, facts: Facts, family: FamilyPack) -> Check:
    if not at_port(view, facts):
        return Check(False, "Crossed between ports: no presentation at a port with an "
                            "appointment", ("entry.at_port_of_entry",))
    recorded = view.case.entry.scheduled_appointment
    question = ("Did the applicant present at the port at a pre-scheduled time and place "
                "(CBP One)?")
    used = ("entry.at_port_of_entry", "entry.scheduled_appointment")
    ended = family.dates.get("scheduling_ended")
    if ended is not None and view.entry_date.first >= ended[0]:
        end, provenance = ended
        flag = (("CBP One scheduling ended before the entry", provenance.note or
                 provenance.citation),) if not provenance.verified else ()
        if recorded is not True:
            return Check(False, f"No pre-scheduled appointment: CBP One scheduling ended on {end} "
                                f"({provenance.citation}), before the entry", used,
                         provenance.verified, flag)
        # The recorded appointment contradicts the end of scheduling: asked again, not accepted.
        question = (f"The case file records a pre-scheduled appointment, but CBP One scheduling "
                    f"ended on {end} "
                    f"({provenance.citation}), before the entry: did the applicant really "
                    "present at a pre-scheduled time and place?")
        met = facts.tri(None, "entry.scheduled_appointment", question)
        return Check(met, "Presented at a port at a pre-scheduled time and place (CBP One), "
                          "although scheduling had ended" if met else
                          "No pre-scheduled appointment (scheduling had ended)", used,
                     provenance.verified, flag)
    met = facts.tri(recorded, "entry.scheduled_appointment", question)
    return Check(met, "Presented at a port at a pre-scheduled time and place (CBP One)" if met
                 else "No pre-scheduled appointment at the port", used)


def scheduling_not_possible(view: CaseView, facts: Facts) -> Check:
    entry = view.case.entry
    if not at_port(view, facts):
        return Check(False, "Crossed between ports: the scheduling-obstacle exception needs "
                            "presentation at a port", ("entry.at_port_of_entry",))
    if entry.scheduling_obstacle is None:
        return Check(False, "No obstacle to using the scheduling system shown (none recorded)",
                     ("entry.scheduling_obstacle",))
    return Check(True, "Presented at a port without an appointment; scheduling system could not "
                       f"be used ({entry.scheduling_obstacle.replace('_', ' ')})",
                 ("entry.at_port_of_entry", "entry.scheduling_obstacle"))


def circumstance(value: bool | None, facts: Facts, path: str, question: str, yes: str,
                 no: str) -> Check:
    met = facts.tri(value, path, question)
    return Check(met, yes if met else no, (path,))


def medical_emergency(view: CaseView, facts: Facts) -> Check:
    return circumstance(view.case.circumstances.medical_emergency_at_entry, facts,
                        "circumstances.medical_emergency_at_entry",
                        "At the time of entry, did the applicant or a family member travelling "
                        "with them face an acute medical emergency?",
                        "Acute medical emergency at the time of entry",
                        "No acute medical emergency at the time of entry")


def imminent_threat(view: CaseView, facts: Facts) -> Check:
    return circumstance(view.case.circumstances.imminent_threat_at_entry, facts,
                        "circumstances.imminent_threat_at_entry",
                        "At the time of entry, did the applicant or a family member travelling "
                        "with them face an imminent and extreme threat to life or safety?",
                        "Imminent and extreme threat to life or safety at entry",
                        "No imminent and extreme threat at entry")


def trafficking(view: CaseView, facts: Facts) -> Check:
    return circumstance(view.case.circumstances.trafficking_victim, facts,
                        "circumstances.trafficking_victim",
                        "Is the applicant (or a family member travelling with them) a victim of "
                        "a severe form of trafficking in persons (8 CFR 214.11)?",
                        "Victim of a severe form of trafficking",
                        "Not a victim of a severe form of trafficking")


def sea_arrival_read_as_coastal(view: CaseView, family: FamilyPack, out: FindingBuilder,
                                origin_key: str, reading: str, step: str) -> bool:
    """Whether a sea arrival from Mexico counts as a coastal-border entry (recorded, flagged).

    Both southern-border rules reach "adjacent coastal borders"; reading a sea arrival from
    Mexico that way is the project's, so the step rests on the pack's unverified value.
    """
    entry = view.case.entry
    coastal, coastal_prov = family.sourced("coastal_borders")
    origin, _origin_prov = family.sourced(origin_key)
    if entry.border not in coastal or entry.coming_from != origin:
        return False
    verified = out.rests_on(coastal_prov, reading)
    out.step(step, True, ["entry.border", "entry.coming_from"], coastal_prov.citation, verified)
    return True


def southern_coastal_landing(view: CaseView, family: FamilyPack, facts: Facts,
                             out: FindingBuilder) -> bool:
    """Whether a sea arrival landed on the southern coastal borders (recorded, flagged).

    The states come from the pack (`coastal_borders`: state -> place names); the landing is
    placed by the port ("Name, ST" or a listed place). A sea arrival from the pack's
    `coming_from_for_coastal` country with no landing place recorded is read as proximate to
    the southwest land border; any other unplaced landing is asked.
    """
    entry = view.case.entry
    if entry.border != "sea":
        return False
    states, coastal_prov = family.sourced("coastal_borders")
    origin, origin_prov = family.sourced("coming_from_for_coastal")
    named = " or ".join(places[0] for places in states.values())
    written = re.search(r",\s*([A-Za-z]{2})\s*$", entry.port or "")
    state = port_state(entry.port, states)
    if state is None and written is None and entry.coming_from == origin:
        verified = out.rests_on(origin_prov, "sea arrival from "
                                f"{entry.coming_from} read as a southern coastal border entry")
        out.step(f"Arrived by sea from {entry.coming_from}, read as a landing on the maritime "
                 "borders proximate to the southwest land border", True,
                 ["entry.border", "entry.coming_from", "entry.port"], origin_prov.citation,
                 verified)
        return True
    if state is None and written is None:
        inside = bool(facts.choose(
            "entry.port@southern_coast", "entry.port",
            f"Where did the boat land? (The southern coastal borders are the coasts of {named}.)",
            ((f"on the coast of {named}", True), ("elsewhere", False))))
    else:
        inside = state is not None
    verified = out.rests_on(coastal_prov, "definition of the southern coastal borders")
    out.step(f"Landed by sea at {entry.port or 'an unrecorded place'}: "
             + ("on the southern coastal borders" if inside else
                "not on the southern coastal borders"), inside,
             ["entry.border", "entry.port"], coastal_prov.citation, verified)
    return inside
