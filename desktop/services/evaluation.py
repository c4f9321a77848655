"""Reads and validates case files, and evaluates them on a decision date under a given pack."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.case_rules import (
    A_NUMBER_HINT,
    country_name,
    facts_digest,
    is_country_code,
    normalise_a_number,
)
from desktop.case_rules.text_fields import normalised_case, text_field_problems
from desktop.case_rules.text_fields import pointer as json_pointer
from desktop.engine import (
    DateTextError,
    PartialDate,
    RulePack,
    evaluate,
    parse_partial_date,
    party_to_any,
)
from desktop.flow.languages import is_iso_639_code
from desktop.resources import resource_path
from desktop.services.decision import DecisionDate
from desktop.services.reading import FileTooLarge, NotARegularFile, read_small_file
from desktop.services.rule_pack_file import law_known_through
from desktop.services.schema_check import Check, compile_schema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

SCHEMA_FILE = ("schema", "case-1.schema.json")
INSTRUMENTS = ("refugee_convention_1951", "protocol_1967", "cat")
MAX_CASE_FILE_BYTES = 5_000_000  # a real case file is a few KB; the largest valid one ~0.3 MB
MAX_UNKNOWN_FIELDS = 50  # newer files may add a few fields; 200,000 is not a case file
MAX_NUMBER_DIGITS = 30  # the largest number a case file holds is an age or a day count
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


class CaseFileError(ValueError):
    """An invalid case file: `pointer` (JSON pointer to the field) and `message`."""

    def __init__(self, pointer: str, message: str) -> None:
        super().__init__(pointer, message)
        self.pointer = pointer
        self.message = message

    def __str__(self) -> str:
        # The root pointer "" (e.g. not JSON at all) reads better as the message alone.
        return f"{self.pointer}: {self.message}" if self.pointer else self.message


@cache
def _schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(resource_path(*SCHEMA_FILE).read_text(encoding="utf-8"))
    return loaded


@cache
def _quick_check() -> Check:
    """The schema compiled once into a yes/no check (no jsonschema import for a valid file)."""
    return compile_schema(_schema())


@cache
def _validator() -> Draft202012Validator:
    """jsonschema's validator: its errors word what is wrong with a file the check refused."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(_schema())


def case_schema() -> dict[str, Any]:
    """The JSON Schema of waypoint-case/1."""
    return dict(_schema())


def read_case_file(path: str | Path) -> dict[str, Any]:
    """Read, parse and validate a case file; raise CaseFileError naming the field."""
    data = parse_case_bytes(_read_bytes(Path(path)))
    validate_case_data(data)
    assert isinstance(data, dict)
    return data


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, at most MAX_CASE_FILE_BYTES; only a regular file is read."""
    try:
        return read_small_file(path, MAX_CASE_FILE_BYTES)
    except NotARegularFile:
        raise CaseFileError("", "not a case file: this is a device, pipe or folder, "
                                "not a regular file") from None
    except FileTooLarge as large:
        raise CaseFileError("", f"the file is {large.size / 1e6:.0f} MB; a case file is at most "
                                f"{MAX_CASE_FILE_BYTES / 1e6:.0f} MB (is this the right file?)"
                            ) from None


class _Duplicated(dict[str, Any]):
    """A JSON object in which a key was written twice (the first repeated key is kept)."""

    repeated: str = ""


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            flagged = _Duplicated(result)
            flagged.update(pairs)
            flagged.repeated = key
            return flagged
        result[key] = value
    return result


class _Unfit(ValueError):
    """Valid JSON that no case file holds (NaN, a 5,000-digit number)."""


def _refuse_constant(name: str) -> None:
    raise _Unfit(f"{name} is not allowed in JSON")


def _integer(text: str) -> int:
    # Checked before int(): Python's own refusal of a 5,000-digit number names its internals.
    if len(text.lstrip("-")) > MAX_NUMBER_DIGITS:
        raise _Unfit(f"a number with {len(text.lstrip('-')):,} digits is far too long "
                         f"for a case file (at most {MAX_NUMBER_DIGITS} digits)")
    return int(text)


def _decimal(text: str) -> float:
    number = float(text)
    if not math.isfinite(number):
        raise _Unfit(f"the number {text[:40]} is too large")
    return number


def parse_case_bytes(raw: bytes) -> object:
    """Decode and parse a case file's bytes (UTF-8, a UTF-8 BOM tolerated); CaseFileError if not."""
    for bom, encoding in UNICODE_BOMS:
        if raw.startswith(bom):
            raise CaseFileError("", f"the file is {encoding} text; save it as UTF-8")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as problem:
        raise CaseFileError("", f"not UTF-8 text ({problem.reason} at byte "
                                f"{problem.start})") from problem
    try:
        data = json.loads(text, object_pairs_hook=_object, parse_constant=_refuse_constant,
                          parse_int=_integer, parse_float=_decimal)
    except json.JSONDecodeError as problem:
        raise CaseFileError("", f"not JSON: {problem.msg} at line {problem.lineno} column "
                                f"{problem.colno}") from problem
    except _Unfit as problem:
        raise CaseFileError("", f"not a case file: {problem}") from problem
    except RecursionError:
        raise CaseFileError("", "not a case file: the JSON is nested too deeply") from None
    try:
        found = _first_text_problem(data, [])
    except RecursionError:
        raise CaseFileError("", "not a case file: the JSON is nested too deeply") from None
    if found is not None:
        raise found
    return normalised_case(data)


