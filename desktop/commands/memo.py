"""`waypoint memo`: render the memo or interview sheet for a case file; sign, verify, keys."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import UTC, date, datetime
from pathlib import Path

from db.private_files import replace_private_bytes
from desktop.commands.memo_final import add_record_arguments
from desktop.commands.secret_input import read_secret
from desktop.commands.user_error import UserError, read_given_file

PASSPHRASE_ENV = "WAYPOINT_SIGNING_PASSPHRASE"
ACTIONS = ("verify", "countersign", "key")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `memo` command."""
    parser = subparsers.add_parser(
        "memo", help="render, sign or verify the determination memo (PDF) of a case file",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Evaluate a case file and render its determination memo as a PDF. "
                    "Nothing is written to the database.\n\n"
                    "  waypoint memo CASE.json -o memo.pdf [--final --officer NAME "
                    "--conclusion RULE=agree …]\n"
                    "  waypoint memo CASE.json --interview-sheet --language es -o sheet.pdf\n"
                    "  waypoint memo verify MEMO.pdf [--signatures-only]\n"
                    "  waypoint memo countersign MEMO.pdf --officer REVIEWER -o signed.pdf\n"
                    "  waypoint memo key create --officer NAME\n"
                    "  waypoint memo key import KEY.p12 --officer NAME\n\n"
                    f"The signing passphrase is read from ${PASSPHRASE_ENV}, else asked for.")
    parser.add_argument("case_file", metavar="CASE.json|ACTION",
                        help="a waypoint-case/1 file, or verify | countersign | key")
    parser.add_argument("more", nargs="*", metavar="ARG", help="the action's file(s)")
    parser.add_argument("-o", "--output", metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--decision-date", metavar="YYYY-MM-DD",
                        help="decision date (default: the case file's, else today)")
    parser.add_argument("--final", action="store_true",
                        help="render a final memo, signed by --officer (a key is made for the "
                             "officer on first use)")
    parser.add_argument("--officer", metavar="NAME",
                        help="the officer preparing (and with --final, finalizing and signing) "
                             "the memo; the reviewer for countersign; the key's owner for key")
    add_record_arguments(parser, "with --final")
    parser.add_argument("--interview-sheet", action="store_true",
                        help="render the one-page interview sheet of the open questions")
    parser.add_argument("--language", metavar="LANG",
                        help="language of the memo (en or es; default en) or of the interview "
                             "sheet (en, es, fr, ht, pt-BR; default the applicant's first "
                             "recorded language)")
    parser.add_argument("--signatures-only", action="store_true",
                        help="with verify, do not re-evaluate the case embedded in the memo "
                             "(faster: signatures and recorded facts only)")
    parser.set_defaults(handler=run)


def _decision_date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise UserError(f"--decision-date: {value!r} is not a date (YYYY-MM-DD)") from None


def _generated_at() -> datetime:
    # SOURCE_DATE_EPOCH (reproducible-builds convention) pins the time for byte-identical output
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC)
    return datetime.now(UTC).replace(microsecond=0)


def _write_atomically(path: Path, data: bytes) -> None:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise UserError(f"{path}: the folder {directory} does not exist")
    replace_private_bytes(path, data)


def _write_output(args: argparse.Namespace, data: bytes) -> None:
    output = Path(args.output)
    try:
        _write_atomically(output, data)
    except OSError as error:
        raise UserError(f"{output}: cannot write the PDF ({error.strerror or error})") from None
    print(output)


def _officer(args: argparse.Namespace, what: str) -> str:
    officer = (args.officer or "").strip()
    if not officer:
        raise UserError(f"{what} needs --officer NAME")
    return officer


def _passphrase(prompt: str, *, confirm: bool = False) -> str:
    return read_secret(prompt, env=PASSPHRASE_ENV,
                       again="Repeat the passphrase: " if confirm else None,
                       missing=f"a signing passphrase is needed: set ${PASSPHRASE_ENV} or run "
                               "in a terminal",
                       differ="the passphrases differ; nothing was changed")


def _data_dir(args: argparse.Namespace) -> Path:
    from desktop.paths import resolve_paths

    return resolve_paths(getattr(args, "data_dir", None)).data_dir


def run(args: argparse.Namespace) -> int:
    """Dispatch: an action word, or a case file to render."""
    if args.case_file in ACTIONS:
        return {"verify": run_verify, "countersign": run_countersign,
                "key": run_key}[args.case_file](args)
    if args.more:
        raise UserError(f"unexpected argument(s): {' '.join(args.more)}")
    if not args.output:
        raise UserError("-o/--output FILE.pdf is needed")
    return run_render(args)


