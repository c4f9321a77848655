"""MemoService: record determinations, store draft memos, finalize and amend (clock injected)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from db.records import FinalRecord, StoredCase, StoredDetermination, StoredMemo
from desktop.case_rules import facts_digest
from desktop.services.actor import acting_person, utc_clock

if TYPE_CHECKING:
    from db.database import Database

log = logging.getLogger(__name__)

__all__ = ["MemoService", "StoredDetermination", "StoredMemo", "facts_digest_of"]


def facts_digest_of(case_data: dict[str, Any]) -> str:
    """The digest of the case facts (case_rules.facts_digest: the one rule)."""
    return facts_digest(case_data)


def rules_hash_of(determination: dict[str, Any]) -> str | None:
    """The content hash of the rule pack the determination was made with, when known."""
    explicit = determination.get("rules_hash")
    if isinstance(explicit, str) and explicit:
        return explicit
    from desktop.services.evaluation import rule_pack_info  # loads the rule pack: not at import
    from desktop.services.rules import bundled_rule_pack

    info = rule_pack_info(bundled_rule_pack())  # a determination older than rules_hash
    version, digest = str(info.get("version", "")), info.get("hash")
    rules_version = str(determination.get("rules_version", ""))
    return str(digest) if digest and version and version in rules_version else None


class MemoService:
    """Determinations and memo PDFs; final memos never change, amendments supersede them."""

    def __init__(self, database: Database, clock: Callable[[], datetime] = utc_clock, *,
                 actor: str | None = None) -> None:
        self._db = database
        self._clock = clock
        self._actor = actor if actor is not None else acting_person(database)

    def record_determination(self, case_id: str, determination: dict[str, Any]) -> int:
        """Store a determination with the facts digest, rule pack and engine it came from."""
        return self._db.memos.record_determination(
            case_id, determination, digest=facts_digest_of,
            rules_hash=rules_hash_of(determination), now=self._clock(), actor=self._actor)

    def latest_determination(self, case_id: str) -> StoredDetermination | None:
        return self._db.memos.latest_determination(case_id)

    def store_draft_memo(self, case_id: str, determination: dict[str, Any],
                         pdf_bytes: bytes, record: FinalRecord | None = None) -> int:
        """Keep a draft memo PDF (the determination is recorded with it if new); `record`: the
        officer's determination it carries (a memo submitted for review)."""
        return self._db.memos.store_draft(
            case_id, determination, pdf_bytes, digest=facts_digest_of,
            rules_hash=rules_hash_of(determination), now=self._clock(), actor=self._actor,
            record=record)

    def finalize(self, case_id: str, officer: str, pdf_bytes: bytes,
                 record: FinalRecord | None = None) -> int:
        """Store the final memo signed by officer and lock the case.

        Needs a determination of the current facts. After start_amendment, finalizing again
        stores a new final memo that supersedes the previous one (which never changes).
        `record` (the decision path's) keeps the pinned decision date and the officer's
        determination with the memo.
        """
        memo_id = self._db.memos.finalize(case_id, officer, pdf_bytes, digest=facts_digest_of,
                                          now=self._clock(), record=record)
        self._db.backup_after("finalize")
        return memo_id

    def start_amendment(self, case_id: str, officer: str, reason: str) -> None:
        """Unlock a finalized case so its facts can change; the final memo stays.

        The final memo keeps its decision date. A date that was pinned at finalize from
        "today" is released in the case, so the amendment gets its own date when finalized;
        a date typed into the case stays.
        """
        finals = [m for m in self._db.memos.all_for_case(case_id) if m.status == "final"]
        self._db.memos.start_amendment(case_id, officer, reason, now=self._clock())
        record = finals[-1].officer_determination if finals else None
        if not record or record.get("decision_date_source") != "today":
            return
        data = dict(self._db.cases.get(case_id).case_data)
        if data.get("decision_date") == record.get("decision_date"):
            data.pop("decision_date")
            self._db.cases.save_draft(case_id, data, now=self._clock(), actor=self._actor)

    def superseded_memo(self, case_id: str) -> tuple[str | None, int | None]:
        """For an amendment: the final memo the next one supersedes, in words, and its id."""
        finals = [m for m in self._db.memos.all_for_case(case_id) if m.status == "final"]
        if not finals:
            return None, None
        last = finals[-1]
        when = f" on {last.finalized_at:%d %b %Y %H:%M} UTC" if last.finalized_at else ""
        who = f", finalized by {last.finalized_by}{when}" if last.finalized_by else ""
        return (f"This memo supersedes final memo {last.memo_id}{who} "
                f"(PDF SHA-256 {last.sha256}). That memo stays on record unchanged.",
                last.memo_id)

    def copy_left_store(self, case_id: str, what: str, how: str, pdf_bytes: bytes) -> None:
        """A memo or interview sheet left the encrypted store: `how` is "printed", "saved" or
        "printed to a file". The one call site for every print and saved copy, window and
        all (called from the worker that made the copy): an audit entry (the document's
        SHA-256, never the file's name or folder) and a log line naming the case by id only.
        """
        if how == "printed":
            self.note_printed(case_id, what, pdf_bytes)
        elif how == "printed to a file":
            self.note_printed(case_id, what, pdf_bytes, to_file=True)
        else:
            self.note_saved_bytes(case_id, what, pdf_bytes)
        log.info("A %s of case %s was %s (a copy outside the encrypted store)", what,
                 case_id, how)

    def chain_anchor(self) -> str | None:
        """The audit chain's head as "<entry>:<hash>", for render_memo(audit_anchor=...)."""
        head = self._db.memos.chain_head()
        return None if head is None else f"{head[0]}:{head[1]}"

    def with_pinned_date(self, stored: StoredCase) -> StoredCase:
        """A finalized case as its final record was decided: a case finalized before dates
        were pinned into it gets the decision date of its final memo's determination."""
        if stored.status != "finalized" or stored.case_data.get("decision_date"):
            return stored
        finals = [m for m in self._db.memos.all_for_case(stored.case_id) if m.status == "final"]
        pinned = finals[-1].decision_date if finals else None
        if pinned is None and finals and finals[-1].determination_id is not None:
            latest = self._db.memos.latest_determination(stored.case_id)
            pinned = latest.decision_date if latest is not None else None
        if not pinned:
            return stored
        return replace(stored, case_data={**stored.case_data, "decision_date": pinned[:10]})

    def anchor_code(self) -> str | None:
        """The chain head as a short code to write down or send (db.anchor), if any."""
        from db.anchor import code_for

        head = self._db.memos.chain_head()
        return None if head is None else code_for(*head)

    def note_printed(self, case_id: str, what: str, pdf_bytes: bytes, *,
                     to_file: bool = False) -> bool:
        """An audit entry for a document printed (or printed to a file); False if not written."""
        from desktop.services.audit_trail import note_print

        return note_print(self._db, case_id, what, pdf_bytes, to_file=to_file)

    def note_saved_bytes(self, case_id: str, what: str, pdf_bytes: bytes) -> bool:
        """note_saved for a document written from memory (the same SHA-256 as its file)."""
        import hashlib

        from desktop.services.audit_trail import note

        return note(self._db, "case.document_saved", case_id=case_id, actor=self._actor,
                    details={"document": what, "sha256": hashlib.sha256(pdf_bytes).hexdigest()})

    def latest_memo(self, case_id: str) -> StoredMemo | None:
        return self._db.memos.latest(case_id)

    def list_memos(self, case_id: str) -> list[StoredMemo]:
        return self._db.memos.all_for_case(case_id)