def _first_text_problem(value: object, path: list[str | int]) -> CaseFileError | None:
    """A key written twice in one object, or a lone surrogate (\\ud800) in a key or text.

    A lone surrogate is half of a UTF-16 pair: JSON's \\u escapes can spell one, but it is
    not a character, and no database, memo or terminal can store or show it.
    """
    if isinstance(value, str):
        return _surrogate_problem(_pointer(path), value)
    if isinstance(value, _Duplicated):
        return CaseFileError(_pointer([*path, value.repeated]),
                             "this key is written more than once in its object")
    if isinstance(value, dict):
        children: Any = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return None
    for key, child in children:
        found = (_surrogate_problem(_pointer(path), key) if isinstance(key, str) else None) or (
            _first_text_problem(child, [*path, key]))
        if found is not None:
            return found
    return None


def _surrogate_problem(pointer: str, text: str) -> CaseFileError | None:
    lone = LONE_SURROGATE.search(text)
    if lone is None:
        return None
    return CaseFileError(pointer, f"contains \\u{ord(lone.group()):04x} at character "
                                  f"{lone.start() + 1}, half of a UTF-16 surrogate pair and "
                                  "not a character; correct the text and save it again")


def unknown_fields(data: object) -> list[str]:
    """Pointers of keys the schema does not define: kept and ignored (e.g. a misspelt field)."""
    schema = _schema()
    found: list[str] = []

    def resolve(node: Any) -> Any:
        while isinstance(node, dict) and "$ref" in node:
            node = schema["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        return node

    def walk(value: object, node: Any, path: list[str | int]) -> None:
        node = resolve(node)
        if not isinstance(node, dict):
            return
        if isinstance(value, dict) and "properties" in node:
            for key, child in value.items():
                if key in node["properties"]:
                    walk(child, node["properties"][key], [*path, key])
                elif "additionalProperties" not in node:
                    found.append(_pointer([*path, key]))
        elif isinstance(value, list) and "items" in node:
            for i, item in enumerate(value):
                walk(item, node["items"], [*path, i])

    walk(data, schema, [])
    return found


def validate_case_data(data: object) -> None:
    """Raise the first CaseFileError of `data`, if any (schema, then meaning)."""
    problems = case_problems(data)
    if problems:
        raise problems[0]


def case_problems(data: object) -> list[CaseFileError]:
    """Every problem in a case file, in document order, for inline display."""
    if not isinstance(data, dict):
        return [CaseFileError("", "the case file must be a JSON object")]
    problems = [CaseFileError(where, message) for where, message in text_field_problems(data)]
    if problems and problems[-1].message.startswith("nested more than"):
        return problems  # the schema's own walk would recurse as deep
    unknown = unknown_fields(data)
    if len(unknown) > MAX_UNKNOWN_FIELDS:
        return [CaseFileError("", f"not a case file: {len(unknown):,} fields this version does "
                                  f"not know; at most {MAX_UNKNOWN_FIELDS} (is this the right "
                                  "file?)")]
    seen = {p.pointer for p in problems}
    if not _quick_check()(data):  # jsonschema only for a file the compiled check refuses
        problems += [p for p in (_schema_problem(e) for e in _validator().iter_errors(data))
                     if p.pointer not in seen]
    seen = {p.pointer for p in problems}
    problems += [p for p in _semantic_problems(data) if p.pointer not in seen]
    return problems


def evaluate_case(data: dict[str, Any], decision: DecisionDate, pack: RulePack
                  ) -> dict[str, Any]:
    """Validate and evaluate a case on `decision` (resolved once by the decision path:
    services.decision) under `pack` (the caller's: no pack is implied)."""
    validate_case_data(data)
    decision_date = decision.value
    entry = parse_partial_date(data["entry"]["date"])
    if decision_date < entry.first:
        raise CaseFileError("/decision_date", f"decision date {decision_date} is before the "
                                              f"entry date {entry}")
    determination = evaluate(data, pack, decision_date, __version__)
    determination["facts_digest"] = facts_digest(data)
    return determination


def rule_pack_info(pack: RulePack) -> dict[str, str]:
    """Version, content hash, label and law_known_through ("" if unknown) of a pack."""
    known = law_known_through(pack) or ""
    return {"version": pack.version, "hash": pack.hash, "label": pack.label,
            "law_known_through": known}


def treaty_status(code: str, on: date, pack: RulePack) -> dict[str, Any]:
    """Participation of a state in the three instruments on a day under `pack`."""
    any_party = party_to_any(pack, code, on)
    record = pack.treaties.get(code)
    instruments: dict[str, Any] = {}
    if record is not None:
        for key in INSTRUMENTS:
            status = record.instruments[key]
            in_force = status.entry_into_force
            instruments[key] = {
                "party": in_force is not None and in_force <= on,
                "entry_into_force": in_force.isoformat() if in_force else None,
                "verified": status.verified and (status.verified_until is None
                                                 or on <= status.verified_until),
                "note": status.note,
            }
    return {
        "code": code,
        "name": country_name(code),
        "on": on.isoformat(),
        "known": any_party.known,
        "party_to_any": any_party.party if any_party.known else None,
        "instruments": instruments,
        "verified": any_party.verified,
        "note": any_party.note,
    }


def _pointer(parts: Any) -> str:
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


def _schema_problem(error: ValidationError) -> CaseFileError:
    pointer = _pointer(error.absolute_path)
    instance = error.instance
    kind = error.validator
    if kind == "anyOf":
        specific = [c for c in error.context or () if c.validator not in ("type",)]
        if specific:
            return _schema_problem(specific[0])
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
            pointer = _pointer(list(error.absolute_path) + [instance])
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


def _semantic_problems(data: dict[str, Any]) -> Iterator[CaseFileError]:
    dates: dict[str, PartialDate] = {}
    for pointer, text in _date_fields(data):
        try:
            dates[pointer] = parse_partial_date(text)
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
    entry = dates.get("/entry/date")
    if entry is None:
        return
    born = dates.get("/applicant/date_of_birth")
    if born is not None and born.first > entry.last:
        yield CaseFileError("/applicant/date_of_birth",
                            f"date of birth {born} is after the entry date {entry}")
    decided = dates.get("/decision_date")
    if decided is not None and decided.last < entry.first:
        yield CaseFileError("/decision_date",
                            f"decision date {decided} is before the entry date {entry}")
    for i, _stop in enumerate(_list(data.get("journey"))):
        arrived = dates.get(f"/journey/{i}/arrived")
        departed = dates.get(f"/journey/{i}/departed")
        if arrived is not None and departed is not None and departed.last < arrived.first:
            yield CaseFileError(f"/journey/{i}/departed",
                                f"departure {departed} is before arrival {arrived}")
        for key, word in (("arrived", "arrival"), ("departed", "departure")):
            when = dates.get(f"/journey/{i}/{key}")
            if when is not None and when.first > entry.last:
                yield CaseFileError(f"/journey/{i}/{key}",
                                    f"{word} {when} is after the entry into the United States "
                                    f"on {entry}")
            if when is not None and born is not None and when.last < born.first:
                yield CaseFileError(f"/journey/{i}/{key}",
                                    f"{word} {when} is before the date of birth {born}")
        for j, _claim in enumerate(_list(_obj(_stop).get("protection_claims"))):
            filed = dates.get(f"/journey/{i}/protection_claims/{j}/filed")
            ruled = dates.get(f"/journey/{i}/protection_claims/{j}/decided")
            if filed is not None and ruled is not None and ruled.last < filed.first:
                yield CaseFileError(f"/journey/{i}/protection_claims/{j}/decided",
                                    f"decision {ruled} is before the claim was filed on {filed}")


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
