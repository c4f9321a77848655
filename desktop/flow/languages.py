"""ISO 639 languages (code, name) read from a compact table (resources/codes/languages.tsv).

pycountry.languages builds an object per language (~0.1 s on first use, plus its import). The
table, generated from pycountry (resources/codes/build_codes.py, checked by a test), holds only
the codes and names; it still reads under a lock, so a widget can warm it in a thread.
"""

from __future__ import annotations

import re
import threading
from functools import cache
from itertools import chain

from desktop.resources import resource_path

LANGUAGES_TABLE = ("codes", "languages.tsv")
_LOCK = threading.Lock()


@cache
def _read() -> tuple[tuple[tuple[str, str], ...], dict[str, str]]:
    """The (code, name) entries sorted by name, and each three-letter code that has a
    two-letter one, mapped to it."""
    text = resource_path(*LANGUAGES_TABLE).read_text(encoding="utf-8")
    entries: list[tuple[str, str]] = []
    two_letter: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, alpha_3, name, _other_names = line.split("\t", 3)
        entries.append((code, name))
        if code != alpha_3:
            two_letter[alpha_3] = code
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


_CODES_OF_LINE = re.compile(r"^([a-z]+)\t([a-z]+)\t", re.MULTILINE)


@cache
def _iso_codes() -> frozenset[str]:
    """Both codes of every language (no names, no sorting: what checking a file needs)."""
    text = resource_path(*LANGUAGES_TABLE).read_text(encoding="utf-8")
    return frozenset(chain.from_iterable(_CODES_OF_LINE.findall(text)))


def is_iso_639_code(value: str) -> bool:
    """True for any ISO 639 code of a language in the table: two-letter or three-letter."""
    return value in _iso_codes()


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
