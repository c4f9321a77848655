"""The interview sheet: the open questions on one page with room for answers, English or Spanish."""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import datetime
from functools import cache
from typing import Any

from reportlab.lib.units import inch
from reportlab.platypus import Flowable, Spacer

from desktop import __version__
from desktop.case_rules import shown_a_number
from desktop.memo import lookups
from desktop.memo.blocks import CONTENT_WIDTH, grid, list_item, text
from desktop.memo.document import PageDecor, build_document
from desktop.memo.facts import parse_path
from desktop.memo.reasoning import open_questions
from desktop.memo.story import applicant_name, case_reference
from desktop.memo.styles import memo_styles
from desktop.memo.text import format_partial_date

LANGUAGES = ("en", "es")
MONTHS_ES = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")

WORDS = {
    "en": {
        "title": "Interview sheet: questions still open",
        "intro": ("Please answer these questions. Your answers help the officer apply the law to "
                  "your case. If you do not know an answer, say so."),
        "case": "Case reference", "a_number": "A-number", "name": "Name", "date": "Date",
        "interpreter": "Interpreter", "none": ("No question is open: the facts recorded were "
                                               "enough for every finding."),
        "officer_only": "{n} further point(s) are for the officer to settle from the record.",
        "untranslated": "",
        "footer": "Interview sheet · Waypoint {version} · {generated}",
        "page": "Page {number} of {total}",
    },
    "es": {
        "title": "Hoja de entrevista: preguntas pendientes",
        "intro": ("Por favor, responda estas preguntas. Sus respuestas ayudan al oficial a "
                  "aplicar la ley a su caso. Si no sabe una respuesta, dígalo."),
        "case": "Referencia del caso", "a_number": "Número A", "name": "Nombre",
        "date": "Fecha", "interpreter": "Intérprete",
        "none": ("No hay preguntas pendientes: los hechos registrados bastaron para todas las "
                 "conclusiones."),
        "officer_only": "{n} punto(s) más los resuelve el oficial a partir del expediente.",
        "untranslated": " (pregunta sin traducir; léala en español)",
        "footer": "Hoja de entrevista · Waypoint {version} · {generated}",
        "page": "Página {number} de {total}",
    },
}

Question = Callable[[dict[str, Any], list[str | int]], str]


@cache
def _spanish_names() -> Callable[[str], str]:
    import gettext

    import pycountry

    try:
        catalog = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["es"])
    except OSError:
        return lambda name: name
    return catalog.gettext


def country(code: object, language: str) -> str:
    name = lookups.country_name(str(code) if code else None)
    return _spanish_names()(name) if language == "es" else name


def _stop_country(case: dict[str, Any], parts: list[str | int], language: str) -> str:
    index = parts[1] if len(parts) > 1 and isinstance(parts[1], int) else None
    stops = case.get("journey") or []
    if index is None or not 0 <= index < len(stops) or not isinstance(stops[index], dict):
        return "ese país" if language == "es" else "that country"
    return country(stops[index].get("country"), language)


def _date(value: object, language: str) -> str:
    shown = format_partial_date(value)
    if language != "es":
        return shown
    for index, month in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
                                   "Sep", "Oct", "Nov", "Dec")):
        shown = shown.replace(month, MONTHS_ES[index])
    return shown.replace("unknown", "fecha desconocida")


