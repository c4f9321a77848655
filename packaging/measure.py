"""Figures for the frozen app: build time, bundle size, start time frozen versus from source.

Usage (from the repository root, after building the bundle):
    .venv/bin/python packaging/measure.py [--runs 5] [--build]

--build times a fresh `pyinstaller --clean` build first (about a minute; one at a time on a
small machine). Start times are the median of --runs runs after one warm-up run, each in an
empty data folder shared by the runs, with Qt offscreen:
  --version      `waypoint --version` (frozen) beside `python -m desktop --version` (source)
  first paint    WAYPOINT_EXIT_AT_FIRST_PAINT=1: from launch to the main window's first paint
The frozen/source ratio is printed beside each pair, measured in the same run.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_PAINT_ENV = "WAYPOINT_EXIT_AT_FIRST_PAINT"


def timed_build() -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            str(ROOT / "packaging" / "waypoint.spec"),
            "--distpath",
            str(ROOT / "build" / "dist"),
            "--workpath",
            str(ROOT / "build" / "work"),
        ],
        check=True,
        cwd=ROOT,
    )
    return time.perf_counter() - started


def folder_size(folder: Path) -> int:
    """Bytes on disk under folder (like du: allocated blocks, each file once)."""
    seen: set[tuple[int, int]] = set()
    total = 0
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        stat = path.stat()
        if (stat.st_dev, stat.st_ino) in seen:
            continue
        seen.add((stat.st_dev, stat.st_ino))
        total += getattr(stat, "st_blocks", 0) * 512 or stat.st_size
    return total


def run_once(command: list[str], env: dict[str, str], cwd: Path) -> float:
    """Seconds from launch to exit; or to the printed first paint when the app prints one."""
    started_wall = time.time()
    started = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} exited {done.returncode}: {done.stderr[-800:]}")
    for line in done.stdout.splitlines():
        if line.startswith("first-paint "):
            return float(line.split()[1]) - started_wall
    return elapsed


def median_of(runs: int, once: Callable[[], float]) -> tuple[float, float]:
    once()  # warm-up: the page cache, the database file, Qt's font cache
    samples = [once() for _ in range(runs)]
    return statistics.median(samples), min(samples)


def describe(figures: tuple[float, float]) -> str:
    median, fastest = figures
    return f"median {median * 1000:6.0f} ms (min {fastest * 1000:5.0f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "build" / "dist" / "waypoint")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", action="store_true", help="also time a clean build")
    args = parser.parse_args(argv)

    if args.build:
        print(f"build (pyinstaller --clean)      {timed_build():7.1f} s")
    exe = args.bundle / ("waypoint.exe" if sys.platform == "win32" else "waypoint")
    if not exe.is_file():
        print(f"no frozen executable at {exe}; build it first (or pass --build)")
        return 1
    print(f"bundle size                      {folder_size(args.bundle) / 2**20:7.1f} MiB")

    with tempfile.TemporaryDirectory(prefix="waypoint-measure-") as scratch:
        work = Path(scratch)
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", WAYPOINT_DATA_DIR=str(work / "data"))
        paint_env = dict(env, **{FIRST_PAINT_ENV: "1"})
        source = [sys.executable, "-m", "desktop"]
        pairs = [
            ("--version", [str(exe), "--version"], [*source, "--version"], env),
            ("first paint", [str(exe)], source, paint_env),
        ]
        for label, frozen_cmd, source_cmd, run_env in pairs:
            try:
                frozen = median_of(args.runs, lambda c=frozen_cmd, e=run_env: run_once(c, e, work))
                from_source = median_of(
                    args.runs, lambda c=source_cmd, e=run_env: run_once(c, e, ROOT)
                )
            except RuntimeError as problem:
                print(f"{label}: not measured ({problem})")
                continue
            ratio = frozen[0] / from_source[0]
            print(
                f"{label:<12} frozen {describe(frozen)} | source {describe(from_source)}"
                f" | frozen/source {ratio:4.2f}"
            )
    print(f"({args.runs} runs each after one warm-up; machine load affects absolute figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
