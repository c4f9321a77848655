"""`waypoint field checkout | checkin | send | conflicts | resolve`: cases to the field and back.

The office takes cases out (`checkout`, a signed, encrypted waypoint-field/1 file for a
laptop); the laptop takes the file in (`checkin`), works offline and writes its changes back
(`send`); the office applies them (`checkin`), and a person resolves each conflict (`resolve`).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.commands.secret_input import read_secret
from desktop.commands.storage import _opened
from desktop.commands.terminal import shown
from desktop.commands.user_error import UserError

if TYPE_CHECKING:
    from db.database import Database
    from desktop.services.sync_format import TransferSigner

TRANSFER_PASSPHRASE_ENV = "WAYPOINT_TRANSFER_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `field` commands."""
    field = subparsers.add_parser("field", help="take cases to the field and bring them back")
    field.add_argument("--transfer-passphrase-file", metavar="FILE",
                       help=f"the transfer's passphrase (else ${TRANSFER_PASSPHRASE_ENV}, "
                            "else asked)")
    field.add_argument("--signer", metavar="NAME", help="whose signing key signs the transfer "
                       "(default: the acting person's name)")
    actions = field.add_subparsers(dest="field_command", metavar="ACTION", required=True)
    out = actions.add_parser("checkout", help="office: write a transfer of cases for a laptop")
    out.add_argument("case_ids", nargs="+", metavar="CASE")
    where = out.add_mutually_exclusive_group(required=True)
    where.add_argument("--to", metavar="FILE", help="a transfer file (for a USB stick)")
    where.add_argument("--laptop", metavar="DATA_DIR", help="straight into the encrypted store "
                       "of a laptop data folder reachable from here")
    out.add_argument("--laptop-passphrase-file", metavar="FILE", help="the laptop store's "
                     "passphrase (else $WAYPOINT_PASSPHRASE, else asked)")
    out.add_argument("--device", metavar="ID", help="a device the office handed cases to "
                     "before (default: register a new one)")
    out.add_argument("--device-name", default="laptop", metavar="NAME")
    out.set_defaults(handler=run_checkout)
    back = actions.add_parser("checkin", help="apply a transfer: a laptop's return at the "
                              "office, a checkout on the laptop")
    back.add_argument("file", metavar="FILE")
    back.set_defaults(handler=run_checkin)
    send = actions.add_parser("send", help="laptop: write a transfer of every change made here")
    send.add_argument("--to", required=True, metavar="FILE")
    send.set_defaults(handler=run_send)
    listing = actions.add_parser("conflicts", help="list conflicts and amendment proposals")
    listing.add_argument("--case", metavar="CASE")
    listing.add_argument("--all", action="store_true", help="resolved ones too")
    listing.set_defaults(handler=run_conflicts)
    resolve = actions.add_parser("resolve", help="resolve one conflict")
    resolve.add_argument("conflict_id", type=int, metavar="ID")
    choice = resolve.add_mutually_exclusive_group(required=True)
    choice.add_argument("--take", choices=("office", "field"))
    choice.add_argument("--value", metavar="JSON", help="another value (JSON)")
    resolve.set_defaults(handler=run_resolve)


def _passphrase(args: argparse.Namespace, *, confirm: bool) -> str:
    return read_secret(
        "Transfer passphrase: ", env=TRANSFER_PASSPHRASE_ENV,
        file=getattr(args, "transfer_passphrase_file", None),
        again="Transfer passphrase again: " if confirm else None,
        missing=f"no transfer passphrase: set {TRANSFER_PASSPHRASE_ENV} or use "
                "--transfer-passphrase-file",
        differ="the two passphrases differ; nothing was written")


def _signer(args: argparse.Namespace, database: Database, actor: str | None
            ) -> TransferSigner:
    from db.review import OfficeRepository
    from desktop.commands.memo import PASSPHRASE_ENV, _data_dir
    from desktop.services.sync_conflicts import signer_from_key
    from desktop.services.sync_format import TransferError

    name = args.signer
    if not name:
        person = OfficeRepository(database).person(actor or "")
        name = person.display_name if person is not None else (actor or "")
    passphrase = read_secret(f"Signing passphrase for {name}: ", env=PASSPHRASE_ENV,
                             missing=f"no signing passphrase: set {PASSPHRASE_ENV}")
    try:
        return signer_from_key(_data_dir(args), name, passphrase)
    except TransferError as problem:
        raise UserError(str(problem)) from None


def _actor(database: Database) -> str | None:
    from desktop.services.actor import acting_person

    return acting_person(database)


