"""The registry of signing identities: the certificate authorities an office trusts and, per
officer's certificate, the person, role, validity dates and revocation (migration 0006).

Every change is an audit entry in the same transaction. Reading the whole registry is one small
snapshot (an office has tens of officers), which `memo verify` checks each signature against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, select

from db.audit import AuditEvent, append, as_utc
from db.errors import DatabaseError
from db.models import OfficeAuthority, OfficePerson, SigningCertificate

if TYPE_CHECKING:
    from db.database import Database

authorities_table = OfficeAuthority.__table__  # type: ignore[attr-defined]
certificates_table = SigningCertificate.__table__  # type: ignore[attr-defined]
people_table = OfficePerson.__table__  # type: ignore[attr-defined]


class RegistryError(DatabaseError):
    """A registry change that cannot be made (unknown authority, unknown certificate …)."""


@dataclass(frozen=True)
class Authority:
    """A certificate authority the office trusts."""

    fingerprint: str
    name: str
    certificate_der: bytes
    added_at: datetime


@dataclass(frozen=True)
class RegisteredCertificate:
    """One officer's certificate as the office registered it."""

    fingerprint: str
    person: str
    role: str
    issuer_fingerprint: str
    not_before: datetime
    not_after: datetime
    registered_at: datetime
    revoked_at: datetime | None
    revoked_reason: str | None


@dataclass(frozen=True)
class RegistrySnapshot:
    """The whole registry as read at one moment."""

    authorities: dict[str, Authority]
    certificates: dict[str, RegisteredCertificate]


def _certificate(row: Any) -> RegisteredCertificate:
    return RegisteredCertificate(
        fingerprint=row.fingerprint, person=row.person, role=row.role,
        issuer_fingerprint=row.issuer_fingerprint, not_before=as_utc(row.not_before),
        not_after=as_utc(row.not_after), registered_at=as_utc(row.registered_at),
        revoked_at=as_utc(row.revoked_at) if row.revoked_at is not None else None,
        revoked_reason=row.revoked_reason)


def read_snapshot(connection: Connection) -> RegistrySnapshot:
    """Every trusted authority and registered certificate."""
    authorities = {row.fingerprint: Authority(row.fingerprint, row.name,
                                              bytes(row.certificate_der), as_utc(row.added_at))
                   for row in connection.execute(select(authorities_table))}
    certificates = {row.fingerprint: _certificate(row)
                    for row in connection.execute(select(certificates_table))}
    return RegistrySnapshot(authorities, certificates)


class SigningRegistry:
    """Changes to and reads of the registry, on an open database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def snapshot(self) -> RegistrySnapshot:
        with self._db.read() as connection:
            return read_snapshot(connection)

    def office_roles_of(self, person: str) -> set[str]:
        """The roles the office's people (profiles or logins) with this name hold."""
        with self._db.read() as connection:
            return {row.role for row in connection.execute(select(people_table.c.role).where(
                people_table.c.display_name == person))}

    def trust_authority(self, authority: Authority, *, actor: str | None) -> bool:
        """Trust the authority (True), or False when it was trusted already."""
        with self._db.write() as connection:
            known = connection.execute(select(authorities_table.c.fingerprint).where(
                authorities_table.c.fingerprint == authority.fingerprint)).first()
            if known is not None:
                return False
            connection.execute(authorities_table.insert().values(
                fingerprint=authority.fingerprint, name=authority.name,
                certificate_der=authority.certificate_der, added_at=authority.added_at))
            append(connection, authority.added_at, actor, [AuditEvent(
                "identity.authority_trusted", details={"authority": authority.fingerprint})])
        return True

    def register(self, certificate: RegisteredCertificate, *, actor: str | None) -> None:
        """Record an issued certificate: it now names its person, in that role."""
        with self._db.write() as connection:
            issuer = connection.execute(select(authorities_table.c.fingerprint).where(
                authorities_table.c.fingerprint == certificate.issuer_fingerprint)).first()
            if issuer is None:
                raise RegistryError("The certificate's authority is not one this office trusts.")
            connection.execute(certificates_table.insert().values(
                fingerprint=certificate.fingerprint, person=certificate.person,
                role=certificate.role, issuer_fingerprint=certificate.issuer_fingerprint,
                not_before=certificate.not_before, not_after=certificate.not_after,
                registered_at=certificate.registered_at))
            append(connection, certificate.registered_at, actor, [AuditEvent(
                "identity.certificate_registered",
                details={"certificate": certificate.fingerprint, "role": certificate.role})])

    def revoke(self, person: str, *, fingerprint: str | None, reason: str, now: datetime,
               actor: str | None) -> list[str]:
        """Revoke the person's certificates still in force (or just the one named by its
        fingerprint or a prefix of it); returns the fingerprints revoked."""
        table = certificates_table
        with self._db.write() as connection:
            rows = connection.execute(select(table).where(
                table.c.person == person, table.c.revoked_at.is_(None))).all()
            if fingerprint:
                rows = [row for row in rows if row.fingerprint.startswith(fingerprint.lower())]
            if not rows:
                raise RegistryError(f"{person} has no certificate in force"
                                    + (f" matching {fingerprint}." if fingerprint else "."))
            revoked = [row.fingerprint for row in rows]
            connection.execute(table.update().where(table.c.fingerprint.in_(revoked)).values(
                revoked_at=now, revoked_reason=reason))
            append(connection, now, actor, [AuditEvent(
                "identity.certificate_revoked", details={"certificate": one})
                for one in revoked])
        return revoked
