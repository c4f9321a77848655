"""An office's PostgreSQL roles: the two group roles, their privileges, and a person's login.

The SQL of `waypoint admin init-server` and `add-person` (the services decide when to run it
and check the request first: desktop.services.office_setup). Every statement runs on the
connection given, inside the caller's transaction.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from db.guards import NARROW_WRITES

CASEWORKER_GROUP = "waypoint_caseworker"
SUPERVISOR_GROUP = "waypoint_supervisor"
GROUP_OF_ROLE = {"caseworker": CASEWORKER_GROUP, "supervisor": SUPERVISOR_GROUP}

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
    "GRANT INSERT ON field_devices, field_events, field_transfers, field_checkouts, "
    "field_conflicts TO waypoint_caseworker",  # field sync (0011); no DELETE
    "GRANT UPDATE ON field_checkouts, field_conflicts TO waypoint_caseworker",
    "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO waypoint_caseworker",
)


def _create_group(connection: Connection, name: str) -> None:
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}).first()
    if exists is None:
        connection.execute(text(f'CREATE ROLE "{name}" NOLOGIN'))


def create_group_roles(connection: Connection, name: str) -> None:
    """The two group roles and their privileges on database `name` (idempotent)."""
    _create_group(connection, CASEWORKER_GROUP)
    _create_group(connection, SUPERVISOR_GROUP)
    connection.execute(text(f"GRANT {CASEWORKER_GROUP} TO {SUPERVISOR_GROUP}"))
    # Only the office's people connect; nobody makes temporary tables or schemas.
    connection.execute(text(f'REVOKE ALL ON DATABASE "{name}" FROM PUBLIC'))
    connection.execute(text(f'GRANT CONNECT ON DATABASE "{name}" TO {CASEWORKER_GROUP}'))
    for grant in (*CASEWORKER_GRANTS, NARROW_WRITES):  # column UPDATE, no DELETE
        connection.execute(text(grant))


def ensure_person_login(connection: Connection, login: str) -> bool:
    """Create `login` as a LOGIN role, or let an existing person's role log in again.

    False (and nothing changed) when `login` is a superuser or one of our group roles: that is
    not a person. The caller has checked the name against the login pattern.
    """
    exists = connection.execute(
        text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": login}).first()
    if exists is None:
        connection.execute(text(f'CREATE ROLE "{login}" LOGIN'))
    elif login.startswith("waypoint_") or connection.execute(text(
            "SELECT rolsuper FROM pg_roles WHERE rolname = :n"), {"n": login}).scalar():
        return False
    else:
        connection.execute(text(f'ALTER ROLE "{login}" LOGIN'))
    # A transaction left open (holding locks others wait for) ends after 5 minutes.
    connection.execute(text(f'ALTER ROLE "{login}" SET '
                            "idle_in_transaction_session_timeout = '5min'"))
    return True


def join_group(connection: Connection, login: str, role: str) -> None:
    """Put `login` in the group of `role` (caseworker or supervisor) and out of the other."""
    other = next(g for r, g in GROUP_OF_ROLE.items() if r != role)
    connection.execute(text(f'REVOKE {other} FROM "{login}"'))
    connection.execute(text(f'GRANT {GROUP_OF_ROLE[role]} TO "{login}"'))
