"""The case file's coded values (status held, border, claim outcome, …) in the memo's words.

In English a value reads as it always has (its id with spaces); in another language the
catalog words it, and an id not listed here reads as in English.
"""

from __future__ import annotations

from desktop.memo.language import N_, _, english
from desktop.memo.text import humanize

# The schema's enumerated values (resources/schema/case-1.schema.json), said in English as
# humanize() says them, lower case; marked here so the catalog has them.
VALUE_WORDS = {
    "southern_land": N_("southern land"), "northern_land": N_("northern land"),
    "air": N_("air"), "sea": N_("sea"), "none": N_("none"), "valid_visa": N_("valid visa"),
    "other_valid_admission_document": N_("other valid admission document"),
    "parole_travel_authorization": N_("parole travel authorization"),
    "visa_exempt": N_("visa exempt"), "language_barrier": N_("language barrier"),
    "illiteracy": N_("illiteracy"), "technical_failure": N_("technical failure"),
    "other_serious_obstacle": N_("other serious obstacle"),
    "expedited_removal": N_("expedited removal"), "section_240": N_("section 240"),
    "affirmative": N_("affirmative"), "visitor": N_("visitor"), "temporary": N_("temporary"),
    "permanent": N_("permanent"), "citizen": N_("citizen"),
    "lawful_permanent_resident": N_("lawful permanent resident"), "asylee": N_("asylee"),
    "refugee": N_("refugee"), "other_lawful_status": N_("other lawful status"),
    "asylum_pending": N_("asylum pending"), "more_likely_than_not": N_("more likely than not"),
    "not_established": N_("not established"), "not_claimed": N_("not claimed"),
    "asylum": N_("asylum"), "refugee_status": N_("refugee status"),
    "complementary_protection": N_("complementary protection"),
    "torture_protection": N_("torture protection"), "pending": N_("pending"),
    "granted": N_("granted"), "denied": N_("denied"), "abandoned": N_("abandoned"),
    "withdrawn": N_("withdrawn"), "removed": N_("removed"),
    "returned_voluntarily": N_("returned voluntarily"), "departed": N_("departed"),
}


def value_words(value: object, *, capital: bool = False) -> str:
    """A coded value in words: 'Citizen' (capital) or 'southern land'; 'Ciudadano' in Spanish."""
    shown = humanize(value)
    if not english() and isinstance(value, str) and value in VALUE_WORDS:
        shown = _(VALUE_WORDS[value])
        shown = shown[:1].upper() + shown[1:]
    return shown if capital else shown.lower()
