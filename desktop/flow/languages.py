"""ISO 639 languages (code, name) read straight from pycountry's data file, quickly.

pycountry.languages builds an object per language (~0.1 s on first use, plus its import). This
reads only the codes and names with a regular expression, in small steps that let other threads
run, so a widget can warm it in a thread without stalling the window.
"""

from __future__ import annotations

import os
import re
import threading
from functools import cache

import pycountry

_ENTRY = re.compile(r"\{[^{}]*\}")
_FIELD = re.compile(r'"(alpha_2|alpha_3|name)":\s*"((?:[^"\\]|\\.)*)"')
_LOCK = threading.Lock()


@cache
def _read() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """The (code, name) entries sorted by name, and each three-letter code that has a
    two-letter one, mapped to it."""
    path = os.path.join(pycountry.DATABASE_DIR, "iso639-3.json")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    entries: list[tuple[str, str]] = []
    two_letter: dict[str, str] = {}
    for match in _ENTRY.finditer(text):
        fields = dict(_FIELD.findall(match.group(0)))
        code = fields.get("alpha_2") or fields.get("alpha_3")
        name = fields.get("name")
        if code and name:
            entries.append((code, name.encode().decode("unicode_escape") if "\\" in name else name))
        if fields.get("alpha_2") and fields.get("alpha_3"):
            two_letter[fields["alpha_3"]] = fields["alpha_2"]
    return tuple(sorted(entries, key=lambda entry: entry[1])), two_letter


def language_entries() -> tuple[tuple[str, str], ...]:
    """(code, name) for every ISO 639 language: the two-letter code where there is one."""
    with _LOCK:  # one reader; a second caller waits for the first instead of reading again
        return _read()[0]


def two_letter_code(three_letters: str) -> str | None:
    """`vi` for `vie`: the code the case file keeps for a language that has a two-letter one."""
    with _LOCK:
        return _read()[1].get(three_letters)


@cache
def _codes() -> frozenset[str]:
    return frozenset(code for code, _name in language_entries())


def is_language_code(value: object) -> bool:
    """True for a code written as ISO 639 writes them (two or three lower-case letters), the
    case file's rule. The form stores only codes it found in the table; checking a code against
    the table here would make validation wait for it (or depend on whether it was read yet)."""
    return isinstance(value, str) and len(value) in (2, 3) and value.isascii() and value.islower()


def is_known_language(value: object) -> bool:
    """True for the code of a language in the ISO 639 table (reads the table if needed)."""
    return isinstance(value, str) and value in _codes()


_LOADED = threading.Event()
_STARTED = threading.Event()


def _warm() -> None:
    language_entries()
    _codes()
    _LOADED.set()


def warm_in_background() -> None:
    """Start reading the table in a daemon thread (once), so it is ready before it is needed."""
    if not _STARTED.is_set():
        _STARTED.set()
        threading.Thread(target=_warm, name="languages", daemon=True).start()


def is_loaded() -> bool:
    return _LOADED.is_set()
