"""Per-step checks of a case-file dict, returned as data: problems and missing answers."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.case_rules import A_NUMBER_HINT, is_country_code, normalise_a_number
from desktop.case_rules.consistency import Inconsistency, Rule, inconsistencies
from desktop.case_rules.fact_rules import FactContradiction, FactRule, fact_contradictions
from desktop.case_rules.text_fields import text_field_problems
from desktop.engine import dates as engine_dates
from desktop.flow.field_labels import country_name, describe_path
from desktop.flow.field_paths import FieldPath, pointer_to_path
from desktop.flow.languages import is_language_code
from desktop.flow.partial_dates import PartialDate, describe_date, parse_partial_date
from desktop.flow.steps import STEPS, Step, step_for_path


class Severity(Enum):
    """An error must be fixed; a missing answer keeps the step incomplete."""

    ERROR = "error"
    MISSING = "missing"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with or missing from a field, to be shown next to that field."""

    path: FieldPath
    message: str
    severity: Severity = Severity.ERROR

    @property
    def step(self) -> Step:
        return step_for_path(self.path)

    @property
    def field(self) -> str:
        """The field in words (`Stop 2 (Guatemala), arrived`), without the case's context."""
        return describe_path(self.path)

    def where(self, case: dict[str, object]) -> str:
        """The field in words, naming the stop's country from the case."""
        return describe_path(self.path, case)


