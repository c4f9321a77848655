"""Firm resettlement, INA 208(b)(2)(A)(vi) and 8 CFR 208.15 (text before the 2020 revision)."""

from __future__ import annotations

from datetime import date
from typing import Any

from desktop.engine.case_view import CaseView
from desktop.engine.families.common import names
from desktop.engine.model import Stop
from desktop.engine.pack import Provenance, RulePack
from desktop.engine.reasoning import Facts, FindingBuilder

RULE = "firm_resettlement"


def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    text, text_prov = family.sourced("regulation_text")
    _definition, definition_prov = family.sourced("definition")
    _burden, burden_prov = family.sourced("burden")
    offer_statuses = family.raw["offer_statuses"]
    out.step(f"Applying {text} (the December 2020 revision was enjoined)", True, [],
             text_prov.citation)
    excluded = view.nationalities | (
        {view.case.applicant.last_habitual_residence}
        if view.case.applicant.stateless and view.case.applicant.last_habitual_residence
        else set())
    offers = [s for s in view.case.journey if s.country not in excluded and s.country != "US"
              and _offer(view, pack, s, facts, out)]
    if not offers:
        out.step("No offer of permanent residence, citizenship or other permanent resettlement "
                 "recorded in a third country, and nothing in the record suggests one (an "
                 "unknown offer is not evidence of one: DHS bears the initial burden)", False,
                 ["journey"], burden_prov.citation)
        return out.finish("not_applicable", "No evidence of an offer of permanent status in a "
                                            "third country.")
    resettled: list[str] = []
    any_onward = any_restricted = False
    for stop in offers:
        verified = out.rests_on(definition_prov, "definition of firm resettlement (8 CFR 208.15)")
        name = pack.country_name(stop.country)
        path = f"journey[{stop.index}]"
        by_law = _offer_by_law(view, pack, stop)
        evidence = (f"held {stop.status_held} status" if stop.status_held in offer_statuses
                    else "was offered permanent status" if stop.permanent_status_offered
                    else f"had an offer by operation of law ({by_law['what']})" if by_law
                    else "was offered permanent status")
        out.step(f"Before arriving in the US, {evidence} in {name} (a facially valid permit is "
                 "prima facie evidence of an offer)", True,
                 [f"{path}.permanent_status_offered", f"{path}.status_held"],
                 definition_prov.citation, verified)
        onward = _onward_travel_only(stop, name, facts, out)
        restricted = False if onward else _restricted(stop, name, facts, out)
        any_onward |= onward
        any_restricted |= restricted
        if not onward and not restricted:
            resettled.append(stop.country)
    out.exception("onward_travel_only", any_onward if not resettled else False)
    out.exception("residence_restricted", any_restricted if not resettled else False)
    if not resettled:
        return out.finish("exception", "Not firmly resettled: an exception of 8 CFR 208.15 is "
                                       "met for every country where status was offered.")
    return out.finish("applies", family.consequence.format(
        countries=names(pack.country_name, resettled)))


def _onward_travel_only(stop: Stop, name: str, facts: Facts, out: FindingBuilder) -> bool:
    path = f"journey[{stop.index}]"
    spec = out.spec("onward_travel_only")
    if stop.returned_later:
        out.step(f"Left {name} and came back later: not a stay only to arrange onward travel "
                 "(Matter of D-X- & Y-Z-)", False, [f"{path}.returned_later"],
                 spec.provenance.citation)
        return False
    met = facts.tri(stop.onward_travel_only, f"{path}.onward_travel_only",
                    f"Did the applicant stay in {name} only as long as needed to arrange onward "
                    "travel, without establishing significant ties?")
    out.step(f"Stayed in {name} only to arrange onward travel, without significant ties" if met
             else f"Stay in {name} was not only to arrange onward travel", met,
             [f"{path}.onward_travel_only"], spec.provenance.citation)
    return met


def _restricted(stop: Stop, name: str, facts: Facts, out: FindingBuilder) -> bool:
    path = f"journey[{stop.index}]"
    spec = out.spec("residence_restricted")
    met = facts.tri(stop.residence_restricted, f"{path}.residence_restricted",
                    f"Were the conditions of residence in {name} so restricted that the "
                    "applicant was not in fact resettled?")
    verified = spec.provenance.verified or not met
    if met:
        out.rests_on(spec.provenance, "exception 8 CFR 208.15(b)")
    out.step(f"Residence in {name} so restricted that the applicant was not resettled" if met
             else f"Residence in {name} not so restricted", met,
             [f"{path}.residence_restricted"], spec.provenance.citation, verified)
    return met


def _offer_by_law(view: CaseView, pack: RulePack, stop: Stop) -> dict[str, Any] | None:
    """An offer that exists by operation of law for the applicant's nationality (pack data)."""
    for offer in pack.families[RULE].raw["offers_by_law"]:
        if offer["country"] == stop.country and view.nationalities & set(offer["nationalities"]):
            return dict(offer)
    return None


def _offer(view: CaseView, pack: RulePack, stop: Stop, facts: Facts,
           out: FindingBuilder) -> bool:
    """Whether the record shows an offer in this stop; asks when it suggests one."""
    family = pack.families[RULE]
    if stop.permanent_status_offered is True or stop.status_held in family.raw["offer_statuses"]:
        return True
    name = pack.country_name(stop.country)
    path = f"journey[{stop.index}]"
    by_law = _offer_by_law(view, pack, stop)
    if by_law is not None:
        verified = out.rests_on(Provenance.of(by_law), f"offer by operation of law in {name}")
        out.step(f"An offer of permanent resettlement in {name} exists by operation of law for "
                 f"nationals of {names(pack.country_name, sorted(by_law['nationalities']))}: "
                 f"{by_law['what']}", True, ["applicant.nationalities", path],
                 str(by_law["citation"]), verified)
        return True
    if stop.permanent_status_offered is False:
        return False
    days, prov = family.sourced("long_residence")
    if stop.arrived is None or stop.departed is None \
            or (stop.departed.first - stop.arrived.last).days < days:
        return False
    out.rests_on(prov, "a long residence suggests an offer")
    return facts.tri(None, f"{path}.permanent_status_offered",
                     f"The applicant lived in {name} for at least {days} days ({stop.arrived} to "
                     f"{stop.departed}): was an offer of permanent residence, citizenship or other "
                     "permanent resettlement made or available there? (DHS may rely on indirect "
                     "evidence, Matter of A-G-G-.)")
