"""Reads and validates case files, and evaluates them on a decision date under a given pack."""

from __future__ import annotations

import json
import math
import re
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop import __version__
from desktop.case_rules import country_name, facts_digest
from desktop.case_rules.text_fields import normalised_case, text_field_problems
from desktop.engine import RulePack, evaluate, parse_partial_date, party_to_any
from desktop.resources import resource_path
from desktop.services.case_file_problems import CaseFileError as CaseFileError
from desktop.services.case_file_problems import pointer_of, schema_problem, semantic_problems
from desktop.services.decision import DecisionDate
from desktop.services.reading import FileTooLarge, NotARegularFile, read_small_file
from desktop.services.rule_pack_file import law_known_through
from desktop.services.schema_check import Check, compile_schema

if TYPE_CHECKING:
    from jsonschema import Draft202012Validator

SCHEMA_FILE = ("schema", "case-1.schema.json")
INSTRUMENTS = ("refugee_convention_1951", "protocol_1967", "cat")
MAX_CASE_FILE_BYTES = 5_000_000  # a real case file is a few KB; the largest valid one ~0.3 MB
MAX_UNKNOWN_FIELDS = 50  # newer files may add a few fields; 200,000 is not a case file
MAX_NUMBER_DIGITS = 30  # the largest number a case file holds is an age or a day count
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
UNICODE_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


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
        return _surrogate_problem(pointer_of(path), value)
    if isinstance(value, _Duplicated):
        return CaseFileError(pointer_of([*path, value.repeated]),
                             "this key is written more than once in its object")
    if isinstance(value, dict):
        children: Any = value.items()
    elif isinstance(value, list):
        children = enumerate(value)
    else:
        return None
    for key, child in children:
        found = (_surrogate_problem(pointer_of(path), key) if isinstance(key, str) else None) or (
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
                    found.append(pointer_of([*path, key]))
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
        problems += [p for p in (schema_problem(e) for e in _validator().iter_errors(data))
                     if p.pointer not in seen]
    seen = {p.pointer for p in problems}
    problems += [p for p in semantic_problems(data) if p.pointer not in seen]
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