# Questions put to the applicant, by case-file field: (English, Spanish).
FIXED = {
    "entry.date": ("On what date (day, month and year) did you enter the United States?",
                   "¿En qué fecha (día, mes y año) entró a los Estados Unidos?"),
    "entry.time": ("At what time of day did you enter the United States?",
                   "¿A qué hora del día entró a los Estados Unidos?"),
    "entry.place": ("Where did you cross into the United States: at which border crossing, near "
                    "which town, or in which state?",
                    "¿Por dónde cruzó a los Estados Unidos: por qué puerto fronterizo, cerca de "
                    "qué pueblo o en qué estado?"),
    "entry.at_port_of_entry": (
        "When you entered, did you present yourself at an official port of entry (a border "
        "crossing point), or did you cross somewhere else?",
        "Cuando entró, ¿se presentó en un puerto de entrada oficial (un punto de cruce "
        "fronterizo) o cruzó por otro lugar?"),
    "entry.port": ("At which border crossing or place did you enter?",
                   "¿Por qué cruce fronterizo o lugar entró?"),
    "entry.documents": ("What documents did you have when you entered (passport, visa, other)?",
                        "¿Qué documentos tenía cuando entró (pasaporte, visa, otros)?"),
    "entry.scheduled_appointment": (
        "Did you have an appointment (for example through the CBP One app) to present yourself "
        "at the port of entry at that time and place?",
        "¿Tenía una cita (por ejemplo, por la aplicación CBP One) para presentarse en el puerto "
        "de entrada en ese lugar y a esa hora?"),
    "entry.scheduling_obstacle": (
        "Did something stop you from getting an appointment (language, not being able to read "
        "or write, the app not working, something else)?",
        "¿Algo le impidió conseguir una cita (el idioma, no saber leer ni escribir, que la "
        "aplicación no funcionara, otra cosa)?"),
    "entry.metered_before_2019_07_16": (
        "Before 16 July 2019, did you try to present yourself at a port of entry on the "
        "southern border and were you told to wait or turned back?",
        "Antes del 16 de julio de 2019, ¿intentó presentarse en un puerto de entrada de la "
        "frontera sur y le dijeron que esperara o le hicieron regresar?"),
    "entry.claimed_within_days": (
        "How many days after crossing did you ask for protection (asylum)?",
        "¿Cuántos días después de cruzar pidió protección (asilo)?"),
    "entry.unaccompanied_child": (
        "When you entered, were you under 18 and travelling without a parent or legal guardian?",
        "Cuando entró, ¿era menor de 18 años y viajaba sin su padre, su madre o un tutor legal?"),
    "applicant.date_of_birth": ("What is your date of birth?",
                                "¿Cuál es su fecha de nacimiento?"),
    "applicant.nationalities": ("Of which countries are you a citizen?",
                                "¿De qué países es ciudadano o ciudadana?"),
    "applicant.stateless": ("Are you a citizen of no country at all?",
                            "¿Es usted apátrida, es decir, no tiene la nacionalidad de ningún "
                            "país?"),
    "applicant.last_habitual_residence": (
        "In which country did you usually live before you left?",
        "¿En qué país vivía habitualmente antes de salir?"),
    "circumstances.trafficking_victim": (
        "Were you, or a family member travelling with you, a victim of trafficking: made to "
        "work or to provide sex by force, fraud or threats?",
        "¿Fue usted, o un familiar que viajaba con usted, víctima de trata de personas, es "
        "decir, le obligaron a trabajar o a prestar servicios sexuales mediante fuerza, engaño "
        "o amenazas?"),
    "circumstances.medical_emergency_at_entry": (
        "When you entered, did you or a family member travelling with you have an urgent "
        "medical emergency?",
        "Cuando entró, ¿usted o un familiar que viajaba con usted tenía una emergencia médica "
        "urgente?"),
    "circumstances.imminent_threat_at_entry": (
        "When you entered, did you or a family member travelling with you face an immediate, "
        "serious threat to life or safety (for example kidnapping, rape or murder)?",
        "Cuando entró, ¿usted o un familiar que viajaba con usted enfrentaba una amenaza "
        "inmediata y grave contra su vida o su seguridad (por ejemplo, secuestro, violación o "
        "asesinato)?"),
    "journey": ("Which countries did you pass through on your way here, and when?",
                "¿Por qué países pasó en su camino hasta aquí y en qué fechas?"),
}
# Points the officer settles from the record; not questions for the applicant.
OFFICER_ONLY = ("circumstances.public_interest_exception",
                "circumstances.proclamation_case_by_case_exception", "decision_date")


