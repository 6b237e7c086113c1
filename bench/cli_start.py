"""The ``ramme`` command's start (issue 12: ``ramme forecast --json`` ≤ 1.5 s at Copenhagen
size, of which most was the new process starting before any work).

    .venv/bin/python bench/cli_start.py [--as-of 2024-06-30] [--repeats 5]

Runs on the database the environment names (``RAMME_VAR`` / ``DATABASE_URL``, as ``ramme``
itself), which should hold imported data with the after-import task's stored forecasts
(``ramme demo --no-serve`` then ``ramme worker --batch``). Each figure is a new process:

- start: importing ``ramme.cli`` and ``django.setup()``, timed inside the process, and the
  process's wall time (the interpreter's own start included);
- ``ramme forecast --help``: the start plus the command's imports and the migration check;
- ``ramme forecast --as-of D --json``: the whole command reading the stored forecast.

Python writes no bytecode when ``PYTHONDONTWRITEBYTECODE`` is set: then ramme's own modules
(an editable install) are compiled anew in every process, about 0.3 s more.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from statistics import median

PROBE = """
import time
start = time.perf_counter()
import ramme.cli
ramme.cli._setup()
print(time.perf_counter() - start)
"""
RAMME = str(Path(sys.executable).with_name("ramme"))


def _wall(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    assert done.returncode == 0, done.stderr[-2000:]
    return seconds, done.stdout


def _row(label: str, values: list[float]) -> None:
    each = " ".join(f"{v:5.2f}" for v in values)
    print(f"  {label:<40} median {median(values):5.2f} s   ({each})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--as-of", default="2024-06-30")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"load average {load}; bytecode written: {not sys.dont_write_bytecode}")
    inside, start, helped, forecast = [], [], [], []
    for _ in range(args.repeats):  # alternating, so a load change hits every figure
        seconds, out = _wall([sys.executable, "-c", PROBE])
        start.append(seconds)
        inside.append(float(out))
        helped.append(_wall([RAMME, "forecast", "--help"])[0])
        forecast.append(_wall([RAMME, "forecast", "--as-of", args.as_of, "--json"])[0])
    print("ramme, new process each:")
    _row("start: import ramme.cli + django.setup", inside)
    _row("start as a process (Python included)", start)
    _row("ramme forecast --help", helped)
    _row(f"ramme forecast --as-of {args.as_of} --json", forecast)


if __name__ == "__main__":
    main()
