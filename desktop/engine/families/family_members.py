"""Family travelling with the applicant, as 8 CFR 208.30(c) describes it (2023 rule exceptions).

Only a spouse or child (unmarried, under 21) travelling with the applicant, and on the preamble's
family-unit reading the parent of a child applicant, carries the parole, appointment and
final-denial exceptions of 8 CFR 208.33(a)(2)(ii) to the applicant. A relation never recorded is
asked where it could decide; a member who does not qualify is named with the fact that fails.
"""

from __future__ import annotations

from desktop.engine.case_view import CaseView
from desktop.engine.dates import PartialDate, years_between
from desktop.engine.model import FamilyMember
from desktop.engine.pack import FamilyPack, RulePack
from desktop.engine.reasoning import Check, Facts

RELATION_WORDS = {"son": "son", "daughter": "daughter", "child": "child", "spouse": "spouse",
                  "parent": "parent", "legal_guardian": "legal guardian", "sibling": "sibling",
                  "grandparent": "grandparent", "grandchild": "grandchild", "aunt": "aunt",
                  "uncle": "uncle", "niece": "niece", "nephew": "nephew"}
ORDINAL = ("first", "second", "third", "fourth", "fifth", "sixth")


def member_words(member: FamilyMember) -> str:
    """'the sibling' / 'the first family member travelling with the applicant'."""
    if member.relation:
        return "the " + RELATION_WORDS.get(member.relation, member.relation.replace("_", " "))
    nth = ORDINAL[member.index] if member.index < len(ORDINAL) else "a"
    return f"the {nth} family member travelling with the applicant"


def _age_text(born: PartialDate | None, on: PartialDate) -> tuple[int | None, int | None, str]:
    if born is None:
        return None, None, ""
    low, high = years_between(born.last, on.first), years_between(born.first, on.last)
    return low, high, (f" ({low} on entry)" if low == high else f" ({low} to {high} on entry)")


def qualifies(view: CaseView, family: FamilyPack, facts: Facts,
              member: FamilyMember) -> tuple[bool, str]:
    """Whether the member is 208.30(c) family; the words that say why (or why not)."""
    rules, _prov = family.sourced("family_as_in_208_30c")
    base = f"circumstances.travelling_with_family[{member.index}]"
    relation = member.relation
    who = member_words(member)
    if relation is None:
        kind = facts.choose(
            f"{base}.relation", f"{base}.relation",
            f"What is the relation to the applicant of {who}? Only a spouse or child (unmarried, "
            "under 21), or the parent of a child applicant, carries these exceptions.",
            (("spouse or child under 21", True), ("parent of the applicant", "parent"),
             ("another relative", False)))
        relation = kind if isinstance(kind, str) else ("spouse" if kind else "other")
    low, high, age = _age_text(member.date_of_birth, view.case.entry.date)
    if relation in rules["spouse"]:
        return True, f"{who} is the applicant's spouse"
    if relation in rules["child"]:
        limit = int(rules["child_under"])
        if low is not None and low >= limit:
            return False, (f"{who}{age} is not a child as 8 CFR 208.30(c) describes "
                           f"(under {limit})")
        if high is None or high >= limit:
            under = facts.tri(None, f"{base}.date_of_birth",
                              f"Was {who} under {limit} on the day of entry?")
            if not under:
                return False, f"{who} was {limit} or older on entry, not a child"
        return True, f"{who}{age} is the applicant's child"
    if relation in rules["parent_of_child_applicant"]:
        return _parent(view, facts, who, int(rules["child_under"]))
    return False, (f"{who}{age} is not family as 8 CFR 208.30(c) describes (a spouse or child, "
                   "or the parent of a child applicant)")


def _parent(view: CaseView, facts: Facts, who: str, limit: int) -> tuple[bool, str]:
    if view.max_age is not None and view.max_age < limit:
        return True, f"{who} of a child applicant (the applicant was under {limit})"
    if view.min_age is not None and view.min_age >= limit:
        return False, (f"{who}: the applicant was {view.min_age} or older on entry, so not a "
                       "child whose parent's circumstances carry over")
    child = facts.tri(None, "applicant.date_of_birth",
                      f"Was the applicant under {limit} on the day of entry (so that the "
                      "parent travelling with them counts as family)?", key="applicant@under21")
    if child:
        return True, f"{who} of a child applicant"
    return False, f"{who}: the applicant was not a child on entry"


def family_fact(view: CaseView, family: FamilyPack, facts: Facts, which: str) -> Check:
    """A 208.30(c) family member travelling with the applicant held parole or an appointment."""
    members = view.case.circumstances.travelling_with_family
    key = "parole_authorization" if which == "parole" else "scheduled_appointment"
    what = ("was authorized to travel to the US to seek parole" if which == "parole" else
            "presented at a port at a pre-scheduled time and place (CBP One)")
    if not members:
        return Check(False, "No family member travelling with the applicant recorded",
                     ("circumstances.travelling_with_family",))
    reasons: list[str] = []
    fields: list[str] = []
    for member in members:
        path = f"circumstances.travelling_with_family[{member.index}].{key}"
        fields.append(path)
        who = member_words(member)
        if which == "appointment" and view.case.entry.at_port_of_entry is False:
            reasons.append(f"{who} crossed between ports with the applicant")
            continue
        value = getattr(member, key)
        if value is False:
            reasons.append(f"{who} did not")
            continue
        counts, why = qualifies(view, family, facts, member)
        if not counts:
            reasons.append(why)
            continue
        question = (f"Was {who}, travelling with the applicant, authorized to travel to the US to "
                    "seek parole under a DHS-approved process?" if which == "parole" else
                    f"Did {who}, travelling with the applicant, present at a port at a "
                    "pre-scheduled time and place (CBP One)?")
        if facts.tri(value, path, question):
            return Check(True, f"{why[0].upper()}{why[1:]}, travelling with them, and {what}",
                         (path,))
        reasons.append(f"{who} did not")
    return Check(False, f"No family member as 8 CFR 208.30(c) describes {what}: "
                        + "; ".join(reasons), tuple(fields))


def family_denial(view: CaseView, family: FamilyPack, pack: RulePack, facts: Facts) -> Check:
    """A 208.30(c) family member travelling with the applicant was finally denied elsewhere."""
    reasons: list[str] = []
    for member in view.case.circumstances.travelling_with_family:
        country = member.final_denial_country
        if country is None or country == "US":
            continue
        path = f"circumstances.travelling_with_family[{member.index}].final_denial_country"
        counts, why = qualifies(view, family, facts, member)
        if counts:
            return Check(True, f"{why[0].upper()}{why[1:]}, travelling with them, and received a "
                               f"final decision denying protection in "
                               f"{pack.country_name(country)}", (path,))
        reasons.append(f"{why} (final denial in {pack.country_name(country)} does not carry "
                       "over)")
    return Check(False, "No final denial of a claim of a family member as 8 CFR 208.30(c) "
                        "describes" + (": " + "; ".join(reasons) if reasons else " recorded"),
                 ("circumstances.travelling_with_family",))
