"""All tables (SQLModel). The case-file JSON is the truth; other case columns derive from it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
)
from sqlmodel import Field, SQLModel

CASE_STATUSES = ("draft", "determined", "finalized")
MEMO_STATUSES = ("draft", "final")


def _utc() -> DateTime:
    return DateTime(timezone=True)


class Case(SQLModel, table=True):
    """One case: its case file (possibly an incomplete draft) and derived list/search columns."""

    __tablename__ = "cases"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'determined', 'finalized')", name="ck_cases_status"),
        Index("ix_cases_updated_at", "updated_at"),
        Index("ix_cases_status_updated_at", "status", "updated_at"),
        Index("ix_cases_display_name", "display_name"),
        Index("ix_cases_entry_date", "entry_date"),
        Index("ix_cases_a_number", "a_number"),
        Index("ix_cases_case_ref", "case_ref"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_id: str = Field(sa_column=Column(String(40), nullable=False, unique=True))
    case_ref: str | None = Field(default=None, sa_column=Column(String(200)))
    import_key: str | None = Field(default=None, sa_column=Column(String(200), unique=True))
    data_json: str = Field(sa_column=Column(Text, nullable=False))
    display_name: str = Field(sa_column=Column(String(400), nullable=False))
    family_name: str = Field(sa_column=Column(String(200), nullable=False))
    given_names: str = Field(sa_column=Column(String(200), nullable=False))
    a_number: str | None = Field(default=None, sa_column=Column(String(9)))
    nationality: str | None = Field(default=None, sa_column=Column(String(64)))
    entry_date: str | None = Field(default=None, sa_column=Column(String(64)))
    status: str = Field(sa_column=Column(String(16), nullable=False))
    search_text: str = Field(sa_column=Column(Text, nullable=False, server_default=""))
    created_at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    updated_at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    # Office use (migration 0005): optimistic locking and assignment.
    version: int = Field(default=1, sa_column=Column(
        Integer, nullable=False, server_default="1"))
    assigned_to: str | None = Field(default=None, sa_column=Column(String(200)))
    # Office hardening (migration 0008_office): on a server, the login that created the case.
    created_by: str | None = Field(default=None, sa_column=Column(String(200)))


class JourneyStop(SQLModel, table=True):
    """A country on the way, copied from the JSON for listing and search."""

    __tablename__ = "journey_stops"
    __table_args__ = (
        Index("ix_journey_stops_case", "case_pk", "position"),
        Index("ix_journey_stops_country", "country"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_pk: int = Field(
        sa_column=Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)
    )
    position: int = Field(sa_column=Column(Integer, nullable=False))
    country: str | None = Field(default=None, sa_column=Column(String(64)))
    arrived: str | None = Field(default=None, sa_column=Column(String(64)))
    departed: str | None = Field(default=None, sa_column=Column(String(64)))
    status_held: str | None = Field(default=None, sa_column=Column(String(64)))


class ProtectionClaim(SQLModel, table=True):
    """A protection claim made at a journey stop."""

    __tablename__ = "protection_claims"
    __table_args__ = (Index("ix_protection_claims_stop", "stop_id"),)

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    stop_id: int = Field(
        sa_column=Column(
            Integer, ForeignKey("journey_stops.id", ondelete="CASCADE"), nullable=False
        )
    )
    kind: str | None = Field(default=None, sa_column=Column(String(64)))
    filed: str | None = Field(default=None, sa_column=Column(String(64)))
    outcome: str | None = Field(default=None, sa_column=Column(String(64)))


class Determination(SQLModel, table=True):
    """An engine answer, with the rule pack, engine and facts it was computed from."""

    __tablename__ = "determinations"
    __table_args__ = (Index("ix_determinations_case", "case_pk", "id"),)

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_pk: int = Field(
        sa_column=Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)
    )
    findings_json: str = Field(sa_column=Column(Text, nullable=False))
    decision_date: str | None = Field(default=None, sa_column=Column(String(32)))
    rules_version: str | None = Field(default=None, sa_column=Column(String(200)))
    rules_hash: str | None = Field(default=None, sa_column=Column(String(128)))
    engine_version: str | None = Field(default=None, sa_column=Column(String(64)))
    facts_digest: str = Field(sa_column=Column(String(64), nullable=False))
    created_at: datetime = Field(sa_column=Column(_utc(), nullable=False))


class Memo(SQLModel, table=True):
    """A memo PDF. Final memos are immutable (database triggers); amendments supersede them."""

    __tablename__ = "memos"
    __table_args__ = (
        CheckConstraint("status IN ('draft', 'final')", name="ck_memos_status"),
        CheckConstraint(
            "status = 'draft' OR (finalized_by IS NOT NULL AND finalized_at IS NOT NULL)",
            name="ck_memos_final_signed",
        ),
        Index("ix_memos_case", "case_pk", "id"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_pk: int = Field(
        sa_column=Column(Integer, ForeignKey("cases.id", ondelete="RESTRICT"), nullable=False)
    )
    determination_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("determinations.id"))
    )
    status: str = Field(sa_column=Column(String(16), nullable=False))
    pdf: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    sha256: str = Field(sa_column=Column(String(64), nullable=False))
    created_at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    finalized_by: str | None = Field(default=None, sa_column=Column(String(200)))
    finalized_at: datetime | None = Field(default=None, sa_column=Column(_utc()))
    supersedes_id: int | None = Field(
        default=None, sa_column=Column(Integer, ForeignKey("memos.id"))
    )
    # Migration 0008: the decision date pinned at finalize, the office time zone it was read
    # in, and the officer's own determination (JSON: conclusions, questions decided without).
    decision_date: str | None = Field(default=None, sa_column=Column(String(10)))
    time_zone: str | None = Field(default=None, sa_column=Column(String(64)))
    officer_determination_json: str | None = Field(default=None, sa_column=Column(Text))


class AuditEntry(SQLModel, table=True):
    """Append-only, hash-chained log: each entry hashes its fields and the previous hash."""

    __tablename__ = "audit_log"

    id: int = Field(sa_column=Column(Integer, primary_key=True, autoincrement=False))
    at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    actor: str | None = Field(default=None, sa_column=Column(String(200)))
    action: str = Field(sa_column=Column(String(64), nullable=False))
    case_id: str | None = Field(default=None, sa_column=Column(String(40), index=True))
    memo_id: int | None = Field(default=None, sa_column=Column(Integer))
    details_json: str = Field(sa_column=Column(Text, nullable=False))
    prev_hash: str = Field(sa_column=Column(String(64), nullable=False))
    entry_hash: str = Field(sa_column=Column(String(64), nullable=False))


class CaseLawFlag(SQLModel, table=True):
    """A case a new rule pack changes: re-evaluate it (open) or amend it (finalized).

    The flag stands until the case gets a determination newer than the flag.
    """

    __tablename__ = "case_law_flags"
    __table_args__ = (
        CheckConstraint("kind IN ('reevaluate', 'amend')", name="ck_case_law_flags_kind"),
        Index("ix_case_law_flags_case", "case_pk", "flagged_at"),
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_pk: int = Field(
        sa_column=Column(Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False)
    )
    pack_hash: str = Field(sa_column=Column(String(64), nullable=False))
    kind: str = Field(sa_column=Column(String(16), nullable=False))
    changes_json: str = Field(sa_column=Column(Text, nullable=False))
    flagged_at: datetime = Field(sa_column=Column(_utc(), nullable=False))


REVIEW_STATES = ("submitted", "returned", "approved")
OFFICE_ROLES = ("caseworker", "supervisor")


class OfficePerson(SQLModel, table=True):
    """A person of the office: a local profile (SQLite) or a database login role (PostgreSQL)."""

    __tablename__ = "office_people"
    __table_args__ = (
        CheckConstraint("role IN ('caseworker', 'supervisor')", name="ck_office_people_role"),
    )

    login: str = Field(sa_column=Column(String(63), primary_key=True))
    display_name: str = Field(sa_column=Column(String(200), nullable=False))
    role: str = Field(sa_column=Column(String(16), nullable=False))


class OfficeSetting(SQLModel, table=True):
    """One office-wide setting (e.g. review = required | none)."""

    __tablename__ = "office_settings"

    key: str = Field(sa_column=Column(String(64), primary_key=True))
    value: str = Field(sa_column=Column(String(200), nullable=False))


class CaseReview(SQLModel, table=True):
    """Where a case is in the office's review: submitted, returned or approved, and by whom."""

    __tablename__ = "case_reviews"
    __table_args__ = (
        CheckConstraint("state IN ('submitted', 'returned', 'approved')",
                        name="ck_case_reviews_state"),
        Index("ix_case_reviews_state", "state"),
    )

    case_pk: int = Field(sa_column=Column(
        Integer, ForeignKey("cases.id", ondelete="CASCADE"), primary_key=True,
        autoincrement=False))
    state: str = Field(sa_column=Column(String(16), nullable=False))
    submitted_by: str = Field(sa_column=Column(String(200), nullable=False))
    submitted_at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    reviewed_by: str | None = Field(default=None, sa_column=Column(String(200)))
    reviewed_at: datetime | None = Field(default=None, sa_column=Column(_utc()))
    # The case's version that was submitted (and is the only one an approval covers).
    case_version: int | None = Field(default=None, sa_column=Column(Integer))


