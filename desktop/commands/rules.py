"""`waypoint rules build | install | list | activate | rollback | impact | verify`: rule packs."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.commands.terminal import shown
from desktop.commands.user_error import UserError
from desktop.paths import resolve_paths

if TYPE_CHECKING:
    from desktop.services.rule_impact import ImpactReport
    from desktop.services.rule_packs import PackStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `waypoint rules …`."""
    rules = subparsers.add_parser(
        "rules", help="rule packs: build, install, list, activate, roll back, impact",
        description="Signed rule packs (*.wprules): every pack ever installed is kept, so each "
                    "stored determination can be reproduced under the pack it names.")
    actions = rules.add_subparsers(dest="rules_command", metavar="ACTION", required=True)

    build = actions.add_parser("build", help="make a signed *.wprules file (maintainers)")
    build.add_argument("folder", metavar="DIR", help="rule-pack folder (pack.json and its files)")
    build.add_argument("-o", "--output", required=True, metavar="FILE")
    build.add_argument("--key", required=True, metavar="KEY",
                       help="Ed25519 private key (PEM, unencrypted PKCS#8)")
    build.add_argument("--changelog", metavar="TEXT",
                       help="what changed, in words (default: DIR/CHANGELOG.txt)")
    build.add_argument("--signer", default="Waypoint maintainers", help="who signs it")
    build.set_defaults(handler=run_build)

    install = actions.add_parser("install", help="verify and install a *.wprules file")
    install.add_argument("file", metavar="FILE")
    install.add_argument("--no-activate", action="store_true",
                         help="keep it, but leave the active pack as it is")
    install.set_defaults(handler=run_install)

    listing = actions.add_parser("list", help="installed packs (version, hash, known-through, "
                                              "signer, active)")
    listing.add_argument("--format", choices=("text", "json"), default="text")
    listing.set_defaults(handler=run_list)

    activate = actions.add_parser("activate", help="use an installed pack by default")
    activate.add_argument("hash", metavar="HASH", help="its hash (or 8+ leading characters)")
    activate.set_defaults(handler=run_activate)

    rollback = actions.add_parser("rollback", help="go back to the previously active pack")
    rollback.set_defaults(handler=run_rollback)

    impact = actions.add_parser(
        "impact", help="which stored cases a pack changes, per rule (old → new)",
        description="Re-evaluate every stored case under the active pack and under the "
                    "candidate (a *.wprules file, or the hash of an installed pack); list the "
                    "cases whose outcome changes for some rule.")
    impact.add_argument("candidate", metavar="FILE|HASH")
    impact.add_argument("--format", choices=("text", "json", "csv"), default="text")
    impact.add_argument("--workers", type=int, default=None,
                        help="processes (default: one per core; 1 = this process only)")
    impact.add_argument("--mark", action="store_true",
                        help="flag the changed cases 'law changed — re-evaluate' (finalized "
                             "ones: needs an amendment)")
    impact.set_defaults(handler=run_impact)

    verify = actions.add_parser(
        "verify", help="re-evaluate every stored determination under the pack it names")
    verify.set_defaults(handler=run_verify)


def _store(args: argparse.Namespace) -> PackStore:
    from desktop.services.rule_packs import PackStore

    return PackStore(resolve_paths(getattr(args, "data_dir", None)).data_dir)


def _refused(problem: Exception) -> UserError:
    return UserError(str(problem))


def run_build(args: argparse.Namespace) -> int:
    from desktop.services.rule_pack_file import RulePackRefused, build_pack_file
    from desktop.services.rules import RulePackError

    folder = Path(args.folder)
    changelog = args.changelog
    if changelog is None and (folder / "CHANGELOG.txt").is_file():
        changelog = (folder / "CHANGELOG.txt").read_text(encoding="utf-8")
    try:
        key = Path(args.key).read_bytes()
        raw = build_pack_file(folder, key, changelog or "", args.signer)
    except OSError as problem:
        raise UserError(f"{problem.filename}: cannot read ({problem.strerror})") from None
    except (RulePackRefused, RulePackError) as problem:
        raise _refused(problem) from None
    except ValueError as problem:  # a key file that is not a PEM private key
        raise UserError(f"{args.key}: not a usable private key ({problem})") from None
    Path(args.output).write_bytes(raw)
    print(f"Wrote {args.output} ({len(raw):,} bytes)")
    return 0


def _verified_file(path: str) -> Any:
    from desktop.services.rule_pack_file import RulePackRefused, verify_pack_bytes

    try:
        raw = Path(path).read_bytes()
    except OSError as problem:
        raise UserError(f"{path}: cannot read ({problem.strerror})") from None
    try:
        return verify_pack_bytes(raw, path)
    except RulePackRefused as problem:
        raise _refused(problem) from None


