"""Checks a signed memo: each signature, the facts digest and rule-pack hash it carries."""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from db.signing_registry import RegistrySnapshot
    from desktop.services.signer_identity import SignerIdentity

_FACTS = re.compile(r"facts ([0-9a-f]{64})")
_RULES = re.compile(r"rule pack ([0-9a-f]{64})")
_REVIEW_PENDING = "final with the reviewer's counter-signature"  # memo.render.REVIEW_KEYWORD


@dataclass(frozen=True)
class SignatureCheck:
    """One signature in the memo, as checked."""

    field_name: str
    signer: str
    signed_at: datetime | None
    intact: bool
    valid: bool
    covers_whole_file: bool
    fingerprint: str
    self_signed: bool
    certificate_der: bytes = b""


@dataclass(frozen=True)
class StoredMemoFacts:
    """What the database recorded for a memo with the same bytes (or the same facts)."""

    description: str
    facts_digest: str | None
    rules_hash: str | None


@dataclass
class MemoCheck:
    """The outcome of checking a memo, with every finding in words."""

    sha256: str
    signatures: list[SignatureCheck] = field(default_factory=list)
    facts_digest: str | None = None
    rules_hash: str | None = None
    problems: list[str] = field(default_factory=list)
    findings: list[str] = field(default_factory=list)
    identities: list[SignerIdentity] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return bool(self.signatures) and not self.problems

    @property
    def identity_established(self) -> bool:
        """Every signer is a registered person of a trusted office."""
        return bool(self.identities) and all(one.state == "established"
                                             for one in self.identities)


StoredLookup = Callable[[str, str | None], "StoredMemoFacts | None"]


def _signer_name(certificate: Any) -> str:
    try:
        subject = certificate.subject
        return str(subject.native.get("common_name") or subject.human_friendly)
    except (AttributeError, ValueError):
        return "an unnamed signer"


def _check_signature(embedded: Any) -> SignatureCheck:
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    certificate = embedded.signer_cert
    context = ValidationContext(trust_roots=[certificate], allow_fetching=False,
                                revocation_mode="soft-fail")
    try:
        status = validate_pdf_signature(embedded, context)
        intact, valid = bool(status.intact), bool(status.valid)
        whole = status.coverage == SignatureCoverageLevel.ENTIRE_FILE
        signed_at = status.signer_reported_dt
    except (SignatureValidationError, ValueError, KeyError):
        intact = valid = whole = False
        signed_at = None
    return SignatureCheck(
        field_name=str(embedded.field_name), signer=_signer_name(certificate),
        signed_at=signed_at, intact=intact, valid=valid, covers_whole_file=whole,
        fingerprint=hashlib.sha256(certificate.dump()).hexdigest(),
        self_signed=certificate.self_signed in ("yes", "maybe"), certificate_der=certificate.dump())


def _quick_check(pdf: bytes) -> tuple[list[SignatureCheck], str] | None:
    """Signatures each over a revision, the newest over the whole file (a signed or counter-
    signed memo), checked without pyHanko."""
    from desktop.services.quick_signatures import check_signatures, last_keywords

    found = check_signatures(pdf)
    if found is None:
        return None
    last = len(found) - 1
    return [SignatureCheck(
        field_name=one["field_name"], signer=_signer_name(one["certificate"]),
        signed_at=one["signed_at"], intact=one["intact"], valid=one["valid"],
        covers_whole_file=index == last,
        fingerprint=hashlib.sha256(one["certificate"].dump()).hexdigest(),
        self_signed=one["certificate"].self_signed in ("yes", "maybe"),
        certificate_der=one["certificate"].dump())
        for index, one in enumerate(found)], last_keywords(pdf)


