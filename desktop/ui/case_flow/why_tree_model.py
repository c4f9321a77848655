"""Builds the "why" tree of a determination: findings, trace steps, facts, citations."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QStandardItem, QStandardItemModel

from desktop.flow.exception_labels import exception_label
from desktop.flow.field_labels import describe_path
from desktop.flow.field_paths import as_path, parse_path
from desktop.ui.i18n import QT_TRANSLATE_NOOP, translate

FACT_PATH_ROLE = Qt.ItemDataRole.UserRole + 1
EXCEPTION_ID_ROLE = Qt.ItemDataRole.UserRole + 2
OUTCOME_LABELS = {
    "not_applicable": QT_TRANSLATE_NOOP("WhyTreeModel", "Not applicable"),
    "not_in_force": QT_TRANSLATE_NOOP("WhyTreeModel", "Not in force"),
    "exception": QT_TRANSLATE_NOOP("WhyTreeModel", "Exception established"),
    "applies": QT_TRANSLATE_NOOP("WhyTreeModel", "Applies"),
    "needs_information": QT_TRANSLATE_NOOP("WhyTreeModel", "Needs information"),
}
def label_words(label: str) -> str:
    """An answer label (a case-file value) in words."""
    if label in ("true", "false"):
        return translate("WhyTreeModel", "yes") if label == "true" else translate(
            "WhyTreeModel", "no")
    return label.replace("_", " ")


def _answer_outcome(outcome: str) -> str:
    if outcome == "needs_information":
        return translate("WhyTreeModel", "still depends on the other open questions")
    return translate("WhyTreeModel",
                     OUTCOME_LABELS.get(outcome, outcome.replace("_", " "))).lower()


OUTCOME_COLOURS = {
    "not_applicable": "#5f6368",
    "not_in_force": "#5f6368",
    "exception": "#1e7b34",
    "applies": "#b3261e",
    "needs_information": "#a15c00",
}
UNVERIFIED_MARK = QT_TRANSLATE_NOOP("WhyTreeModel", "⚠ unverified")


def is_unverified(node: object) -> bool:
    """True for a finding, step or value the engine marked as resting on unverified data."""
    if not isinstance(node, dict):
        return False
    return node.get("verified") is False or bool(node.get("unverified"))


def rests_on_unverified(finding: dict[str, Any]) -> bool:
    """A finding is marked when it, a trace step or an exception it weighed is unverified."""
    parts = [finding, *(finding.get("trace") or []), *(finding.get("exceptions_considered") or [])]
    return any(is_unverified(part) for part in parts)


def _item(text: str, *, path: str | None = None, tooltip: str | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    item.setData(text, Qt.ItemDataRole.AccessibleTextRole)
    item.setToolTip(tooltip or text)  # long steps are elided in the view
    if path:
        item.setData(path, FACT_PATH_ROLE)
        item.setForeground(QBrush(QColor("#1a5fb4")))
        font = item.font()
        font.setUnderline(True)
        item.setFont(font)
        item.setToolTip(translate("WhyTreeModel", "Open the field: {text}").format(text=text))
    return item


def _row(
    text: str, detail: str = "", citation: str = "", path: str | None = None
) -> list[QStandardItem]:
    return [_item(text, path=path), _item(detail, path=None), _item(citation)]


def _is_field_path(text: str) -> bool:
    parts = parse_path(text)
    return bool(parts) and parts[0] in {
        "applicant",
        "entry",
        "journey",
        "circumstances",
        "decision_date",
        "notes",
    }


class WhyTreeModel(QStandardItemModel):
    """Three columns (what, detail, citation); fact items carry their field path."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.case: dict[str, Any] = {}
        self.setHorizontalHeaderLabels([translate(
            "WhyTreeModel", "Why"), translate(
            "WhyTreeModel", "Detail"), translate("WhyTreeModel", "Citation")])

    def set_determination(
        self, determination: dict[str, Any] | None, case: dict[str, Any] | None = None
    ) -> None:
        """Show a determination; `case` names the stops' countries in the facts used."""
        self.case = case or {}
        # A model reset, not row removal: views drop their current row and expanded state in
        # one step (removing the rows under a view that had the focus crashed now and then).
        self.clear()
        self.setHorizontalHeaderLabels([translate(
            "WhyTreeModel", "Why"), translate(
            "WhyTreeModel", "Detail"), translate("WhyTreeModel", "Citation")])
        if not determination:
            return
        for finding in determination.get("findings", []):
            self.appendRow(self._finding_rows(finding))

    def _finding_rows(self, finding: dict[str, Any]) -> list[QStandardItem]:
        outcome = str(finding.get("outcome", ""))
        title = str(finding.get("title") or finding.get("rule", "Rule"))
        flag = (f"  {translate('WhyTreeModel', UNVERIFIED_MARK)}" if rests_on_unverified(finding)
                else "")
        head = _item(f"{title}{flag}")
        bold = QFont(head.font())
        bold.setBold(True)
        head.setFont(bold)
        outcome_item = _item(translate("WhyTreeModel", OUTCOME_LABELS.get(outcome, outcome)))
        outcome_item.setForeground(QBrush(QColor(OUTCOME_COLOURS.get(outcome, "#000000"))))
        outcome_item.setFont(bold)
        citations = finding.get("citations") or []
        row = [head, outcome_item, _item(str(citations[0]) if citations else "")]
        if finding.get("consequence"):
            head.appendRow(_row(translate(
                "WhyTreeModel", "Consequence"), str(finding["consequence"])))
        receiving = finding.get("receiving_countries") or []
        if receiving:
            head.appendRow(_row(translate(
                "WhyTreeModel", "Receiving countries"), ", ".join(map(str, receiving))))
        self._add_missing(head, finding.get("missing_facts") or [])
        self._add_trace(head, finding.get("trace") or [])
        self._add_exceptions(head, finding.get("exceptions_considered") or [])
        if citations:
            cites = _item(translate("WhyTreeModel", "Citations"))
            for citation in citations:
                cites.appendRow(_row(str(citation)))
            head.appendRow([cites, _item(f"{len(citations)}"), _item("")])
        return row

    def _add_missing(self, head: QStandardItem, missing: list[Any]) -> None:
        if not missing:
            return
        group = _item(translate("WhyTreeModel", "Questions to settle it"))
        for fact in missing:
            if not isinstance(fact, dict):
                continue
            field = str(fact.get("field", ""))
            answers = fact.get("answers") or {}
            detail = "; ".join(f"if {label_words(str(answer))}: {_answer_outcome(str(outcome))}"
                               for answer, outcome in answers.items())
            group.appendRow(
                [
                    _item(
                        str(fact.get("question") or describe_path(as_path(field), self.case)),
                        path=field or None,
                    ),
                    _item(detail),
                    _item(field),
                ]
            )
        count = len(missing)
        head.appendRow([group, _item(translate("WhyTreeModel", "%n open", None,
                                                   count)), _item("")])

    def _add_trace(self, head: QStandardItem, trace: list[Any]) -> None:
        if not trace:
            return
        group = _item(translate("WhyTreeModel", "Trace"))
        for step in trace:
            if not isinstance(step, dict):
                continue
            result = step.get("result")
            mark = "✓" if result is True else "✗" if result is False else "?"
            flag = f"  {translate('WhyTreeModel', UNVERIFIED_MARK)}" if is_unverified(step) else ""
            step_item = _item(f"{mark} {step.get('step', '')}{flag}")
            for fact in step.get("facts") or []:
                text = str(fact)
                is_path = _is_field_path(text)
                shown = describe_path(as_path(text), self.case) if is_path else text
                step_item.appendRow(
                    [
                        _item(shown, path=text if is_path else None),
                        _item(translate("WhyTreeModel", "fact used")),
                        _item(""),
                    ]
                )
            group.appendRow(
                [
                    step_item,
                    _item("yes" if result is True else "no" if result is False else "unknown"),
                    _item(str(step.get("citation") or "")),
                ]
            )
        count = len(trace)
        head.appendRow(
            [
                group,
                _item(
                    translate("WhyTreeModel", "%n step(s)", None, count)
                ),
                _item(""),
            ]
        )

    def _add_exceptions(self, head: QStandardItem, exceptions: list[Any]) -> None:
        if not exceptions:
            return
        group = _item(translate("WhyTreeModel", "Exceptions considered"))
        for exception in exceptions:
            if not isinstance(exception, dict):
                continue
            met = exception.get("met")
            flag = (f"  {translate('WhyTreeModel', UNVERIFIED_MARK)}" if is_unverified(exception)
                    else "")
            identifier = str(exception.get("id") or "")
            row = _row(
                f"{exception_label(exception)}{flag}",
                "met"
                if met is True
                else translate("WhyTreeModel", "not met")
                if met is False
                else "unknown",
                str(exception.get("citation") or ""),
            )
            # The rule id stays one hover away, for officers who cross-check the rule pack.
            row[0].setToolTip(
                translate("WhyTreeModel", "Rule id: {identifier}").format(identifier=identifier)
                if identifier
                else row[0].text()
            )
            row[0].setData(identifier, EXCEPTION_ID_ROLE)
            group.appendRow(row)
        head.appendRow([group, _item(""), _item("")])
