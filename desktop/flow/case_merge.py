"""Field-by-field comparison and merge of two versions of a case file (pure: plain data, no Qt,
no database; the office merge dialog shows it)."""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

Path = tuple[str | int, ...]
ABSENT: Any = object()  # a field one version has and the other does not


@dataclass(frozen=True)
class FieldDifference:
    """One field whose value differs between your version and the saved one."""

    path: Path
    mine: Any
    theirs: Any

    @property
    def label(self) -> str:
        """'journey 2 › country' for ('journey', 1, 'country')."""
        return " › ".join(str(p + 1) if isinstance(p, int) else p.replace("_", " ")
                          for p in self.path)


def differences(mine: Any, theirs: Any, path: Path = ()) -> list[FieldDifference]:
    """The differing fields: objects key by key; lists item by item when they have the same
    length (a changed country in the journey), as one field when not (a stop added)."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        found: list[FieldDifference] = []
        for key in [*mine, *(k for k in theirs if k not in mine)]:
            found += differences(mine.get(key, ABSENT), theirs.get(key, ABSENT), (*path, key))
        return found
    if isinstance(mine, list) and isinstance(theirs, list) and len(mine) == len(theirs):
        return [d for i, (a, b) in enumerate(zip(mine, theirs, strict=True))
                for d in differences(a, b, (*path, i))]
    return [] if mine == theirs else [FieldDifference(path, mine, theirs)]


def value_at(data: Any, path: Path) -> Any:
    """The value at path, or ABSENT."""
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return ABSENT
    return data


def you_changed(base: Any, difference: FieldDifference) -> bool:
    """True when your value differs from the version you opened (so keep yours by default);
    False when only the other saver changed the field (keep theirs by default)."""
    return bool(value_at(base, difference.path) != difference.mine)


def merged(theirs: dict[str, Any], mine_chosen: list[FieldDifference]) -> dict[str, Any]:
    """The saved version with your value put back for each field you chose to keep."""
    result = copy.deepcopy(theirs)
    for difference in mine_chosen:
        parent: Any = result
        for part in difference.path[:-1]:
            parent = parent[part]
        last = difference.path[-1]
        if difference.mine is ABSENT:
            del parent[last]
        else:
            parent[last] = copy.deepcopy(difference.mine)
    return result


def shown(value: Any) -> str:
    """A value as the merge table shows it."""
    if value is ABSENT:
        return "(not there)"
    if value is None or value == "":
        return "(blank)"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | dict):
        import json

        return json.dumps(value, ensure_ascii=False)[:300]
    return str(value)