def _stop_question(case: dict[str, Any], parts: list[str | int], language: str) -> str | None:
    name = _stop_country(case, parts, language)
    key = next((str(p) for p in reversed(parts) if isinstance(p, str) and p != "journey"), "")
    es = language == "es"
    if "protection_claims" in parts:
        claim: Any = None
        if len(parts) > 3 and isinstance(parts[3], int):
            stops = case.get("journey") or []
            claims = (stops[parts[1]].get("protection_claims") or []
                      if isinstance(parts[1], int) and parts[1] < len(stops) else [])
            claim = claims[parts[3]] if parts[3] < len(claims) else None
        if isinstance(claim, dict):
            filed = _date(claim.get("filed"), language)
            return (f"Sobre su solicitud de protección en {name} (presentada: {filed}): ¿ya se "
                    "decidió? ¿Qué se decidió y fue una decisión definitiva, sin apelación "
                    "pendiente?" if es else
                    f"About your claim for protection in {name} (filed: {filed}): has it been "
                    "decided? What was decided, and was the decision final, with no appeal "
                    "left?")
        return (f"En {name}, ¿solicitó asilo u otra protección? Si la respuesta es sí: ¿cuándo y "
                "qué se decidió?" if es else
                f"In {name}, did you apply for asylum or other protection? If yes: when, and "
                "what was decided?")
    texts = {
        "arrived": (f"When did you arrive in {name}?", f"¿Cuándo llegó a {name}?"),
        "departed": (f"When did you leave {name}?", f"¿Cuándo salió de {name}?"),
        "permanent_status_offered": (
            f"In {name}, were you offered permanent residence, citizenship or another "
            "permanent status?",
            f"En {name}, ¿le ofrecieron residencia permanente, ciudadanía u otro estatus "
            "permanente?"),
        "status_held": (f"What immigration status did you have in {name}?",
                        f"¿Qué estatus migratorio tenía en {name}?"),
        "onward_travel_only": (
            f"How long did you stay in {name}, and did you stay only to arrange the rest of "
            "your journey?",
            f"¿Cuánto tiempo estuvo en {name}? ¿Se quedó solo para organizar el resto de su "
            "viaje?"),
        "residence_restricted": (
            f"In {name}, were there limits on where you could live, work or travel?",
            f"En {name}, ¿tenía limitaciones sobre dónde vivir, trabajar o viajar?"),
    }
    pair = texts.get(key)
    return None if pair is None else pair[1 if es else 0]


def _family_question(parts: list[str | int], language: str) -> str | None:
    if len(parts) < 4 or not isinstance(parts[2], int):
        return None
    number, key, es = parts[2] + 1, str(parts[3]), language == "es"
    if parts[1] == "family_in_us":
        texts = {
            "relation": (f"How is family member {number} in the United States related to you?",
                         f"¿Qué parentesco tiene con usted el familiar {number} que está en los "
                         "Estados Unidos?"),
            "status": (f"What immigration status does family member {number} have in the "
                       "United States?",
                       f"¿Qué estatus migratorio tiene el familiar {number} en los Estados "
                       "Unidos?"),
            "age": (f"How old is family member {number} in the United States?",
                    f"¿Qué edad tiene el familiar {number} que está en los Estados Unidos?"),
        }
    else:
        texts = {
            "relation": (f"How is family member {number} travelling with you related to you?",
                         f"¿Qué parentesco tiene con usted el familiar {number} que viajaba con "
                         "usted?"),
            "date_of_birth": (f"What is the date of birth of family member {number} travelling "
                              "with you?",
                              f"¿Cuál es la fecha de nacimiento del familiar {number} que viajaba "
                              "con usted?"),
            "parole_authorization": (
                f"Did family member {number} travelling with you have a parole travel "
                "authorization?",
                f"¿El familiar {number} que viajaba con usted tenía una autorización de viaje "
                "(parole)?"),
            "scheduled_appointment": (
                f"Did family member {number} travelling with you have an appointment at the "
                "port of entry?",
                f"¿El familiar {number} que viajaba con usted tenía una cita en el puerto de "
                "entrada?"),
            "final_denial_country": (
                f"Was family member {number} travelling with you denied protection, with a "
                "final decision, in a country on the way? Which one?",
                f"¿Al familiar {number} que viajaba con usted le negaron protección, con una "
                "decisión definitiva, en algún país del camino? ¿En cuál?"),
        }
    pair = texts.get(key)
    return None if pair is None else pair[1 if es else 0]


def _fear_question_es(name: str, sex: object) -> str:
    """The fear question in Spanish, agreeing with the applicant's sex; neutral when it is not
    recorded or is neither (X)."""
    pronoun = {"female": "la", "male": "lo"}.get(str(sex))
    if pronoun is None:
        return f"¿Teme sufrir persecución o tortura si se le envía a {name}? ¿Por qué?"
    return (f"¿Teme que {pronoun} persigan o {pronoun} torturen si {pronoun} envían a {name}? "
            "¿Por qué?")


