"""Anchors: the audit chain's head kept somewhere the laptop's user cannot rewrite later.

An anchor is (entry number, that entry's hash, or the first 60 bits of it). It comes from
- an anchor code the caseworker writes down or sends: `41-K7QM-2XHD-9RTA-W` (the entry
  number, 12 base-32 characters of the hash, one check character against typing slips);
- a final memo PDF (its keywords carry `audit chain head N:<hash>`);
- an exported bundle (its authenticated header carries `audit_anchor`).

Checking a chain against an anchor proves that the entries up to the anchored one are the
ones that existed when the anchor was taken (a chain rewritten, cut short or rolled back past
it no longer matches). It proves nothing about entries written after the anchor: they are
named as such.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, select, text

from db.models import Memo
from db.records import AuditProblem

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
CODE_CHARS = 12  # 60 bits of the entry's hash
PDF_ANCHOR = re.compile(rb"audit chain head (\d+):([0-9a-f]{64})")
BUNDLE_KEY = "audit_anchor"
memos_table = Memo.__table__  # type: ignore[attr-defined]  # set by SQLModel at run time
_TYPED = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


class AnchorError(ValueError):
    """Not an anchor: an unreadable code or a file that carries none (one line)."""


@dataclass(frozen=True)
class Anchor:
    """An entry number and its hash (full, or its first 60 bits as 15 hex digits)."""

    entry_id: int
    hash_prefix: str
    source: str

    def matches(self, entry_hash: str) -> bool:
        return entry_hash.startswith(self.hash_prefix)


def _check_char(entry_id: int, body: str) -> str:
    digest = hashlib.sha256(f"{entry_id}:{body}".encode("ascii")).digest()
    return ALPHABET[digest[0] % 32]


def code_for(entry_id: int, entry_hash: str) -> str:
    """The anchor code of a chain head: short enough to write down, 60 bits of its hash."""
    value = int(entry_hash[:15], 16)
    body = "".join(ALPHABET[(value >> shift) & 31] for shift in range(55, -1, -5))
    return _display(entry_id, body)


def parse_code(text: str) -> Anchor:
    """An anchor code as typed (any case, spaces or dashes, O for 0, I or L for 1)."""
    cleaned = re.sub(r"[\s\-]", "", text.upper()).translate(_TYPED)
    found = re.fullmatch(r"(\d+)([0-9A-Z]{13})", cleaned)
    if found is None or any(c not in ALPHABET for c in found.group(2)):
        raise AnchorError(f"{text!r} is not an anchor code (like 41-K7QM-2XHD-9RTA-W)")
    entry_id, body = int(found.group(1)), found.group(2)[:CODE_CHARS]
    if _check_char(entry_id, body) != found.group(2)[CODE_CHARS]:
        raise AnchorError(f"{text!r}: its check character does not match (a typing slip?)")
    value = 0
    for char in body:
        value = value * 32 + ALPHABET.index(char)
    return Anchor(entry_id, f"{value:015x}", f"anchor code {_display(entry_id, body)}")


def _display(entry_id: int, body: str) -> str:
    groups = "-".join(body[i:i + 4] for i in range(0, CODE_CHARS, 4))
    return f"{entry_id}-{groups}-{_check_char(entry_id, body)}"


def looks_like_code(text: str) -> bool:
    return re.fullmatch(r"\s*\d+\s*-[0-9A-Za-z\s\-]+", text) is not None and not Path(
        text).exists()


def anchors_in_file(path: Path) -> list[Anchor]:
    """The anchors a memo PDF or a bundle carries; AnchorError when it carries none."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise AnchorError(f"cannot read {path} ({error.strerror})") from error
    if data.startswith(b"%PDF"):
        found = [Anchor(int(m.group(1)), m.group(2).decode("ascii"), f"memo {path.name}")
                 for m in PDF_ANCHOR.finditer(data)]
    else:
        found = _bundle_anchor(path, data)
    if not found:
        raise AnchorError(f"{path} carries no audit anchor (a final memo from Waypoint, or a "
                          "bundle it exported, does)")
    return found


