"""`waypoint evaluate CASE.json`: one case file's determination (never touches the database)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date
from typing import TYPE_CHECKING, Any

from desktop.commands.user_error import UserError

if TYPE_CHECKING:
    from collections.abc import Callable

    from desktop.engine.text import Translator
    from desktop.text_catalogs import TextCatalog


def N_(message: str) -> str:
    """Marks a message for extraction; translated where it is printed."""
    return message


OUTCOME_LABELS = {
    "applies": N_("APPLIES"),
    "exception": N_("EXCEPTION"),
    "not_in_force": N_("NOT IN FORCE"),
    "not_applicable": N_("NOT APPLICABLE"),
    "needs_information": N_("NEEDS INFORMATION"),
}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate", help="evaluate a case file against the transit rules",
        description="Evaluate a waypoint-case/1 file and print the determination. "
                    "Decision support only: the officer decides.")
    parser.add_argument("case", help="case file (JSON, waypoint-case/1)")
    parser.add_argument("--decision-date", type=_decision_date, metavar="YYYY-MM-DD",
                        help="date of the decision (default: the case file's decision_date, "
                             "else today)")
    parser.add_argument("--format", choices=("json", "text"), default="text",
                        help="output format (default: text)")
    parser.add_argument("--rules", metavar="HASH",
                        help="evaluate under this rule pack (its hash or 8+ leading characters; "
                             "see `waypoint rules list`; default: the active pack)")
    parser.add_argument("--language", metavar="LANG", default="en",
                        help="language of the summary and labels (en or es; default en): the "
                             "text output is worded in it, and the JSON gains the summary in "
                             "it with the catalog's hash; the engine's steps stay as recorded")
    parser.set_defaults(handler=run)


def _decision_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def run(args: argparse.Namespace) -> int:
    # Imported here, not at the top: every CLI command (even --version) loads this module.
    from desktop.commands.memo_final import decision_path_for
    from desktop.paths import resolve_paths
    from desktop.services.clock import utc_now
    from desktop.services.evaluation import CaseFileError, read_case_file, unknown_fields
    from desktop.services.rule_pack_file import RulePackRefused, law_known_through
    from desktop.services.rule_packs import law_currency_warning

    try:  # the data folder's active pack, resolved once for this command, or --rules HASH
        path = decision_path_for(resolve_paths(getattr(args, "data_dir", None)).data_dir,
                                 args.rules, utc_now)
    except RulePackRefused as problem:
        raise UserError(str(problem)) from None
    catalog = _catalog(args.language)
    try:
        data = read_case_file(args.case)
        determination = path.evaluate(data, path.decide(data, args.decision_date))
    except CaseFileError as problem:
        raise UserError(f"{args.case}: {problem}") from None
    except OSError as problem:
        raise UserError(f"{args.case}: cannot read the file ({problem.strerror})") from None
    for pointer in unknown_fields(data):
        print(f"waypoint: warning: {args.case}: {pointer}: unknown field, ignored",
              file=sys.stderr)
    known = law_known_through(path.pack)
    warning = law_currency_warning(date.fromisoformat(determination["decision_date"]), known)
    if warning:
        print(f"waypoint: warning: {warning}", file=sys.stderr)
    if args.format == "json":
        json.dump(_with_text(determination, catalog), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif catalog.sha256:
        sys.stdout.write(format_text(determination, catalog.translation,
                                     _translated_summary(determination, catalog)))
    else:
        sys.stdout.write(format_text(determination))
    return 0


def _catalog(language: str) -> TextCatalog:
    from desktop.services.memo_catalogs import memo_catalog  # no renderer: ~200 ms less
    from desktop.text_catalogs import NoCatalog

    try:
        return memo_catalog(language)
    except NoCatalog as error:
        raise UserError(f"--language: no catalog for {language!r}; available: "
                        f"{', '.join(error.available)}") from None


def _translated_summary(determination: dict[str, Any], catalog: TextCatalog) -> str:
    from desktop.engine.text import summary
    from desktop.memo.locale_words import date_words

    return summary(catalog.translation, determination, date_words(catalog))


def _with_text(determination: dict[str, Any], catalog: TextCatalog) -> dict[str, Any]:
    """The determination, and when another language is asked for, its summary in it with the
    catalog's hash (additive fields; the English determination is unchanged)."""
    if not catalog.sha256:
        return determination
    return {**determination, "text_language": catalog.language,
            "text_catalog_hash": catalog.sha256,
            "summary_translated": _translated_summary(determination, catalog)}


def format_text(determination: dict[str, Any], tr: Translator | None = None,
                summary: str | None = None) -> str:
    """The determination as a person reads it in a terminal (its labels and summary through
    `tr` and `summary` when given; the engine's steps and citations as recorded)."""
    gettext = tr.gettext if tr is not None else str
    lines = [
        gettext("Waypoint determination \u2014 decision date {date}").format(
            date=determination["decision_date"]),
        gettext("Rules {rules}, engine {engine}").format(rules=determination["rules_version"],
                                                      engine=determination["engine_version"]),
        "",
    ]
    lines += textwrap.wrap(summary or determination["summary"], 88)
    for contradiction in determination.get("contradictions", []):
        lines.append(f"! Contradiction: {contradiction['field']}: {contradiction['message']}")
    for finding in determination["findings"]:
        title = tr.pgettext("rule title", finding["title"]) if tr else finding["title"]
        lines += ["", f"{title} [{finding['rule']}]: "
                      f"{_label(gettext, finding['outcome'])}"]
        lines += textwrap.wrap(finding["consequence"], 86, initial_indent="  ",
                               subsequent_indent="  ")
        if finding["outcome"] != "not_applicable" or len(finding["trace"]) <= 3:
            for step in finding["trace"]:
                mark = {True: "+", False: "-", None: "?"}[step["result"]]
                flag = "  [UNVERIFIED rule data]" if step.get("verified") is False else ""
                cite = f" ({step['citation']})" if step["citation"] else ""
                lines += textwrap.wrap(f"{mark} {step['step']}{cite}{flag}", 86,
                                       initial_indent="    ", subsequent_indent="      ")
        else:
            step = finding["trace"][-1]
            lines += textwrap.wrap(f"- {step['step']}", 86, initial_indent="    ",
                                   subsequent_indent="      ")
        if finding["receiving_countries"]:
            lines.append(f"  Receiving countries: {', '.join(finding['receiving_countries'])}")
        for missing in finding["missing_facts"]:
            lines += textwrap.wrap(f"QUESTION ({missing['field']}): {missing['question']}", 86,
                                   initial_indent="  ", subsequent_indent="    ")
            for answer, outcome in missing["answers"].items():
                lines.append(f"      if {answer}: {outcome}")
        for item in finding.get("unverified", []):
            if finding["outcome"] == "not_applicable":
                break
            lines += textwrap.wrap(f"UNVERIFIED: {item['what']} — {item['note']}", 86,
                                   initial_indent="  ", subsequent_indent="    ")
    lines += ["", gettext("Decision support only: the officer reviews these findings and decides.")]
    return "\n".join(lines) + "\n"


def _label(say: Callable[[str], str], outcome: str) -> str:
    return say(OUTCOME_LABELS[outcome]) if outcome in OUTCOME_LABELS else outcome
