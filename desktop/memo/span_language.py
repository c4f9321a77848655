"""The language of a run of the memo's text, when it is not the document's: a script that is
not Latin is told by its letters (Unicode names), and a Spanish passage in an English document
(or an English one in a Spanish document) by its function words.

Only what the text itself shows is claimed: a name in Arabic script is `und-Arab` (some language
written in Arabic script: Arabic, Persian, Pashto, Urdu… cannot be told apart from a name), kana
is Japanese and Hangul Korean; a name or place in Latin letters keeps the document's language,
as nothing in it says otherwise."""

from __future__ import annotations

import re
import unicodedata

# The first word of a letter's Unicode name -> the BCP 47 tag its text gets.
SCRIPT_TAGS = {
    "ARABIC": "und-Arab", "HEBREW": "und-Hebr", "CYRILLIC": "und-Cyrl", "GREEK": "el",
    "ARMENIAN": "hy", "GEORGIAN": "ka", "ETHIOPIC": "und-Ethi", "DEVANAGARI": "und-Deva",
    "BENGALI": "und-Beng", "GURMUKHI": "pa", "GUJARATI": "gu", "TAMIL": "ta", "THAI": "th",
    "LAO": "lo", "KHMER": "km", "MYANMAR": "my", "TIBETAN": "bo", "SINHALA": "si",
    "HANGUL": "ko", "HIRAGANA": "ja", "KATAKANA": "ja", "CJK": "und-Hani",
    "MONGOLIAN": "mn", "SYRIAC": "und-Syrc", "THAANA": "dv",
}
_BEYOND_LATIN = re.compile("[^\u0000-\u024f]")
_WORD = re.compile(r"[^\W\d_]+")
# Words that are common in one language and rare in the other (no shared ones such as "a").
FUNCTION_WORDS = {
    "es": frozenset("el la los las de del que y en un una por con para es se su al lo "
                    "como pero más este esta fue ha mi porque cuando donde muy sin sobre "
                    "también hasta desde nos ya yo usted ella ellos hay estaba tengo".split()),
    "en": frozenset("the of and to in is that for it with as was on be by this are from or "
                    "an at which not have has were been their his her they will would "
                    "there what when where who should".split()),
}
MIN_WORDS = 6  # fewer words say nothing about a language ("Juan de la Cruz" is a name)
MIN_HITS = 3  # function words a passage needs


def script_tag(text: str) -> str | None:
    """The tag of the first non-Latin script among the text's letters, else None."""
    if _BEYOND_LATIN.search(text) is None:  # most of the memo: no letter to look up
        return None
    for char in text:
        if not char.isalpha() or ord(char) < 0x250:
            continue
        name = unicodedata.name(char, "")
        if name.startswith("HALFWIDTH KATAKANA"):
            return "ja"
        tag = SCRIPT_TAGS.get(name.split(" ", 1)[0])
        if tag is not None:
            return tag
    return None


def _primary(language: str) -> str:
    return language.split("-", 1)[0].lower()


def passage_language(text: str, document_language: str) -> str | None:
    """'es' or 'en' when the text is plainly a passage in that language and the document is
    in the other; None when it is not, or too short to tell."""
    words = [word.lower() for word in _WORD.findall(text)]
    if len(words) < MIN_WORDS:
        return None
    counts = {language: sum(word in listed for word in words)
              for language, listed in FUNCTION_WORDS.items()}
    for language, other in (("es", "en"), ("en", "es")):
        if _primary(document_language) != other:
            continue
        if counts[language] >= MIN_HITS and counts[language] * 4 >= len(words) \
                and counts[other] * 4 <= counts[language]:
            return language
    return None


def span_language(text: str, document_language: str) -> str | None:
    """The language tag a run of text needs, or None when it is the document's."""
    tag = script_tag(text)
    if tag is None:
        tag = passage_language(text, document_language)
    if tag is None or _primary(tag) == _primary(document_language):
        return None
    return tag
