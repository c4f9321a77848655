"""The memo's findings: summary, what is still needed, a section per rule that reaches the case."""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Spacer, Table, TableStyle

from desktop.memo import lookups
from desktop.memo.blocks import CONTENT_WIDTH, UNVERIFIED_MARK, grid, labelled, lines, text
from desktop.memo.fonts import FAMILIES, LATIN
from desktop.memo.reasoning import (
    CitationLedger,
    exception_name,
    exception_status,
    exceptions_without_step,
    facts_relied_on,
    finding_title,
    not_reaching_reason,
    open_questions,
    plain,
    reaches_case,
    rule_titles,
    step_effect,
    unknown_but_not_needed,
    unverified_explanations,
)
from desktop.memo.styles import NOTICE_FILL, OUTCOME_FILLS, MemoStyles
from desktop.memo.text import OUTCOME_EXPLANATIONS, outcome_words

NEEDED_HEADING = "What is still needed"


def finding_is_unverified(finding: dict[str, Any]) -> bool:
    return (bool(finding.get("unverified"))
            or any(step.get("verified") is False for step in finding.get("trace") or [])
            or any(exception.get("verified") is False
                   for exception in finding.get("exceptions_considered") or []))


def summary(determination: dict[str, Any], styles: MemoStyles) -> list[Flowable]:
    """The determination's summary and one row per rule that reaches the case."""
    titles = rule_titles(determination)
    flowables: list[Flowable] = [text("Summary", styles.heading)]
    if determination.get("summary"):
        flowables.append(text(plain(determination["summary"], titles), styles.body))
    for notice in _determination_notices(determination):
        flowables.append(labelled("Notice:", plain(notice, titles), styles.body))
    reaching = [f for f in determination.get("findings") or [] if reaches_case(f)]
    if not reaching:
        flowables.append(text("No rule reaches this case: none of the transit rules limits this "
                              "claim on the facts recorded (see the last table).", styles.body))
        return flowables
    rows: list[list[Any]] = [[text(h, styles.cell_header)
                              for h in ("Rule that reaches the case", "Outcome", "Consequence")]]
    fills = []
    for index, finding in enumerate(reaching, start=1):
        mark = f" {UNVERIFIED_MARK}" if finding_is_unverified(finding) else ""
        outcome = str(finding.get("outcome", ""))
        rows.append([text(f"{finding_title(finding)}{mark}", styles.cell),
                     text(outcome_words(outcome), styles.cell_header),
                     text(_summary_consequence(finding, titles), styles.cell)])
        if outcome in OUTCOME_FILLS:
            fills.append(("BACKGROUND", (1, index), (1, index), OUTCOME_FILLS[outcome]))
    flowables.append(grid(rows, [2.1 * inch, 1.5 * inch, CONTENT_WIDTH - 3.6 * inch],
                          extra=fills))
    return flowables


def _summary_consequence(finding: dict[str, Any], titles: dict[str, str]) -> str:
    """The consequence in the summary; an undecided rule points to the questions that decide it
    (its full consequence is in its own section)."""
    if finding.get("outcome") == "needs_information":
        return "Depends on the answers to the questions under What is still needed."
    return plain(finding.get("consequence") or "\u2014", titles)


def _determination_notices(determination: dict[str, Any]) -> list[str]:
    """Top-level notices a determination may carry (a string or a list of strings)."""
    notices: list[str] = []
    for key in ("notice", "notices"):
        value = determination.get(key)
        if isinstance(value, str) and value.strip():
            notices.append(value)
        elif isinstance(value, list):
            notices.extend(str(v.get("text") or v) if isinstance(v, dict) else str(v)
                           for v in value if v)
    return notices


