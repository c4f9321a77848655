"""Canonical JSON (the one text that is hashed) and the digest of a case's facts."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any


def canonical_json(value: object) -> str:
    """Sorted keys, no spaces, UTF-8 kept (not escaped)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def content_hash(value: object) -> str:
    """SHA-256 hex of the canonical JSON of a value."""
    return hashlib.sha256(canonical_json(value).encode("utf-8")).hexdigest()


def facts_digest(case_data: Mapping[str, Any]) -> str:
    """SHA-256 hex of the case facts: the canonical JSON of everything but `case_id`.

    The case_id is the caller's label, not a fact: renaming a case keeps its determinations.
    """
    return content_hash({key: value for key, value in case_data.items() if key != "case_id"})
