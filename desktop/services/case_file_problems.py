"""What is wrong with a case file, in words for the person who made it.

The schema's errors turned into sentences that name the field (a JSON pointer), and the
checks of meaning the schema cannot express: dates that are dates, countries and languages
that exist, A-numbers that read as A-numbers. desktop.services.evaluation runs them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from desktop.case_rules import A_NUMBER_HINT, is_country_code, normalise_a_number
from desktop.case_rules.consistency import Inconsistency, Rule, inconsistencies
from desktop.case_rules.fact_rules import FactRule, fact_contradictions
from desktop.case_rules.text_fields import pointer as json_pointer
from desktop.engine import DateTextError, PartialDate, parse_partial_date
from desktop.flow.languages import is_iso_639_code

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError


class CaseFileError(ValueError):
    """An invalid case file: `pointer` (JSON pointer to the field) and `message`."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(pointer, message)
        self.pointer = pointer
        self.message = message

    def __str__(self) -> str:
        # The root pointer "" (e.g. not JSON at all) reads better as the message alone.
        return f"{self.pointer}: {self.message}" if self.pointer else self.message



def pointer_of(parts: Any) -> str:
    return json_pointer(list(parts))


def _json_type(value: object) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "an object"


SIZE_WORDS = {"maxLength": ("too long", "characters"), "maxItems": ("too many", "entries"),
              "maxProperties": ("too many", "entries")}
PATTERN_WORDS = {
    "^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$": "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "is not a full date (expected YYYY-MM-DD)",
    "^[A-Z]{2}$": "is not a country code (expected ISO 3166-1 alpha-2, e.g. 'MX')",
    "^[a-z]{2,3}$": "is not a language code (expected ISO 639, e.g. 'es')",
}


