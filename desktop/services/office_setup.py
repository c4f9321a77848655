"""Setting up an office's PostgreSQL server: schema, group roles, privileges, people."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from db import open_database
from db.engine import build_engine
from db.guards import NARROW_WRITES
from db.review import Role, Visibility
from db.server_tls import allow_insecure
from desktop.services.office_people import check_password, set_password
from desktop.services.review import ReviewService

__all__ = ["OfficeSetupError", "ServerReady", "add_person", "allow_insecure", "init_server",
           "url_for_person"]

CASEWORKER_GROUP = "waypoint_caseworker"
SUPERVISOR_GROUP = "waypoint_supervisor"
GROUP_OF_ROLE = {"caseworker": CASEWORKER_GROUP, "supervisor": SUPERVISOR_GROUP}
LOGIN_PATTERN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")

# What a caseworker's role may do; a supervisor's role is a member of the caseworker group,
# and the database's triggers (migration 0005) keep approval to supervisors.
# The audit chain is locked through waypoint_lock_audit() (migration 0008_office), so nobody
# holds UPDATE (hence LOCK) on audit_log; memos are only ever inserted.
CASEWORKER_GRANTS = (
    "GRANT USAGE ON SCHEMA public TO waypoint_caseworker",
    "GRANT SELECT ON ALL TABLES IN SCHEMA public TO waypoint_caseworker",
    "REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, memos FROM waypoint_caseworker",
    "GRANT INSERT, UPDATE ON cases, determinations, case_reviews TO waypoint_caseworker",
    "GRANT INSERT ON memos, audit_log TO waypoint_caseworker",
    "REVOKE ALL ON FUNCTION waypoint_lock_audit() FROM PUBLIC",
    "GRANT EXECUTE ON FUNCTION waypoint_lock_audit() TO waypoint_caseworker",
    "GRANT INSERT, UPDATE, DELETE ON journey_stops, protection_claims TO waypoint_caseworker",
    "GRANT INSERT ON review_comments TO waypoint_caseworker",
    "GRANT INSERT ON audit_anchors TO waypoint_caseworker",  # laptops' anchors (0007)
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO waypoint_caseworker",
)


class OfficeSetupError(ValueError):
    """A setup request that cannot work (not PostgreSQL, a bad login name)."""


@dataclass(frozen=True)
class ServerReady:
    """What init-server did."""

    database: str
    revision: str | None
    review_required: bool


def _require_postgres(url: str) -> None:
    if make_url(url).get_backend_name() != "postgresql":
        raise OfficeSetupError("init-server is for an office's PostgreSQL server "
                               "(postgresql+psycopg://…); SQLite uses local profiles")


def _create_group(connection: Connection, name: str) -> None:
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first()
    if exists is None:
        connection.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))


def init_server(admin_url: str, *, review_required: bool = True,
                visibility: Visibility | None = None) -> ServerReady:
    """Migrate the schema and create the two group roles with their privileges (idempotent).

    Run as the database owner or a superuser. The office's review setting is stored too.
    """
    _require_postgres(admin_url)
    database = open_database(admin_url)  # creates or migrates the schema
    try:
        revision = database.schema_revision()
        name = make_url(admin_url).database or ""
        with database.engine.begin() as connection:
            _create_group(connection, CASEWORKER_GROUP)
            _create_group(connection, SUPERVISOR_GROUP)
            connection.execute(text(f"GRANT {CASEWORKER_GROUP} TO {SUPERVISOR_GROUP}"))
            # Only the office's people connect; nobody makes temporary tables or schemas.
            connection.execute(text(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC'))
            connection.execute(text(f'GRANT CONNECT ON DATABASE "{name}" TO {CASEWORKER_GROUP}'))
            for grant in (*CASEWORKER_GRANTS, NARROW_WRITES):  # column UPDATE, no DELETE
                connection.execute(text(grant))
        service = ReviewService(database, actor=make_url(admin_url).username or "admin")
        service.set_review_required(review_required)
        if visibility is not None:
            service.set_visibility(visibility)
    finally:
        database.close()
    return ServerReady(name, revision, review_required)


def add_person(admin_url: str, login: str, display_name: str, role: Role,
               password: str | None = None) -> None:
    """Create a person's login role in their group and record their name for memos."""
    _require_postgres(admin_url)
    if not LOGIN_PATTERN.match(login):
        raise OfficeSetupError(f"login {login!r}: use lower-case letters, digits and _ "
                               "(at most 63), starting with a letter")
    if role not in GROUP_OF_ROLE:
        raise OfficeSetupError(f"role must be caseworker or supervisor, not {role!r}")
    if password is not None:
        check_password(password, login)
    engine = build_engine(admin_url)
    try:
        with engine.begin() as connection:
            exists = connection.execute(
                text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login}).first()
            if exists is None:
                connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
            elif login.startswith("waypoint_") or connection.execute(text(
                    "SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar():
                raise OfficeSetupError(f"{login} is a superuser or group role, not a person")
            else:
                connection.execute(text(f'ALTER ROLE "{login}" LOGIN'))
            # A transaction left open (holding locks others wait for) ends after 5 minutes.
            connection.execute(text(f'ALTER ROLE "{login}" SET '
                                    "idle_in_transaction_session_timeout = '5min'"))
            if password is not None:
                set_password(connection, login, password)
            other = next(g for r, g in GROUP_OF_ROLE.items() if r != role)
            connection.execute(text(f'REVOKE {other} FROM "{login}"'))
            connection.execute(text(f'GRANT {GROUP_OF_ROLE[role]} TO "{login}"'))
    finally:
        engine.dispose()
    database = open_database(admin_url)
    try:
        ReviewService(database, actor=make_url(admin_url).username or "admin").add_profile(
            login, display_name, role)
    finally:
        database.close()


def url_for_person(admin_url: str, login: str) -> str:
    """The server URL with the person's login instead of the administrator's."""
    # URL.set() ignores password=None: replace it, so the administrator's password never shows.
    return make_url(admin_url)._replace(username=login, password=None).render_as_string(
        hide_password=True)
