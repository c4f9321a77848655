"""The three-way merge of one case against its common base, field by field. Pure.

`base` is what the laptop started from (or what the office last applied from it), `ours` the
office's case now, `theirs` the laptop's changes (path -> new leaf). Per path:
- the laptop left it as the base: nothing to do;
- the office still has the base value: the laptop's value is taken (applied);
- the office already has the laptop's value: nothing to do (same);
- otherwise both changed it differently since the base: a conflict; the office keeps its
  value until a person chooses. Nothing is decided by clock or by arrival order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop.services.sync_paths import Leaf, apply_changes, flatten, leaf


@dataclass(frozen=True)
class FieldConflict:
    """One field changed on both sides: the base, the office's and the laptop's value."""

    path: str
    base: Leaf
    ours: Leaf
    theirs: Leaf


@dataclass
class MergeResult:
    """The merged case and what happened to each path the laptop changed."""

    merged: dict[str, Any]
    applied: list[str] = field(default_factory=list)
    same: list[str] = field(default_factory=list)
    conflicts: list[FieldConflict] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.applied)


def merge_case(base: dict[str, Any], ours: dict[str, Any], theirs: dict[str, Leaf]
               ) -> MergeResult:
    """Merge the laptop's changes into the office's case (see the module's rules)."""
    base_leaves, our_leaves = flatten(base), flatten(ours)
    take: dict[str, Leaf] = {}
    result = MergeResult(ours)
    for path in sorted(theirs):
        wanted, was, now = theirs[path], leaf(base_leaves, path), leaf(our_leaves, path)
        if wanted == was:
            continue
        if now == wanted:
            result.same.append(path)
        elif now == was and _parent_unchanged(path, base_leaves, our_leaves):
            take[path] = wanted
            result.applied.append(path)
        else:
            result.conflicts.append(FieldConflict(path, was, now, wanted))
    result.merged = apply_changes(ours, take) if take else ours
    return result


def _parent_unchanged(path: str, base: dict[str, Any], ours: dict[str, Any]) -> bool:
    """A leaf the office turned into an object (or removed with its object) is a change
    of that path too: the paths under it or above it must still be as in the base."""
    related = [other for other in set(base) | set(ours)
               if other != path and (other.startswith(path + "/") or path.startswith(other + "/"))]
    return all(leaf(base, other) == leaf(ours, other) for other in related)
