"""Benchmark of issue 12's "columns, not objects": the forecast arrays read from the
database (``load_prepared``), the forecast on them, and ``ramme forecast --json`` as a new
process with no stored forecast for the date (wall time and peak memory).

    .venv/bin/python bench/prepared.py --var DIR [--database postgres://…] [--repeat 3]

Run ``bench/followup_stored.py`` with the same ``--var``/``--database`` first: it generates
and imports the municipality (``--population 650000``: Copenhagen size). Prints the machine
load (``uptime``) before and after. It deletes the database's stored forecasts (so that the
command computes): point it at a bench database only. Old code against new: run it with
``PYTHONPATH`` at an export of the old ``ramme`` package (``git archive main ramme``).
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path


def _setup(var: Path, database: str | None) -> None:
    os.environ["RAMME_VAR"] = str(var)
    os.environ["DATABASE_URL"] = database or f"sqlite:///{var / 'ramme.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ramme.web.settings")
    os.environ["RAMME_FORECAST_AFTER_IMPORT"] = "0"
    os.environ["RAMME_ACCURACY_AFTER_IMPORT"] = "0"
    import django

    django.setup()


def _uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def _in_process(repeat: int) -> None:
    from ramme.core.forecast import forecast
    from ramme.web.data.dataset import load_prepared
    from ramme.web.forecasts.services import year_end

    as_of = year_end.default_as_of()
    sims = year_end.default_simulations()
    for _ in range(repeat):
        start = time.perf_counter()
        prep = load_prepared()
        loaded = time.perf_counter()
        forecast(prep, as_of, simulations=sims, seed=0)
        done = time.perf_counter()
        print(
            f"  load_prepared {loaded - start:6.2f} s   forecast {done - loaded:6.2f} s   "
            f"({len(prep.measure_ids):,} measures, {len(prep.p_measure):,} price rows, "
            f"{len(prep.ledger.day):,} postings)"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  peak memory of this process {peak:,.0f} MB")


def _cli(repeat: int) -> None:
    from ramme.web.forecasts.models import StoredForecast

    ramme = str(Path(sys.executable).with_name("ramme"))
    for _ in range(repeat):
        StoredForecast.objects.all().delete()  # no stored forecast: the command computes
        command = ["/usr/bin/time", "-f", "%e %M", ramme, "forecast", "--json"]
        run = subprocess.run(command, capture_output=True, check=True, text=True)
        seconds, kilobytes = run.stderr.split()[-2:]
        print(f"  ramme forecast --json (computing) {float(seconds):6.2f} s, "
              f"peak {int(kilobytes) / 1024:,.0f} MB")  # fmt: skip
        assert run.stdout.startswith("{")
    start = time.perf_counter()
    subprocess.run([ramme, "forecast", "--json"], capture_output=True, check=True)
    print(f"  ramme forecast --json (stored)    {time.perf_counter() - start:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--var", type=Path, required=True)
    parser.add_argument("--database", default=None, help="DATABASE_URL (default SQLite)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    _setup(args.var.resolve(), args.database)
    print(f"load before: {_uptime()}")
    _cli(args.repeat)  # first: a child forked later would report this process's peak
    _in_process(args.repeat)
    print(f"load after:  {_uptime()}")


if __name__ == "__main__":
    main()
