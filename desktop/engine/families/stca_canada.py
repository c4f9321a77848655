"""The US-Canada safe third country agreement, 8 CFR 208.30(e)(6), with the 2023 protocol."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine.case_view import BORDER_TEXT, CaseView
from desktop.engine.model import RelativeInUS
from desktop.engine.pack import FamilyPack, RulePack
from desktop.engine.reasoning import Check, Facts, FindingBuilder, first_met

RULE = "stca_canada"
ADMISSION_DOCUMENTS = ("valid_visa", "other_valid_admission_document")
DOCUMENT_OPTIONS = (("none", "none"), ("valid_visa", "valid_visa"),
                    ("other_valid_admission_document", "other_valid_admission_document"),
                    ("parole_travel_authorization", "parole_travel_authorization"),
                    ("visa_exempt", "visa_exempt"))


def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family: FamilyPack = pack.families[RULE]
    entry = view.case.entry
    borders, border_prov = family.sourced("borders")
    if entry.border not in borders or entry.coming_from != "CA":
        out.step(f"Entry by {BORDER_TEXT[entry.border]} from {pack.country_name(entry.coming_from)}"
                 ", not across the US-Canada land border from Canada", False,
                 ["entry.border", "entry.coming_from"], border_prov.citation)
        return out.finish("not_applicable", "The agreement reaches only entries across the "
                                            "US-Canada land border from Canada.")
    at_port = facts.tri(entry.at_port_of_entry, "entry.at_port_of_entry",
                        "Did the applicant arrive at a land port of entry (rather than between "
                        "ports)?")
    key = "port_entry_on_or_after" if at_port else "between_ports_entry_on_or_after"
    start, start_prov = family.dates[key]
    where = "at a land port of entry" if at_port else "between ports of entry"
    if not facts.on_or_after(view.entry_date, start, "entry.date", "The entry date"):
        out.step(f"Entry {where} on {view.entry_date}, before {start}, when the agreement began to "
                 f"reach such entries", False, ["entry.date", "entry.at_port_of_entry"],
                 start_prov.citation)
        return out.finish("not_applicable", f"The agreement reaches entries {where} only from "
                                            f"{start}.")
    out.step(f"Entered from Canada {where} on {view.entry_date}, on or after {start}", True,
             ["entry.date", "entry.border", "entry.at_port_of_entry", "entry.coming_from"],
             start_prov.citation)
    if not at_port:
        limit, limit_prov = family.sourced("between_ports_claim_within_days")
        days = entry.claimed_within_days
        if days is None:
            within = bool(facts.choose(
                "entry.claimed_within_days", "entry.claimed_within_days",
                "How many days after crossing between ports did the applicant make the "
                f"protection claim (the agreement reaches claims within {limit} days)?",
                ((f"{limit} days or fewer", True), (f"more than {limit} days", False))))
        else:
            within = days <= limit
        verified = out.rests_on(limit_prov, f"{limit}-day window for crossings between ports")
        out.step(f"Claim made within {limit} days of crossing" if within else
                 f"Claim made more than {limit} days after crossing", within,
                 ["entry.claimed_within_days"], limit_prov.citation, verified)
        if not within:
            return out.finish("not_applicable", f"Claims made more than {limit} days after "
                                                "crossing between ports are outside the "
                                                "agreement.")
    met = first_met(facts, [
        ("canadian_citizen_or_stateless_resident", lambda: _canadian(view)),
        ("family_with_lawful_status", lambda: _family_status(view, family, facts)),
        ("family_with_pending_asylum", lambda: _family_pending(view, family, facts)),
        ("unaccompanied_child", lambda: view.unaccompanied_child(facts)),
        ("valid_visa_or_admission_document", lambda: _documents(view, facts)),
        ("public_interest", lambda: _public_interest(view, facts)),
    ], out)
    if met is not None:
        spec = family.exceptions[met]
        return out.finish("exception", f"Not returned to Canada: {spec.text} "
                                       f"({spec.provenance.citation}).")
    out.receiving = ["CA"]
    return out.finish("applies", family.consequence)


def _canadian(view: CaseView) -> Check:
    applicant = view.case.applicant
    if "CA" in view.nationalities:
        return Check(True, "Citizen of Canada", ("applicant.nationalities",))
    if applicant.stateless and applicant.last_habitual_residence == "CA":
        return Check(True, "Stateless, habitually resident in Canada",
                     ("applicant.stateless", "applicant.last_habitual_residence"))
    return Check(False, "Neither a Canadian citizen nor a stateless habitual resident of Canada",
                 ("applicant.nationalities", "applicant.stateless"))


def _qualifying(facts: Facts, family: FamilyPack, i: int, relative: RelativeInUS) -> bool:
    relations = family.raw["qualifying_relations"]
    return relative.relation in relations if relative.relation is not None else facts.tri(
        None, f"circumstances.family_in_us[{i}].relation",
        f"Is family member {i + 1} in the US a spouse, son, daughter, parent, legal guardian, "
        "sibling, grandparent, grandchild, aunt, uncle, niece or nephew?")


def _relative_status(facts: Facts, family: FamilyPack, i: int, relative: RelativeInUS) -> str:
    """"lawful", "pending" or "other" (visitor or no status); asks when the status is unknown."""
    if relative.status is not None:
        if relative.status in family.raw["qualifying_statuses"]:
            return "lawful"
        return "pending" if relative.status == family.raw["pending_status"] else "other"
    return str(facts.choose(
        f"circumstances.family_in_us[{i}].status", f"circumstances.family_in_us[{i}].status",
        f"What status does family member {i + 1} hold in the US?",
        (("citizen, permanent resident, asylee, refugee or other lawful status", "lawful"),
         ("asylum application pending", "pending"),
         ("visitor status or no status", "other"))))


def _family_status(view: CaseView, family: FamilyPack, facts: Facts) -> Check:
    for i, relative in enumerate(view.case.circumstances.family_in_us):
        path = f"circumstances.family_in_us[{i}]"
        if (_relative_status(facts, family, i, relative) == "lawful"
                and _qualifying(facts, family, i, relative)):
            return Check(True, f"Family member in the US ({relative.relation}) with "
                               f"{(relative.status or 'lawful status').replace('_', ' ')}",
                         (path,))
    return Check(False, "No qualifying family member with lawful status in the US (visitor "
                        "status or no status does not count)", ("circumstances.family_in_us",))


def _family_pending(view: CaseView, family: FamilyPack, facts: Facts) -> Check:
    min_age = int(family.raw["pending_relative_min_age"])
    for i, relative in enumerate(view.case.circumstances.family_in_us):
        if _relative_status(facts, family, i, relative) != "pending":
            continue
        path = f"circumstances.family_in_us[{i}]"
        adult = relative.age >= min_age if relative.age is not None else facts.tri(
            None, f"{path}.age", f"Is family member {i + 1} (asylum application pending) "
                                 f"{min_age} or older?")
        if adult and _qualifying(facts, family, i, relative):
            return Check(True, f"Family member in the US ({relative.relation}), {min_age} or "
                               "older, with an asylum application pending", (path,))
    return Check(False, f"No qualifying family member {min_age} or older with a pending "
                        "asylum application", ("circumstances.family_in_us",))


def _documents(view: CaseView, facts: Facts) -> Check:
    documents = view.case.entry.documents
    if documents is None:
        documents = str(facts.choose("entry.documents", "entry.documents",
                                     "What documents did the applicant hold for entry?",
                                     DOCUMENT_OPTIONS))
    if documents in ADMISSION_DOCUMENTS:
        return Check(True, f"Held a {documents.replace('_', ' ')}", ("entry.documents",))
    if documents == "visa_exempt":
        needed = facts.tri(None, "entry.documents",
                           "The applicant was visa-exempt for the US: was a visa required to "
                           "enter Canada? (the case file does not record it)",
                           key="entry.documents@canada_visa_required")
        return Check(needed, "Visa-exempt for the US while a visa was required for Canada"
                     if needed else "Visa-exempt for the US, and no visa required for Canada",
                     ("entry.documents",))
    return Check(False, "No valid US visa or other valid admission document",
                 ("entry.documents",))


def _public_interest(view: CaseView, facts: Facts) -> Check:
    # A discretionary grant by an official, not a fact about the applicant: when none is
    # recorded, none was granted, so an unknown does not make the finding ask.
    met = view.case.circumstances.public_interest_exception is True
    return Check(met, "Public-interest exception granted" if met else
                 "No public-interest exception recorded as granted",
                 ("circumstances.public_interest_exception",))
