"""TLS by default: a network server URL gets verify-full or is refused; local ones are not."""

from __future__ import annotations

import pytest
from sqlalchemy.engine import make_url

from db.errors import DatabaseUnavailableError
from db.server_tls import INSECURE_ENV, masked_url, with_tls


def _mode(url: str, insecure: bool | None = None) -> str | None:
    mode = with_tls(make_url(url), insecure=insecure).query.get("sslmode")
    return mode if isinstance(mode, str) or mode is None else str(mode)


def test_a_network_server_gets_verify_full_by_default() -> None:
    assert _mode("postgresql+psycopg://ana@db.office.example/waypoint") == "verify-full"
    assert _mode("postgresql+psycopg://ana@10.0.0.5:5432/waypoint") == "verify-full"
    assert _mode("postgresql+psycopg://ana@db/waypoint?sslmode=verify-ca") == "verify-ca"


@pytest.mark.parametrize("mode", ["disable", "allow", "prefer"])
def test_clear_text_to_a_network_server_is_refused_unless_insecure(
        mode: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(INSECURE_ENV, raising=False)
    url = f"postgresql+psycopg://ana:pw@db.office.example/waypoint?sslmode={mode}"
    with pytest.raises(DatabaseUnavailableError, match="without TLS.*--insecure") as refused:
        with_tls(make_url(url))
    assert "pw" not in str(refused.value).replace("passwords", "")
    assert _mode(url, insecure=True) == mode
    monkeypatch.setenv(INSECURE_ENV, "1")  # what `waypoint --insecure` sets
    assert _mode(url) == mode


@pytest.mark.parametrize("url", [
    "postgresql+psycopg://postgres@127.0.0.1:54329/waypoint",
    "postgresql+psycopg://postgres@localhost/waypoint?sslmode=disable",
    "postgresql+psycopg://postgres@[::1]/waypoint",
    "postgresql+psycopg://postgres@/waypoint?host=/var/run/postgresql",
    "postgresql+psycopg:///waypoint",
    "sqlite:///tmp/x.sqlite3",
])
def test_local_servers_and_sqlite_are_left_as_they_are(url: str) -> None:
    assert with_tls(make_url(url)) == make_url(url)


def test_a_masked_url_hides_the_password() -> None:
    shown = masked_url("postgresql+psycopg://sam:Very-Secret-1@db/waypoint?sslmode=verify-full")
    assert "Very-Secret" not in shown and "sam:***@db" in shown
