"""Benchmark the demo generator at three sizes, and optionally their import.

    .venv/bin/python bench/generate.py            # generate Ballerup, Copenhagen, Denmark
    .venv/bin/python bench/generate.py --import   # also time `ramme import` of each size
    .venv/bin/python bench/generate.py --import --max-population 650000   # skip Denmark

Prints the time and the row counts of each size; the files go to a temporary directory.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from ramme.core.money import format_number
from ramme.demo import generate

SIZES = (("Ballerup", 48_000), ("København", 650_000), ("Hele Danmark", 5_900_000))


def bench_generate(root: Path, max_population: int) -> dict[str, Path]:
    folders = {}
    for name, population in SIZES:
        if population > max_population:
            continue
        out = root / name.replace(" ", "_")
        summary = generate(out, population=population)
        counts = ", ".join(
            f"{k.removesuffix('.csv')} {format_number(v)}" for k, v in summary.counts.items()
        )
        print(
            f"{name:<13} {format_number(population):>10} indb.  {summary.seconds:7.1f} s  {counts}"
        )
        folders[name] = out
    return folders


# The child reports its own peak: RUSAGE_CHILDREN would also count the memory the forked
# child shared with this (large, generating) process before exec.
_CHILD = (
    "import resource, sys; from ramme.cli import main; rc = main(sys.argv[1:]);"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(rc)"
)


def ramme_process(args: list[str], env: dict[str, str]) -> tuple[float, float, str]:
    """Run ``ramme ARGS`` as its own process: (seconds, its peak memory in MB, "ok" or the
    tail of its error output)."""
    began = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _CHILD, *args], env=env, capture_output=True)
    seconds = time.perf_counter() - began
    tail = done.stderr.decode().strip().splitlines()
    peak = int(tail[-1]) / 1024 if tail and tail[-1].isdigit() else float("nan")
    status = "ok" if done.returncode == 0 else "\n".join(tail[-5:])
    return seconds, peak, status


def bench_import(root: Path, folders: dict[str, Path]) -> None:
    """Time ``ramme import`` of each size into its own fresh SQLite database.

    Each import runs as its own process, so the peak memory printed is that import's.
    """
    for name, folder in folders.items():
        env = {**os.environ, "RAMME_VAR": str(root / "var"),
               "DATABASE_URL": f"sqlite:///{root / (folder.name + '.sqlite3')}"}  # fmt: skip
        seconds, peak, status = ramme_process(["import", str(folder)], env)
        print(f"Import {name:<13} {seconds:7.1f} s  højeste hukommelse {peak:,.0f} MB  {status}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--import", dest="do_import", action="store_true")
    parser.add_argument("--max-population", type=int, default=10_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="ramme-bench-") as tmp:
        folders = bench_generate(Path(tmp), args.max_population)
        if args.do_import:
            bench_import(Path(tmp), folders)


if __name__ == "__main__":
    main()
