"""The office load benchmark, short: 4 client processes for 5 s against one PostgreSQL server."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.postgres

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_office_load.py"


def test_short_office_load_loses_no_update_and_names_every_actor(
        pg_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Importable by name, so the spawned client processes find its functions too.
    monkeypatch.syspath_prepend(str(BENCH.parent))
    import bench_office_load as bench
    # pg_url is a fresh database; the benchmark makes its own beside it on the same server.
    figures = bench.run(pg_url, clients=4, seconds=5, supervisors=1, case_count=30)
    assert figures["problems"] == []
    assert figures["saves"] > 0 and figures["searches"] > 0
    assert 0 < figures["save_p50_ms"] <= figures["save_p95_ms"]
