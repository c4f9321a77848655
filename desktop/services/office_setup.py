"""Setting up an office's PostgreSQL server: schema, group roles, privileges, people.

The checks and the order of the work; the role SQL itself is db.office_roles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy.engine import make_url

from db import open_database
from db.engine import build_engine
from db.office_roles import GROUP_OF_ROLE, create_group_roles, ensure_person_login, join_group
from db.review import Role, Visibility
from db.server_tls import allow_insecure
from desktop.services.office_people import check_password, set_password
from desktop.services.review import ReviewService

__all__ = ["OfficeSetupError", "ServerReady", "add_person", "allow_insecure", "init_server",
           "url_for_person"]

LOGIN_PATTERN = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


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
            create_group_roles(connection, name)
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
            if not ensure_person_login(connection, login):
                raise OfficeSetupError(f"{login} is a superuser or group role, not a person")
            if password is not None:
                set_password(connection, login, password)
            join_group(connection, login, role)
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
