"""`waypoint memo CASE.json -o memo.pdf`: render the determination memo without the GUI."""

from __future__ import annotations

import argparse
import os
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

from desktop.cli import UserError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `memo` command."""
    parser = subparsers.add_parser(
        "memo", help="render the determination memo (PDF) for a case file",
        description="Evaluate a case file and render its determination memo as a PDF. "
                    "Nothing is written to the database.")
    parser.add_argument("case_file", metavar="CASE.json", help="a waypoint-case/1 file")
    parser.add_argument("-o", "--output", required=True, metavar="MEMO.pdf",
                        help="where to write the PDF")
    parser.add_argument("--decision-date", metavar="YYYY-MM-DD",
                        help="decision date (default: the case file's, else today)")
    parser.add_argument("--final", action="store_true",
                        help="render a final memo (no DRAFT watermark); needs --officer")
    parser.add_argument("--officer", metavar="NAME",
                        help="the officer preparing (and with --final, finalizing) the memo")
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
    handle, temporary = tempfile.mkstemp(prefix=".memo-", suffix=".pdf", dir=directory)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def run(args: argparse.Namespace) -> int:
    """Evaluate the case file and write its memo; exit 2 on invalid input."""
    from desktop.services.evaluation import CaseFileError, evaluate_case, read_case_file
    from desktop.services.memo_rendering import render_case_memo

    if args.final and not (args.officer and args.officer.strip()):
        raise UserError("--final needs --officer NAME: a final memo records who finalized it")
    decision_date = _decision_date(args.decision_date)
    path = Path(args.case_file)
    try:
        case_data = read_case_file(path)
        determination = evaluate_case(case_data, decision_date)
    except CaseFileError as error:
        raise UserError(f"{path}: {error}") from None
    except OSError as error:
        raise UserError(f"{path}: cannot read the case file ({error.strerror or error})") from None
    generated_at = _generated_at()
    officer = args.officer.strip() if args.officer else None
    pdf = render_case_memo(
        case_data, determination,
        status="final" if args.final else "draft",
        prepared_by=officer,
        finalized_by=officer if args.final else None,
        finalized_at=generated_at if args.final else None,
        generated_at=generated_at,
    )
    output = Path(args.output)
    try:
        _write_atomically(output, pdf)
    except OSError as error:
        raise UserError(f"{output}: cannot write the memo ({error.strerror or error})") from None
    print(output)
    return 0