def _bundle_anchor(path: Path, data: bytes) -> list[Anchor]:
    try:
        envelope = json.loads(data.decode("utf-8"))
    except (UnicodeError, ValueError):
        return []
    value = envelope.get(BUNDLE_KEY) if isinstance(envelope, dict) else None
    if not isinstance(value, str):
        return []
    found = re.fullmatch(r"(\d+):([0-9a-f]{64})", value)
    return [] if found is None else [Anchor(int(found.group(1)), found.group(2),
                                            f"bundle {path.name}")]


def memo_copies(data: bytes) -> list[str]:
    """SHA-256 of the file and of every earlier revision inside it (a countersignature or a
    signature is appended to the memo as a PDF incremental update)."""
    digests = [hashlib.sha256(data).hexdigest()]
    for end in re.finditer(rb"%%EOF\r?\n?", data):
        digests.append(hashlib.sha256(data[:end.end()]).hexdigest())
    return digests


def check_all(connection: Connection, anchors: list[Anchor],
              memo_files: list[tuple[str, list[str]]]) -> tuple[list[AuditProblem], list[str]]:
    """Every anchor against the chain, and every memo file given against the stored memos."""
    hashes = {int(row[0]): str(row[1]) for row in connection.execute(
        text("SELECT id, entry_hash FROM audit_log"))}
    restored_past: dict[int, int] = {}
    for entry_id, details_json in connection.execute(text(
            "SELECT id, details_json FROM audit_log WHERE action = 'store.restored'")):
        try:
            head = json.loads(details_json).get("replaced_head")
            restored_past[int(entry_id)] = int(head[0])
        except (ValueError, TypeError, AttributeError, IndexError):
            continue
    problems: list[AuditProblem] = []
    notes: list[str] = []
    for anchor in anchors:
        found, note = check(anchor, hashes, restored_past)
        problems += found
        notes += [note] if note else []
    for name, digests in memo_files:
        stored = connection.execute(select(memos_table.c.id).where(
            memos_table.c.sha256.in_(digests)).limit(1)).first()
        if stored is None:
            problems.append(AuditProblem(
                "anchor", name, f"the memo {name} is not in this store, but every memo "
                "Waypoint finalizes is stored and never deleted: it was deleted (or the file "
                "comes from another store)"))
        else:
            notes.append(f"the memo {name} is stored here as memo {stored[0]}")
    return problems, notes


def check(anchor: Anchor, hashes: dict[int, str], restored_past: dict[int, int]
          ) -> tuple[list[AuditProblem], str | None]:
    """(problems, a note) for one anchor against the chain's hashes by entry.

    restored_past: for each restore entry, the newest entry of the chain it replaced.
    """
    last = max(hashes, default=0)
    now = hashes.get(anchor.entry_id)
    if now is None:
        by_restore = [entry for entry, replaced in restored_past.items()
                      if replaced >= anchor.entry_id]
        why = (f"the restore recorded by entry {by_restore[0]} rolled the store back past it"
               if by_restore else f"the chain was cut short or rolled back (it ends at entry "
               f"{last})")
        return [AuditProblem("entry", anchor.entry_id, f"the {anchor.source} anchors this "
                             f"entry, but it is not in this store: {why}")], None
    if not anchor.matches(now):
        return [AuditProblem("entry", anchor.entry_id, f"it differs from the {anchor.source}, "
                             "taken when it was the chain's head: the chain up to here was "
                             "rewritten")], None
    after = (f"; entries {anchor.entry_id + 1}..{last} were written after it, and the anchor "
             "cannot vouch for them" if last > anchor.entry_id else "; nothing was written "
             "after it")
    return [], (f"the chain up to entry {anchor.entry_id} matches the {anchor.source}: not "
                f"rewritten, cut short or rolled back since it was taken{after}")
