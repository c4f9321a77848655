"""docs/office.md, followed from nothing on a fresh PostgreSQL cluster, by its own commands.

The commands are read from the page's code blocks (so the page cannot drift from what works)
and run with a few substitutions a test needs: the cluster lives in a temporary folder
instead of /etc/postgresql/15/main and is started with pg_ctl instead of systemctl; the
office network 10.0.0.0/24 is 127.0.0.1/32; `hostaddr=127.0.0.1` is added where the page names
db.office.example, so TLS is still verified (verify-full) against that name. The typed
passwords the page has people enter are given on stdin, and ~/.pgpass is a temporary file.
Then a caseworker imports and lists a case from the CLI, the database is dumped, restored
into a scratch database and `waypoint audit verify` checks the restored chain.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.db.conftest import make_case
from tests.office.scram_server import make_certificates, pg_bin

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

DOCS = Path(__file__).resolve().parents[2] / "docs" / "office.md"
ADMIN_PASSWORD = "a long passphrase only IT knows"  # the one the page's SQL sets
PASSWORDS = {"PW_ana": "correct horse battery staple", "PW_sam": "Okafor's long office pass",
             "NEW": "Adler-has-a-Long-pass-2026", "PW_ana_reset": "a brand new staple, reset today"}


def sections() -> dict[str, list[str]]:
    """Each heading of the page -> the code blocks under it, in order."""
    found: dict[str, list[str]] = {}
    heading = ""
    for part in re.split(r"^(#{2,3} .*)$", DOCS.read_text(encoding="utf-8"), flags=re.M):
        if part.startswith("#"):
            heading = part.lstrip("# ").strip()
            continue
        found.setdefault(heading, []).extend(
            re.findall(r"^```[a-z]*\n(.*?)^```", part, flags=re.S | re.M))
    return found


def blocks(start: str) -> list[str]:
    matches = [code for heading, code in sections().items() if heading.startswith(start)]
    assert matches and matches[0], f"docs/office.md has no code under a heading {start!r}"
    return matches[0]


class Walk:
    """The temporary server machine: its folders, environment and substitutions."""

    def __init__(self, root: Path, binaries: Path) -> None:
        self.root, self.binaries = root, binaries
        self.etc, self.data, self.certs = root / "etc", root / "data", root / "certs"
        self.sockets = root / "run"  # the cluster's socket folder (the postgres user's)
        self.port = _free_port()
        pgpass = root / "pgpass"
        pgpass.write_text(f"*:*:*:waypoint_admin:{ADMIN_PASSWORD}\n"
                          f"*:*:*:ana:{PASSWORDS['PW_ana_reset']}\n", encoding="utf-8")
        pgpass.chmod(0o600)
        self.env = {**os.environ, **PASSWORDS, "PGPORT": str(self.port),
                    "PGHOST": str(self.sockets), "PGPASSFILE": str(pgpass), "HOME": str(root),
                    "PATH": f"{Path(sys.executable).parent}:{binaries}:{os.environ['PATH']}"}
        for name in ("WAYPOINT_DATABASE_URL", "PGPASSWORD", "PGUSER", "PGDATABASE"):
            self.env.pop(name, None)

    def adapt(self, text: str) -> str:
        ca = self.certs / "ca.crt"
        for old, new in (("/etc/postgresql/15/main", str(self.etc)),
                         ("10.0.0.0/24", "127.0.0.1/32"),
                         ("listen_addresses = '*'", "listen_addresses = '127.0.0.1'"),
                         ("sudo -u postgres ", "runuser -u postgres -- "), ("sudo ", ""),
                         ('sslrootcert=/path/ca.crt"', f'sslrootcert={ca} hostaddr=127.0.0.1"'),
                         ("sslrootcert=/path/ca.crt", f"sslrootcert={ca}&hostaddr=127.0.0.1")):
            text = text.replace(old, new)
        return text

    def run(self, script: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["bash", "-euo", "pipefail", "-c", self.adapt(script)],
                              cwd=cwd or self.root, env=self.env, capture_output=True,
                              text=True, timeout=300)

    def bash(self, script: str, cwd: Path | None = None) -> str:
        done = self.run(script, cwd)
        assert done.returncode == 0, f"{script}\n--- stdout\n{done.stdout}\n--- stderr\n" \
                                     f"{done.stderr}"
        return done.stdout

    def as_postgres(self, command: list[str]) -> None:
        done = subprocess.run(["runuser", "-u", "postgres", "--", *command],
                              capture_output=True, text=True, env=self.env, timeout=120)
        log = self.data / "server.log"
        assert done.returncode == 0, (f"{command}: {done.stdout}{done.stderr}"
                                      + (log.read_text() if log.is_file() else ""))


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def typed_on_stdin(block: str) -> str:
    """The page's interactive password prompts, answered on stdin (one password a login)."""
    lines = []
    for line in block.splitlines():
        asked = re.match(r'^waypoint admin (add-person|reset-password) "\$ADMIN" (\w+)', line)
        if asked and "--password-stdin" not in line:
            variable = f"PW_{asked.group(2)}" + ("_reset" if asked.group(1) == "reset-password"
                                                 else "")
            line = (f"printf '%s\\n' \"${variable}\" | " + line.split("#")[0].rstrip()
                    + " --password-stdin")
        lines.append(line)
    return "\n".join(lines)