class ReviewComment(SQLModel, table=True):
    """A supervisor's comment on one step of a case, shown to the caseworker on that step."""

    __tablename__ = "review_comments"
    __table_args__ = (Index("ix_review_comments_case", "case_pk", "id"),)

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    case_pk: int = Field(sa_column=Column(
        Integer, ForeignKey("cases.id", ondelete="CASCADE"), nullable=False))
    step: str = Field(sa_column=Column(String(64), nullable=False))
    body: str = Field(sa_column=Column(Text, nullable=False))
    author: str = Field(sa_column=Column(String(200), nullable=False))
    at: datetime = Field(sa_column=Column(_utc(), nullable=False))


class OfficeAuthority(SQLModel, table=True):
    """A certificate authority the office trusts to name its officers (its own, or imported)."""

    __tablename__ = "office_authorities"

    fingerprint: str = Field(sa_column=Column(String(64), primary_key=True))  # SHA-256 of DER
    name: str = Field(sa_column=Column(String(200), nullable=False))
    certificate_der: bytes = Field(sa_column=Column(LargeBinary, nullable=False))
    added_at: datetime = Field(sa_column=Column(_utc(), nullable=False))


class SigningCertificate(SQLModel, table=True):
    """The registry: which person, in which role, signs with the certificate of this fingerprint,
    from when to when, and whether the office revoked it."""

    __tablename__ = "signing_certificates"
    __table_args__ = (
        CheckConstraint("role IN ('caseworker', 'supervisor')",
                        name="ck_signing_certificates_role"),
        Index("ix_signing_certificates_person", "person"),
    )

    fingerprint: str = Field(sa_column=Column(String(64), primary_key=True))  # SHA-256 of DER
    person: str = Field(sa_column=Column(String(200), nullable=False))
    role: str = Field(sa_column=Column(String(16), nullable=False))
    issuer_fingerprint: str = Field(sa_column=Column(
        String(64), ForeignKey("office_authorities.fingerprint"), nullable=False))
    not_before: datetime = Field(sa_column=Column(_utc(), nullable=False))
    not_after: datetime = Field(sa_column=Column(_utc(), nullable=False))
    registered_at: datetime = Field(sa_column=Column(_utc(), nullable=False))
    revoked_at: datetime | None = Field(default=None, sa_column=Column(_utc()))
    revoked_reason: str | None = Field(default=None, sa_column=Column(Text))


# The field-sync tables (migration 0011) join the same metadata.
from db import field_models as _field_models  # noqa: E402,F401

metadata = SQLModel.metadata