def run_install(args: argparse.Namespace) -> int:
    from desktop.services.rule_pack_file import RulePackRefused

    pack = _verified_file(args.file)
    store = _store(args)
    try:
        fresh = store.install(pack, activate=not args.no_activate)
    except RulePackRefused as problem:
        raise _refused(problem) from None
    except OSError as problem:
        raise UserError(f"cannot install into {store.root}: {problem.strerror}") from None
    state = "installed" if fresh else "already installed"
    active = "" if args.no_activate else " and active"
    print(f"Rule pack {pack.version} ({pack.pack_hash[:12]}) {state}{active}; law known "
          f"through {pack.law_known_through or 'unknown'}; signed by {pack.signer}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    packs = _store(args).installed()
    if args.format == "json":
        json.dump([p.__dict__ for p in packs], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    print(f"  {'VERSION':<14} {'HASH':<14} {'KNOWN THROUGH':<14} SIGNER")
    for p in packs:
        print(f"{'*' if p.active else ' '} {p.version:<14} {p.pack_hash[:12]:<14} "
              f"{p.law_known_through or 'unknown':<14} {p.signer}")
    return 0


def run_activate(args: argparse.Namespace) -> int:
    from desktop.services.rule_pack_file import RulePackRefused

    try:
        info = _store(args).activate(args.hash)
    except RulePackRefused as problem:
        raise _refused(problem) from None
    print(f"Active rule pack: {info.version} ({info.pack_hash[:12]})")
    return 0


def run_rollback(args: argparse.Namespace) -> int:
    from desktop.services.rule_pack_file import RulePackRefused

    try:
        info = _store(args).rollback()
    except RulePackRefused as problem:
        raise _refused(problem) from None
    print(f"Active rule pack: {info.version} ({info.pack_hash[:12]})")
    return 0


def _candidate_files(args: argparse.Namespace, store: PackStore) -> dict[str, Any]:
    from desktop.services.rule_pack_file import RulePackRefused

    if Path(args.candidate).is_file():
        files: dict[str, Any] = _verified_file(args.candidate).files
        return files
    try:
        return store.files(store.resolve(args.candidate))
    except RulePackRefused as problem:
        raise UserError(f"{args.candidate}: no such file, and {problem}") from None


def run_impact(args: argparse.Namespace) -> int:
    from desktop.commands.storage import _opened
    from desktop.services.clock import configured_zone, utc_now
    from desktop.services.decision import resolve_decision_date
    from desktop.services.law_changes import mark_affected
    from desktop.services.rule_impact import run_impact as impact

    store = _store(args)
    candidate = _candidate_files(args, store)
    baseline = store.files(store.active_hash())
    with _opened(args) as database:
        report = impact(database, baseline, candidate, workers=args.workers,
                        today=resolve_decision_date({}, now=utc_now(), zone_name=configured_zone(
                            store.root.parent)))  # the office's today, read once
        marked = mark_affected(database, report) if args.mark else 0
    _print_impact(report, args.format)
    if args.mark:
        print(f"Flagged {marked} case(s).", file=sys.stderr)
    return 0


def _print_impact(report: ImpactReport, form: str) -> None:
    from desktop.services.rule_impact import impact_as_rows

    rows = impact_as_rows(report)
    if form == "json":
        json.dump({"baseline": report.baseline, "candidate": report.candidate,
                   "cases": report.total, "evaluated": report.evaluated,
                   "not_evaluable": report.not_evaluable, "changed_cases": len(report.found),
                   "by_rule": report.by_rule(), "changes": rows},
                  sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    elif form == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=["case_id", "case_ref", "status",
                                                        "decision_date", "rule", "old", "new"])
        writer.writeheader()
        writer.writerows(rows)
    else:
        print(f"Impact of rule pack {report.candidate[:12]} against the active pack "
              f"{report.baseline[:12]}: {len(report.found)} of {report.total} case(s) change"
              f" ({report.not_evaluable} draft(s) too incomplete to evaluate).")
        for rule, count in sorted(report.by_rule().items()):
            print(f"  {rule}: {count} case(s)")
        for row in rows:
            print(f"{shown(row['case_id'])}  {shown(row['case_ref'] or '-')}  {row['status']:<10} "
                  f"{row['decision_date']}  {row['rule']}: {row['old']} → {row['new']}")


def run_verify(args: argparse.Namespace) -> int:
    from desktop.commands.storage import _opened
    from desktop.services.law_changes import verify_pinned

    with _opened(args) as database:
        result = verify_pinned(database, _store(args))
    print(f"Re-evaluated {result.checked} stored determination(s) under their pinned packs; "
          f"{len(result.mismatches)} differ; {result.skipped_facts_changed} skipped (the case "
          "changed after it was determined).")
    for line in result.mismatches:
        print(line)
    return 1 if result.mismatches else 0
