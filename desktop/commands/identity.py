"""`waypoint admin office-ca create|import`, `issue-key`, `revoke-key`, `keys`: the office's
certificate authority and the registry of officers' signing certificates."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.secret_input import read_secret
from desktop.commands.user_error import UserError

CA_PASSPHRASE_ENV = "WAYPOINT_CA_PASSPHRASE"
KEY_PASSPHRASE_ENV = "WAYPOINT_SIGNING_PASSPHRASE"  # as `waypoint memo` reads it
MAX_CA_FILE_BYTES = 1_000_000


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the identity actions to `waypoint admin`."""
    office_ca = actions.add_parser(
        "office-ca", help="the office's certificate authority: create one or import one",
        description=f"create: make the office's authority (its key is kept encrypted in the data "
                    f"folder, passphrase from ${CA_PASSPHRASE_ENV} or asked) and trust it. "
                    "import FILE: trust an existing authority: a PKCS#12 with its key (then "
                    "keys can be issued here) or its certificate alone (PEM or DER).")
    office_ca.add_argument("ca_action", choices=("create", "import"))
    office_ca.add_argument("file", nargs="?", metavar="FILE", help="for import: the file")
    office_ca.add_argument("--name", help="for create: the office's name")
    office_ca.set_defaults(handler=run_office_ca)

    issue = actions.add_parser(
        "issue-key", help="issue a person a signing key (PKCS#12) signed by the office authority",
        description="Makes the person's key and certificate, signed by the office authority, "
                    "registers its fingerprint with the role, installs it as the person's "
                    "signing key in this data folder and, with -o, writes a copy to hand over. "
                    f"Passphrases: ${CA_PASSPHRASE_ENV} (the authority's) and "
                    f"${KEY_PASSPHRASE_ENV} (the new key's), else asked.")
    issue.add_argument("person", metavar="PERSON", help="the person's name as memos show it")
    issue.add_argument("--role", required=True, choices=("caseworker", "supervisor"))
    issue.add_argument("-o", "--output", metavar="FILE.p12", help="also write the key here")
    issue.set_defaults(handler=run_issue_key)

    revoke = actions.add_parser(
        "revoke-key", help="revoke a person's signing certificate(s) in the registry")
    revoke.add_argument("person", metavar="PERSON")
    revoke.add_argument("--reason", required=True, help="why (kept in the registry)")
    revoke.add_argument("--fingerprint", help="only this certificate (SHA-256, or its start)")
    revoke.set_defaults(handler=run_revoke_key)

    listing = actions.add_parser("keys", help="list the registry: person, role, dates, state")
    listing.set_defaults(handler=run_list_keys)


def _secret(variable: str, prompt: str, *, confirm: bool = False) -> str:
    return read_secret(prompt, env=variable,
                       again="Repeat the passphrase: " if confirm else None,
                       missing=f"a passphrase is needed: set ${variable} or run in a terminal",
                       differ="the passphrases differ; nothing was changed")


def _data_dir(args: argparse.Namespace) -> Path:
    from desktop.paths import resolve_paths

    return resolve_paths(getattr(args, "data_dir", None)).data_dir


