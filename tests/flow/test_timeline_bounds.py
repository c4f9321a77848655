"""The timeline bounds a stop's unknown dates by its neighbours and flags dates against order."""

from __future__ import annotations

from datetime import date

from desktop.flow.timeline import timeline_layout


def _case(*stops: tuple[str, str | None, str | None], entry: str | None = None) -> dict:
    journey = [{"country": c, "arrived": a, "departed": d} for c, a, d in stops]
    return {"journey": journey, "entry": {"date": entry, "coming_from": "MX"}}


def test_an_undated_stop_lies_between_its_neighbours() -> None:
    layout = timeline_layout(
        _case(("EC", "2019-03", None), ("CO", None, None), ("GT", "2019-05-20", None),
              entry="2019-06-10")
    )
    colombia = layout.bands[1]
    assert colombia.start.earliest == date(2019, 3, 1)  # not before Ecuador's arrival
    assert colombia.end.latest == date(2019, 5, 20)  # not after Guatemala's arrival
    assert not colombia.start.known and not colombia.end.known
    ecuador = layout.bands[0]
    assert ecuador.end.latest == date(2019, 5, 20)  # Ecuador's departure: before Guatemala
    assert layout.axis_start < colombia.start.earliest  # not drawn across the whole axis
    assert not [m for m in layout.markers if m.kind == "contradiction"]


def test_dates_against_the_journey_order_are_flagged_on_the_stop() -> None:
    layout = timeline_layout(_case(("EC", "2019-06", None), ("GT", "2019-02", None)))
    flagged = [m.index for m in layout.markers if m.kind == "contradiction"]
    assert flagged == [0, 1]
