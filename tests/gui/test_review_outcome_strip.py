"""The Review page shows when each outcome holds: the engine's strips, readable by keyboard."""

from __future__ import annotations

from datetime import date

import pytest
from test_case_flow_support import (  # noqa: F401  (services_fixture provides `services`)
    open_page,
    services_fixture,
)

from desktop.flow.steps import Step
from tests.memo.walk_case import walk_case

pytestmark = [pytest.mark.gui]


def test_review_shows_the_strip_of_the_walk_case(qtbot, services) -> None:
    case_id = services.cases.create_case(walk_case())
    page = open_page(qtbot, services, case_id)
    page.resize(1024, 700)
    with qtbot.waitSignal(page.review_page.evaluated, timeout=20_000):
        page.go_to_step(Step.REVIEW)
    strip = page.review_page.outcome_strip
    qtbot.waitUntil(strip.isVisible, timeout=5_000)
    rules = [s.rule for s in strip.strips]
    assert "aca" in rules and "securing_border_2024" in rules
    aca = next(s for s in strip.strips if s.rule == "aca")
    assert aca.outcome_on(date(2025, 7, 15)) == "needs_information"
    words = strip.accessibleDescription()
    assert "15 Jul 2025 on: more information needed" in words
    assert strip.whatsThis() == words  # Shift+F1 reads it
    # inside the page's width, every row drawn
    assert strip.width() <= page.width()
    assert strip.height() >= strip.minimumSizeHint().height()
    # reachable by Tab
    assert strip.focusPolicy() & strip.focusPolicy().TabFocus


def test_outcome_cards_in_order_of_consequence_with_links_answers_and_citations(
        qtbot, services) -> None:
    case_id = services.cases.create_case(walk_case())
    page = open_page(qtbot, services, case_id)
    with qtbot.waitSignal(page.review_page.evaluated, timeout=20_000):
        page.go_to_step(Step.REVIEW)
    review = page.review_page
    outcomes = [card.finding["outcome"] for card in review.cards.cards]
    assert outcomes[:2] == ["needs_information", "needs_information"]
    assert outcomes.index("not_in_force") < outcomes.index("not_applicable")
    first = review.cards.cards[0]
    texts = " ".join(label.text() for label in first.findChildren(type(review.status)))
    assert "if yes: exception established" in texts
    assert not first.citations_toggle.isChecked()  # citations folded
    assert not review.tree.isVisible()  # the why-tree is one key away
    review.tree_toggle.click()
    assert review.tree.isVisible()
    paths = {link.path for link in review.cards.links()}
    assert "circumstances.medical_emergency_at_entry" in paths
