"""The Review page's outcome cards: one card per rule family, in order of consequence.

Each card says the outcome in words and colour, the consequence for the person, the facts that
decided it (each a link to its field), what is still needed (each question with its answers and
what each would change), the citations folded below, and whether the rule data is verified.
Every link is a focusable button: Tab reaches it and the page scrolls it into view.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.ui.case_flow.why_tree_model import (
    OUTCOME_COLOURS,
    OUTCOME_LABELS,
    UNVERIFIED_MARK,
    label_words,
    rests_on_unverified,
)
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

# Most consequential first: what limits the claim, what is undecided, what spares the person.
CONSEQUENCE_ORDER = ("applies", "needs_information", "exception", "not_in_force",
                     "not_applicable")
VERIFIED_MARK = QT_TRANSLATE_NOOP("OutcomeCards", "✓ rule data verified")
MAX_FACT_LINKS = 8


def by_consequence(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def rank(finding: dict[str, Any]) -> int:
        outcome = str(finding.get("outcome"))
        return CONSEQUENCE_ORDER.index(outcome) if outcome in CONSEQUENCE_ORDER else 99
    return sorted(findings, key=rank)  # stable: the engine's order within an outcome


class LinkButton(QLabel):
    """Links to fields that wrap like text (one, or several separated by dots); Tab reaches
    each, Enter or a click follows it, and focusing it scrolls it into view."""

    focused = Signal(QWidget)
    followed = Signal(str)  # the field path of the link followed

    def __init__(self, items: list[tuple[str, str]], parent: QWidget) -> None:
        links = " \u00b7 ".join(f'<a href="{index}">{html.escape(words)}</a>'
                                for index, (words, _path) in enumerate(items))
        super().__init__(links, parent)
        self.paths = [path for _words, path in items]
        self.path = self.paths[0]
        self.words = "; ".join(words for words, _path in items)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(self.words)
        self.setIndent(6)
        self.linkActivated.connect(lambda link: self.followed.emit(self.paths[int(link)]))

    def click(self) -> None:
        """Follow the first link (as Enter on it would)."""
        self.followed.emit(self.path)

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 (Qt's name)
        super().focusInEvent(event)
        self.focused.emit(self)


def _label(text: str, parent: QWidget, *, rich: bool = False) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    label.setMinimumWidth(1)  # wraps to any width: never widens the page
    return label


class OutcomeCard(QFrame):
    """One rule family's finding as a card."""

    def __init__(self, finding: dict[str, Any], describe: Callable[[str], str],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.finding = finding
        self.links: list[LinkButton] = []
        outcome = str(finding.get("outcome", ""))
        colour = OUTCOME_COLOURS.get(outcome, "#000000")
        self.setObjectName("outcomeCard")
        self.setStyleSheet(f"QFrame#outcomeCard {{ border: 1px solid #c8c8c8; "
                           f"border-left: 6px solid {colour}; background: #fbfbfb; }}")
        title = str(finding.get("title") or finding.get("rule"))
        self.setAccessibleName(
            f"{title}: {translate('WhyTreeModel', OUTCOME_LABELS.get(outcome, outcome))}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 6, 4)
        layout.setSpacing(2)
        mark = (translate("WhyTreeModel", UNVERIFIED_MARK) if rests_on_unverified(finding)
                else translate("OutcomeCards", VERIFIED_MARK))
        outcome_words = translate("WhyTreeModel", OUTCOME_LABELS.get(outcome, outcome))
        layout.addWidget(
            _label(
                f"<b>{html.escape(title)}</b> — <span style='color:{colour}'><b>"
                f"{html.escape(outcome_words)}</b></span>"
                f" <i style='color:#555'>{html.escape(mark)}</i>",
                self,
                rich=True,
            )
        )
        if finding.get("consequence"):
            layout.addWidget(_label(str(finding["consequence"]), self))
        if outcome != "not_applicable":
            self._add_facts(layout, describe)
        self._add_needed(layout, describe)
        self._add_citations(layout)

    def _link(self, items: list[tuple[str, str]], layout: QVBoxLayout) -> LinkButton:
        button = LinkButton(items, self)
        button.setMinimumWidth(1)
        self.links.append(button)
        layout.addWidget(button)
        return button

    def _add_facts(self, layout: QVBoxLayout, describe: Callable[[str], str]) -> None:
        paths = list(
            dict.fromkeys(
                str(path)
                for step in self.finding.get("trace") or []
                for path in step.get("facts") or []
                if str(path) != "decision_date"
            )
        )
        if not paths:
            return
        layout.addWidget(_label(translate("OutcomeCards", "Decided by:"), self))
        self._link([(describe(path), path) for path in paths[:MAX_FACT_LINKS]], layout)

    def _add_needed(self, layout: QVBoxLayout, describe: Callable[[str], str]) -> None:
        missing = [m for m in self.finding.get("missing_facts") or [] if isinstance(m, dict)]
        if not missing:
            return
        layout.addWidget(_label(translate("OutcomeCards", "<b>Still needed:</b>"), self, rich=True))
        for fact in missing:
            field = str(fact.get("field", ""))
            self._link([(str(fact.get("question") or describe(field)), field)], layout)
            answers = fact.get("answers") or {}
            if isinstance(answers, dict) and answers:
                effects = "; ".join(
                    translate("OutcomeCards", "if {answer}: {outcome}").format(
                        answer=label_words(str(answer)),
                        outcome=translate("WhyTreeModel", OUTCOME_LABELS.get(
                            str(result), str(result))).lower())
                    for answer, result in answers.items()
                )
                effect = _label(effects, self)
                effect.setIndent(16)
                layout.addWidget(effect)

    def _add_citations(self, layout: QVBoxLayout) -> None:
        citations = [str(c) for c in self.finding.get("citations") or []]
        if not citations:
            return
        toggle = QToolButton(self)
        count = len(citations)
        toggle.setText(translate("OutcomeCards", "Citations (%n)", None, count))
        toggle.setCheckable(True)
        toggle.setArrowType(Qt.ArrowType.RightArrow)
        toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toggle.setAutoRaise(True)
        toggle.setAccessibleName(
            translate("OutcomeCards", "Citations of {get}").format(get=self.finding.get("title"))
        )
        listing = _label("\n".join(citations), self)
        listing.setVisible(False)
        listing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        def flip(shown: bool) -> None:
            listing.setVisible(shown)
            toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

        toggle.toggled.connect(flip)
        self.citations_toggle = toggle
        layout.addWidget(toggle)
        layout.addWidget(listing)


class OutcomeCards(QWidget):
    """The cards of a determination; `field_requested` carries a link's field path."""

    field_requested = Signal(str)

    def __init__(self, scroll_area: QScrollArea, parent: QWidget) -> None:
        super().__init__(parent)
        self.scroll_area = scroll_area
        self.cards: list[OutcomeCard] = []
        self.setAccessibleName(translate("OutcomeCards", "Outcome cards"))
        self.column = QVBoxLayout(self)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)

    def show_findings(self, findings: list[dict[str, Any]], describe: Callable[[str], str]) -> None:
        for card in self.cards:
            card.hide()
            card.deleteLater()
        self.cards = [OutcomeCard(f, describe, self) for f in by_consequence(findings)]
        for card in self.cards:
            self.column.addWidget(card)
            for link in card.links:
                link.followed.connect(self.field_requested.emit)
                link.focused.connect(self._scroll_to)

    def links(self) -> list[LinkButton]:
        return [link for card in self.cards for link in card.links]

    def _scroll_to(self, widget: QWidget) -> None:
        self.scroll_area.ensureWidgetVisible(widget, 8, 40)


WHY_TREE_WORDS = (
    QT_TRANSLATE_NOOP("OutcomeCards", "Show &why: every step, fact and citation"),
    QT_TRANSLATE_NOOP("OutcomeCards", "Hide &why (every step)"),
)


def why_tree_toggle(parent: QWidget, tree: QWidget) -> QPushButton:
    """The why-tree one key away (Alt+W): hidden under the cards until asked for."""
    button = QPushButton(translate("OutcomeCards", WHY_TREE_WORDS[0]), parent)
    button.setCheckable(True)
    button.setAccessibleName(translate("OutcomeCards", "Show the why tree"))
    button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
    tree.setVisible(False)

    def flip(shown: bool) -> None:
        tree.setVisible(shown)
        button.setText(translate("OutcomeCards", WHY_TREE_WORDS[1 if shown else 0]))
        if shown:
            tree.setFocus(Qt.FocusReason.ShortcutFocusReason)

    button.toggled.connect(flip)
    return button
