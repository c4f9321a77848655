"""Facts derived once per evaluation: own countries, transit countries, age, contradictions."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from desktop.engine.dates import PartialDate, years_between
from desktop.engine.model import Case, ProtectionClaim, Stop
from desktop.engine.reasoning import Check, Facts

BORDER_TEXT = {
    "southern_land": "southern land border",
    "northern_land": "northern land border",
    "air": "air",
    "sea": "sea",
}


@dataclass(frozen=True, slots=True)
class Transit:
    """A country passed through: its journey stop (None when known only as entry.coming_from)."""

    country: str
    stop: Stop | None

    @property
    def field(self) -> str:
        return "entry.coming_from" if self.stop is None else f"journey[{self.stop.index}]"


@dataclass(frozen=True, slots=True)
class Contradiction:
    field: str
    message: str


class CaseView:
    """Read-only derived facts of one case, computed once and shared by the rule families."""

    __slots__ = ("case", "nationalities", "own", "transits", "is_mexican", "min_age",
                 "max_age", "uac", "uac_contradiction", "contradictions", "entry_date",
                 "entry_bound", "earlier_us_stops")

    def __init__(self, case: Case) -> None:
        self.case = case
        applicant = case.applicant
        self.nationalities = frozenset(applicant.nationalities)
        own = set(applicant.nationalities)
        if applicant.last_habitual_residence:
            own.add(applicant.last_habitual_residence)
        self.own = frozenset(own)
        self.transits = self.transits_outside(self.own)
        self.is_mexican = "MX" in self.nationalities
        self.contradictions: list[Contradiction] = []
        self.entry_bound: Stop | None = None
        self.entry_date = self._bounded_entry_date()
        self.earlier_us_stops = tuple(s for s in case.journey if s.country == "US")
        self.min_age, self.max_age = _age_range(applicant.date_of_birth, case.entry.date)
        self.uac, self.uac_contradiction = self._uac()
        for stop in case.journey:
            for j, claim in enumerate(stop.claims):
                if claim.outcome == "pending" and claim.final is True:
                    self.contradictions.append(Contradiction(
                        f"journey[{stop.index}].protection_claims[{j}]",
                        "recorded as pending and also as final"))

    def _bounded_entry_date(self) -> PartialDate:
        """The entry date narrowed by the journey: no earlier than any stop's last known date.

        A month- or year-precision entry cannot be earlier than the departure from (or the
        arrival in) a stop that came before it; `entry_bound` is the stop that narrows it.
        """
        entry = self.case.entry.date
        if entry.exact:
            return entry
        first, bound = entry.first, None
        for stop in self.case.journey:
            for known in (stop.arrived, stop.departed):
                if known is not None and known.first > first:
                    first, bound = known.first, stop
        if bound is None or first > entry.last:
            return entry
        self.entry_bound = bound
        text = (entry.text if first == entry.first else
                f"{entry.text} (not before {first}, from the dates of the journey)")
        return PartialDate(first, entry.last, text)

    def entry_facts(self) -> tuple[str, ...]:
        """The fields the (narrowed) entry date rests on, for trace steps."""
        if self.entry_bound is None:
            return ("entry.date",)
        return ("entry.date", f"journey[{self.entry_bound.index}]")

    def transits_outside(self, own: frozenset[str]) -> tuple[Transit, ...]:
        seen: set[str] = set()
        result = []
        for stop in self.case.journey:
            if stop.country not in own and stop.country != "US":
                result.append(Transit(stop.country, stop))
                seen.add(stop.country)
        coming_from = self.case.entry.coming_from
        if coming_from not in own and coming_from not in seen and coming_from != "US":
            result.append(Transit(coming_from, None))
        return tuple(result)

    def _uac(self) -> tuple[bool | None, bool]:
        recorded = self.case.entry.unaccompanied_child
        adult = self.min_age is not None and self.min_age >= 18
        if recorded is True and adult:
            self.contradictions.append(Contradiction(
                "entry.unaccompanied_child",
                f"recorded as an unaccompanied child, but the date of birth "
                f"({self.case.applicant.date_of_birth}) makes the applicant at least "
                f"{self.min_age} on the entry date"))
            return None, True
        if recorded is None and adult:
            return False, False
        return recorded, False

    def unaccompanied_child(self, facts: Facts) -> Check:
        """Whether the applicant was an unaccompanied child on entry, asking if it matters."""
        facts_used = ("entry.unaccompanied_child", "applicant.date_of_birth")
        if self.uac_contradiction:
            question = ("The case file records the applicant as an unaccompanied child, but the "
                        "date of birth makes the applicant 18 or older on the entry date: was the "
                        "applicant an unaccompanied child?")
            met = facts.tri(None, "entry.unaccompanied_child", question)
            return Check(met, "Unaccompanied child (recorded value contradicts the date of "
                              "birth)", facts_used)
        if self.uac is False and self.case.entry.unaccompanied_child is None:
            return Check(False, f"Not an unaccompanied child: at least {self.min_age} on the "
                                "entry date", facts_used)
        met = facts.tri(self.uac, "entry.unaccompanied_child",
                        "Was the applicant an unaccompanied child (under 18, no parent or "
                        "legal guardian available) on entry?")
        return Check(met, "Unaccompanied child on entry" if met else
                     "Not an unaccompanied child on entry", ("entry.unaccompanied_child",))

    def stop_end_bounds(self, stop: Stop) -> PartialDate:
        """The span in which the person left a stop (its departure, else what bounds it)."""
        if stop.departed is not None:
            return stop.departed
        entry = self.case.entry.date
        last = entry.last
        later = self.case.journey[stop.index + 1:]
        for nxt in later:
            if nxt.arrived is not None:
                last = min(last, nxt.arrived.last)
                break
        if stop.arrived is not None:
            first = stop.arrived.first
        elif self.case.applicant.date_of_birth is not None:
            first = self.case.applicant.date_of_birth.first
        else:
            first = date(1900, 1, 1)
        first = min(first, last)
        return PartialDate(first, last, f"between {first} and {last}")


def port_state(port: str | None, ports: Mapping[str, Sequence[str]]) -> str | None:
    """The US state of a port written as "Name, ST" or naming a listed port, else None."""
    if not port:
        return None
    match = re.search(r",\s*([A-Za-z]{2})\s*$", port)
    if match and match.group(1).upper() in ports:
        return match.group(1).upper()
    lowered = port.lower()
    for state, port_names in ports.items():
        if any(name.lower() in lowered for name in port_names):
            return state
    return None


def _age_range(born: PartialDate | None, on: PartialDate) -> tuple[int | None, int | None]:
    if born is None:
        return None, None
    return years_between(born.last, on.first), years_between(born.first, on.last)


def claim_field(stop: Stop, j: int) -> str:
    return f"journey[{stop.index}].protection_claims[{j}]"


def final_denial(facts: Facts, stop: Stop, j: int, claim: ProtectionClaim,
                 country_name: str) -> bool:
    """Whether a protection claim ended in a final decision denying protection."""
    path = claim_field(stop, j)
    if claim.outcome == "denied":
        return facts.tri(claim.final, f"{path}.final",
                         f"Was the denial of the {_nth(stop, j)}claim in {country_name} final "
                         "(no appeal pending or available)?")
    if claim.outcome is None:
        return bool(facts.choose(
            f"{path}.outcome", f"{path}.outcome",
            f"What was the outcome of the {_nth(stop, j)}protection claim in {country_name}?",
            (("denied, final", True), ("pending, granted, abandoned, withdrawn or not final",
                                       False))))
    if claim.outcome == "pending" and claim.final is True:
        return bool(facts.choose(
            path, path,
            f"The {_nth(stop, j)}claim in {country_name} is recorded as pending but also as final: "
            "was it finally denied?",
            (("finally denied", True), ("still pending", False))))
    return False


def _nth(stop: Stop, j: int) -> str:
    """'second ' when the stop holds several claims, else ''."""
    if len(stop.claims) < 2:
        return ""
    words = ("first", "second", "third", "fourth", "fifth")
    return f"{words[j]} " if j < len(words) else f"claim {j + 1}: "
