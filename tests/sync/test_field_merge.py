"""The pure core of field sync: field paths, the three-way merge, event ids, the signature."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.services.sync_format import TransferError, check_shape, event_id
from desktop.services.sync_merge import merge_case
from desktop.services.sync_paths import apply_changes, changed_paths, flatten
from tests.db.conftest import make_case


def _changes(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {path: new for path, (_old, new) in changed_paths(before, after).items()}


def test_different_fields_merge_and_the_same_field_is_a_conflict() -> None:
    base = make_case()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["entry"]["port"] = "El Paso"
    theirs["applicant"]["given_names"] = "Ana María"
    theirs["entry"]["port"] = "Laredo"
    result = merge_case(base, ours, _changes(base, theirs))
    assert result.applied == ["/applicant/given_names"]
    assert result.merged["applicant"]["given_names"] == "Ana María"
    assert result.merged["entry"]["port"] == "El Paso"  # the office keeps its value
    [conflict] = result.conflicts
    assert (conflict.path, conflict.base, conflict.ours, conflict.theirs) == (
        "/entry/port", [None], ["El Paso"], ["Laredo"])


def test_a_change_already_at_the_office_is_the_same_not_a_conflict() -> None:
    base = make_case()
    both = copy.deepcopy(base)
    both["entry"]["port"] = "Laredo"
    result = merge_case(base, both, _changes(base, both))
    assert result.same == ["/entry/port"] and not result.conflicts and not result.changed


def test_a_list_is_one_field_so_two_journey_edits_conflict() -> None:
    base = make_case()
    ours, theirs = copy.deepcopy(base), copy.deepcopy(base)
    ours["journey"][1]["departed"] = "2019-09-16"
    theirs["journey"][2]["arrived"] = "2019-09-14"
    result = merge_case(base, ours, _changes(base, theirs))
    assert [c.path for c in result.conflicts] == ["/journey"]
    assert result.merged["journey"] == ours["journey"]


def test_absent_and_null_are_different_values() -> None:
    base = {"a": {"b": None}}
    removed = apply_changes(base, {"/a/b": []})
    assert removed == {}  # an object emptied by removals goes too
    assert changed_paths(base, {"a": {}}) == {"/a": ([], [{}]), "/a/b": ([None], [])}
    assert apply_changes(base, _changes(base, {"a": {}})) == {"a": {}}
    assert flatten({"a": {}}) == {"/a": {}}


def test_an_object_the_office_replaced_by_a_value_conflicts_with_a_change_inside() -> None:
    base = {"a": {"b": 1}}
    result = merge_case(base, {"a": 5}, {"/a/b": [2]})
    assert [c.path for c in result.conflicts] == ["/a/b"] and result.merged == {"a": 5}


def test_the_event_id_names_the_change_not_the_transfer() -> None:
    one = event_id("dev", "case", 3, "/entry/port", ["Laredo"])
    assert one == event_id("dev", "case", 3, "/entry/port", ["Laredo"])
    assert one != event_id("dev", "case", 4, "/entry/port", ["Laredo"])
    assert one != event_id("dev2", "case", 3, "/entry/port", ["Laredo"])


def test_a_malformed_document_is_refused_by_name() -> None:
    with pytest.raises(TransferError, match="seq"):
        check_shape({"format": "waypoint-field/1", "kind": "return", "transfer_id": "t",
                     "created_at": "x", "seq": "1", "device": {"id": "d"}, "cases": []})
    event = {"event_id": "0" * 64, "case_id": "c", "device": "d", "person": "p", "at": "x",
             "path": "/a", "old": [], "new": [1], "base_version": 1}
    with pytest.raises(TransferError, match="event id"):
        check_shape({"format": "waypoint-field/1", "kind": "return", "transfer_id": "t",
                     "created_at": "x", "seq": 1, "device": {"id": "d"}, "cases": [
                         {"case_id": "c", "base_version": 1, "base": {}, "events": [event]}]})


LEAVES = st.sampled_from(["/applicant/given_names", "/applicant/family_name", "/entry/port",
                          "/entry/documents", "/circumstances/public_interest_exception"])
VALUES = st.one_of(st.none(), st.sampled_from(["A", "B", "C"]))


def _edit(data: dict[str, Any], edits: list[tuple[str, Any]]) -> dict[str, Any]:
    return apply_changes(data, {path: [value] for path, value in edits})


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(LEAVES, VALUES), max_size=4),
       st.lists(st.tuples(LEAVES, VALUES), max_size=4))
def test_merge_never_loses_or_silently_overwrites(ours_edits: list[tuple[str, Any]],
                                                  theirs_edits: list[tuple[str, Any]]) -> None:
    base = make_case()
    ours, theirs = _edit(base, ours_edits), _edit(base, theirs_edits)
    result = merge_case(base, ours, _changes(base, theirs))
    merged, base_l, ours_l, theirs_l = (flatten(d) for d in (result.merged, base, ours, theirs))
    conflicted = {c.path for c in result.conflicts}
    for path in set(merged) | set(ours_l) | set(theirs_l):
        if ours_l.get(path) != base_l.get(path):  # the office changed it: kept as is
            assert merged.get(path) == ours_l.get(path)
        elif theirs_l.get(path) != base_l.get(path):  # only the field changed it: taken
            assert merged.get(path) == theirs_l.get(path)
        if path in conflicted:
            assert ours_l.get(path) != theirs_l.get(path)
    both = {p for p in set(ours_l) | set(theirs_l) if ours_l.get(p) != base_l.get(p)
            and theirs_l.get(p) != base_l.get(p) and ours_l.get(p) != theirs_l.get(p)}
    assert both == conflicted
