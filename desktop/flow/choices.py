"""The closed sets of answers the case file allows, each with the label a person reads."""

from __future__ import annotations

Choices = tuple[tuple[str, str], ...]

SEX: Choices = (("female", "Female"), ("male", "Male"), ("x", "X"))
BORDER: Choices = (
    ("southern_land", "Southern land border"),
    ("northern_land", "Northern land border"),
    ("air", "Air"),
    ("sea", "Sea"),
)
DOCUMENTS: Choices = (
    ("none", "None"),
    ("valid_visa", "Valid visa"),
    ("other_valid_admission_document", "Other valid admission document"),
    ("parole_travel_authorization", "Parole travel authorization"),
    ("visa_exempt", "Visa exempt"),
)
SCHEDULING_OBSTACLE: Choices = (
    ("language_barrier", "Language barrier"),
    ("illiteracy", "Illiteracy"),
    ("technical_failure", "Technical failure"),
    ("other_serious_obstacle", "Other serious obstacle"),
)
PROCEEDING: Choices = (
    ("expedited_removal", "Expedited removal (credible fear)"),
    ("section_240", "Removal proceedings (INA 240)"),
    ("affirmative", "Affirmative application"),
)
LEFT_HOW: Choices = (
    ("removed", "Removed"),
    ("returned_voluntarily", "Returned voluntarily"),
    ("departed", "Departed"),
)
STATUS_HELD: Choices = (
    ("none", "None"),
    ("visitor", "Visitor"),
    ("temporary", "Temporary"),
    ("permanent", "Permanent"),
    ("citizen", "Citizen"),
)
CLAIM_KIND: Choices = (
    ("asylum", "Asylum"),
    ("refugee_status", "Refugee status"),
    ("complementary_protection", "Complementary protection"),
    ("torture_protection", "Torture protection"),
)
CLAIM_OUTCOME: Choices = (
    ("pending", "Pending"),
    ("granted", "Granted"),
    ("denied", "Denied"),
    ("abandoned", "Abandoned"),
    ("withdrawn", "Withdrawn"),
)
FAMILY_RELATION: Choices = tuple(
    (value, value.replace("_", " ").capitalize())
    for value in (
        "spouse",
        "son",
        "daughter",
        "parent",
        "legal_guardian",
        "sibling",
        "grandparent",
        "grandchild",
        "aunt",
        "uncle",
        "niece",
        "nephew",
    )
)
FAMILY_STATUS: Choices = (
    ("citizen", "US citizen"),
    ("lawful_permanent_resident", "Lawful permanent resident"),
    ("asylee", "Asylee"),
    ("refugee", "Refugee"),
    ("other_lawful_status", "Other lawful status"),
    ("asylum_pending", "Asylum pending"),
    ("visitor", "Visitor"),
    ("none", "None"),
)
FEAR_FINDING: Choices = (
    ("more_likely_than_not", "More likely than not"),
    ("not_established", "Not established"),
    ("not_claimed", "Not claimed"),
)


def label_for(choices: Choices, value: object) -> str:
    """The label of a value, or the value itself when it is not one of the choices."""
    for key, label in choices:
        if key == value:
            return label
    return "Unknown" if value is None else str(value)
