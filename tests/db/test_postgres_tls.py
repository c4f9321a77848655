"""PostgreSQL over TLS: sslmode=verify-full in the URL reaches the driver and is enforced.

Starts its own throwaway server with ssl=on and a self-signed certificate made here (with
`cryptography`), on a free port of 127.0.0.1.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import text

import db

pytestmark = [pytest.mark.postgres, pytest.mark.slow]


def _pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _self_signed(folder: Path, name: str) -> tuple[Path, Path]:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = folder / f"{name}.crt", folder / f"{name}.key"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    key_file.chmod(0o600)
    return cert_file, key_file


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def tls_server() -> Iterator[tuple[int, Path]]:
    """(port, the certificate to trust) of a TLS-only PostgreSQL server."""
    if not os.environ.get("WAYPOINT_TEST_PG_URL") and os.environ.get("WAYPOINT_REQUIRE_PG") != "1":
        pytest.skip("PostgreSQL tests run when WAYPOINT_TEST_PG_URL is set (.ci/postgres.sh)")
    pg_bin = _pg_bin()
    if pg_bin is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        if os.environ.get("WAYPOINT_REQUIRE_PG") == "1":
            pytest.fail("PostgreSQL server binaries are needed for the TLS test")
        pytest.skip("PostgreSQL server binaries not found")
    # Not under pytest's tmp folder: the postgres user must reach it (that one is 0700).
    root = Path(tempfile.mkdtemp(prefix="wp-pg-tls-"))
    root.chmod(0o755)
    data = root / "data"
    data.mkdir(mode=0o700)
    cert, key = _self_signed(root, "server")
    if os.geteuid() == 0:
        shutil.chown(data, "postgres", "postgres")
        shutil.chown(key, "postgres", "postgres")
    port = _free_port()
    subprocess.run(_as_postgres([str(pg_bin / "initdb"), "-D", str(data), "-U", "postgres",
                                 "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"]),
                   check=True, capture_output=True)
    # TLS only: a connection without it is refused by pg_hba.
    (data / "pg_hba.conf").write_text("hostssl all all 127.0.0.1/32 trust\n"
                                      "local all all trust\n")
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off -c ssl=on "
               f"-c ssl_cert_file={cert} -c ssl_key_file={key}")
    subprocess.run(_as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-l",
                                 str(data / "server.log"), "-w", "-t", "30", "-o", options,
                                 "start"]), check=True, capture_output=True)
    try:
        yield port, cert
    finally:
        subprocess.run(_as_postgres([str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                     "-w", "stop"]), capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def test_verify_full_connects_over_tls(tls_server: tuple[int, Path]) -> None:
    port, cert = tls_server
    url = (f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
           f"?sslmode=verify-full&sslrootcert={cert}")
    database = db.open_database(url)
    try:
        with database.read() as connection:
            in_use = connection.execute(text(
                "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")).scalar()
        assert in_use is True
        assert database.cases.count() == 0  # migrated and usable over TLS
    finally:
        database.close()


def test_verify_full_refuses_a_certificate_it_does_not_trust(
        tls_server: tuple[int, Path], tmp_path: Path) -> None:
    port, _cert = tls_server
    stranger, _key = _self_signed(tmp_path, "stranger")
    url = (f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
           f"?sslmode=verify-full&sslrootcert={stranger}")
    with pytest.raises(db.DatabaseUnavailableError, match="certificate verify failed"):
        db.open_database(url)


def test_without_tls_the_server_refuses(tls_server: tuple[int, Path]) -> None:
    port, _cert = tls_server
    with pytest.raises(db.DatabaseUnavailableError, match="Cannot reach the database server"):
        db.open_database(f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
                         "?sslmode=disable")
