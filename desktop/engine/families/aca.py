"""Asylum cooperative agreements, INA 208(a)(2)(A) and 8 CFR 208.30(e)(7)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine.case_view import CaseView
from desktop.engine.families.common import names
from desktop.engine.pack import Agreement, FamilyPack, RulePack
from desktop.engine.reasoning import Check, Facts, FindingBuilder, first_met

RULE = "aca"
FEAR_OPTIONS = (("more_likely_than_not", True), ("not_established", False),
                ("not_claimed", False))  # answer labels are the case-file values
FEAR_WORDS = {"more_likely_than_not": "more likely than not", "not_established": "not established",
              "not_claimed": "not claimed"}


# Over 60 lines: the rule's steps in the order the memo prints them (loops in helpers below).
def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    entry = view.case.entry
    if entry.border == "northern_land" and entry.coming_from == "CA":
        _value, prov = family.sourced("canada_excluded")
        out.step("Entry from Canada across the northern land border: screened under the "
                 "US-Canada agreement, not an asylum cooperative agreement", False,
                 ["entry.border", "entry.coming_from"], prov.citation)
        return out.finish("not_applicable", "The ACA rule covers agreements with countries "
                                            "other than Canada; see the US-Canada safe third "
                                            "country agreement.")
    start, start_prov = family.dates["entry_on_or_after"]
    if not facts.on_or_after(view.entry_date, start, "entry.date", "The entry date"):
        out.step(f"Entry on {view.entry_date} is before {start}, when the ACA rule took effect "
                 "(it applies only prospectively)", False, ["entry.date"], start_prov.citation)
        return out.finish("not_applicable", f"The ACA rule reaches only arrivals and entries on "
                                            f"or after {start}.")
    _ratified, ratified_prov = family.sourced("ratification")
    out.step(f"Arrived or entered on {view.entry_date}, on or after {start} "
             f"({family.raw['ratification']['step_text']})", True, ["entry.date"],
             start_prov.citation)
    out.cite(ratified_prov.citation)
    proceeding = _proceeding_step(view, family, out)

    covering, excluded = _covering(view, pack, decision, facts, out)
    out.exception("receiving_country_national", excluded)
    if not covering:
        _none, none_prov = family.sourced("no_coverage")
        verified = out.rests_on(none_prov, "scope of the agreements in force")
        out.step("No agreement in force on the decision date covers the applicant's nationality",
                 False, ["applicant.nationalities"], none_prov.citation, verified)
        return out.finish("not_applicable", "No asylum cooperative agreement covers the "
                                            "applicant.")
    usable = [a for a, status in covering if status in ("in_force", "unconfirmed")]
    for agreement, status in covering:
        _status_step(out, agreement, status, decision)
    if not usable:
        if any(status == "suspended" for _a, status in covering):
            return out.finish("not_in_force", f"On {decision} the agreements that cover the "
                                              "applicant are suspended.")
        return out.finish("not_applicable", f"On {decision} no agreement covering the applicant "
                                            "is yet in force.")

    met = first_met(facts, [
        ("unaccompanied_child", lambda: view.unaccompanied_child(facts)),
        ("public_interest", lambda: _public_interest(view, facts)),
    ], out)
    if met is not None:
        return out.finish("exception", "Not subject to removal under an asylum cooperative "
                                       f"agreement: {family.exceptions[met].text} "
                                       f"({family.exceptions[met].provenance.citation}).")
    remaining = _remaining_after_fear(view, pack, family, proceeding, usable, facts, out)
    out.exception("fear_of_receiving_country", not remaining)
    if not remaining:
        return out.finish("exception", "Every receiving country drops out: persecution or torture "
                                       "there was found more likely than not.")
    out.receiving = [a.country for a in remaining]
    template = (family.consequence if proceeding is None
                else str(family.raw["proceedings"][proceeding]["consequence"]))
    consequence = template.format(countries=names(pack.country_name, out.receiving))
    for agreement in remaining:
        if agreement.transfers_paused_from and decision >= agreement.transfers_paused_from:
            out.step(f"Transfers to {pack.country_name(agreement.country)} paused from "
                     f"{agreement.transfers_paused_from} (the agreement itself stayed in force)",
                     None, [], agreement.transfers_paused.citation
                     if agreement.transfers_paused else "")
            consequence += (f" Transfers to {pack.country_name(agreement.country)} were paused "
                            f"from {agreement.transfers_paused_from}.")
        for condition in agreement.conditions:
            out.step(f"{agreement.name}: {condition}", None, [])
    return out.finish("applies", consequence)


def _covering(view: CaseView, pack: RulePack, decision: date, facts: Facts,
              out: FindingBuilder) -> tuple[list[tuple[Agreement, str]], bool]:
    """The agreements in force (or suspended) that cover the applicant, each with its status,
    and whether one was left out because the applicant is a national of its country."""
    covering: list[tuple[Agreement, str]] = []
    excluded = False
    for agreement in pack.agreements:
        status = _status(agreement, decision)
        if status is None or (status == "suspended" and agreement.in_force_to is not None
                              and view.entry_date.first > agreement.in_force_to):
            continue  # not yet in force, or suspended before this person even arrived
        exclusion = _excluded(view, pack, agreement, out)
        if exclusion:
            excluded = True
            continue
        if agreement.covered is None:
            if status in ("in_force", "unconfirmed"):
                if agreement.unknown_scope == "apply_unverified":
                    out.step(f"{agreement.name}: which nationalities it covers is not "
                             "established; applied with the unverified mark (the officer checks "
                             "whether DHS invokes it)", True, ["applicant.nationalities"],
                             agreement.in_force.citation if agreement.in_force else "", False)
                    out.flag(f"scope of {agreement.name} (applied, unverified)",
                             agreement.covered_note or "unknown")
                    covering.append((agreement, status))
                else:
                    out.step(f"{agreement.name}: which nationalities it covers is not "
                             "established; not applied", None, [], agreement.in_force.citation
                             if agreement.in_force else "", False)
                    out.flag(f"scope of {agreement.name} (not applied, unverified)",
                             agreement.covered_note or "unknown")
            continue
        group = next((g for g in agreement.covered
                      if g.covers(view.nationalities, view.case.applicant.stateless)
                      and (g.start is None or decision >= g.start)), None)
        if group is None:
            if status in ("in_force", "unconfirmed"):
                prov = agreement.covered[0].provenance
                verified = out.rests_on(prov, f"nationalities covered by {agreement.name}")
                out.step(f"{agreement.name} does not cover nationals of "
                         f"{names(pack.country_name, sorted(view.nationalities)) or 'no state'}",
                         False, ["applicant.nationalities", "applicant.stateless"],
                         prov.citation, verified)
            continue
        if agreement.visa_free is not None and not _visa_condition(view, pack, facts, out,
                                                                    agreement):
            continue
        verified = out.rests_on(group.provenance, f"nationalities covered by {agreement.name}")
        who = ("every nationality (no nationality limit)" if group.everyone else
               "nationals of " + names(pack.country_name,
                                       sorted(group.nationalities & view.nationalities)))
        out.step(f"{agreement.name} covers {who}"
                 + (f" (from {group.start})" if group.start else ""), True,
                 ["applicant.nationalities"], group.provenance.citation, verified)
        covering.append((agreement, status))
    return covering, excluded


def _remaining_after_fear(view: CaseView, pack: RulePack, family: FamilyPack,
                         proceeding: str | None, usable: list[Agreement], facts: Facts,
                         out: FindingBuilder) -> list[Agreement]:
    """The receiving countries left once those feared more likely than not drop out."""
    fear = view.case.circumstances.fear_of_receiving_country
    remaining = []
    fear_spec = family.exceptions["fear_of_receiving_country"]
    fear_citation = (fear_spec.provenance.citation if proceeding is None
                     else str(family.raw["proceedings"][proceeding]["fear_citation"]))
    for agreement in usable:
        code = agreement.country
        path = f"circumstances.fear_of_receiving_country.{code}"
        finding = fear.get(code)
        if finding is None:
            established = bool(facts.choose(
                path, path, f"What is the finding of {_decider(family, proceeding)} on fear of "
                            f"persecution or torture in {pack.country_name(code)} (the receiving "
                            "country)?", FEAR_OPTIONS))
        else:
            established = finding == "more_likely_than_not"
        out.step(f"Fear of {pack.country_name(code)}: "
                 + ("more likely than not established; that country drops out" if established
                    else f"{FEAR_WORDS.get(finding or '', 'not established')}; "
                         f"{pack.country_name(code)} remains"),
                 established, [path], fear_citation,
                 fear_spec.provenance.verified or not established)
        if established:
            out.rests_on(fear_spec.provenance, "the 'more likely than not' fear threshold")
        else:
            remaining.append(agreement)
    return remaining


def _proceeding_step(view: CaseView, family: FamilyPack, out: FindingBuilder) -> str | None:
    """Cite the provision for the procedural setting; both when it is unknown (never asked)."""
    proceeding = view.case.entry.proceeding
    settings = family.raw["proceedings"]
    if proceeding is None:
        expedited, removal = settings["expedited_removal"], settings["section_240"]
        out.step("Procedural setting not recorded: it changes the provision (expedited removal: "
                 f"{expedited['citation']}; removal proceedings: {removal['citation']}), not the "
                 "outcome", None, ["entry.proceeding"],
                 f"{expedited['citation']}; {removal['citation']}")
        return None
    setting = settings[proceeding]
    verified = bool(setting["verified"])
    if not verified:
        out.flag(f"provision for {proceeding.replace('_', ' ')}", str(setting.get("note", "")))
    out.step(f"Decided in {proceeding.replace('_', ' ')}: {setting['value']}", True,
             ["entry.proceeding"], str(setting["citation"]), verified)
    return str(proceeding)


def _excluded(view: CaseView, pack: RulePack, agreement: Agreement,
              out: FindingBuilder) -> bool:
    """Whether the applicant is a group this agreement excludes (that country drops out)."""
    country = pack.country_name(agreement.country)
    own = agreement.exclusions.get("receiving_country_nationals")
    if own is not None and agreement.country in view.nationalities:
        verified = out.rests_on(own.provenance, f"exclusion of {country}'s nationals")
        out.step(f"National of {country}: {agreement.name} does not apply to its own "
                 "nationals", True, ["applicant.nationalities"], own.provenance.citation,
                 verified)
        return True
    stateless = agreement.exclusions.get("stateless_residents")
    applicant = view.case.applicant
    if (stateless is not None and applicant.stateless
            and applicant.last_habitual_residence == agreement.country):
        verified = out.rests_on(stateless.provenance,
                                f"exclusion of stateless residents of {country}")
        out.step(f"Stateless and living in {country}: {agreement.name} does not apply to "
                 "people living there without its nationality", True,
                 ["applicant.stateless", "applicant.last_habitual_residence"],
                 stateless.provenance.citation, verified)
        return True
    return False


def _status(agreement: Agreement, decision: date) -> str | None:
    """in_force, unconfirmed (decision in an uncertain start span), suspended, or None."""
    start = agreement.in_force_from
    if start is None or decision < start.first:
        return None
    if agreement.in_force_to is not None and decision > agreement.in_force_to:
        return "suspended"
    if decision <= start.last and not start.exact:
        return "unconfirmed"
    return "in_force"


def _status_step(out: FindingBuilder, agreement: Agreement, status: str, decision: date) -> None:
    prov = agreement.in_force
    assert prov is not None
    start = agreement.in_force_from
    end = f" to {agreement.in_force_to}" if agreement.in_force_to else ""
    if status == "suspended":
        out.step(f"{agreement.name} suspended on {decision} (in force {start}{end})", False,
                 ["decision_date"], prov.citation)
        return
    verified = out.rests_on(prov, f"entry into force of {agreement.name} ({start})")
    text = f"{agreement.name} in force on {decision} (from {start}{end})"
    if status == "unconfirmed":
        text += f"; the decision date falls in {start}, when the exact start is unconfirmed"
        out.flag(f"{agreement.name} in force on {decision}",
                 f"decision date inside the unconfirmed start span {start}")
        verified = False
    out.step(text, True, ["decision_date"], prov.citation, verified)


def _public_interest(view: CaseView, facts: Facts) -> Check:
    # A discretionary grant by an official, not a fact about the applicant: when none is
    # recorded, none was granted, so an unknown does not make the finding ask.
    met = view.case.circumstances.public_interest_exception is True
    return Check(met, "Public-interest exception granted" if met else
                 "No public-interest exception recorded as granted",
                 ("circumstances.public_interest_exception",))


def _visa_condition(view: CaseView, pack: RulePack, facts: Facts, out: FindingBuilder,
                    agreement: Agreement) -> bool:
    """The reported condition that the applicant need no visa to enter the receiving country."""
    code = agreement.country
    country = pack.country_name(code)
    prov = agreement.visa_provenance
    citation = prov.citation if prov else ""
    free = sorted((agreement.visa_free or frozenset()) & view.nationalities)
    if prov is not None:
        out.rests_on(prov, f"the visa condition of {agreement.name}")
    if free:
        out.step(f"{agreement.name} reaches only those who need no visa to enter {country}: "
                 f"nationals of {names(pack.country_name, free)} need none", True,
                 ["applicant.nationalities"], citation, False)
        return True
    path = f"circumstances.needs_visa_to_enter.{code}"
    recorded = (view.case.circumstances.needs_visa_to_enter or {}).get(code)
    needs = facts.tri(recorded, path, f"Does the applicant need a visa to enter {country}? "
                                      f"{agreement.name} reaches only those who need none.")
    out.step(f"{agreement.name} reaches only those who need no visa to enter {country}: "
             + ("the applicant needs one, so it does not reach them" if needs
                else "the applicant needs none"), not needs, [path], citation, False)
    return not needs


def _decider(family: FamilyPack, proceeding: str | None) -> str:
    """Who makes the fear finding: named by the proceeding (unknown: either)."""
    if proceeding is None:
        return "the asylum officer or, in removal proceedings, the immigration judge"
    return str(family.raw["proceedings"][proceeding].get("decider", "the adjudicator"))