def still_needed(case: dict[str, Any], determination: dict[str, Any],
                 styles: MemoStyles) -> list[Flowable]:
    """Every open question with what each answer leads to, then the unknowns not needed."""
    flowables: list[Flowable] = [text(NEEDED_HEADING, styles.heading)]
    questions = open_questions(determination)
    if questions:
        flowables.append(text(
            "These answers decide the outcome of a finding. Ask them, record the answers and "
            "evaluate again. The interview sheet prints the same questions.", styles.body))
        flowables.append(_questions_table(questions, styles))
    else:
        flowables.append(text("No open question decides an outcome: every finding was made on "
                              "the facts recorded.", styles.body))
    unknown = unknown_but_not_needed(case, determination)
    if unknown:
        flowables.append(Spacer(1, 3))
        flowables.append(labelled(
            "Recorded as unknown, and not needed for any finding:", "; ".join(unknown) + ".",
            styles.small))
    return flowables


def _questions_table(questions: list[Any], styles: MemoStyles) -> Table:
    """One row per possible answer, each beside what it would change; the question spans its
    answers' rows, so an answer can never sit beside another answer's consequence."""
    rows: list[list[Any]] = [[text(h, styles.cell_header)
                              for h in ("#", "Question", "If the answer is", "Then")]]
    spans: list[tuple[Any, ...]] = []
    for number, question in enumerate(questions, start=1):
        answers = list(question.answers) or [("\u2014", ("\u2014",))]
        first = len(rows)
        for index, (answer, outcomes) in enumerate(answers):
            lead = [text(str(number), styles.cell), text(question.question, styles.cell)] \
                if index == 0 else ["", ""]
            rows.append([*lead, text(answer, styles.cell_header),
                         lines("\n".join(outcomes) or "\u2014", styles.cell)])
        if len(rows) - first > 1:
            spans += [("SPAN", (0, first), (0, len(rows) - 1)),
                      ("SPAN", (1, first), (1, len(rows) - 1))]
    return grid(rows, [0.25 * inch, 2.75 * inch, 0.85 * inch, CONTENT_WIDTH - 3.85 * inch],
                extra=[("VALIGN", (0, 0), (-1, -1), "TOP"), *spans])


def _outcome_band(finding: dict[str, Any], styles: MemoStyles) -> Table:
    outcome = str(finding.get("outcome", ""))
    band = Table([[text(f"Outcome: {outcome_words(outcome)}", styles.outcome)]],
                 colWidths=[CONTENT_WIDTH])
    band.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), FAMILIES[LATIN].regular),
        ("BACKGROUND", (0, 0), (-1, -1), OUTCOME_FILLS.get(outcome, NOTICE_FILL)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]))
    return band


def _reasoning_rows(finding: dict[str, Any], case: dict[str, Any], titles: dict[str, str],
                    ledger: CitationLedger, styles: MemoStyles) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for step in finding.get("trace") or []:
        mark = f" {UNVERIFIED_MARK}" if step.get("verified") is False else ""
        statement = plain(step.get("step", ""), titles) + mark
        facts = facts_relied_on(step, case)
        body = statement + ("\nFacts: " + "; ".join(facts) if facts else "")
        cites = ledger.new(step.get("citation"))
        rows.append([text(str(len(rows) + 1), styles.cell),
                     lines(body, styles.cell, muted_from=1, muted=styles.small),
                     text(step_effect(step, finding), styles.cell),
                     lines("\n".join(cites) or ("as above" if step.get("citation") else "\u2014"),
                           styles.cell)])
    grouped: dict[object, list[tuple[str, list[str]]]] = {False: [], None: []}
    for exception in exceptions_without_step(finding):
        mark = f" {UNVERIFIED_MARK}" if exception.get("verified") is False else ""
        if exception.get("met") in grouped:
            grouped[exception.get("met")].append(
                (exception_name(exception) + mark, ledger.new(exception.get("citation"))))
            continue
        cites = ledger.new(exception.get("citation"))
        rows.append([text(str(len(rows) + 1), styles.cell),
                     text(f"Exception considered: {exception_name(exception)}{mark}",
                          styles.cell),
                     text(exception_status(exception), styles.cell),
                     lines("\n".join(cites) or "as above", styles.cell)])
    for met, lead, effect in ((None, "Exceptions considered, still open: ",
                               "Open: see What is still needed."),
                              (False, "Exceptions considered and not met: ",
                               "None of these is met.")):
        if grouped[met]:
            cites = [cite for _name, found in grouped[met] for cite in found]
            rows.append([text(str(len(rows) + 1), styles.cell),
                         text(lead + "; ".join(name for name, _found in grouped[met]),
                              styles.cell),
                         text(effect, styles.cell),
                         lines("\n".join(cites) or "as above", styles.cell)])
    return rows


