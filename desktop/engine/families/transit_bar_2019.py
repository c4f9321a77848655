"""The 2019 third-country transit bar, 8 CFR 208.13(c)(4)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from desktop.engine.case_view import BORDER_TEXT, CaseView, Transit, port_state
from desktop.engine.families.common import final_denial_in, names, window_step
from desktop.engine.pack import RulePack, Window
from desktop.engine.reasoning import Check, Facts, FindingBuilder, first_met
from desktop.engine.treaties import party_to_any

RULE = "transit_bar_2019"
REG = "8 CFR 208.13(c)(4)"


def evaluate(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> dict[str, Any]:
    family = pack.families[RULE]
    entry = view.case.entry
    borders, border_prov = family.sourced("borders")
    if entry.border not in borders:
        out.step(f"Entry by {BORDER_TEXT[entry.border]}, not across the southern land border",
                 False, ["entry.border"], border_prov.citation)
        return out.finish("not_applicable", "The 2019 transit bar reaches only entries across "
                                            "the southern land border.")
    start, start_prov = family.dates["entry_on_or_after"]
    if not facts.on_or_after(view.entry_date, start, "entry.date", "The entry date"):
        out.step(f"Entry on {view.entry_date} is before {start}, the rule's effective date", False,
                 ["entry.date"], start_prov.citation)
        return out.finish("not_applicable", f"The 2019 transit bar reaches only entries on or "
                                            f"after {start}.")
    out.step(f"Entered across the southern land border on {view.entry_date}, on or after {start}",
             True, ["entry.date", "entry.border"], start_prov.citation)
    own_text = names(pack.country_name, sorted(view.own)) or "none recorded"
    if not view.transits:
        out.step(f"No country transited outside the countries of nationality or last habitual "
                 f"residence ({own_text})", False, ["journey", "entry.coming_from"], REG)
        return out.finish("not_applicable", "No third country was transited, so the transit "
                                            "bar does not reach the case.")
    transit_text = names(pack.country_name, dict.fromkeys(t.country for t in view.transits))
    out.step(f"Transited {transit_text}, outside the countries of nationality or last habitual "
             f"residence ({own_text})", True,
             ["journey", "entry.coming_from", "applicant.nationalities"], REG)
    blocked = _blocked(view, pack, decision, facts, out)
    if blocked is not None:
        return out.finish("not_in_force", blocked)
    met = first_met(facts, [
        ("final_denial_in_transit_country", lambda: _final_denial(view, pack, facts)),
        ("trafficking_victim", lambda: _trafficking(view, facts)),
        ("only_non_party_countries", lambda: _only_non_parties(view, pack, facts)),
    ], out)
    if met is not None:
        return out.finish("exception", "The transit bar does not apply: an exception in "
                                       f"{family.exceptions[met].provenance.citation} is met.")
    return out.finish("applies", family.consequence)


def _blocked(view: CaseView, pack: RulePack, decision: date, facts: Facts,
             out: FindingBuilder) -> str | None:
    """Why a court order prevents applying the rule on the decision date, or None."""
    family = pack.families[RULE]
    window = window_step(out, family, decision)
    if window is not None and window.status == "not_in_force":
        return (f"The rule may not be applied on {decision}: {window.event} "
                f"({window.provenance.citation}).")
    if window is not None and window.status == "in_force_outside_ninth_circuit":
        inside, placed = _in_ninth_circuit(view, pack, facts, out, window)
        states, prov = family.sourced("ninth_circuit_border_states")
        within, outside = _state_groups(pack, states)
        out.step(f"Entry within the Ninth Circuit ({within})" if inside else
                 f"Entry outside the Ninth Circuit ({outside})", not inside,
                 ["entry.port"], prov.citation, placed)
        if inside:
            return (f"On {decision} the injunction still applied within the Ninth Circuit "
                    f"({', '.join(states)}), where this entry took place.")
    for exemption in family.raw["class_exemptions"]:
        start = date.fromisoformat(exemption["from"])
        end = date.fromisoformat(exemption["to"]) if exemption["to"] else None
        if decision < start or (end is not None and decision > end) or view.is_mexican:
            continue
        before = family.raw["entry_on_or_after"]["value"]
        metered = facts.tri(view.case.entry.metered_before_2019_07_16,
                            "entry.metered_before_2019_07_16",
                            "Did the applicant try to present at a southern port of entry "
                            f"before {before} and get turned back (metering)?")
        out.step(f"Non-Mexican turned back at a port before {before} (Al Otro Lado class)"
                 if metered else "Not in the Al Otro Lado metering class", not metered,
                 ["entry.metered_before_2019_07_16", "applicant.nationalities"],
                 exemption["citation"])
        if metered:
            return (f"The applicant is in the Al Otro Lado metering class, which a court order "
                    f"protects from the rule on {decision} ({exemption['citation']}).")
    return None


def _state_groups(pack: RulePack, states: list[str]) -> tuple[str, str]:
    """The border states inside and outside the Ninth Circuit, named for a sentence."""
    family = pack.families[RULE]
    ports, _prov = family.sourced("border_ports")
    state_names = family.raw["state_names"]
    inside = " or ".join(state_names[s] for s in states)
    outside = " or ".join(state_names[s] for s in ports if s not in states)
    return inside, outside


def _in_ninth_circuit(view: CaseView, pack: RulePack, facts: Facts, out: FindingBuilder,
                      window: Window) -> tuple[bool, bool]:
    """Whether the entry was within the Ninth Circuit, and whether verified data placed it."""
    family = pack.families[RULE]
    states, _prov = family.sourced("ninth_circuit_border_states")
    ports, ports_prov = family.sourced("border_ports")
    port = view.case.entry.port or ""
    state = port_state(port, ports)
    verified = True
    if state is not None and not re.search(r",\s*[A-Za-z]{2}\s*$", port):
        verified = out.rests_on(ports_prov, f"border state of the port {port!r}")
    if state is None:
        inside, outside = _state_groups(pack, states)
        return bool(facts.choose(
            "entry.port@ninth_circuit", "entry.port",
            f"Where on the border did the entry take place? (Between {window.start} and "
            f"{window.end} the injunction applied only within the Ninth Circuit: {inside}.)",
            ((inside, True), (outside, False)))), True
    return state in states, verified


def _final_denial(view: CaseView, pack: RulePack, facts: Facts) -> Check:
    return final_denial_in(view, pack, facts, (t.country for t in view.transits),
                           denial="judgment", place="a transit country")


def _trafficking(view: CaseView, facts: Facts) -> Check:
    met = facts.tri(view.case.circumstances.trafficking_victim,
                    "circumstances.trafficking_victim",
                    "Is the applicant a victim of a severe form of trafficking in persons "
                    "(8 CFR 214.11)?")
    return Check(met, "Victim of a severe form of trafficking" if met else
                 "Not a victim of a severe form of trafficking",
                 ("circumstances.trafficking_victim",))


def _only_non_parties(view: CaseView, pack: RulePack, facts: Facts) -> Check:
    """(iii): every transit country a party to none of the three at the time of transit."""
    uncertain: list[tuple[Transit, Any]] = []
    flags: list[tuple[str, str]] = []
    verified = True
    for transit in view.transits:
        end = (view.entry_date if transit.stop is None
               else view.stop_end_bounds(transit.stop))
        at_last = party_to_any(pack, transit.country, end.last)
        if not at_last.known:
            uncertain.append((transit, at_last))
            continue
        if not at_last.party:
            if not at_last.verified:
                verified = False
                flags.append((f"treaty status of {pack.country_name(transit.country)}",
                              at_last.note or "not verified"))
            continue
        at_first = party_to_any(pack, transit.country, end.first)
        if at_first.party:
            text = (f"Not only non-party countries: {at_first.text}, before the transit ended "
                    f"(entry into force used, not deposit)")
            unverified = () if at_first.verified else (
                (f"treaty status of {pack.country_name(transit.country)}",
                 at_first.note or "not verified"),)
            return Check(False, text, (transit.field,), at_first.verified, unverified)
        uncertain.append((transit, at_last))
    for transit, status in uncertain:
        name = pack.country_name(transit.country)
        if not status.known:
            flags.append((f"treaty status of {name}", status.note or "unknown"))
            non_party = bool(facts.choose(
                f"{transit.field}@treaty_status", transit.field,
                f"{name} is not in the treaty table ({status.note}): was it, at the time of "
                "transit, a party to none of the 1951 Convention, 1967 Protocol and CAT?",
                (("party to none", True), ("party to at least one", False))))
            if not non_party:
                return Check(False, f"{name} was a party to at least one instrument",
                             (transit.field,), False, tuple(flags))
            continue
        record = pack.treaties[transit.country]
        became = record.first_party
        assert became is not None
        stop = transit.stop
        path = "entry.date" if stop is None else f"journey[{stop.index}].departed"
        end = view.entry_date if stop is None else view.stop_end_bounds(stop)
        if not facts.before(end, became, path, f"The date the applicant left {name}"):
            return Check(False, f"Not only non-party countries: {name} became a party on "
                                f"{became} (entry into force), before the transit ended",
                         (transit.field,))
    countries = names(pack.country_name, dict.fromkeys(t.country for t in view.transits))
    return Check(True, f"Every country transited ({countries}) was a party to none of the 1951 "
                       "Convention, 1967 Protocol and CAT at the time of transit (entry into "
                       "force used, not deposit)",
                 tuple(t.field for t in view.transits), verified, tuple(flags))