def run_office_ca(args: argparse.Namespace) -> int:
    from desktop.commands.storage import _opened
    from desktop.services.actor import current_user
    from desktop.services.office_identity import create_office_ca, import_office_ca
    from desktop.services.signing import SigningError, is_pkcs12

    data_dir = _data_dir(args)
    if args.ca_action == "create":
        if not (args.name or "").strip() or args.file:
            raise UserError("usage: waypoint admin office-ca create --name OFFICE")
        secret = _secret(CA_PASSPHRASE_ENV, "New passphrase for the office authority: ",
                         confirm=True)
        with _opened(args) as database:
            try:
                authority = create_office_ca(data_dir, database, args.name, secret,
                                             actor=current_user())
            except SigningError as problem:
                raise UserError(str(problem)) from None
        print(f"Office authority {authority.name} created and trusted; certificate SHA-256 "
              f"{authority.fingerprint}")
        return 0
    if not args.file:
        raise UserError("usage: waypoint admin office-ca import FILE (.p12, .pem or .der)")
    source = Path(args.file)
    from desktop.services.reading import read_small_file

    try:
        data = read_small_file(source, MAX_CA_FILE_BYTES)
    except OSError as error:
        raise UserError(f"{source}: cannot read it ({error.strerror or error})") from None
    file_secret = _secret(CA_PASSPHRASE_ENV, f"Passphrase of {source.name}: ") \
        if is_pkcs12(data) else None
    with _opened(args) as database:
        try:
            authority, keeps_key = import_office_ca(data_dir, database, data, file_secret,
                                                    source=source.name, actor=current_user())
        except SigningError as problem:
            raise UserError(str(problem)) from None
    print(f"Office authority {authority.name} trusted; certificate SHA-256 "
          f"{authority.fingerprint}" + ("; its key is kept here to issue keys" if keeps_key
                                        else " (certificate only: keys are issued elsewhere)"))
    return 0


def run_issue_key(args: argparse.Namespace) -> int:
    from db.private_files import replace_private_bytes
    from desktop.commands.storage import _opened
    from desktop.services.actor import current_user
    from desktop.services.office_identity import issue_officer_key
    from desktop.services.signing import SigningError

    output = Path(args.output) if args.output else None
    if output is not None and not (output.parent if str(output.parent) else Path(".")).is_dir():
        raise UserError(f"{output}: the folder {output.parent} does not exist")
    ca_secret = _secret(CA_PASSPHRASE_ENV, "Passphrase of the office authority: ")
    key_secret = _secret(KEY_PASSPHRASE_ENV, f"New signing passphrase for {args.person}: ",
                         confirm=True)
    with _opened(args) as database:
        try:
            issued = issue_officer_key(_data_dir(args), database, args.person, args.role,
                                       ca_passphrase=ca_secret, key_passphrase=key_secret,
                                       actor=current_user())
        except SigningError as problem:
            raise UserError(str(problem)) from None
    if output is not None:
        try:
            replace_private_bytes(output, issued.pkcs12)
        except OSError as error:
            raise UserError(f"{output}: cannot write the key ({error.strerror or error}); it "
                            "is installed and registered all the same") from None
    registered = issued.registered
    print(f"Issued {registered.person} ({registered.role}) a signing key valid "
          f"{registered.not_before:%Y-%m-%d} to {registered.not_after:%Y-%m-%d}; certificate "
          f"SHA-256 {registered.fingerprint}; installed as {issued.key.path}"
          + (f"; copy in {output}" if output is not None else ""))
    return 0


def run_revoke_key(args: argparse.Namespace) -> int:
    from desktop.commands.storage import _opened
    from desktop.services.actor import current_user
    from desktop.services.office_identity import revoke_officer_keys
    from desktop.services.signing import SigningError

    with _opened(args) as database:
        try:
            revoked = revoke_officer_keys(database, args.person, reason=args.reason,
                                          fingerprint=args.fingerprint, actor=current_user())
        except SigningError as problem:
            raise UserError(str(problem)) from None
    for fingerprint in revoked:
        print(f"Revoked {fingerprint} ({args.person})")
    return 0


def run_list_keys(args: argparse.Namespace) -> int:
    from db.signing_registry import SigningRegistry
    from desktop.commands.storage import _opened

    with _opened(args) as database:
        snapshot = SigningRegistry(database).snapshot()
    for authority in snapshot.authorities.values():
        print(f"authority  {authority.fingerprint[:16]}  {authority.name}")
    for entry in sorted(snapshot.certificates.values(), key=lambda e: (e.person, e.not_before)):
        state = (f"revoked {entry.revoked_at:%Y-%m-%d}" if entry.revoked_at else "in force")
        print(f"{entry.fingerprint[:16]}  {entry.person}  {entry.role}  "
              f"{entry.not_before:%Y-%m-%d}..{entry.not_after:%Y-%m-%d}  {state}")
    return 0