def interview_question(field_path: str, fallback: str, case: dict[str, Any],
                       language: str) -> str | None:
    """The question for the applicant in the language; None when it is the officer's to settle."""
    if field_path in OFFICER_ONLY or "@treaty_status" in fallback:
        return None
    parts = parse_path(field_path)
    dotted = ".".join(str(p) for p in parts)
    index = 1 if language == "es" else 0
    if dotted in FIXED:
        return FIXED[dotted][index]
    if parts[:1] == ["journey"] and len(parts) >= 2:
        found = _stop_question(case, parts, language)
        if found:
            return found
        if len(parts) == 2 and re.search(r"treaty|party to", fallback):
            return None
    families = (["circumstances", "family_in_us"], ["circumstances", "travelling_with_family"])
    if parts[:2] in families:
        found = _family_question(parts, language)
        if found:
            return found
    if parts[:2] == ["circumstances", "fear_of_receiving_country"] and len(parts) >= 3:
        name = country(parts[2], language)
        return (_fear_question_es(name, (case.get("applicant") or {}).get("sex"))
                if language == "es" else
                f"Do you fear persecution or torture if you are sent to {name}? Why?")
    return fallback + WORDS[language]["untranslated"]


def sheet_questions(case: dict[str, Any], determination: dict[str, Any],
                    language: str) -> tuple[list[str], int]:
    """The applicant's questions in the language, and how many points are the officer's."""
    asked: list[str] = []
    officer = 0
    for question in open_questions(determination):
        words = interview_question(question.field, question.question, case, language)
        if words is None:
            officer += 1
        elif words not in asked:
            asked.append(words)
    return asked, officer


def render_interview_sheet(case: dict[str, Any], determination: dict[str, Any], *,
                           language: str = "en", generated_at: datetime) -> bytes:
    """One page: who, then each open question with ruled room for the answer."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {language!r}")
    styles = memo_styles()
    words = WORDS[language]
    questions, officer = sheet_questions(case, determination, language)
    applicant = case.get("applicant") or {}
    reference = case_reference(case)
    if language == "es" and reference == "not given":
        reference = "no indicada"
    a_number = shown_a_number(applicant.get("a_number"), "—")
    pairs = [(words["case"], reference), (words["a_number"], a_number),
             (words["name"], applicant_name(applicant)), (words["date"], ""),
             (words["interpreter"], "")]
    rows = [[text(label, styles.cell_header), text(value, styles.cell, limit=200)]
            for label, value in pairs]
    story: list[Flowable] = [text(words["title"], styles.title),
                             text(words["intro"], styles.body), Spacer(1, 4),
                             grid(rows, [1.6 * inch, CONTENT_WIDTH - 1.6 * inch], header_rows=0),
                             Spacer(1, 8)]
    if not questions:
        story.append(text(words["none"], styles.body))
    # as many ruled lines per answer as fit on the one page
    answer_lines = max(1, min(6, int((470 / max(1, len(questions)) - 30) / 16)))
    for number, question in enumerate(questions, start=1):
        story.append(list_item(f"{number}. {question}", styles.subheading))
        story.append(grid([[""] for _ in range(answer_lines)], [CONTENT_WIDTH], header_rows=0,
                          row_heights=[16] * answer_lines,
                          extra=[("GRID", (0, 0), (-1, -1), 0, "white"),
                                 ("LINEBELOW", (0, 0), (-1, -1), 0.4, "#9a9a9a")]))
    if officer:
        story.append(Spacer(1, 6))
        story.append(text(words["officer_only"].format(n=officer), styles.small))
    decor = PageDecor(
        running_title=f"{words['case']} {reference} · {words['a_number']} {a_number}",
        footer_lines=(words["footer"].format(version=__version__,
                                             generated=_date(generated_at.date(), language)),),
        draft=False, page_words=words["page"])
    buffer = io.BytesIO()
    build_document(buffer, story, decor, created_at=generated_at, title=words["title"],
                   subject=f"{words['title']}: {reference}", author=f"Waypoint {__version__}",
                   keywords=f"waypoint-interview-sheet; language {language}",
                   lang="es-US" if language == "es" else "en-US")
    return buffer.getvalue()
