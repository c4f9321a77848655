"""A throwaway PostgreSQL server as an office runs it: SCRAM passwords, TLS only, its own CA.

Started once per test session (tests/office/conftest.py) on a free port of 127.0.0.1. The
administrator is `postgres` with a random password; pg_hba.conf accepts only `hostssl ...
scram-sha-256`, so a login without TLS or without the right password is refused.
"""

from __future__ import annotations

import datetime
import ipaddress
import os
import secrets
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

HBA = "hostssl all all 127.0.0.1/32 scram-sha-256\nlocal all postgres scram-sha-256\n"


@dataclass(frozen=True)
class ScramServer:
    """Where the server listens and how its administrator connects."""

    root: Path
    data: Path
    port: int
    ca_file: Path
    admin_password: str

    def url(self, login: str, password: str, database: str = "postgres", *,
            sslmode: str = "verify-full") -> str:
        return (f"postgresql+psycopg://{login}:{quote(password, safe='')}@127.0.0.1:"
                f"{self.port}/{database}?sslmode={sslmode}&sslrootcert={self.ca_file}")

    def admin_url(self, database: str = "postgres") -> str:
        return self.url("postgres", self.admin_password, database)


def pg_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"))
    return found[-1].parent if found else None


def _as_postgres(command: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _write_key(key: object, path: Path) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    assert isinstance(key, ec.EllipticCurvePrivateKey)
    path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                       serialization.PrivateFormat.PKCS8,
                                       serialization.NoEncryption()))
    path.chmod(0o600)


def make_certificates(folder: Path) -> tuple[Path, Path, Path]:
    """A throwaway CA and a server certificate it signed for 127.0.0.1 and localhost."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    now = datetime.datetime.now(datetime.UTC)
    ca_key, server_key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(
        ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Office test CA")])
    ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name)
          .public_key(ca_key.public_key()).serial_number(x509.random_serial_number())
          .not_valid_before(now - datetime.timedelta(minutes=5))
          .not_valid_after(now + datetime.timedelta(days=1))
          .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
          .sign(ca_key, hashes.SHA256()))
    server = (x509.CertificateBuilder()
              .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
              .issuer_name(ca_name).public_key(server_key.public_key())
              .serial_number(x509.random_serial_number())
              .not_valid_before(now - datetime.timedelta(minutes=5))
              .not_valid_after(now + datetime.timedelta(days=1))
              .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
              .add_extension(x509.SubjectAlternativeName(
                  [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                  critical=False)
              .sign(ca_key, hashes.SHA256()))
    ca_file, cert_file, key_file = folder / "ca.crt", folder / "server.crt", folder / "server.key"
    ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    cert_file.write_bytes(server.public_bytes(serialization.Encoding.PEM))
    _write_key(server_key, key_file)
    return ca_file, cert_file, key_file


def start(binaries: Path) -> ScramServer:
    """initdb with SCRAM, TLS on, hostssl-only access; returns once it accepts connections."""
    root = Path(tempfile.mkdtemp(prefix="wp-pg-scram-"))  # the postgres user must reach it
    root.chmod(0o755)
    data = root / "data"
    data.mkdir(mode=0o700)
    ca_file, cert_file, key_file = make_certificates(root)
    password = secrets.token_urlsafe(24)
    password_file = root / "pwfile"
    password_file.write_text(password + "\n", encoding="utf-8")
    password_file.chmod(0o600)
    if os.geteuid() == 0:
        for owned in (data, key_file, password_file):
            shutil.chown(owned, "postgres", "postgres")
    port = _free_port()
    subprocess.run(_as_postgres([str(binaries / "initdb"), "-D", str(data), "-U", "postgres",
                                 "--auth=scram-sha-256", f"--pwfile={password_file}", "-E",
                                 "UTF8", "--locale=C.UTF-8"]), check=True, capture_output=True)
    password_file.unlink()
    (data / "pg_hba.conf").write_text(HBA, encoding="utf-8")
    options = (f"-c listen_addresses=127.0.0.1 -p {port} -k {data} -c fsync=off -c ssl=on "
               f"-c ssl_cert_file={cert_file} -c ssl_key_file={key_file} "
               "-c password_encryption=scram-sha-256")
    subprocess.run(_as_postgres([str(binaries / "pg_ctl"), "-D", str(data), "-l",
                                 str(data / "server.log"), "-w", "-t", "30", "-o", options,
                                 "start"]), check=True, capture_output=True)
    return ScramServer(root, data, port, ca_file, password)


def stop(server: ScramServer, binaries: Path) -> None:
    subprocess.run(_as_postgres([str(binaries / "pg_ctl"), "-D", str(server.data), "-m",
                                 "immediate", "-w", "stop"]), capture_output=True)
    shutil.rmtree(server.root, ignore_errors=True)
