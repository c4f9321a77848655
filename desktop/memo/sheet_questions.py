"""The interview sheet's questions for the applicant, as gettext messages by case-file field.

The English text is the message id; each catalog words it for the applicant. A message marked
"gendered" may also be translated with the context "female applicant" or "male applicant"
where the language makes the applicant's gender show (French past participles, Portuguese and
Spanish adjectives); `say` uses that wording when the applicant's sex is recorded and the
catalog has it, and the neutral wording otherwise (sex not recorded, or X).
"""

from __future__ import annotations

from typing import Any

from desktop.engine.text import Translator

GENDER_CONTEXTS = {"female": "female applicant", "male": "male applicant"}


def N_(message: str) -> str:
    """Marks a message for extraction; it is translated where it is used."""
    return message


def say(tr: Translator, sex: object, message: str) -> str:
    """The message in the catalog's language, agreeing with the applicant's gender if known."""
    context = GENDER_CONTEXTS.get(str(sex))
    if context is not None:
        marked = tr.pgettext(context, message)
        if marked != message:
            return marked
    return tr.gettext(message)


# Questions put to the applicant, by case-file field.
FIXED = {
    "entry.date": N_("On what date (day, month and year) did you enter the United States?"),
    "entry.time": N_("At what time of day did you enter the United States?"),
    "entry.place": N_("Where did you cross into the United States: at which border crossing, "
                      "near which town, or in which state?"),
    # Translators: gendered (French: présenté / présentée)
    "entry.at_port_of_entry": N_(
        "When you entered, did you present yourself at an official port of entry (a border "
        "crossing point), or did you cross somewhere else?"),
    "entry.port": N_("At which border crossing or place did you enter?"),
    "entry.documents": N_("What documents did you have when you entered (passport, visa, "
                          "other)?"),
    "entry.scheduled_appointment": N_(
        "Did you have an appointment (for example through the CBP One app) to present yourself "
        "at the port of entry at that time and place?"),
    "entry.scheduling_obstacle": N_(
        "Did something stop you from getting an appointment (language, not being able to read "
        "or write, the app not working, something else)?"),
    "entry.metered_before_2019_07_16": N_(
        "Before 16 July 2019, did you try to present yourself at a port of entry on the "
        "southern border and were you told to wait or turned back?"),
    "entry.claimed_within_days": N_(
        "How many days after crossing did you ask for protection (asylum)?"),
    "entry.unaccompanied_child": N_(
        "When you entered, were you under 18 and travelling without a parent or legal "
        "guardian?"),
    "applicant.date_of_birth": N_("What is your date of birth?"),
    # Translators: gendered (ciudadana / ciudadano, cidadã / cidadão, citoyenne / citoyen)
    "applicant.nationalities": N_("Of which countries are you a citizen?"),
    "applicant.stateless": N_("Are you a citizen of no country at all?"),
    "applicant.last_habitual_residence": N_(
        "In which country did you usually live before you left?"),
    "circumstances.trafficking_victim": N_(
        "Were you, or a family member travelling with you, a victim of trafficking: made to "
        "work or to provide sex by force, fraud or threats?"),
    "circumstances.medical_emergency_at_entry": N_(
        "When you entered, did you or a family member travelling with you have an urgent "
        "medical emergency?"),
    "circumstances.imminent_threat_at_entry": N_(
        "When you entered, did you or a family member travelling with you face an immediate, "
        "serious threat to life or safety (for example kidnapping, rape or murder)?"),
    "journey": N_("Which countries did you pass through on your way here, and when?"),
}

STOP_QUESTIONS = {
    # Translators: gendered (French: arrivé / arrivée)
    "arrived": N_("When did you arrive in {country}?"),
    # Translators: gendered (French: parti / partie)
    "departed": N_("When did you leave {country}?"),
    "permanent_status_offered": N_(
        "In {country}, were you offered permanent residence, citizenship or another permanent "
        "status?"),
    "status_held": N_("What immigration status did you have in {country}?"),
    # Translators: gendered (French: resté / restée)
    "onward_travel_only": N_(
        "How long did you stay in {country}, and did you stay only to arrange the rest of your "
        "journey?"),
    "residence_restricted": N_(
        "In {country}, were there limits on where you could live, work or travel?"),
}

CLAIM_DECIDED = N_("About your claim for protection in {country} (filed: {filed}): has it been "
                   "decided? What was decided, and was the decision final, with no appeal "
                   "left?")
CLAIM_MADE = N_("In {country}, did you apply for asylum or other protection? If yes: when, and "
                "what was decided?")
# Translators: gendered (persecuted: perseguida / perseguido, persécutée / persécuté)
FEAR = N_("Do you fear persecution or torture if you are sent to {country}? Why?")

RELATIVE_IN_US = {
    "relation": N_("How is family member {number} in the United States related to you?"),
    "status": N_("What immigration status does family member {number} have in the United "
                 "States?"),
    "age": N_("How old is family member {number} in the United States?"),
}
TRAVELLING_RELATIVE = {
    "relation": N_("How is family member {number} travelling with you related to you?"),
    "date_of_birth": N_("What is the date of birth of family member {number} travelling with "
                        "you?"),
    "parole_authorization": N_("Did family member {number} travelling with you have a parole "
                               "travel authorization?"),
    "scheduled_appointment": N_("Did family member {number} travelling with you have an "
                                "appointment at the port of entry?"),
    "final_denial_country": N_(
        "Was family member {number} travelling with you denied protection, with a final "
        "decision, in a country on the way? Which one?"),
}


def family_question(tr: Translator, parts: list[str | int]) -> str | None:
    """A question about a family member (in the US, or travelling with the applicant)."""
    if len(parts) < 4 or not isinstance(parts[2], int):
        return None
    table = RELATIVE_IN_US if parts[1] == "family_in_us" else TRAVELLING_RELATIVE
    message = table.get(str(parts[3]))
    return None if message is None else tr.gettext(message).format(number=parts[2] + 1)


def stop_claim(case: dict[str, Any], parts: list[str | int]) -> Any:
    """The protection claim a journey path names, when the case has it."""
    if len(parts) <= 3 or not isinstance(parts[3], int) or not isinstance(parts[1], int):
        return None
    stops = case.get("journey") or []
    if parts[1] >= len(stops) or not isinstance(stops[parts[1]], dict):
        return None
    claims = stops[parts[1]].get("protection_claims") or []
    return claims[parts[3]] if parts[3] < len(claims) else None
