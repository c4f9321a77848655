"""The gettext catalogs of Waypoint's own text (engine wording, memo, interview sheet, CLI).

Catalogs live in resources/i18n/locale/<lang>/LC_MESSAGES/waypoint.mo, compiled from the .po
beside them and committed (a fresh clone runs with `pip install -e .`, no build step). English
is the source language: its catalog is the identity. A catalog is loaded for one language when
asked and handed on explicitly: nothing here reads or sets the process's locale.
"""

from __future__ import annotations

import gettext
import hashlib
from dataclasses import dataclass
from functools import cache

from desktop.resources import resource_path

DOMAIN = "waypoint"
SOURCE_LANGUAGE = "en"
# Language tag as the case file and the CLI write it -> the catalog's folder (gettext locale).
LANGUAGES = {"en": "en", "es": "es", "fr": "fr", "ht": "ht", "pt-BR": "pt_BR"}
ALIASES = {"pt": "pt-BR", "pt_BR": "pt-BR", "pt-br": "pt-BR", "hat": "ht", "spa": "es",
           "fra": "fr", "fre": "fr", "por": "pt-BR", "eng": "en"}
DOCUMENT_LANG = {"en": "en-US", "es": "es-US", "fr": "fr", "ht": "ht", "pt-BR": "pt-BR"}


class NoCatalog(ValueError):
    """A language Waypoint has no catalog for; the message names the ones it has."""

    def __init__(self, language: str, available: tuple[str, ...]) -> None:
        super().__init__(f"no translation for language {language!r}; "
                         f"available: {', '.join(available)}")
        self.language = language
        self.available = available


@dataclass(frozen=True)
class TextCatalog:
    """One language's translation, with the SHA-256 of the compiled catalog it came from
    (None for English, the source text)."""

    language: str
    translation: gettext.NullTranslations
    sha256: str | None

    @property
    def locale(self) -> str:
        """The Babel/gettext locale name: 'es', 'pt_BR'."""
        return LANGUAGES[self.language]

    @property
    def document_lang(self) -> str:
        return DOCUMENT_LANG[self.language]


def available_languages() -> tuple[str, ...]:
    return tuple(LANGUAGES)


def language_tag(language: str) -> str | None:
    """The catalog's tag for a language as written ('es', 'pt', 'pt_BR', 'hat'), or None."""
    if language in LANGUAGES:
        return language
    return ALIASES.get(language) or ALIASES.get(language.lower())


def mo_path(language: str) -> str:
    return str(resource_path("i18n", "locale", LANGUAGES[language], "LC_MESSAGES",
                             f"{DOMAIN}.mo"))


@cache
def text_catalog(language: str) -> TextCatalog:
    """The catalog for `language`; NoCatalog (naming the available ones) when there is none."""
    tag = language_tag(language)
    if tag is None:
        raise NoCatalog(language, available_languages())
    if tag == SOURCE_LANGUAGE:
        return TextCatalog(tag, gettext.NullTranslations(), None)
    with open(mo_path(tag), "rb") as handle:
        data = handle.read()
        handle.seek(0)
        translation = gettext.GNUTranslations(handle)
    return TextCatalog(tag, translation, hashlib.sha256(data).hexdigest())
