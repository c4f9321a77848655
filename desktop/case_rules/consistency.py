"""The case file's cross-field date rules, written once: which dates contradict each other.

The form (desktop.flow.validation), the import and the CLI (desktop.services, through
case_file_problems) all ask this module, so every entry path refuses the same files. It
judges dates already parsed: each caller passes the one date parser (the engine's
`parse_partial_date`, which this package may not import). A date known only to the month or
the year contradicts another only when the order is certain whatever its unknown days are.
Dates that do not parse are left alone here: each path reports them with its own words.

The engine runs no cross-field check of its own: it evaluates data the services have already
refused or accepted with these rules.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Any, Generic, Protocol, TypeVar


class Dated(Protocol):
    """A date known somewhere between its first and last possible day."""

    @property
    def first(self) -> date: ...

    @property
    def last(self) -> date: ...


D = TypeVar("D", bound=Dated)


class Rule(Enum):
    """One cross-field rule; the pointer of an Inconsistency is the field it blames."""

    BIRTH_AFTER_ENTRY = "birth_after_entry"
    DECISION_BEFORE_ENTRY = "decision_before_entry"
    DEPARTED_BEFORE_ARRIVED = "departed_before_arrived"
    ARRIVED_BEFORE_PREVIOUS_DEPARTURE = "arrived_before_previous_departure"
    ARRIVED_BEFORE_EARLIER_STOP = "arrived_before_earlier_stop"
    AFTER_ENTRY = "after_entry"
    BEFORE_BIRTH = "before_birth"
    CLAIM_DECIDED_BEFORE_FILED = "claim_decided_before_filed"
    CLAIM_FILED_BEFORE_ARRIVAL = "claim_filed_before_arrival"


@dataclass(frozen=True)
class Inconsistency(Generic[D]):
    """`when` (the date at `pointer`) contradicts `other` under `rule`."""

    rule: Rule
    pointer: str
    when: D
    other: D


def before(earlier: Dated, later: Dated) -> bool:
    """True only when every day `earlier` may be falls strictly before every day of `later`."""
    return earlier.last < later.first


def _obj(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


class _Dates(Generic[D]):
    """Reads the dates of a case with the caller's parser; None when unknown or unreadable."""

    def __init__(self, parse: Callable[[str], D]) -> None:
        self.parse = parse

    def __call__(self, holder: object, key: str) -> D | None:
        text = _obj(holder).get(key)
        if not isinstance(text, str) or not text:
            return None
        try:
            return self.parse(text)
        except ValueError:  # a bad date is each path's own refusal, in its own words
            return None


def inconsistencies(case: Mapping[str, Any], parse: Callable[[str], D]
                    ) -> list[Inconsistency[D]]:
    """Every cross-field contradiction of `case`, in document order, each blamed on one field.

    `parse` turns a date text into a date or raises ValueError (the engine's parser).
    """
    dates = _Dates(parse)
    found: list[Inconsistency[D]] = []
    entry = dates(case.get("entry"), "date")
    born = dates(case.get("applicant"), "date_of_birth")
    decided = dates(case, "decision_date")
    if born and entry and before(entry, born):
        found.append(Inconsistency(Rule.BIRTH_AFTER_ENTRY, "/applicant/date_of_birth",
                                   born, entry))
    if decided and entry and before(decided, entry):
        found.append(Inconsistency(Rule.DECISION_BEFORE_ENTRY, "/decision_date",
                                   decided, entry))
    found += _journey(case, dates, entry, born)
    return found


def _journey(case: Mapping[str, Any], dates: _Dates[D], entry: D | None, born: D | None
             ) -> Iterator[Inconsistency[D]]:
    previous_departed: D | None = None
    latest_earlier: D | None = None
    for i, stop in enumerate(_list(case.get("journey"))):
        arrived, departed = dates(stop, "arrived"), dates(stop, "departed")
        at = f"/journey/{i}"
        if arrived and departed and before(departed, arrived):
            yield Inconsistency(Rule.DEPARTED_BEFORE_ARRIVED, f"{at}/departed", departed, arrived)
        if arrived and previous_departed and before(arrived, previous_departed):
            yield Inconsistency(Rule.ARRIVED_BEFORE_PREVIOUS_DEPARTURE, f"{at}/arrived",
                                arrived, previous_departed)
        elif arrived and latest_earlier and before(arrived, latest_earlier):
            yield Inconsistency(Rule.ARRIVED_BEFORE_EARLIER_STOP, f"{at}/arrived",
                                arrived, latest_earlier)
        for key, when in (("arrived", arrived), ("departed", departed)):
            if when and entry and before(entry, when):
                yield Inconsistency(Rule.AFTER_ENTRY, f"{at}/{key}", when, entry)
            if when and born and before(when, born):
                yield Inconsistency(Rule.BEFORE_BIRTH, f"{at}/{key}", when, born)
        for known in (arrived, departed):
            if known and (latest_earlier is None or known.first > latest_earlier.first):
                latest_earlier = known
        previous_departed = departed  # the stop just before the next one (None: unknown)
        yield from _claims(_obj(stop), at, dates, arrived)


def _claims(stop: Mapping[str, Any], at: str, dates: _Dates[D], arrived: D | None
            ) -> Iterator[Inconsistency[D]]:
    for j, claim in enumerate(_list(stop.get("protection_claims"))):
        filed, ruled = dates(claim, "filed"), dates(claim, "decided")
        where = f"{at}/protection_claims/{j}"
        if filed and ruled and before(ruled, filed):
            yield Inconsistency(Rule.CLAIM_DECIDED_BEFORE_FILED, f"{where}/decided", ruled, filed)
        if filed and arrived and before(filed, arrived):
            yield Inconsistency(Rule.CLAIM_FILED_BEFORE_ARRIVAL, f"{where}/filed", filed, arrived)
