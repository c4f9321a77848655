"""A yes/no check of a case file against its JSON Schema, compiled once into plain functions.

jsonschema takes ~70 ms to import and builds its validator per process; the command line
checks one file per run. This compiles the schema (the keywords case-1 uses, nothing more)
into nested closures once per process, in well under a millisecond, and answers only "valid?".
A file it calls invalid is then run through jsonschema itself, whose errors give the user's
messages, so what a user reads never depends on this module. A keyword it does not know makes
compile_schema() raise, so a schema change cannot make it wave an invalid file through; the
tests compare its verdict with jsonschema's on valid and broken files.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from typing import Any

Check = Callable[[object], bool]

# Keywords that only describe: they never decide validity.
ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "examples", "default",
                         "$comment", "$defs"})


def _is_type(value: object, name: str) -> bool:
    """JSON Schema's types, as jsonschema reads them (a bool is no number; 1.0 is an integer)."""
    if name == "object":
        return isinstance(value, dict)
    if name == "array":
        return isinstance(value, list)
    if name == "string":
        return isinstance(value, str)
    if name == "null":
        return value is None
    if name == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return False
    if name == "number":
        return True
    if name == "integer":
        return isinstance(value, int) or (math.isfinite(value) and value.is_integer())
    raise ValueError(f"unknown JSON type {name!r}")


def _equal(left: object, right: object) -> bool:
    """JSON equality (enum, const): 1 == 1.0, but True is not 1 and False is not 0."""
    if isinstance(left, bool) or isinstance(right, bool):
        return isinstance(left, bool) and isinstance(right, bool) and left == right
    if isinstance(left, list) and isinstance(right, list):
        return len(left) == len(right) and all(map(_equal, left, right))
    if isinstance(left, dict) and isinstance(right, dict):
        return left.keys() == right.keys() and all(_equal(left[k], right[k]) for k in left)
    same_kind = type(left) is type(right) or (_is_number(left) and _is_number(right))
    return same_kind and left == right


class _Compiler:
    """Turns schema nodes into checks; $refs resolve lazily (a schema may refer to itself)."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.compiled: dict[str, Check] = {}

    def ref(self, pointer: str) -> Check:
        if not pointer.startswith("#/$defs/"):
            raise ValueError(f"unsupported $ref {pointer!r}")
        name = pointer.rsplit("/", 1)[-1]

        def check(value: object) -> bool:
            if name not in self.compiled:
                self.compiled[name] = self.node(self.root["$defs"][name])
            return self.compiled[name](value)

        return check

    def node(self, schema: object) -> Check:
        if schema is True:
            return lambda _value: True
        if schema is False:
            return lambda _value: False
        if not isinstance(schema, dict):
            raise ValueError(f"not a schema: {schema!r}")
        checks = [self.keyword(key, value, schema) for key, value in schema.items()
                  if key not in ANNOTATIONS]
        return lambda value: all(check(value) for check in checks)

    def keyword(self, key: str, value: Any, schema: dict[str, Any]) -> Check:
        simple = _SIMPLE.get(key)
        if simple is not None:
            return simple(value)
        if key == "$ref":
            return self.ref(value)
        if key == "anyOf":
            options = [self.node(option) for option in value]
            return lambda instance: any(option(instance) for option in options)
        if key == "items":
            item = self.node(value)
            return lambda instance: not isinstance(instance, list) or all(map(item, instance))
        if key == "properties":
            return self.properties(value)
        if key == "additionalProperties":
            return self.additional(value, schema)
        if key == "propertyNames":
            names = self.node(value)
            return lambda instance: not isinstance(instance, dict) or all(map(names, instance))
        raise ValueError(f"the schema check does not know the keyword {key!r}")

    def properties(self, value: dict[str, Any]) -> Check:
        children = {name: self.node(child) for name, child in value.items()}

        def check(instance: object) -> bool:
            if not isinstance(instance, dict):
                return True
            return all(children[name](instance[name]) for name in children if name in instance)

        return check

    def additional(self, value: object, schema: dict[str, Any]) -> Check:
        if "patternProperties" in schema:
            raise ValueError("patternProperties is not supported")
        known = frozenset(schema.get("properties", {}))
        extra = self.node(value)

        def check(instance: object) -> bool:
            if not isinstance(instance, dict):
                return True
            return all(extra(item) for key, item in instance.items() if key not in known)

        return check


def _type(names: str | list[str]) -> Check:
    wanted = [names] if isinstance(names, str) else list(names)
    return lambda value: any(_is_type(value, name) for name in wanted)


def _enum(options: list[object]) -> Check:
    return lambda value: any(_equal(value, option) for option in options)


def _const(constant: object) -> Check:
    return lambda value: _equal(value, constant)


def _pattern(pattern: str) -> Check:
    search = re.compile(pattern).search
    return lambda value: not isinstance(value, str) or search(value) is not None


def _max_length(limit: int) -> Check:
    return lambda value: not isinstance(value, str) or len(value) <= limit


def _max_items(limit: int) -> Check:
    return lambda value: not isinstance(value, list) or len(value) <= limit


def _max_properties(limit: int) -> Check:
    return lambda value: not isinstance(value, dict) or len(value) <= limit


def _required(names: list[str]) -> Check:
    return lambda value: not isinstance(value, dict) or all(name in value for name in names)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _minimum(limit: float) -> Check:
    return lambda value: not isinstance(value, int | float) or isinstance(value, bool) or (
        value >= limit)


def _maximum(limit: float) -> Check:
    return lambda value: not isinstance(value, int | float) or isinstance(value, bool) or (
        value <= limit)


_SIMPLE: dict[str, Callable[[Any], Check]] = {
    "type": _type, "enum": _enum, "const": _const, "pattern": _pattern,
    "maxLength": _max_length, "maxItems": _max_items, "maxProperties": _max_properties,
    "required": _required, "minimum": _minimum, "maximum": _maximum,
}


def compile_schema(schema: dict[str, Any]) -> Check:
    """A function telling whether a value is valid under `schema` (raises on unknown keywords).

    Every $ref is compiled up front too, so an unsupported keyword anywhere shows here.
    """
    compiler = _Compiler(schema)
    for name in schema.get("$defs", {}):
        compiler.compiled[name] = compiler.node(schema["$defs"][name])
    return compiler.node(schema)
