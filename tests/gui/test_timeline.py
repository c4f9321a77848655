"""The journey timeline: partial dates drawn as fuzzy edges, gaps marked, entry at the end."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from test_case_flow_support import load_public_case

from desktop.ui.case_flow.timeline_widget import TimelineWidget

pytestmark = pytest.mark.gui


def alpha_along(image, y: int, xs) -> list[int]:
    background = QColor(image.pixelColor(2, 2))
    # Distance from the background colour stands for how much band colour was painted.
    return [
        abs(QColor(image.pixelColor(int(x), y)).lightness() - background.lightness()) for x in xs
    ]


def test_a_month_only_departure_is_drawn_as_a_fading_edge(qtbot) -> None:
    case = load_public_case("tb-final-denial-in-mexico")
    case["journey"][2]["departed"] = "2019-09"  # Mexico left some day in September
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 200)
    widget.set_case(case)
    geometry = widget.band_geometry()
    mexico = geometry[2]
    assert mexico.band.end.fuzzy and not mexico.band.start.fuzzy
    edge = mexico.end_edge
    # About a month wide on the axis, starting where September starts.
    assert edge.width() > 20
    assert abs(edge.left() - widget.x_for(mexico.band.end.earliest)) < 1
    image = widget.grab().toImage()
    y = int(edge.center().y())
    strengths = alpha_along(image, y, [edge.left() + edge.width() * f for f in (0.1, 0.5, 0.9)])
    assert strengths[0] > strengths[1] > strengths[2]  # fades out towards the later end
    solid = alpha_along(image, y, [mexico.solid.center().x()])[0]
    assert solid >= strengths[0]


def test_gaps_and_the_entry_are_drawn(qtbot) -> None:
    case = load_public_case("tb-final-denial-in-mexico")
    case["journey"][2]["arrived"] = "2019-05-01"
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.resize(900, 200)
    widget.set_case(case)
    assert "gap after stop 2" in widget.describe()
    image = widget.grab().toImage()
    entry_x = int(widget.x_for(widget.layout_data.entry.first_day))
    red = QColor(image.pixelColor(entry_x + 1, 12))
    assert red.red() > 150 and red.green() < 80