class _Checker:
    """Collects problems while walking one part of the case."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def error(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(path, message, Severity.ERROR))

    def missing(self, path: FieldPath, message: str) -> None:
        self.problems.append(Problem(path, message, Severity.MISSING))

    def date(self, data: dict[str, Any], path: FieldPath) -> PartialDate | None:
        value = data.get(str(path[-1]))
        try:
            return parse_partial_date(value)
        except ValueError as exc:
            self.error(path, str(exc).capitalize())
            return None

    def country(self, value: object, path: FieldPath, *, required: str | None = None) -> None:
        if value in (None, ""):
            if required:
                self.missing(path, required)
        elif not is_country_code(value):
            self.error(path, f"'{value}' is not a country: type its name and choose from the list")


def _dict(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _check_applicant(case: dict[str, Any], check: _Checker) -> None:
    applicant = _dict(case.get("applicant"))
    base: FieldPath = ("applicant",)
    if (
        not str(applicant.get("family_name") or "").strip()
        and not str(applicant.get("given_names") or "").strip()
    ):
        check.missing(base + ("family_name",), "Enter the applicant's name")
    a_number = applicant.get("a_number")
    blank = a_number is None or (isinstance(a_number, str) and not a_number.strip())
    if not blank and normalise_a_number(a_number) is None:
        check.error(base + ("a_number",), f"An A-number has {A_NUMBER_HINT}")
    check.date(applicant, base + ("date_of_birth",))
    nationalities = _list(applicant.get("nationalities"))
    for index, code in enumerate(nationalities):
        check.country(code, base + ("nationalities", index))
    if not nationalities and applicant.get("stateless") is not True:
        check.missing(
            base + ("nationalities",), "Add a nationality, or answer Yes to Stateless"
        )
    check.country(applicant.get("last_habitual_residence"), base + ("last_habitual_residence",))
    for index, code in enumerate(_list(applicant.get("languages"))):
        if not is_language_code(code):
            check.error(
                base + ("languages", index),
                f"'{code}' is not a language: type its name and choose from the list",
            )


def _check_entry(case: dict[str, Any], check: _Checker) -> None:
    entry = _dict(case.get("entry"))
    base: FieldPath = ("entry",)
    if entry.get("date") in (None, ""):
        check.missing(base + ("date",), "Enter the date of entry or attempted entry")
    else:
        check.date(entry, base + ("date",))
    if entry.get("border") is None:
        check.missing(base + ("border",), "Choose the border crossed")
    if entry.get("at_port_of_entry") is None:
        check.missing(base + ("at_port_of_entry",), "Say whether the entry was at a port")
    check.country(
        entry.get("coming_from"),
        base + ("coming_from",),
        required="Choose the country the person crossed from",
    )
    days = entry.get("claimed_within_days")
    if days is not None and (not isinstance(days, int) or isinstance(days, bool) or days < 0):
        check.error(base + ("claimed_within_days",), "Days must be a whole number, 0 or more")


def _check_journey(case: dict[str, Any], check: _Checker) -> None:
    journey = _list(case.get("journey"))
    if not journey:
        check.missing(("journey",), "Add the countries on the way, in order")
    for index, raw_stop in enumerate(journey):
        stop = _dict(raw_stop)
        base: FieldPath = ("journey", index)
        check.country(stop.get("country"), base + ("country",), required="Choose the country")
        check.date(stop, base + ("arrived",))
        check.date(stop, base + ("departed",))


def claims_not_asked_reason(case: dict[str, Any], stop: dict[str, Any]) -> str | None:
    """Why a stop's protection claims are not asked (None: they are asked).

    The transit rules read claims made in third countries only: not in a country of the
    applicant's nationality, nor during an earlier stay in the United States. A country of
    last habitual residence is still asked: the 2023 rule exempts it only for the stateless.
    """
    country = stop.get("country")
    if country == "US":
        return "an earlier stay in the United States; the transit rules read claims made elsewhere"
    nationalities = _list(_dict(case.get("applicant")).get("nationalities"))
    if isinstance(country, str) and country in nationalities:
        return (f"{country_name(country)} is a country of the applicant's nationality; the "
                "transit rules read claims made in other countries")
    return None


def _check_claims(case: dict[str, Any], check: _Checker) -> None:
    for index, raw_stop in enumerate(_list(case.get("journey"))):
        stop = _dict(raw_stop)
        if stop.get("protection_claims") is None and claims_not_asked_reason(case, stop) is None:
            check.missing(
                ("journey", index, "protection_claims"),
                f"Say whether a protection claim was made in {country_name(stop.get('country'))}",
            )
        for number, raw_claim in enumerate(_list(stop.get("protection_claims"))):
            claim = _dict(raw_claim)
            base: FieldPath = ("journey", index, "protection_claims", number)
            if claim.get("kind") is None:
                check.missing(base + ("kind",), "Choose the kind of claim")
            check.date(claim, base + ("filed",))
            check.date(claim, base + ("decided",))


def _check_circumstances(case: dict[str, Any], check: _Checker) -> None:
    circumstances = _dict(case.get("circumstances"))
    base: FieldPath = ("circumstances",)
    for index, raw_member in enumerate(_list(circumstances.get("travelling_with_family"))):
        member = _dict(raw_member)
        path = base + ("travelling_with_family", index)
        if member.get("relation") is None:
            check.missing(path + ("relation",), "Choose the relation")
        check.date(member, path + ("date_of_birth",))
    for index, raw_member in enumerate(_list(circumstances.get("family_in_us"))):
        member = _dict(raw_member)
        path = base + ("family_in_us", index)
        if member.get("relation") is None:
            check.missing(path + ("relation",), "Choose the relation")
        age = member.get("age")
        if age is not None and (not isinstance(age, int) or isinstance(age, bool) or age < 0):
            check.error(path + ("age",), "The age must be a whole number, 0 or more")
    fear = _dict(circumstances.get("fear_of_receiving_country"))
    for code in fear:
        check.country(code, base + ("fear_of_receiving_country", code))


_WORDS: dict[Rule, str] = {
    Rule.BIRTH_AFTER_ENTRY: "The date of birth is after the entry date",
    Rule.DECISION_BEFORE_ENTRY: "The decision date is before the entry date",
    Rule.DEPARTED_BEFORE_ARRIVED: "Departure is before arrival",
    Rule.ARRIVED_BEFORE_PREVIOUS_DEPARTURE:
        "Arrival is before the departure from the previous stop",
    Rule.CLAIM_DECIDED_BEFORE_FILED: "The decision is before the claim was filed",
    Rule.CLAIM_FILED_BEFORE_ARRIVAL: "Filed before arriving in that country",
}


def _contradiction_words(found: Inconsistency[PartialDate]) -> str:
    """The form's words for one cross-field contradiction (the rule is case_rules')."""
    if found.rule is Rule.ARRIVED_BEFORE_EARLIER_STOP:
        return (f"Arrival is before {describe_date(found.other)}, a date of an earlier stop: "
                "the dates contradict the order of the journey")
    which = "Arrival" if found.pointer.endswith("/arrived") else "Departure"
    if found.rule is Rule.AFTER_ENTRY:
        return f"{which} is after the entry into the US"
    if found.rule is Rule.BEFORE_BIRTH:
        return f"{which} is before the date of birth"
    return _WORDS[found.rule]


def _fact_words(found: FactContradiction, case: dict[str, Any]) -> str:
    if found.rule is FactRule.STATELESS_WITH_NATIONALITY:
        return "A stateless applicant has no nationality"
    if found.rule is FactRule.CROSSED_FROM_ANOTHER_COUNTRY:
        coming_from = _dict(case.get("entry")).get("coming_from")
        return (f"The journey's last stop is {country_name(found.other)}, but the person "
                f"crossed from {country_name(coming_from)}: fix one of them")
    return "A pending claim cannot be final"


def _contradictions(step: Step, case: dict[str, Any], check: _Checker) -> None:
    """The cross-field rules (desktop.case_rules: consistency for dates, fact_rules for the
    others) blamed on this step's fields."""
    for found in inconsistencies(case, engine_dates.parse_partial_date):
        path = pointer_to_path(found.pointer)
        if step_for_path(path) is step:
            check.error(path, _contradiction_words(found))
    for fact in fact_contradictions(case):
        path = pointer_to_path(fact.pointer)
        if step_for_path(path) is step:
            check.error(path, _fact_words(fact, case))


_CHECKS = {
    Step.APPLICANT: _check_applicant,
    Step.ENTRY: _check_entry,
    Step.JOURNEY: _check_journey,
    Step.PROTECTION_CLAIMS: _check_claims,
    Step.CIRCUMSTANCES: _check_circumstances,
}


def validate_step(step: Step, case: dict[str, Any]) -> list[Problem]:
    """Problems and missing answers of one step (none for Review and Memo)."""
    check = _Checker()
    checker = _CHECKS.get(step)
    if checker is not None:
        checker(case, check)
    _contradictions(step, case, check)
    for pointer, message in text_field_problems(case):  # the one text rule, every field
        path = pointer_to_path(pointer)
        if path and step_for_path(path) is step and step in _CHECKS:
            check.error(path, message)
    return check.problems


def validate_case(case: dict[str, Any]) -> list[Problem]:
    """Problems and missing answers of every step, in step order."""
    return [problem for step in STEPS for problem in validate_step(step, case)]
