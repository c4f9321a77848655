"""Plain-words formatting for the memo: dates with their precision, outcomes, enum values."""

from __future__ import annotations

import unicodedata
from datetime import UTC, date, datetime

from desktop.case_rules.text import visible_text
from desktop.engine.dates import DateTextError, parse_partial_date
from desktop.memo.language import N_, _, active, english

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
UNKNOWN = "unknown"
# Words translated where they are shown (tri_state, partial dates): marked here for extraction.
SHOWN_WORDS = (N_("Yes"), N_("No"), N_("unknown"))

OUTCOME_WORDS = {
    "applies": N_("Applies"),
    "not_applicable": N_("Does not apply to this case"),
    "not_in_force": N_("Not in force on the decision date"),
    "exception": N_("Exception established"),
    "needs_information": N_("More information needed"),
}

OUTCOME_EXPLANATIONS = {
    "applies": N_("The rule reaches this case, is in force, and no exception is established."),
    "not_applicable": N_("The rule does not reach the facts of this case."),
    "not_in_force": N_("The rule reaches the case, but on the decision date a court order or "
                       "suspension prevents applying it."),
    "exception": N_("The rule reaches the case and is in force, but an exception or rebuttal "
                    "is established."),
    "needs_information": N_("A missing, partial or contradictory fact decides between "
                            "outcomes; the questions under What is still needed would settle "
                            "it."),
}


def outcome_explanation(outcome: str) -> str:
    return _(OUTCOME_EXPLANATIONS[outcome])

def format_partial_date(value: object) -> str:
    """Show an ISO date with the precision it has: '3 Oct 2019', 'Sep 2019', '2019' or 'unknown'
    (in a memo rendered in another language, its long form there: '3 de octubre de 2019')."""
    if not english():
        from desktop.memo.locale_words import partial_date

        return partial_date(active(), value)
    return english_date(value)


def english_date(value: object) -> str:
    """format_partial_date in English whatever the memo's language: for the engine's own
    sentences, which stay English, so no Spanish date lands inside an English sentence."""
    if value is None or value == "":
        return UNKNOWN
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return f"{value.day} {MONTHS[value.month - 1]} {value.year}"
    try:
        parsed = parse_partial_date(str(value))
    except DateTextError:
        return str(value)  # shown as recorded rather than guessed at
    first = parsed.first
    if parsed.text.count("-") == 0:
        return str(first.year)
    if parsed.text.count("-") == 1:
        return f"{MONTHS[first.month - 1]} {first.year}"
    return f"{first.day} {MONTHS[first.month - 1]} {first.year}"


def format_timestamp(moment: datetime) -> str:
    """Show a moment in UTC to the minute, e.g. '2 Dec 2019 14:05 UTC'."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return _("{date} {time} UTC").format(date=format_partial_date(moment.date()),
                                         time=f"{moment:%H:%M}")


def outcome_words(outcome: str) -> str:
    """The outcome id in plain words."""
    return _(OUTCOME_WORDS[outcome]) if outcome in OUTCOME_WORDS else humanize(outcome)


def humanize(identifier: object) -> str:
    """Turn an id such as 'trafficking_victim' into 'Trafficking victim'."""
    if identifier is None:
        return UNKNOWN
    words = str(identifier).replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def tri_state(value: object, *, yes: str = "Yes", no: str = "No") -> str:
    """Show a tri-state fact: yes, no or unknown."""
    if value is True:
        return _(yes)
    if value is False:
        return _(no)
    return _(UNKNOWN) if value is None else str(value)


def normalized(text: object, *, multiline: bool = False) -> str:
    """Text in NFC, so precomposed letters are used wherever the font has them.

    A control, bidi-override or invisible character is spelt out ('⟨U+202E⟩'), never obeyed:
    a line break cannot start a new line of the memo inside a name (docs/text-fields.md).
    """
    nfc = unicodedata.normalize("NFC", "" if text is None else str(text))
    return visible_text(nfc, multiline=multiline)