def run_render(args: argparse.Namespace) -> int:
    """Evaluate the case file and write its memo (or interview sheet); exit 2 on invalid input.

    --final needs the officer's determination: a conclusion on every finding and every open
    question decided without (with why); otherwise it exits 2 and writes nothing.
    """
    from desktop.services.evaluation import CaseFileError, read_case_file

    if args.final and args.interview_sheet:
        raise UserError("--final and --interview-sheet do not go together")
    if not args.final and (args.conclusion or args.conclusions or args.decide_without):
        raise UserError("--conclusion, --conclusions and --decide-without go with --final")
    officer = _officer(args, "--final (a final memo records who finalized it)") \
        if args.final else (args.officer or "").strip() or None
    from desktop.commands.memo_final import decision_path_for, final_memo

    path = Path(args.case_file)
    decision_path = decision_path_for(_data_dir(args))
    try:
        case_data = read_case_file(path)
        decision = decision_path.decide(case_data, _decision_date(args.decision_date))
        determination = decision_path.evaluate(case_data, decision)
    except CaseFileError as error:
        raise UserError(f"{path}: {error}") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read the case file ({error.strerror or error})") from None
    generated_at = _generated_at()
    if args.interview_sheet:
        from desktop.services.memo_rendering import render_case_interview_sheet
        from desktop.text_catalogs import NoCatalog

        try:
            pdf = render_case_interview_sheet(case_data, determination, language=args.language,
                                              generated_at=generated_at)
        except NoCatalog as error:
            raise UserError(f"no interview sheet in {error.language!r}: choose one of "
                            f"{', '.join(error.available)} with --language") from None
        _write_output(args, pdf)
        return 0
    language = _memo_language(args.language)
    if args.final:
        assert officer is not None
        pdf = _sign_as(args, officer, final_memo(args, decision_path, case_data, officer,
                                                 generated_at, _decision_date(args.decision_date),
                                                 _signer_note(args, officer), language))
    else:
        pdf = decision_path.render(case_data, determination, decision, status="draft",
                                   prepared_by=officer, generated_at=generated_at,
                                   language=language)
    _write_output(args, pdf)
    return 0


def _memo_language(language: str | None) -> str:
    from desktop.services.memo_catalogs import MEMO_LANGUAGES
    from desktop.text_catalogs import language_tag

    tag = language_tag(language or "en")
    if tag not in MEMO_LANGUAGES:
        raise UserError(f"no memo in {language!r}: choose one of {', '.join(MEMO_LANGUAGES)} "
                        "with --language")
    return tag


def _signer_note(args: argparse.Namespace, officer: str | None) -> str | None:
    from desktop.services.signing import signer_note

    return signer_note(_data_dir(args), officer) if officer else None


def _sign_as(args: argparse.Namespace, officer: str, pdf: bytes) -> bytes:
    from desktop.services import signing

    data_dir = _data_dir(args)
    first = not signing.has_key(data_dir, officer)
    prompt = f"{'New s' if first else 'S'}igning passphrase for {officer}: "
    try:
        signed, made = signing.sign_as_officer(pdf, data_dir, officer,
                                               _passphrase(prompt, confirm=first))
    except signing.SigningError as problem:
        raise UserError(str(problem)) from None
    if made:
        print(f"Made a signing key for {officer}: {signing.key_path(data_dir, officer)}",
              file=sys.stderr)
    return signed


def run_countersign(args: argparse.Namespace) -> int:
    """Add a reviewer's signature to a signed memo."""
    from desktop.services import signing

    if len(args.more) != 1 or not args.output:
        raise UserError("usage: waypoint memo countersign MEMO.pdf --officer REVIEWER -o OUT.pdf")
    reviewer = _officer(args, "countersign")
    source = Path(args.more[0])
    pdf = read_given_file(source)
    try:
        signed = signing.countersign(pdf, _data_dir(args), reviewer,
                                     _passphrase(f"Signing passphrase for {reviewer}: "))
    except signing.SigningError as problem:
        raise UserError(str(problem)) from None
    _write_output(args, signed)
    _say_review_standing(args, reviewer)
    return 0


def _say_review_standing(args: argparse.Namespace, reviewer: str) -> None:
    """Tell at once when the counter-signature will not count as a supervisor's review."""
    from desktop.commands.memo_verify import _registry
    from desktop.services.signer_identity import why_not_a_review
    from desktop.services.signing import certificate_path

    try:
        pem: bytes | None = certificate_path(_data_dir(args), reviewer).read_bytes()
    except OSError:
        pem = None
    reason = why_not_a_review(pem, _registry(args))
    if reason is not None:
        print(f"waypoint: note: this counter-signature does not count as a review: {reason}. "
              "Only a supervisor's certificate registered by the office does.", file=sys.stderr)


def run_key(args: argparse.Namespace) -> int:
    """`key create` or `key import FILE.p12`: an officer's signing key in the data folder."""
    from desktop.services import signing

    officer = _officer(args, "memo key")
    data_dir = _data_dir(args)
    try:
        if args.more == ["create"]:
            made = signing.create_officer_key(
                data_dir, officer, _passphrase(f"New signing passphrase for {officer}: ",
                                               confirm=True))
        elif len(args.more) == 2 and args.more[0] == "import":
            source = Path(args.more[1])
            if not source.exists():  # said before the passphrase is asked
                raise UserError(f"{source}: no such file")
            made = signing.import_officer_key_file(
                data_dir, officer, source, _passphrase(f"Passphrase of {source.name}: "))
        else:
            raise UserError("usage: waypoint memo key create|import FILE.p12 --officer NAME")
    except signing.SigningError as problem:
        raise UserError(str(problem)) from None
    print(f"{made.path}  certificate SHA-256 {made.fingerprint}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    """`memo verify MEMO.pdf` (desktop.commands.memo_verify)."""
    from desktop.commands.memo_verify import run_verify as verify

    return verify(args)
