"""Regenerates the compact code tables from pycountry: languages.tsv and the country module.

Usage: python resources/codes/build_codes.py
Reading these small tables costs a few milliseconds; loading pycountry's database costs tens
(its import, then an object per entry), at every run of the command line. The tests call
build_languages() and build_countries() and compare them with the committed files, so a
pycountry upgrade that changes a code or a name fails until the tables are regenerated.

languages.tsv: one language a line, tab-separated: the code a case file keeps (the two-letter
one where there is one), the three-letter code, the English name, then other names of the
language separated by "; " (empty for now: a column for alternate names to search by).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANGUAGES_FILE = HERE / "languages.tsv"
COUNTRIES_MODULE = HERE.parents[1] / "desktop" / "case_rules" / "country_table.py"
LANGUAGES_HEADER = "# code\talpha_3\tname\tother names (; between)\n"


def build_languages() -> str:
    """The text of languages.tsv, in pycountry's order (the reader sorts by name)."""
    import pycountry

    lines = [LANGUAGES_HEADER]
    for language in pycountry.languages:
        alpha_2 = getattr(language, "alpha_2", "")
        lines.append(f"{alpha_2 or language.alpha_3}\t{language.alpha_3}\t{language.name}\t\n")
    return "".join(lines)


def build_countries() -> str:
    """The text of desktop/case_rules/country_table.py: alpha-2 code -> short English name."""
    import pycountry

    rows = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        rows.append(f"    {country.alpha_2!r}: {name!r},\n")
    return (
        '"""ISO 3166-1 countries (alpha-2 code -> short English name), generated from pycountry.\n'
        "\n"
        "Do not edit: regenerate with `python resources/codes/build_codes.py`.\n"
        '"""\n\n'
        "COUNTRIES = {\n" + "".join(rows) + "}\n"
    )


def main() -> int:
    LANGUAGES_FILE.write_text(build_languages(), encoding="utf-8", newline="\n")
    COUNTRIES_MODULE.write_text(build_countries(), encoding="utf-8", newline="\n")
    print(f"wrote {LANGUAGES_FILE} and {COUNTRIES_MODULE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
