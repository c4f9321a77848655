"""One-line explanations of the legal terms on the form, each with its source, for tooltips.

The citations are the rule pack's (resources/rules); where the pack marks a source unverified,
the explanation says so.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TermHelp:
    """What a term on the form means, where that comes from, and whether it was checked."""

    meaning: str
    citation: str
    verified: bool

    def text(self) -> str:
        checked = "" if self.verified else " (source not verified)"
        return f"{self.meaning} — {self.citation}{checked}"


TERMS: dict[str, TermHelp] = {
    "onward_travel_only": TermHelp(
        "Yes = the person stayed only as long as needed to arrange onward travel and made no "
        "significant ties there, so was not firmly resettled",
        "8 CFR 208.15(a); Matter of D-X- & Y-Z-, 25 I&N Dec. 664",
        True,
    ),
    "residence_restricted": TermHelp(
        "Yes = the country restricted the person's residence so much that they were not in fact "
        "resettled there",
        "8 CFR 208.15(b)",
        False,
    ),
    "public_interest_exception": TermHelp(
        "Yes = the responsible official found it in the public interest to hear the claim in the "
        "US despite a safe-third-country or cooperative agreement",
        "INA 208(a)(2)(A); 8 CFR 208.30(e)(6)(iii)(F)",
        False,
    ),
    "proclamation_case_by_case_exception": TermHelp(
        "Yes = an immigration officer excepted the person case by case from Proclamation 10773, "
        "e.g. for urgent humanitarian reasons",
        "Proclamation 10773 s. 3(b); 8 CFR 208.35(a)(2)(iii)",
        False,
    ),
    "claimed_within_days": TermHelp(
        "Days from crossing the northern border between ports to the protection claim; within 14 "
        "days the Safe Third Country Agreement with Canada applies",
        "88 FR 18227; Additional Protocol of 2022",
        False,
    ),
    "metered_before_2019_07_16": TermHelp(
        "Yes = turned back at a southern port to wait on a list (metering) before the transit "
        "rule took effect",
        "Al Otro Lado v. Wolf (S.D. Cal.)",
        False,
    ),
    "scheduled_appointment": TermHelp(
        "Yes = came to a port at a time scheduled through the CBP One app",
        "8 CFR 208.33(a)(2)(ii)(B)",
        False,
    ),
    "parole_authorization": TermHelp(
        "Yes = authorized in advance to travel to the US to seek parole",
        "8 CFR 208.33(a)(2)(ii)(A)",
        False,
    ),
    "final_denial_country": TermHelp(
        "The country that finally denied the person's protection claim on the way, if any",
        "8 CFR 208.33(a)(2)(ii)(C)",
        False,
    ),
    "proceeding": TermHelp(
        "Where the claim is being decided: expedited removal (credible fear), removal "
        "proceedings before an immigration judge (INA 240) or an affirmative application",
        "INA 235(b)(1); INA 240; 8 CFR 208.2",
        False,
    ),
}


def term_help(term: str) -> str:
    """The tooltip for a term, or an empty string for a term without an explanation."""
    found = TERMS.get(term)
    return found.text() if found else ""
