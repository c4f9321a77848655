"""The engine's text layer: a determination's outcomes, summary and notices in a language.

The engine decides in English (its determination is a contract, stored and signed as it is);
this layer words a determination again through a translation object it is given explicitly
(gettext's interface: gettext, ngettext, pgettext). It loads no catalog and reads no locale:
the caller picks the language. Every sentence is one message with named variables, never
pieced together, so a translator can reorder it; counts go through ngettext.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, Protocol


class Translator(Protocol):
    """What the text layer needs of a translation (gettext.GNUTranslations has it all)."""

    def gettext(self, message: str, /) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int, /) -> str: ...

    def pgettext(self, context: str, message: str, /) -> str: ...


DateWords = Callable[[date], str]  # a full date in words, in the translation's language


def outcome_phrase(tr: Translator, outcome: str, count: int) -> str:
    """What `count` rules with this outcome do, as the predicate of a sentence."""
    if outcome == "applies":
        return tr.ngettext("applies", "apply", count)
    if outcome == "exception":
        return tr.ngettext("does not apply because an exception is met",
                           "do not apply because an exception is met", count)
    if outcome == "not_in_force":
        return tr.ngettext("reaches the case but may not be applied on the decision date",
                           "reach the case but may not be applied on the decision date", count)
    return tr.ngettext("cannot be decided without more information",
                       "cannot be decided without more information", count)


OUTCOMES_IN_SUMMARY = ("applies", "exception", "not_in_force", "needs_information")


def rule_title(tr: Translator, title: str) -> str:
    """A rule family's title (rule-pack data) in the language, when the catalog has it."""
    return tr.pgettext("rule title", title)


def listed(tr: Translator, items: Sequence[str]) -> str:
    """'A', 'A and B', 'A, B and C' in the language."""
    if len(items) == 1:
        return items[0]
    return tr.gettext("{items} and {last}").format(items=", ".join(items[:-1]), last=items[-1])


def law_notice(tr: Translator, known: date, words: DateWords) -> str:
    return tr.gettext("This rule pack reflects the law as known on {date}; check for later "
                      "changes.").format(date=words(known))


def summary(tr: Translator, determination: Mapping[str, Any], words: DateWords) -> str:
    """The determination's summary paragraph in the language: one sentence per message."""
    findings = list(determination.get("findings") or [])
    decided = date.fromisoformat(str(determination["decision_date"]))
    known = determination.get("law_known_through")
    notice = (law_notice(tr, date.fromisoformat(known), words)
              if determination.get("law_notice") and known else None)
    sentences = [notice] if notice else []
    sentences.append(tr.ngettext(
        "Evaluated on {date} against {count} transit rule family.",
        "Evaluated on {date} against {count} transit rule families.",
        len(findings)).format(date=words(decided), count=len(findings)))
    by_outcome: dict[str, list[str]] = {}
    for finding in findings:
        by_outcome.setdefault(str(finding.get("outcome")), []).append(
            rule_title(tr, str(finding.get("title"))))
    for outcome in OUTCOMES_IN_SUMMARY:
        titles = by_outcome.get(outcome)
        if titles:
            sentences.append(tr.gettext("{rules} {outcome}.").format(
                rules=listed(tr, titles), outcome=outcome_phrase(tr, outcome, len(titles))))
    unsure = [rule_title(tr, str(f.get("title"))) for f in findings
              if f.get("outcome") == "not_applicable" and f.get("unverified")]
    sentences += _reach_sentences(tr, by_outcome, unsure, notice is not None)
    sentences += _count_sentences(tr, findings)
    sentences.append(tr.gettext("Waypoint is decision support: the officer reviews the findings "
                                "and makes the decision."))
    return " ".join(sentences)


def _reach_sentences(tr: Translator, by_outcome: dict[str, list[str]], unsure: list[str],
                     notice: bool) -> list[str]:
    if not any(o in by_outcome for o in OUTCOMES_IN_SUMMARY):
        if unsure and notice:
            return [tr.ngettext(
                "On the rule pack's data none of the rules reaches this case, but that is not "
                "settled: {rules} rests on rule data not verified in the research notes; the "
                "law may have changed since the pack's date.",
                "On the rule pack's data none of the rules reaches this case, but that is not "
                "settled: {rules} rest on rule data not verified in the research notes; the "
                "law may have changed since the pack's date.",
                len(unsure)).format(rules=listed(tr, unsure))]
        if unsure:
            return [tr.ngettext(
                "On the rule pack's data none of the rules reaches this case, but that is not "
                "settled: {rules} rests on rule data not verified in the research notes.",
                "On the rule pack's data none of the rules reaches this case, but that is not "
                "settled: {rules} rest on rule data not verified in the research notes.",
                len(unsure)).format(rules=listed(tr, unsure))]
        if notice:
            return [tr.gettext(
                "On the rule pack's data none of the rules reaches this case, but that is not "
                "settled: the law may have changed since the pack's date.")]
        return [tr.gettext("None of the rules reaches this case.")]
    others = len(by_outcome.get("not_applicable") or [])
    if not others:
        return []
    if unsure:
        return [tr.ngettext("{count} other rule does not reach the case ({rules} on unverified "
                            "rule data).",
                            "{count} other rules do not reach the case ({rules} on unverified "
                            "rule data).", others).format(count=others, rules=listed(tr, unsure))]
    return [tr.ngettext("{count} other rule does not reach the case.",
                        "{count} other rules do not reach the case.", others).format(count=others)]


def _count_sentences(tr: Translator, findings: list[dict[str, Any]]) -> list[str]:
    sentences = []
    questions = sum(len(f.get("missing_facts") or []) for f in findings)
    unverified = sum(1 for f in findings
                     if f.get("unverified") and f.get("outcome") != "not_applicable")
    if questions:
        sentences.append(tr.ngettext(
            "{count} question must be answered before every finding can be made.",
            "{count} questions must be answered before every finding can be made.",
            questions).format(count=questions))
    if unverified:
        sentences.append(tr.ngettext(
            "{count} finding rests partly on rule data not verified in the research notes; it "
            "is marked.",
            "{count} findings rest partly on rule data not verified in the research notes; "
            "they are marked.", unverified).format(count=unverified))
    return sentences