@pytest.fixture
def walk() -> Iterator[Walk]:
    if not os.environ.get("WAYPOINT_TEST_PG_URL") and os.environ.get("WAYPOINT_REQUIRE_PG") != "1":
        pytest.skip("PostgreSQL tests run when WAYPOINT_TEST_PG_URL is set (.ci/postgres.sh)")
    binaries = pg_bin()
    if binaries is None or os.geteuid() != 0 or shutil.which("runuser") is None:
        # The page's commands run as root and as the postgres system user (sudo -u postgres).
        pytest.skip("the docs walk needs root, runuser and the PostgreSQL server binaries")
    root = Path(tempfile.mkdtemp(prefix="wp-docs-walk-"))
    root.chmod(0o755)
    walk = Walk(root, binaries)
    for folder in (walk.etc, walk.data, walk.certs, walk.sockets, root / "other"):
        folder.mkdir(mode=0o755)
    shutil.chown(walk.data, "postgres", "postgres")
    shutil.chown(walk.sockets, "postgres", "postgres")
    walk.data.chmod(0o700)
    try:
        yield walk
    finally:
        subprocess.run(["runuser", "-u", "postgres", "--", str(binaries / "pg_ctl"), "-D",
                        str(walk.data), "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


def _start_server(walk: Walk) -> None:
    """Steps 2-3: the page's certificates, postgresql.conf lines and pg_hba.conf, then start."""
    walk.as_postgres([str(walk.binaries / "initdb"), "-D", str(walk.data), "-U", "postgres",
                      "--auth-local=peer", "--auth-host=scram-sha-256", "-E", "UTF8",
                      "--locale=C.UTF-8"])
    certificates, configuration = blocks("2. Certificates")
    walk.bash(certificates, cwd=walk.certs)
    with (walk.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
        conf.write(walk.adapt(configuration))
        conf.write(f"\nport = {walk.port}\nunix_socket_directories = '{walk.sockets}'\n")
    (walk.data / "pg_hba.conf").write_text(walk.adapt(blocks("3. Who may connect")[0]),
                                           encoding="utf-8")
    walk.as_postgres([str(walk.binaries / "pg_ctl"), "-D", str(walk.data), "-l",
                      str(walk.data / "server.log"), "-w", "-t", "30", "start"])


def test_the_office_page_works_from_nothing(walk: Walk) -> None:
    _start_server(walk)
    walk.bash("runuser -u postgres -- psql -v ON_ERROR_STOP=1 <<'SQL'\n"
              + blocks("1. The database")[0] + "SQL\n")
    setup = blocks("4. Schema")[0]
    people = typed_on_stdin(blocks("5. People")[0])
    walk.bash(setup + "\n" + people)
    case_file = walk.root / "case.json"
    case_file.write_text(json.dumps(make_case()), encoding="utf-8")
    laptop = blocks("6. Laptops")[1]
    assert "pgpass" in laptop and "waypoint list" in laptop
    listed = walk.bash("\n".join(line for line in laptop.splitlines()
                                 if not line.startswith(("printf", "chmod"))))  # pgpass is set
    assert "Ramírez Cruz" in listed

    # verify-full by default: with another CA's certificate the same URL is refused.
    other_ca = make_certificates(walk.root / "other")[0]
    url = next(line for line in laptop.splitlines() if "WAYPOINT_DATABASE_URL=" in line)
    refused = walk.run(walk.adapt(url).replace(str(walk.certs / "ca.crt"), str(other_ca))
                       + "\nwaypoint list")
    assert refused.returncode != 0 and "certificate verify failed" in refused.stderr
    assert "Cannot reach the database server" in refused.stderr
    assert "damaged" not in refused.stderr
    assert PASSWORDS["PW_ana_reset"] not in refused.stdout + refused.stderr
    roles = walk.bash("runuser -u postgres -- psql -At -d waypoint -c \"SELECT rolname, "
                      "rolcanlogin FROM pg_roles WHERE rolname IN ('ana', 'ben', 'sam') "
                      "ORDER BY 1\"")
    assert roles.split() == ["ana|t", "ben|f", "sam|t"]  # ben removed: no login

    entries = walk.bash("runuser -u postgres -- psql -At -d waypoint -c "
                        "'SELECT count(*) FROM audit_log'").strip()
    dump, restore = blocks("Backups and restore")[:2]
    verified = walk.bash(dump + "\n" + restore)
    assert f"Audit log: {entries} entries; memos: 0; OK" in verified, verified
    assert int(entries) >= 8  # init-server, people, reset, removal, the import