def _full_check(pdf: bytes) -> tuple[list[SignatureCheck], str]:
    """Every signature, with pyHanko's validator (counter-signatures, later updates)."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf), strict=False)
    embedded = list(reader.embedded_signatures)
    info = reader.trailer_view.get("/Info")
    info = info.get_object() if info is not None else None
    keywords = str(info.get("/Keywords", "")) if info is not None else ""
    return [_check_signature(signature) for signature in embedded], keywords


def check_memo(pdf: bytes, *, stored: StoredLookup | None = None,
               current_rules_hash: str | None = None,
               registry: RegistrySnapshot | None = None,
               pack_dir: Path | None = None, reevaluate: bool = True) -> MemoCheck:
    """Check every signature of a memo and what it records; say in words what was found.

    `registry` (the office's signing registry, if any) says who each signer is; without it no
    signer's identity is established. The case embedded in the memo is re-evaluated under the
    rule pack it names, found among the packs installed in `pack_dir` (a data folder; None:
    the built-in pack only); `reevaluate` False skips that (no engine is loaded).
    """
    from desktop.services.quick_signatures import last_keywords

    check = MemoCheck(sha256=hashlib.sha256(pdf).hexdigest())
    if not pdf.startswith(b"%PDF-"):
        check.problems.append("The file is not a PDF.")
        return check
    quick = _quick_check(pdf)
    if quick is not None:
        signatures, keywords = quick
    else:
        from pyhanko.pdf_utils.misc import PdfReadError

        try:
            signatures, keywords = _full_check(pdf)
        except (PdfReadError, ValueError, KeyError, TypeError, IndexError) as problem:
            check.problems.append(f"The file cannot be read as a PDF ({problem}).")
            return check
        if not signatures:
            keywords = keywords or last_keywords(pdf)
    if not signatures:
        check.problems.append("The memo carries no digital signature: it is not a signed "
                              "final memo.")
    for index, result in enumerate(signatures):
        check.signatures.append(result)
        who = f"Signature {index + 1} ({result.signer}"
        who += f", {result.signed_at:%d %b %Y %H:%M} UTC)" if result.signed_at else ")"
        if not result.intact:
            check.problems.append(f"{who}: the document was changed after it was signed "
                                  "(the signed digest does not match).")
        elif not result.valid:
            check.problems.append(f"{who}: the signature value does not match the signer's "
                                  "certificate.")
        else:
            check.findings.append(f"{who}: intact and valid; certificate SHA-256 "
                                  f"{result.fingerprint[:16]}\u2026 ("
                                  + ("self-signed officer key" if result.self_signed
                                     else "issued by an organisation") + ").")
    _identify_signers(check, registry)
    if check.signatures and not check.signatures[-1].covers_whole_file:
        check.problems.append("Something was added to the file after the last signature.")
    if _REVIEW_PENDING in keywords and len(check.signatures) < 2:
        check.problems.append("The memo was submitted for review and is final only with the "
                              "reviewer's counter-signature, which it does not carry yet.")
    _read_recorded_facts(check, keywords, current_rules_hash)
    _compare_with_database(check, stored)
    if reevaluate:
        _check_embedded_case(check, pdf, pack_dir)
    return check


def _check_embedded_case(check: MemoCheck, pdf: bytes, pack_dir: Path | None) -> None:
    """The embedded case file and receipt, and whether the findings reproduce from them."""
    from desktop.services.memo_contents import check_contents

    inside = check_contents(pdf, check.facts_digest, pack_dir)
    check.findings.extend(inside.findings)
    check.problems.extend(inside.problems)


def _read_recorded_facts(check: MemoCheck, keywords: str, current_rules_hash: str | None
                         ) -> None:
    """The facts digest and rule-pack hash the memo's keywords record."""
    facts, rules = _FACTS.search(keywords), _RULES.search(keywords)
    check.facts_digest = facts.group(1) if facts else None
    check.rules_hash = rules.group(1) if rules else None
    if check.facts_digest is None:
        check.problems.append("The memo does not record the digest of the case facts.")
    else:
        check.findings.append(f"Case facts SHA-256 recorded in the memo: {check.facts_digest}.")
    if check.rules_hash is None:
        check.problems.append("The memo does not record the rule pack's hash.")
    else:
        check.findings.append(f"Rule pack SHA-256 recorded in the memo: {check.rules_hash}.")
        if current_rules_hash:
            check.findings.append(
                "The rule pack installed now is the same." if current_rules_hash == check.rules_hash
                else "The rule pack installed now is a different one (the memo records the pack "
                     "it was made with).")


def _identify_signers(check: MemoCheck, registry: RegistrySnapshot | None) -> None:
    """Each intact signature's signer against the registry; a revoked certificate makes the
    memo not valid, and a counter-signature counts as a review only from a supervisor."""
    from desktop.services.signer_identity import identify

    for index, result in enumerate(check.signatures):
        if not (result.intact and result.valid):
            continue
        identity = identify(result.certificate_der, result.fingerprint, result.signed_at,
                            registry, self_signed=result.self_signed)
        check.identities.append(identity)
        what = "Counter-signature" if index else "Signature"
        label = f"{what} {index + 1} ({result.signer})"
        if identity.state == "revoked":
            check.problems.append(f"{label}: {identity.words}.")
        elif identity.state == "established":
            check.findings.append(f"{label}: signed by {identity.words}.")
        else:
            check.findings.append(f"{label}: the signer's identity is not established: "
                                  f"{identity.words}.")
        if index and identity.state == "established" and identity.role != "supervisor":
            check.problems.append(f"{label}: {identity.person} signs as a {identity.role}, "
                                  "not a supervisor: the counter-signature does not count as "
                                  "a review.")
        elif index and identity.state == "not_established":
            check.findings.append(f"{label}: not counted as a supervisor's review, since the "
                                  "reviewer's identity is not established.")


def _compare_with_database(check: MemoCheck, stored: StoredLookup | None) -> None:
    if stored is None:
        check.findings.append("No database was consulted.")
        return
    record = stored(check.sha256, check.facts_digest)
    if record is None:
        check.findings.append("The database in this data folder holds no memo or determination "
                              "with these facts.")
        return
    for label, mine, theirs in (("facts digest", check.facts_digest, record.facts_digest),
                                ("rule-pack hash", check.rules_hash, record.rules_hash)):
        if theirs and mine and theirs != mine:
            check.problems.append(f"The {label} differs from the one the database recorded for "
                                  f"{record.description}.")
    if not check.problems:
        check.findings.append(f"It matches the database: {record.description}.")
