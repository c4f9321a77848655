"""TLS by default for an office's server: no password or case crosses a network in clear.

A PostgreSQL URL whose host is not this machine gets `sslmode=verify-full` (the server's
certificate must chain to a trusted CA and name the host) when it names no sslmode, and is
refused when it asks for less (disable, allow, prefer) unless the person explicitly allowed
an insecure connection (`--insecure`, which sets WAYPOINT_INSECURE_SERVER=1). A loopback
address or a Unix socket is local: nothing crosses a network.
"""

from __future__ import annotations

import ipaddress
import os

from sqlalchemy.engine import URL, make_url

from db.errors import DatabaseUnavailableError

INSECURE_ENV = "WAYPOINT_INSECURE_SERVER"
DEFAULT_SSLMODE = "verify-full"
SECURE_MODES = frozenset({"require", "verify-ca", "verify-full"})


def is_local_host(host: str | None, socket_dir: str | None = None) -> bool:
    """A Unix socket (no host, or a folder) or a loopback address."""
    if socket_dir and socket_dir.startswith("/"):
        return True
    if not host or host.startswith("/") or host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def insecure_allowed() -> bool:
    return os.environ.get(INSECURE_ENV) == "1"


def allow_insecure() -> None:
    """What `--insecure` does: this process (and the ones it starts) may skip TLS."""
    os.environ[INSECURE_ENV] = "1"


def with_tls(url: URL, *, insecure: bool | None = None) -> URL:
    """The URL to connect with: verify-full added, or a refusal of a clear-text network link."""
    if url.get_backend_name() != "postgresql":
        return url
    socket_dir = url.query.get("host")
    if is_local_host(url.host, socket_dir if isinstance(socket_dir, str) else None):
        return url
    mode = url.query.get("sslmode")
    if mode is None:
        return url.update_query_dict({"sslmode": DEFAULT_SSLMODE})
    if mode in SECURE_MODES or (insecure_allowed() if insecure is None else insecure):
        return url
    raise DatabaseUnavailableError(
        f"The server {url.host} would be reached without TLS (sslmode={mode}): passwords and "
        "cases would cross the network in clear. Use sslmode=verify-full with the office's CA "
        "certificate (sslrootcert=…), or pass --insecure if you must.")


def masked_url(url: str) -> str:
    """The URL for a log or a message: its password shown as ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not a URL at all: say nothing of it
        return "(a database URL that could not be read)"