def schema_problem(error: ValidationError) -> CaseFileError:
    pointer = pointer_of(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if kind == "anyOf":
        specific = [c for c in error.context or () if c.validator not in ("type",)]
        if specific:
            return schema_problem(specific[0])
        wanted = sorted({str(t) for c in error.context or () for t in _as_list(c.validator_value)})
        return CaseFileError(pointer, f"expected {' or '.join(wanted)}, got {_json_type(instance)}")
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return CaseFileError(f"{pointer}/{missing}", "required field is missing")
    if kind == "enum":
        allowed = ", ".join(repr(v) for v in error.validator_value if v is not None)
        return CaseFileError(pointer, f"unknown value {_brief(instance)}; expected one of {allowed}"
                             + (" or null" if None in error.validator_value else ""))
    if kind == "const":
        return CaseFileError(pointer, f"unsupported value {_brief(instance)}; expected "
                                      f"{error.validator_value!r}")
    if kind == "type":
        expected = " or ".join(_as_list(error.validator_value))
        return CaseFileError(pointer, f"expected {expected}, got {_json_type(instance)}")
    if kind == "pattern":
        words = PATTERN_WORDS.get(str(error.validator_value), "has the wrong form")
        if error.path and error.parent is not None and error.parent.validator == "propertyNames":
            pointer = pointer_of(list(error.absolute_path) + [instance])
        return CaseFileError(pointer, f"{_brief(instance)} {words}")
    if kind == "propertyNames":
        return CaseFileError(pointer, error.message)
    if kind in ("minimum", "maximum"):
        side = "below the minimum" if kind == "minimum" else "above the maximum"
        return CaseFileError(pointer, f"{instance} is {side} {error.validator_value}")
    if kind in SIZE_WORDS:
        size, unit = SIZE_WORDS[kind]
        return CaseFileError(pointer, f"{size}: {len(instance):,} {unit}; at most "
                                      f"{error.validator_value:,} (is this the right file?)")
    return CaseFileError(pointer, error.message[:200])


def _brief(value: object) -> str:
    """repr() of a value, cut short: a refused value may be a million characters long."""
    shown = repr(value)
    return shown if len(shown) <= 60 else f"{shown[:50]}… ({len(shown):,} characters)"


def _as_list(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def semantic_problems(data: dict[str, Any]) -> Iterator[CaseFileError]:
    for pointer, text in _date_fields(data):
        try:
            parse_partial_date(text)
        except DateTextError as problem:
            yield CaseFileError(pointer, str(problem))
    for pointer, code in _country_fields(data):
        if not is_country_code(code):
            yield CaseFileError(pointer, f"unknown country code {code!r} (not in ISO 3166-1)")
    applicant = _obj(data.get("applicant"))
    for i, language in enumerate(_list(applicant.get("languages"))):
        if isinstance(language, str) and re.fullmatch(r"[a-z]{2,3}", language) and not (
                is_iso_639_code(language)):
            yield CaseFileError(f"/applicant/languages/{i}",
                                f"unknown language code {language!r} (not in ISO 639)")
    a_number = applicant.get("a_number")
    if isinstance(a_number, str) and a_number.strip() and normalise_a_number(a_number) is None:
        yield CaseFileError("/applicant/a_number",
                            f"{a_number!r} is not an A-number ({A_NUMBER_HINT})")
    if applicant.get("nationalities") == [] and applicant.get("stateless") is not True:
        yield CaseFileError("/applicant/nationalities",
                            "no nationality recorded, but the applicant is not marked stateless")
    for found in inconsistencies(data, parse_partial_date):
        yield CaseFileError(found.pointer, contradiction_words(found))
    for fact in fact_contradictions(data):
        yield CaseFileError(fact.pointer, _FACT_WORDS[fact.rule].format(
            last=fact.other, coming_from=_obj(data.get("entry")).get("coming_from")))


_FACT_WORDS: dict[FactRule, str] = {
    FactRule.STATELESS_WITH_NATIONALITY:
        "the applicant is marked stateless but has a nationality recorded",
    FactRule.CROSSED_FROM_ANOTHER_COUNTRY:
        "the crossing was from {coming_from}, but the journey's last stop is {last}",
    FactRule.PENDING_CLAIM_FINAL: "a pending claim cannot be final",
}


_WORDS: dict[Rule, str] = {
    Rule.BIRTH_AFTER_ENTRY: "date of birth {when} is after the entry date {other}",
    Rule.DECISION_BEFORE_ENTRY: "decision date {when} is before the entry date {other}",
    Rule.DEPARTED_BEFORE_ARRIVED: "departure {when} is before arrival {other}",
    Rule.ARRIVED_BEFORE_PREVIOUS_DEPARTURE:
        "arrival {when} is before the departure {other} from the previous stop",
    Rule.ARRIVED_BEFORE_EARLIER_STOP: "arrival {when} is before {other}, a date of an earlier "
                                      "stop: the dates contradict the order of the journey",
    Rule.AFTER_ENTRY: "{which} {when} is after the entry into the United States on {other}",
    Rule.BEFORE_BIRTH: "{which} {when} is before the date of birth {other}",
    Rule.CLAIM_DECIDED_BEFORE_FILED: "decision {when} is before the claim was filed on {other}",
    Rule.CLAIM_FILED_BEFORE_ARRIVAL: "claim filed {when}, before arriving in that country on "
                                     "{other}",
}


def contradiction_words(found: Inconsistency[PartialDate]) -> str:
    """A file's words for one cross-field contradiction (the rule is case_rules')."""
    which = "arrival" if found.pointer.endswith("/arrived") else "departure"
    return _WORDS[found.rule].format(which=which, when=found.when, other=found.other)


def _obj(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: object) -> list[Any]:
    return value if isinstance(value, list) else []


def _date_fields(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    def pick(pointer: str, value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, str):  # the engine's parser judges it (the schema's words win)
            yield pointer, value

    yield from pick("/decision_date", data.get("decision_date"))
    yield from pick("/applicant/date_of_birth", _obj(data.get("applicant")).get("date_of_birth"))
    yield from pick("/entry/date", _obj(data.get("entry")).get("date"))
    for i, stop in enumerate(_list(data.get("journey"))):
        stop = _obj(stop)
        yield from pick(f"/journey/{i}/arrived", stop.get("arrived"))
        yield from pick(f"/journey/{i}/departed", stop.get("departed"))
        for j, claim in enumerate(_list(stop.get("protection_claims"))):
            claim = _obj(claim)
            yield from pick(f"/journey/{i}/protection_claims/{j}/filed", claim.get("filed"))
            yield from pick(f"/journey/{i}/protection_claims/{j}/decided", claim.get("decided"))
    circumstances = _obj(data.get("circumstances"))
    for i, member in enumerate(_list(circumstances.get("travelling_with_family"))):
        yield from pick(f"/circumstances/travelling_with_family/{i}/date_of_birth",
                        _obj(member).get("date_of_birth"))


def _country_fields(data: dict[str, Any]) -> Iterator[tuple[str, str]]:
    def pick(pointer: str, value: object) -> Iterator[tuple[str, str]]:
        if isinstance(value, str) and re.fullmatch(r"[A-Z]{2}", value):
            yield pointer, value

    applicant = _obj(data.get("applicant"))
    for i, code in enumerate(_list(applicant.get("nationalities"))):
        yield from pick(f"/applicant/nationalities/{i}", code)
    yield from pick("/applicant/last_habitual_residence", applicant.get("last_habitual_residence"))
    yield from pick("/entry/coming_from", _obj(data.get("entry")).get("coming_from"))
    for i, stop in enumerate(_list(data.get("journey"))):
        yield from pick(f"/journey/{i}/country", _obj(stop).get("country"))
    fear = _obj(_obj(data.get("circumstances")).get("fear_of_receiving_country"))
    for code in fear:
        yield from pick(f"/circumstances/fear_of_receiving_country/{code}", code)
