"""An office's people on its server: password policy, passwords, removing someone, audited.

Passwords reach the server only as SCRAM verifiers computed here (libpq's own
PQencryptPasswordConn), so no statement, server log or shell history holds one in clear.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from db import open_database
from db.audit import AuditEvent, append
from db.engine import build_engine

MIN_LENGTH = 12
PASSPHRASE_WORDS = 4
WORD = re.compile(r"[^\W\d_]{2,}")


class PasswordPolicyError(ValueError):
    """A password the office's policy refuses (the message says why, never the password)."""


def password_problem(password: str, login: str) -> str | None:
    """Why this password is refused, or None: at least 12 characters or a passphrase of 4
    words, not containing the login, not one character repeated."""
    if not password or password != password.strip():
        return "a password cannot be empty or start or end with a space"
    words = WORD.findall(password)
    if len(password) < MIN_LENGTH and len(words) < PASSPHRASE_WORDS:
        return (f"use at least {MIN_LENGTH} characters, or a passphrase of "
                f"{PASSPHRASE_WORDS} or more words")
    if login and login.lower() in password.lower():
        return "a password cannot contain the login"
    if len(set(password)) < 4:
        return "a password needs more than a few different characters"
    return None


def check_password(password: str, login: str) -> None:
    problem = password_problem(password, login)
    if problem is not None:
        raise PasswordPolicyError(f"password for {login}: {problem}")


def set_password(connection: Connection, login: str, password: str) -> None:
    """ALTER ROLE … PASSWORD with the SCRAM verifier, not the password itself."""
    check_password(password, login)
    driver: Any = connection.connection.dbapi_connection
    pgconn = getattr(driver, "pgconn", None)
    if pgconn is None:
        raise PasswordPolicyError("setting a password needs the psycopg driver")
    verifier = pgconn.encrypt_password(password.encode(), login.encode(), b"scram-sha-256")
    from psycopg import sql

    with driver.cursor() as cursor:  # same transaction; literal quoting done by psycopg
        cursor.execute(sql.SQL("ALTER ROLE {} PASSWORD {}").format(
            sql.Identifier(login), sql.Literal(verifier.decode())))


def _audit(admin_url: str, action: str, login: str) -> None:
    database = open_database(admin_url)
    try:
        with database.write() as connection:
            if action == "office.person_removed":
                connection.execute(text("DELETE FROM office_people WHERE login = :l"),
                                   {"l": login})
            append(connection, datetime.now(UTC), make_url(admin_url).username or "admin",
                   [AuditEvent(action, details={"login": login})])
    finally:
        database.close()


def _existing_login(connection: Connection, login: str, *, removed_too: bool = False) -> None:
    found = connection.execute(text(
        "SELECT 1 FROM pg_roles WHERE rolname = :l AND NOT rolsuper "
        "AND rolname NOT LIKE 'waypoint\\_%' AND (pg_has_role(:l, 'waypoint_caseworker', "
        "'MEMBER') OR (:removed AND NOT rolcanlogin))"),
        {"l": login, "removed": removed_too}).first()
    if found is None:
        raise PasswordPolicyError(f"{login} is not a person of this office")


def reset_password(admin_url: str, login: str, password: str) -> None:
    """A new password for someone (their old one stops working at once); audited."""
    check_password(password, login)
    engine = build_engine(admin_url)
    try:
        with engine.begin() as connection:
            _existing_login(connection, login)
            set_password(connection, login, password)
    finally:
        engine.dispose()
    _audit(admin_url, "office.password_reset", login)


def remove_person(admin_url: str, login: str) -> int:
    """Someone leaves: no login, no group, no password, their sessions ended; their name stays
    in the audit log and memos (the role is kept, so the login is never given to another).
    Returns how many open sessions were ended."""
    engine = build_engine(admin_url)
    try:
        with engine.begin() as connection:
            _existing_login(connection, login, removed_too=True)
            connection.execute(text(f'ALTER ROLE "{login}" NOLOGIN PASSWORD NULL'))
            for group in ("waypoint_caseworker", "waypoint_supervisor"):
                connection.execute(text(f'REVOKE {group} FROM "{login}"'))
            ended = connection.execute(text(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE usename = :l AND (pg_has_role(current_user, 'pg_signal_backend', "
                "'MEMBER'))"), {"l": login}).scalar_one()
    finally:
        engine.dispose()
    _audit(admin_url, "office.person_removed", login)
    return int(ended)
