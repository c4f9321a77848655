"""Every benchmark can fail: it takes --check and then exits non-zero when it misses its goal."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# bench_memo.py is the memo's own (it gets its --check with the memo work).
BENCHMARKS = ["bench_engine.py", "bench_startup.py", "bench_storage.py", "bench_gui_stalls.py",
              "bench_rule_impact.py", "bench_field_checkin.py"]


@pytest.mark.parametrize("name", BENCHMARKS)
def test_the_benchmark_offers_check(name: str) -> None:
    shown = subprocess.run([sys.executable, str(REPO / "benchmarks" / name), "--help"],
                           capture_output=True, text=True, timeout=120, check=True,
                           env={**os.environ, "PYTHONPATH": str(REPO)})
    assert "--check" in shown.stdout


def test_check_fails_exactly_when_a_goal_is_missed() -> None:
    # Timing itself is not asserted (the machine may be busy): the exit status must follow
    # the verdict the benchmark prints.
    ran = subprocess.run([sys.executable, str(REPO / "benchmarks" / "bench_engine.py"),
                          "--count", "200", "--check"],
                         capture_output=True, text=True, timeout=300, check=False,
                         env={**os.environ, "PYTHONPATH": str(REPO)})
    assert ran.returncode in (0, 1), ran.stderr
    assert "goal < 1 ms" in ran.stdout
    assert (ran.returncode == 1) == ("MISSED" in ran.stdout)