def run_checkout(args: argparse.Namespace) -> int:
    import secrets

    from desktop.services.actor import utc_clock
    from desktop.services.sync_format import TransferError
    from desktop.services.sync_office import checkout

    target = Path(args.to) if args.to else Path(args.laptop) / (
        f".field-{secrets.token_hex(8)}.wpfield")
    with _opened(args) as database:
        actor = _actor(database)
        signer = _signer(args, database, actor)
        passphrase = (_passphrase(args, confirm=True) if args.to
                      else secrets.token_urlsafe(24))  # a file read at once and removed
        if args.laptop:
            target.parent.mkdir(parents=True, exist_ok=True)
        try:
            device = checkout(database, args.case_ids, target, passphrase, signer,
                              device=args.device, device_name=args.device_name, actor=actor,
                              now=utc_clock())
        except TransferError as problem:
            raise UserError(f"{problem}; nothing was written") from None
    print(f"Checked out {len(set(args.case_ids))} case(s) to device {device}"
          + (f" in {args.to}" if args.to else ""))
    if args.laptop:
        try:
            return _into_laptop(args, target, passphrase)
        finally:
            target.unlink(missing_ok=True)
    return 0


def _into_laptop(args: argparse.Namespace, transfer: Path, passphrase: str) -> int:
    """Receive the checkout into the laptop data folder's store (--laptop)."""
    from desktop.services.actor import utc_clock
    from desktop.services.sync_format import TransferError, read_transfer
    from desktop.services.sync_laptop import receive

    laptop = argparse.Namespace(data_dir=args.laptop, database_url=None,
                                passphrase_file=args.laptop_passphrase_file)
    with _opened(laptop) as database:
        try:
            summary = receive(database, read_transfer(transfer, passphrase),
                              actor=_actor(database), now=utc_clock())
        except TransferError as problem:
            raise UserError(f"the laptop in {args.laptop}: {problem}") from None
    for line in summary.lines():
        print(shown(line))
    return 4 if summary.refused else 0


def run_checkin(args: argparse.Namespace) -> int:
    from desktop.services.actor import utc_clock
    from desktop.services.sync_format import TransferError, read_transfer
    from desktop.services.sync_laptop import receive
    from desktop.services.sync_office import checkin

    with _opened(args) as database:
        actor = _actor(database)
        try:
            document = read_transfer(Path(args.file), _passphrase(args, confirm=False))
            summary = (checkin if document["kind"] == "return" else receive)(
                database, document, actor=actor, now=utc_clock())
        except TransferError as problem:
            said = str(problem)
            raise UserError(said if args.file in said else f"{args.file}: {said}") from None
    for line in summary.lines():
        print(shown(line))
    return 4 if summary.refused else 0


def run_send(args: argparse.Namespace) -> int:
    from desktop.services.actor import utc_clock
    from desktop.services.sync_format import TransferError
    from desktop.services.sync_laptop import send

    with _opened(args) as database:
        actor = _actor(database)
        signer = _signer(args, database, actor)
        try:
            counts = send(database, Path(args.to), _passphrase(args, confirm=True), signer,
                          actor=actor, now=utc_clock())
        except TransferError as problem:
            raise UserError(f"{problem}; nothing was written") from None
    print(f"Sent {counts['cases']} case(s), {counts['events']} change(s) (transfer "
          f"{counts['seq']}) in {args.to}")
    return 0


def _value(leaf: list[object]) -> str:
    return "(absent)" if not leaf else json.dumps(leaf[0], ensure_ascii=False)


def run_conflicts(args: argparse.Namespace) -> int:
    from desktop.services.sync_conflicts import list_conflicts

    with _opened(args) as database:
        rows = list_conflicts(database, case_id=args.case, open_only=not args.all)
    for one in rows:
        print(shown(f"{one.conflict_id}  {one.kind}  {one.state}  case {one.case_id}  "
                    f"{one.path}"))
        print(shown(f"    office: {_value(one.office)}  ({one.office_by or '?'}, "
                    f"{one.office_at or '?'})"))
        print(shown(f"    field:  {_value(one.field)}  ({one.field_by}, device "
                    f"{one.field_device[:12]}, {one.field_at})"))
        if one.resolution:
            print(shown(f"    resolved: {one.resolution} by {one.resolved_by}"))
    print(f"{len(rows)} conflict(s)")
    return 0


def run_resolve(args: argparse.Namespace) -> int:
    from desktop.services.actor import utc_clock
    from desktop.services.sync_conflicts import resolve
    from desktop.services.sync_format import TransferError

    value = None
    if args.value is not None:
        try:
            value = [json.loads(args.value)]
        except ValueError:
            raise UserError("--value must be JSON, e.g. '\"Ana\"' or 'null'") from None
    with _opened(args) as database:
        try:
            done = resolve(database, args.conflict_id, "value" if value else args.take,
                           value=value, actor=_actor(database), now=utc_clock())
        except TransferError as problem:
            raise UserError(str(problem)) from None
    print(f"Resolved conflict {done.conflict_id} ({done.path}): {done.resolution}")
    return 0