def finding_section(number: int, finding: dict[str, Any], case: dict[str, Any],
                    titles: dict[str, str], styles: MemoStyles) -> list[Flowable]:
    """The full section of a rule that reaches the case."""
    unverified = finding_is_unverified(finding)
    mark = f" {UNVERIFIED_MARK}" if unverified else ""
    outcome = str(finding.get("outcome", ""))
    head: list[Flowable] = [
        CondPageBreak(1.0 * inch),
        text(f"{number}. {finding_title(finding)}{mark}", styles.heading),
        _outcome_band(finding, styles),
        Spacer(1, 3),
    ]
    if not finding.get("consequence"):  # the consequence says it in this case's words
        head.append(text(OUTCOME_EXPLANATIONS.get(outcome, ""), styles.body))
    else:  # kept with its heading: a heading alone at the foot of a page says nothing
        head.append(labelled("Consequence:", plain(finding["consequence"], titles), styles.body))
    flowables: list[Flowable] = [KeepTogether(head)]
    receiving = finding.get("receiving_countries") or []
    if receiving:
        names = ", ".join(lookups.country_name(str(c)) for c in receiving)
        flowables.append(labelled("Could be sent to, in this order:", names, styles.body))
    ledger = CitationLedger()
    rows = _reasoning_rows(finding, case, titles, ledger, styles)
    if rows:
        header = [text(h, styles.cell_header)
                  for h in ("#", "What the record shows", "Effect", "Authority")]
        flowables.append(grid([header, *rows], [w * inch for w in (0.25, 3.85, 1.2, 1.7)]))
        flowables.append(Spacer(1, 3))
    others = [c for value in finding.get("citations") or [] for c in ledger.new(value)]
    if others:
        flowables.append(labelled("Other authorities:", "; ".join(others), styles.small))
    if unverified:
        explanations = unverified_explanations(finding, titles) or [
            "Part of the rule data behind this finding has not been checked against its primary "
            "source."]
        flowables.append(labelled(f"{UNVERIFIED_MARK} Not verified:", " ".join(explanations),
                                  styles.small))
    return flowables


def findings(case: dict[str, Any], determination: dict[str, Any],
             styles: MemoStyles) -> list[Flowable]:
    """A full section per rule that reaches the case."""
    titles = rule_titles(determination)
    reaching = [f for f in determination.get("findings") or [] if reaches_case(f)]
    if not reaching:
        return []
    flowables: list[Flowable] = [CondPageBreak(1.2 * inch),
                                 text("Findings for the rules that reach the case",
                                      styles.heading)]
    for number, finding in enumerate(reaching, start=1):
        flowables.extend(finding_section(number, finding, case, titles, styles))
    return flowables


def not_reaching(determination: dict[str, Any], styles: MemoStyles) -> list[Flowable]:
    """One table of the rules that do not reach the case: rule, reason, citation."""
    titles = rule_titles(determination)
    others = [f for f in determination.get("findings") or [] if not reaches_case(f)]
    if not others:
        return []
    rows: list[list[Any]] = [[text(h, styles.cell_header)
                              for h in ("Rule", "Why it does not reach this case", "Citation")]]
    for finding in others:
        reason, citation = not_reaching_reason(finding, titles)
        mark = f" {UNVERIFIED_MARK}" if finding_is_unverified(finding) else ""
        rows.append([text(finding_title(finding) + mark, styles.cell), text(reason, styles.cell),
                     text(citation or "\u2014", styles.cell)])
    return [CondPageBreak(1.2 * inch), text("Rules that do not reach this case",
                                            styles.table_heading),
            grid(rows, [1.6 * inch, 3.4 * inch, CONTENT_WIDTH - 5.0 * inch])]
